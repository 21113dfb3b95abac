import { Type, type Static } from '@sinclair/typebox';
import { AnyObject, BEARER } from './common.ts';
import { CHECKED_INPUT, SIGNED_IN, errorResponses } from './errors.ts';
import { apiRoute } from './route.ts';

/** The WhatsApp message templates of the bound numbers' business accounts, as Meta last listed them. */

const WabaId = Type.String({ pattern: '^[0-9]{1,32}$' });

/** A template as `GET /{WABA-ID}/message_templates` lists it (`components` in Meta's shape), with when Charla read it. */
export const TemplateSummary = Type.Object({
  wabaId: Type.String(),
  name: Type.String(),
  language: Type.String(),
  category: Type.String(),
  status: Type.String(),
  components: Type.Array(AnyObject),
  fetchedAt: Type.Integer(),
});
export type TemplateSummary = Static<typeof TemplateSummary>;

/** One business account's sync: how many templates Meta listed, or why they could not be read. */
export const TemplateSyncResult = Type.Object({
  wabaId: Type.String(),
  templates: Type.Integer(),
  error: Type.Optional(Type.String()),
});

const tags = ['templates'];

export const listTemplates = apiRoute({
  method: 'GET',
  url: '/api/templates',
  schema: {
    summary: 'The message templates Charla last read from Meta, per WhatsApp Business Account', tags, security: BEARER,
    querystring: Type.Object({ wabaId: Type.Optional(WabaId) }, { additionalProperties: false }),
    response: { 200: Type.Array(TemplateSummary), ...errorResponses(...SIGNED_IN, ...CHECKED_INPUT) },
  },
});

export const syncTemplates = apiRoute({
  method: 'POST',
  url: '/api/templates/sync',
  schema: {
    summary: 'Read the templates of every bound number\'s WhatsApp Business Account from Meta now', tags, security: BEARER,
    description: 'The server also does it periodically (CHARLA_TEMPLATE_SYNC_MINUTES). One account\'s failure is in its result; the others go on.',
    response: {
      200: Type.Object({ results: Type.Array(TemplateSyncResult), templates: Type.Array(TemplateSummary) }),
      ...errorResponses(...SIGNED_IN),
    },
  },
});
