import type { KnowledgeEntry } from '../../schema/index.ts';
import type { AnswerRequest, AnswerResult } from '../core/types.ts';
import { judgeAnswer } from '../nodes/ai-answer.ts';

/** One question of an evaluation set: the entry that answers it, or null when the bot must refuse. */
export interface KnowledgeQuestion {
  question: string;
  expected: string | null;
  class: 'answerable' | 'off_topic';
}

/** What happened to one question, as the ai_answer node would take it. */
export type KnowledgeOutcome = 'right_entry' | 'wrong_entry' | 'refused' | 'answered_off_topic';

export interface KnowledgeAccuracy {
  answerable: { total: number; rightEntry: number; wrongEntry: number; refused: number };
  offTopic: { total: number; refused: number; answered: number };
  /** Every question not handled right, with what came out. */
  misses: Array<{ question: string; expected: string | null; got: string | null; confidence: number; outcome: KnowledgeOutcome }>;
}

/**
 * Runs a question set through an answerer and counts, per class, the right entry, a wrong entry
 * or a refusal (answerable questions) and refusals or answers (off-topic ones). An answer under
 * `minConfidence`, or citing none of the knowledge, is a refusal, as the node takes it.
 * @example (await measureKnowledgeAccuracy(answerOffline, flow.knowledge, questions)).answerable.rightEntry
 */
export async function measureKnowledgeAccuracy(
  answer: (request: AnswerRequest) => AnswerResult | Promise<AnswerResult>,
  knowledge: KnowledgeEntry[],
  questions: KnowledgeQuestion[],
  minConfidence: number,
  language?: string,
): Promise<KnowledgeAccuracy> {
  const accuracy: KnowledgeAccuracy = {
    answerable: { total: 0, rightEntry: 0, wrongEntry: 0, refused: 0 },
    offTopic: { total: 0, refused: 0, answered: 0 },
    misses: [],
  };
  for (const item of questions) {
    const result = await answer({ question: item.question, knowledge, ...(language === undefined ? {} : { language }) });
    const cited = judgeAnswer(result, knowledge, minConfidence).cited.map((entry) => entry.id);
    const got = cited[0] ?? null;
    const outcome = outcomeOf(item, got, cited);
    if (item.class === 'off_topic') {
      accuracy.offTopic.total++;
      accuracy.offTopic[outcome === 'refused' ? 'refused' : 'answered']++;
    } else {
      accuracy.answerable.total++;
      accuracy.answerable[outcome === 'right_entry' ? 'rightEntry' : outcome === 'refused' ? 'refused' : 'wrongEntry']++;
    }
    if (outcome !== 'right_entry' && !(item.class === 'off_topic' && outcome === 'refused')) {
      accuracy.misses.push({ question: item.question, expected: item.expected, got, confidence: result.confidence, outcome });
    }
  }
  return accuracy;
}

function outcomeOf(item: KnowledgeQuestion, got: string | null, cited: string[]): KnowledgeOutcome {
  if (got === null) return 'refused';
  if (item.class === 'off_topic') return 'answered_off_topic';
  return item.expected !== null && cited.includes(item.expected) ? 'right_entry' : 'wrong_entry';
}
