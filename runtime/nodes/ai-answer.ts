import { WHATSAPP_LIMITS, type NodeOf } from '../../schema/index.ts';
import type { TurnContext } from '../core/turn-context.ts';
import type { AnswerResult, CitedEntry } from '../core/types.ts';
import type { KnowledgeEntry } from '../../schema/index.ts';
import type { NodeBehaviour, Step } from './behaviour.ts';
import { next, timeoutTimers, wait } from './behaviour.ts';

/** The default `minConfidence`: an answer the answerer is less sure of takes `unknown`. */
export const DEFAULT_ANSWER_CONFIDENCE = 0.45;

/**
 * Answers the customer's question from the flow's `knowledge` only, through
 * `ports.answerFromKnowledge` (docs/flow-format.md, "Knowledge"). With `text` it asks
 * first and answers the reply; without, it answers the message that reached it.
 * Sends the answer and leaves through `answered`, naming the cited entries in the
 * trace; no knowledge, no question, a failing answerer, low confidence or a reply
 * citing no entry of this flow take `unknown` and send nothing.
 */
export const aiAnswer = {
  enter(node, ctx) {
    const question = ctx.render(node.data.text);
    if (question.trim() === '') return answer(node, ctx);
    ctx.send({ type: 'text', text: question });
    return wait();
  },
  receive: (node, _event, ctx) => answer(node, ctx),
  timers: (node) => timeoutTimers(node.data),
  readsText: true,
} satisfies NodeBehaviour<'ai_answer'>;

async function answer(node: NodeOf<'ai_answer'>, ctx: TurnContext): Promise<Step> {
  const question = ctx.session.lastText?.trim() ?? '';
  if (question === '') return next('unknown', 'no question to answer');
  const knowledge = ctx.flow.knowledge ?? [];
  if (knowledge.length === 0) return next('unknown', 'the flow has no knowledge');
  const { minConfidence = DEFAULT_ANSWER_CONFIDENCE, variable } = node.data;
  let result;
  try {
    result = await ctx.ports.answerFromKnowledge({
      question,
      knowledge,
      ...(ctx.flow.language === undefined ? {} : { language: ctx.flow.language }),
    });
  } catch (error) {
    return next('unknown', ctx.redact(`answerer failed: ${error instanceof Error ? error.message : String(error)}`));
  }
  const { reply, cited, detail } = judgeAnswer(result, knowledge, minConfidence);
  if (reply === null) return next('unknown', detail);
  // Sent as written, never rendered as a template; a secret a model could only have guessed is masked all the same.
  const text = ctx.redact(reply).slice(0, WHATSAPP_LIMITS.textBody);
  ctx.send({ type: 'text', text });
  if (variable !== undefined) ctx.session.variables[variable] = text;
  return { type: 'next', output: 'answered', detail, cited, citedMessage: ctx.messages.length - 1 };
}

/** What the node makes of an answerer's result: the reply to send (null: `unknown`), the entries it cites, a trace line. */
export interface JudgedAnswer {
  reply: string | null;
  cited: CitedEntry[];
  detail: string;
}

/**
 * Keeps an answer only when it is not empty, cites at least one entry of `knowledge` and is at
 * least `minConfidence` sure: the node, the editor's "try a question" and `charla eval` all judge so.
 * @example judgeAnswer({ answer: 'Abrimos a las 8.', entryIds: ['horarios'], confidence: 0.9, source: 'offline' }, knowledge, 0.5).reply // 'Abrimos a las 8.'
 */
export function judgeAnswer(result: AnswerResult, knowledge: readonly KnowledgeEntry[], minConfidence: number): JudgedAnswer {
  const cited: CitedEntry[] = knowledge.filter((entry) => result.entryIds.includes(entry.id)).map(({ id, title }) => ({ id, title }));
  const detail = `${cited.length === 0 ? 'no entry' : `entry ${cited.map((entry) => entry.id).join(', ')}`}, confidence ${result.confidence.toFixed(2)} (${result.source})`;
  const reply = result.answer?.trim() ?? '';
  const kept = reply !== '' && cited.length > 0 && result.confidence >= minConfidence;
  return { reply: kept ? reply : null, cited: kept ? cited : [], detail };
}
