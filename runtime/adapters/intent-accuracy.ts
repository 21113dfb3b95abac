import type { IntentRequest } from '../core/types.ts';
import { classifyOffline } from './intent-offline.ts';

export interface IntentAccuracy {
  total: number;
  correct: number;
  /** correct / total */
  accuracy: number;
  /** The messages classified wrong: what was expected and what came out. */
  misses: Array<{ text: string; expected: string; got: string; confidence: number }>;
}

/**
 * How often the offline classifier picks the labelled intent, counting a pick
 * under `minConfidence` as "fallback", as the ai_intent node does.
 * @example measureIntentAccuracy(node.data.intents, loadIntentSet('soporte')).accuracy // 0.9
 */
export function measureIntentAccuracy(
  intents: IntentRequest['intents'],
  labelled: Array<{ text: string; intent: string }>,
  minConfidence = 0.6,
): IntentAccuracy {
  const misses: IntentAccuracy['misses'] = [];
  for (const { text, intent } of labelled) {
    const result = classifyOffline({ text, intents });
    const got = result.intent !== null && result.confidence >= minConfidence ? result.intent : 'fallback';
    if (got !== intent) misses.push({ text, expected: intent, got, confidence: result.confidence });
  }
  const correct = labelled.length - misses.length;
  return { total: labelled.length, correct, accuracy: labelled.length === 0 ? 0 : correct / labelled.length, misses };
}
