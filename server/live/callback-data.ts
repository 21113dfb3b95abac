/**
 * The `biz_opaque_callback_data` Charla puts on every send: it names the outbox row, and Meta
 * echoes it on that message's status webhooks, so a status can be matched to its row even when
 * the send's HTTP answer (with the wamid) never came back.
 */
const PREFIX = 'charla.outbox.';

/** @example outboxCallbackData(42) // 'charla.outbox.42' */
export function outboxCallbackData(outboxId: number): string {
  return `${PREFIX}${outboxId}`;
}

/** The outbox row a status's callback data names, or null when it names none. */
export function outboxIdOf(callbackData: string | undefined): number | null {
  if (callbackData === undefined || !callbackData.startsWith(PREFIX)) return null;
  const id = callbackData.slice(PREFIX.length);
  return /^[1-9]\d{0,15}$/.test(id) ? Number(id) : null;
}

/** The Graph API body as sent: the stored one with the callback data naming its outbox row. */
export function withCallbackData(body: string, outboxId: number): string {
  return JSON.stringify({ ...(JSON.parse(body) as Record<string, unknown>), biz_opaque_callback_data: outboxCallbackData(outboxId) });
}
