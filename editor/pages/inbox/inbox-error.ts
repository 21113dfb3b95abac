import { isApiError } from '../../api/api-error.ts';
import type { InboxTranslate } from './message-summary.ts';
import type { InboxText } from './messages.ts';

/** The server's refusals an agent can meet here, said in the page's language. */
const KNOWN: Record<string, keyof InboxText> = {
  outside_customer_service_window: 'windowClosed',
  conversation_not_in_handoff: 'notWaiting',
  conversation_not_found: 'notFound',
  network_error: 'offline',
};

/**
 * A failed inbox call as the agent should read it; an error this page does not know keeps the
 * server's own message.
 * @example inboxError(new ApiError(409, 'conversation_not_in_handoff', '…'), t) // 'Esta conversación ya no espera a una persona…'
 */
export function inboxError(error: unknown, t: InboxTranslate): string {
  const key = isApiError(error) ? KNOWN[error.code] : undefined;
  if (key) return t(key);
  return error instanceof Error ? error.message : String(error);
}
