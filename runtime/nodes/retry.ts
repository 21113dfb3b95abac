import type { TurnContext } from '../core/turn-context.ts';
import { next, wait, type Step } from './behaviour.ts';

export const DEFAULT_MAX_RETRIES = 2;

/**
 * A waiting node got an answer it cannot use: up to `maxRetries` times say
 * `invalidText` and ask again (`reprompt` re-sends the node's prompt); after that,
 * leave through `invalid`.
 */
export function retryOrInvalid(ctx: TurnContext, options: {
  maxRetries: number | undefined;
  invalidText: string;
  reprompt: () => void;
  detail: string;
}): Step {
  const maxRetries = options.maxRetries ?? DEFAULT_MAX_RETRIES;
  if (ctx.session.retries >= maxRetries) return next('invalid', `${options.detail}; no retries left`);
  ctx.session.retries += 1;
  // Quoting the answer that did not fit shows the customer which message is being answered.
  ctx.send({ type: 'text', text: options.invalidText, quotesCustomer: true });
  options.reprompt();
  return wait(`${options.detail}; retry ${ctx.session.retries} of ${maxRetries}`);
}
