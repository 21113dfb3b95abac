import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { splitIntoKnowledge, type FlowDocument, type KnowledgeEntry } from '../../schema/index.ts';
import { createRuntimePorts, measureIntentAccuracy, RuntimeConfigError, runtimeConfigFromEnv } from '../../runtime/adapters/index.ts';
import { measureKnowledgeAccuracy, type KnowledgeAccuracy, type KnowledgeQuestion } from '../../runtime/adapters/knowledge-accuracy.ts';
import { DEFAULT_ANSWER_CONFIDENCE } from '../../runtime/nodes/ai-answer.ts';
import { DEFAULT_MIN_CONFIDENCE } from '../../runtime/nodes/ai-intent.ts';
import type { IntentRequest } from '../../runtime/core/types.ts';

const USAGE = 'usage: npm run -s charla -- eval [--json] [--min-confidence N] FLOW.json|KNOWLEDGE.md|INTENTS.json QUESTIONS.json';

/**
 * `charla eval SOURCE QUESTIONS`: measures how a flow answers a question set.
 * Questions `{ question, expected, class }` run against the knowledge (a flow's `knowledge`, or a
 * Markdown or text file split as the editor imports it) through the answerer the environment
 * configures (offline without OPENAI_API_KEY), and print per class: right entry, wrong entry and
 * refusals of answerable questions, refusals of off-topic ones. Labelled messages `{ text, intent }`
 * run through the offline intent classifier against a flow's first ai_intent node, or an intents
 * file (`[{ id, description, examples }]` or `{ intents: [...] }`). Exits 0, or 2 on bad input.
 */
export default async function evaluate(args: string[]): Promise<number> {
  const options = parseArguments(args);
  if (typeof options === 'string') return fail(options);
  let source: Source;
  let questions: unknown;
  try {
    source = await readSource(options.source);
    questions = JSON.parse(await readFile(options.questions, 'utf8'));
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
  if (!Array.isArray(questions) || questions.length === 0) return fail(`${options.questions}: expected a non-empty JSON array`);
  if (questions.every(isKnowledgeQuestion)) {
    if (source.knowledge.length === 0) return fail(`${options.source}: no knowledge to answer from`);
    let ports;
    try {
      ports = createRuntimePorts(runtimeConfigFromEnv(process.env));
    } catch (error) {
      if (error instanceof RuntimeConfigError) return fail(error.message);
      throw error;
    }
    const minConfidence = options.minConfidence ?? source.answerConfidence ?? DEFAULT_ANSWER_CONFIDENCE;
    const accuracy = await measureKnowledgeAccuracy(ports.answerFromKnowledge, source.knowledge, questions, minConfidence, source.language);
    if (options.json) console.log(JSON.stringify({ minConfidence, ...accuracy }, null, 2));
    else printKnowledge(`${basename(options.source)}: ${source.knowledge.length} entries, minConfidence ${minConfidence}`, accuracy);
    return 0;
  }
  if (questions.every(isLabelledMessage)) {
    if (source.intents === undefined) return fail(`${options.source}: no intents (a flow with an ai_intent node, or an intents file)`);
    const minConfidence = options.minConfidence ?? source.intentConfidence ?? DEFAULT_MIN_CONFIDENCE;
    const accuracy = measureIntentAccuracy(source.intents, questions, minConfidence);
    if (options.json) console.log(JSON.stringify({ minConfidence, ...accuracy }, null, 2));
    else {
      console.log(`${basename(options.source)}: ${source.intents.length} intents, offline classifier, minConfidence ${minConfidence}`);
      console.log(`right intent ${share(accuracy.correct, accuracy.total)}`);
      for (const miss of accuracy.misses) console.log(`  miss: ${JSON.stringify(miss.text)} expected ${miss.expected}, got ${miss.got} (${miss.confidence})`);
    }
    return 0;
  }
  return fail(`${options.questions}: each item must be { question, expected, class } or { text, intent }`);
}

interface Source {
  knowledge: KnowledgeEntry[];
  intents?: IntentRequest['intents'];
  answerConfidence?: number;
  intentConfidence?: number;
  language?: string;
}

async function readSource(file: string): Promise<Source> {
  const text = await readFile(file, 'utf8');
  if (extname(file) !== '.json') return { knowledge: splitIntoKnowledge(text, basename(file)) };
  const parsed = JSON.parse(text) as unknown;
  if (Array.isArray(parsed)) return { knowledge: [], intents: parsed as IntentRequest['intents'] };
  const document = parsed as Partial<FlowDocument> & { intents?: IntentRequest['intents'] };
  if (document.nodes === undefined) return { knowledge: [], ...(document.intents ? { intents: document.intents } : {}) };
  const answerer = document.nodes.find((node) => node.type === 'ai_answer');
  const classifier = document.nodes.find((node) => node.type === 'ai_intent');
  return {
    knowledge: document.knowledge ?? [],
    ...(classifier?.type === 'ai_intent' ? { intents: classifier.data.intents, intentConfidence: classifier.data.minConfidence } : {}),
    ...(answerer?.type === 'ai_answer' && answerer.data.minConfidence !== undefined ? { answerConfidence: answerer.data.minConfidence } : {}),
    ...(document.language === undefined ? {} : { language: document.language }),
  };
}

function printKnowledge(heading: string, accuracy: KnowledgeAccuracy): void {
  const { answerable, offTopic } = accuracy;
  console.log(heading);
  console.log(`answerable ${answerable.total}: right entry ${share(answerable.rightEntry, answerable.total)}, wrong entry ${share(answerable.wrongEntry, answerable.total)}, refused ${share(answerable.refused, answerable.total)}`);
  console.log(`off_topic ${offTopic.total}: refused ${share(offTopic.refused, offTopic.total)}, answered (wrong) ${share(offTopic.answered, offTopic.total)}`);
  for (const miss of accuracy.misses) {
    console.log(`  ${miss.outcome}: ${JSON.stringify(miss.question)} expected ${miss.expected ?? 'refusal'}, got ${miss.got ?? 'refusal'} (${miss.confidence})`);
  }
}

function share(count: number, total: number): string {
  return `${count} (${total === 0 ? '0.0' : ((100 * count) / total).toFixed(1)}%)`;
}

function isKnowledgeQuestion(item: unknown): item is KnowledgeQuestion {
  const candidate = item as Partial<KnowledgeQuestion> | null;
  return typeof candidate?.question === 'string' && (candidate.class === 'answerable' || candidate.class === 'off_topic')
    && (typeof candidate.expected === 'string' || candidate.expected === null);
}

function isLabelledMessage(item: unknown): item is { text: string; intent: string } {
  const candidate = item as { text?: unknown; intent?: unknown } | null;
  return typeof candidate?.text === 'string' && typeof candidate.intent === 'string';
}

function parseArguments(args: string[]): { json: boolean; minConfidence?: number; source: string; questions: string } | string {
  let json = false;
  let minConfidence: number | undefined;
  const files: string[] = [];
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    if (arg === '--json') json = true;
    else if (arg === '--min-confidence') {
      minConfidence = Number(args[++index]);
      if (!(minConfidence >= 0 && minConfidence <= 1)) return '--min-confidence takes a number from 0 to 1';
    } else if (arg.startsWith('--')) return `unknown option ${arg}`;
    else files.push(arg);
  }
  if (files.length !== 2) return 'give the knowledge (or intents) source and the question set';
  return { json, ...(minConfidence === undefined ? {} : { minConfidence }), source: files[0]!, questions: files[1]! };
}

function fail(message: string): number {
  console.error(`charla eval: ${message}\n${USAGE}`);
  return 2;
}
