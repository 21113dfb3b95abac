import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { ReadWebhookResult } from '../../../runtime/whatsapp/read-webhook.ts';
import type { WebhookMessage } from '../../../runtime/whatsapp/webhook-types.ts';
import { STATUS_RANK, type InboundPayload, type InboundRow, type StatusUpdateRow } from '../../live/live-store.ts';
import { outboxIdOf } from '../../live/callback-data.ts';
import { contactAddress } from '../../../runtime/core/contact.ts';
import { nestsDeeperThan } from '../../../schema/flow-limits.ts';

/**
 * Stores every message and status of a webhook whose business number is bound to a channel, in
 * one group commit, and returns the messages not seen before (to process once the 200 is sent).
 * Other numbers, fields and malformed items are logged and skipped: Meta must still get its 200.
 */
export async function storeWebhook(app: FastifyInstance, read: ReadWebhookResult, log: FastifyBaseLogger): Promise<InboundRow[]> {
  const { store, metrics, channelOf } = app.live;
  const now = app.charla.now();
  const known = new Map<string, boolean>();
  for (const phoneNumberId of new Set([...read.messages, ...read.statuses].map((item) => item.phoneNumberId))) {
    const bound = (await channelOf(phoneNumberId)) !== undefined;
    known.set(phoneNumberId, bound);
    if (!bound) log.warn({ phoneNumberId }, 'webhook: no channel for this phone_number_id; ignored');
  }
  const isKnown = (phoneNumberId: string): boolean => known.get(phoneNumberId) === true;

  for (const ignored of read.ignored) log.info(ignored, 'webhook: item ignored');
  const rows: InboundRow[] = read.messages.filter((message) => isKnown(message.phoneNumberId)).map((message) => {
    const { name: contactName, username } = message.contact;
    const decoded: InboundPayload = {
      message: storableMessage(message.raw, log), contactName, ...(username === undefined ? {} : { username }), ...(message.echo ? { echo: true } : {}),
    };
    return {
      wamid: message.wamid, phoneNumberId: message.phoneNumberId, waId: contactAddress(message.contact),
      contactKey: message.contact.userId ?? contactAddress(message.contact), payload: JSON.stringify(decoded), receivedAt: now, decoded,
    };
  });
  const statuses: StatusUpdateRow[] = [];
  for (const status of read.statuses) {
    if (!isKnown(status.phoneNumberId)) continue;
    if (STATUS_RANK[status.status] === undefined) {
      log.info({ wamid: status.wamid, status: status.status }, 'webhook: status not tracked; ignored');
      continue;
    }
    const error = status.errors?.[0];
    statuses.push({
      wamid: status.wamid,
      phoneNumberId: status.phoneNumberId,
      outboxId: outboxIdOf(status.callbackData),
      status: status.status,
      recipientId: status.recipientId,
      timestampSeconds: Math.floor(status.timestamp / 1000),
      errorCode: typeof error?.code === 'number' ? error.code : null,
      errorTitle: error?.title ?? error?.message ?? null,
      updatedAt: now,
      ...pricingOf(status.pricing),
    });
  }
  if (rows.length === 0 && statuses.length === 0) return [];

  const fresh = await store.inbound.accept(rows, statuses);
  metrics.increment('charla_inbound_messages_total', fresh.length);
  metrics.increment('charla_inbound_duplicates_total', rows.length - fresh.length);
  metrics.increment('charla_statuses_total', statuses.length);
  return fresh;
}

/**
 * How deep one webhook item may nest (docs/security.md). Meta's messages nest a handful of levels; a
 * deeper one cannot be serialised safely (JSON.stringify overflows the stack around 10,000).
 */
export const WEBHOOK_ITEM_MAX_DEPTH = 32;

/**
 * The message as stored: as received, or, when it nests deeper than WEBHOOK_ITEM_MAX_DEPTH, recorded
 * as unsupported with its top level kept and everything below it cut (so the rest of the batch is
 * stored, and the customer still gets the bot's answer to an unsupported message).
 */
function storableMessage(raw: WebhookMessage, log: FastifyBaseLogger): WebhookMessage {
  if (!nestsDeeperThan(raw, WEBHOOK_ITEM_MAX_DEPTH)) return raw;
  log.warn({ wamid: raw.id, maxDepth: WEBHOOK_ITEM_MAX_DEPTH }, 'webhook: message nested too deep; recorded as unsupported');
  const truncated = Object.fromEntries(Object.entries(raw).map(([key, value]) => [key, typeof value === 'object' && value !== null ? '[…]' : value]));
  const { from, from_user_id, id, timestamp } = raw;
  return { from, from_user_id, id, timestamp, type: 'unsupported', truncated } as unknown as WebhookMessage;
}

/** Meta's `pricing` of a status (docs/analytics.md §2), as stored; nulls when absent or malformed. */
function pricingOf(pricing: Record<string, unknown> | undefined): Pick<StatusUpdateRow, 'pricingCategory' | 'pricingType' | 'billable'> {
  const text = (value: unknown) => (typeof value === 'string' && value.length > 0 && value.length <= 64 ? value : null);
  return {
    pricingCategory: text(pricing?.category),
    pricingType: text(pricing?.type),
    billable: typeof pricing?.billable === 'boolean' ? Number(pricing.billable) : null,
  };
}
