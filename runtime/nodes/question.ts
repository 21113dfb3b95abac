import type { NodeBehaviour } from './behaviour.ts';
import { next, timeoutTimers, wait } from './behaviour.ts';
import { eventText } from '../core/event-text.ts';
import { parseAnswer } from './parse-answer.ts';
import { retryOrInvalid } from './retry.ts';

/** Asks, waits, validates the answer by `input` and stores the normalised value. */
export const question = {
  enter(node, ctx) {
    ctx.send({ type: 'text', text: ctx.render(node.data.text) });
    return wait();
  },
  receive(node, event, ctx) {
    const text = eventText(event);
    const parsed = text === undefined ? { ok: false as const, reason: `a ${event.type} is not a text answer` } : parseAnswer(node.data, text, ctx);
    if (parsed.ok) {
      ctx.session.variables[node.data.variable] = parsed.value;
      return next('next', `${node.data.input} answer stored in ${node.data.variable}`);
    }
    return retryOrInvalid(ctx, {
      maxRetries: node.data.maxRetries,
      invalidText: ctx.render(node.data.invalidText) || (!parsed.ok && parsed.hint) || ctx.texts.questionInvalid[node.data.input],
      reprompt: () => ctx.send({ type: 'text', text: ctx.render(node.data.text) }),
      detail: parsed.reason,
    });
  },
  timers: (node) => timeoutTimers(node.data),
  readsText: true,
} satisfies NodeBehaviour<'question'>;
