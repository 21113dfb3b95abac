import { Type } from '@sinclair/typebox';
import { AnyObject } from './common.ts';
import { errorResponses } from './errors.ts';
import { apiRoute } from './route.ts';

/** What Meta calls: the webhook's verification and its events (docs/whatsapp.md §1). Never the editor. */

const tags = ['webhooks'];

export const verifyWebhook = apiRoute({
  method: 'GET',
  url: '/webhooks/whatsapp',
  schema: {
    summary: "Meta's verification of the callback URL: answers hub.challenge when hub.verify_token is a configured one", tags,
    querystring: Type.Object({
      'hub.mode': Type.Optional(Type.String()),
      'hub.verify_token': Type.Optional(Type.String()),
      'hub.challenge': Type.Optional(Type.String()),
    }),
    response: { 200: Type.String({ description: 'hub.challenge, as text/plain' }), ...errorResponses('bad_request', 'verification_failed') },
  },
});

export const receiveWebhook = apiRoute({
  method: 'POST',
  url: '/webhooks/whatsapp',
  schema: {
    summary: 'WhatsApp events: every message and status is stored, answered 200, then processed', tags,
    description: 'Checked against X-Hub-Signature-256 over the raw bytes before it is parsed, so this schema describes the body '
      + 'without validating it (a body that is not a webhook is a 400 not_a_webhook).',
    body: Type.Object({ object: Type.Optional(Type.String()), entry: Type.Array(AnyObject) }, { additionalProperties: true }),
    response: {
      200: Type.String({ description: '`EVENT_RECEIVED`, as text/plain' }),
      ...errorResponses('invalid_signature', 'malformed_json', 'not_a_webhook', 'payload_too_large', 'unsupported_media_type'),
    },
  },
});
