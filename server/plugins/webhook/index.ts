import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { receiveWebhook, verifyWebhook } from '../../../schema/api/webhooks.ts';
import { readWebhook } from '../../../runtime/whatsapp/read-webhook.ts';
import { sameTokenSecret } from '../../auth/token-secret.ts';
import { AppError } from '../../errors.ts';
import { lazyChildLoggerFactory } from './lazy-child-logger.ts';
import { hasValidSignature } from './signature.ts';
import { storeWebhook } from './store-webhook.ts';

/** Meta sends up to 3 MB per webhook (docs/whatsapp.md §1); more is refused with 413 before parsing. */
export const WEBHOOK_BODY_LIMIT = 3 * 1024 * 1024;

/**
 * GET /webhooks/whatsapp (Meta's verification) and POST /webhooks/whatsapp (events). A POST is
 * checked against X-Hub-Signature-256 over the raw bytes, then every message and status is stored
 * in one (group) commit, then answered 200, then processed.
 */
export const webhookPlugin: FastifyPluginAsyncTypebox = async (app) => {
  const { channels, config } = app.charla;
  // Scoped to this plugin: a request's child logger is built only if the request writes a line.
  app.setChildLoggerFactory(lazyChildLoggerFactory);

  // Scoped to this plugin: keep the raw bytes, which the signature covers.
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer', bodyLimit: WEBHOOK_BODY_LIMIT },
    (_request, body, done) => done(null, body));

  app.route({
    ...verifyWebhook,
    handler: async (request, reply) => {
      const { 'hub.mode': mode, 'hub.verify_token': token, 'hub.challenge': challenge } = request.query;
      if (mode !== 'subscribe' || token === undefined || !(await channels.verifyTokens()).some((known) => sameTokenSecret(known, token))) {
        throw new AppError('verification_failed');
      }
      return reply.type('text/plain').send(challenge ?? '');
    },
  });

  /** A body naming no number (or unparseable) is checked against the default secret alone. */
  async function signedForEveryNumber(raw: Buffer, header: string | string[] | undefined, phoneNumberIds: string[]): Promise<boolean> {
    const secrets = new Set(phoneNumberIds.length === 0
      ? [config.whatsapp.appSecret]
      : await Promise.all(phoneNumberIds.map(async (id) => (await app.live.channelOf(id))?.appSecret ?? config.whatsapp.appSecret)));
    for (const secret of secrets) {
      if (secret === undefined) {
        app.log.warn('webhook refused: no app secret (channel appSecret or WHATSAPP_APP_SECRET)');
        return false;
      }
      if (!hasValidSignature(raw, header, secret)) return false;
    }
    return true;
  }

  app.route({
    ...receiveWebhook,
    bodyLimit: WEBHOOK_BODY_LIMIT,
    // The body is the raw bytes until the signature over them is checked; the schema describes it for the
    // OpenAPI document, and the handler checks it (not_a_webhook) once it is trusted and parsed.
    validatorCompiler: () => () => true,
    handler: async (request, reply) => {
      const { metrics } = app.live;
      const raw = request.body as unknown as Buffer; // this plugin's content-type parser keeps the bytes
      const parsed = parseJson(raw);
      // Every business number the body names must accept the signature with its own secret (the
      // channel's, else the default): a secret for one number never vouches for another's messages.
      if (!(await signedForEveryNumber(raw, request.headers['x-hub-signature-256'], parsed.ok ? mentionedPhoneNumberIds(parsed.value) : []))) {
        metrics.increment('charla_webhooks_rejected_total');
        throw new AppError('invalid_signature');
      }
      if (!parsed.ok) {
        metrics.increment('charla_webhooks_rejected_total');
        throw new AppError('malformed_json', `The webhook body is not valid JSON: ${parsed.error}`);
      }
      if (!isWebhookBody(parsed.value)) {
        metrics.increment('charla_webhooks_rejected_total');
        throw new AppError('not_a_webhook');
      }
      metrics.increment('charla_webhooks_received_total');
      const stored = await storeWebhook(app, readWebhook(parsed.value), request.log);
      reply.code(200).type('text/plain').send('EVENT_RECEIVED');
      app.live.processor.accept(stored);
      return reply;
    },
  });
};

function parseJson(raw: Buffer): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: JSON.parse(raw.toString('utf8')) };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
}

function isWebhookBody(value: unknown): value is { entry: unknown[] } {
  return typeof value === 'object' && value !== null && Array.isArray((value as { entry?: unknown }).entry);
}

/** Every `metadata.phone_number_id` in the body's changes, whatever their field, once each. */
function mentionedPhoneNumberIds(value: unknown): string[] {
  if (!isWebhookBody(value)) return [];
  const ids = new Set<string>();
  for (const entry of value.entry) {
    const changes = (entry as { changes?: unknown } | null)?.changes;
    if (!Array.isArray(changes)) continue;
    for (const change of changes) {
      const id = (change as { value?: { metadata?: { phone_number_id?: unknown } } } | null)?.value?.metadata?.phone_number_id;
      if (typeof id === 'string') ids.add(id);
    }
  }
  return [...ids];
}
