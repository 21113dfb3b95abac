import type { FastifyBaseLogger } from 'fastify';
import { request } from 'undici';
import type { LiveMetrics } from './metrics.ts';

/** What an existing inbox (Chatwoot, Zendesk, a CRM) receives when a conversation waits for a person. */
export interface HandoffNotice {
  event: 'handoff_started';
  conversationId: number;
  phoneNumberId: string;
  waId: string;
  contactName: string | null;
  flowId: string;
  flowVersion: number;
  nodeId: string;
  queue?: string;
  note?: string;
  at: number;
}

const TIMEOUT_MS = 5_000;

/**
 * POSTs a HandoffNotice as JSON to CHARLA_HANDOFF_WEBHOOK_URL, once, after the turn is stored.
 * A failed notice is logged, never retried: the conversation is still listed by GET /api/conversations.
 * @example await notifier.notify(notice); // no-op without a URL
 */
export function createHandoffNotifier(url: string | undefined, metrics: LiveMetrics, log: FastifyBaseLogger) {
  return {
    async notify(notice: HandoffNotice): Promise<void> {
      if (url === undefined) return;
      try {
        const response = await request(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(notice),
          headersTimeout: TIMEOUT_MS,
          bodyTimeout: TIMEOUT_MS,
        });
        await response.body.dump();
        if (response.statusCode >= 300) throw new Error(`HTTP ${response.statusCode}`);
        metrics.increment('charla_handoff_notifications_total');
      } catch (error) {
        log.warn({ conversationId: notice.conversationId, error: (error as Error).message }, 'handoff notification failed');
      }
    },
  };
}

export type HandoffNotifier = ReturnType<typeof createHandoffNotifier>;
