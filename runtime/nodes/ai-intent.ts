import type { NodeOf } from '../../schema/index.ts';
import type { TurnContext } from '../core/turn-context.ts';
import type { NodeBehaviour, Step } from './behaviour.ts';
import { next, timeoutTimers, wait } from './behaviour.ts';

export const DEFAULT_MIN_CONFIDENCE = 0.6;

/**
 * Picks one of the node's intents for the user's text through `ports.classifyIntent`.
 * With `text` it asks first and classifies the answer; without, it classifies the
 * message that reached it. Low confidence, an unknown intent or a failing classifier
 * take `fallback`. Never sends generated text.
 */
export const aiIntent = {
  enter(node, ctx) {
    const question = ctx.render(node.data.text);
    if (question.trim() === '') return classify(node, ctx);
    ctx.send({ type: 'text', text: question });
    return wait();
  },
  receive: (node, _event, ctx) => classify(node, ctx),
  timers: (node) => timeoutTimers(node.data),
  readsText: true,
} satisfies NodeBehaviour<'ai_intent'>;

async function classify(node: NodeOf<'ai_intent'>, ctx: TurnContext): Promise<Step> {
  const text = ctx.session.lastText?.trim() ?? '';
  if (text === '') return next('fallback', 'no text to classify');
  const { intents, minConfidence = DEFAULT_MIN_CONFIDENCE, variable } = node.data;
  let result;
  try {
    result = await ctx.ports.classifyIntent({
      text,
      intents: intents.map(({ id, description, examples }) => ({ id, description, examples })),
      ...(ctx.flow.language === undefined ? {} : { language: ctx.flow.language }),
    });
  } catch (error) {
    return next('fallback', ctx.redact(`classifier failed: ${error instanceof Error ? error.message : String(error)}`));
  }
  const described = `intent ${result.intent ?? 'none'}, confidence ${result.confidence.toFixed(2)} (${result.source})`;
  const known = result.intent !== null && intents.some((intent) => intent.id === result.intent);
  if (!known || result.confidence < minConfidence) return next('fallback', described);
  if (variable !== undefined) ctx.session.variables[variable] = result.intent;
  return next(result.intent!, described);
}
