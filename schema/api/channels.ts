import { Type, type Static } from '@sinclair/typebox';
import { ID_PATTERN } from '../common.ts';
import { BEARER } from './common.ts';
import { CHECKED_INPUT, JSON_BODY, META_FLOWS, SIGNED_IN, errorResponses } from './errors.ts';
import { apiRoute } from './route.ts';

/** Binding WhatsApp business numbers to flows, and fixing channels the Graph API refused (admin). */

const Secret = Type.String({ minLength: 1, maxLength: 4096 });

export const ChannelBinding = Type.Object({
  flowId: Type.String({ pattern: ID_PATTERN }),
  accessToken: Type.Optional(Secret),
  appSecret: Type.Optional(Secret),
  verifyToken: Type.Optional(Secret),
  /** The WhatsApp Business Account id: where the number's Meta Flows and message templates live. */
  wabaId: Type.Optional(Type.String({ pattern: '^[0-9]{1,32}$' })),
}, { additionalProperties: false });
export type ChannelBinding = Static<typeof ChannelBinding>;

/** Secrets are write-only: responses say whether each is set, never what it is. */
export const ChannelSummary = Type.Object({
  phoneNumberId: Type.String(),
  flowId: Type.String(),
  hasAccessToken: Type.Boolean(),
  hasAppSecret: Type.Boolean(),
  hasVerifyToken: Type.Boolean(),
  wabaId: Type.Union([Type.String(), Type.Null()]),
  /** `paused`: the Graph API refused the channel itself; its messages are held until it resumes. */
  state: Type.Union([Type.Literal('active'), Type.Literal('paused')]),
  /** The error that paused it (Graph code, Meta's message, since when), for the admin to fix. */
  pause: Type.Union([
    Type.Object({ code: Type.Union([Type.Integer(), Type.Null()]), reason: Type.String(), since: Type.Integer() }),
    Type.Null(),
  ]),
  updatedAt: Type.Integer(),
});
export type ChannelSummary = Static<typeof ChannelSummary>;

/** A channel and its health: when Meta last called, the last send error, whether its token is missing or refused. */
export const Channel = Type.Intersect([ChannelSummary, Type.Object({
  lastWebhookAt: Type.Union([Type.Integer(), Type.Null()]),
  lastSendError: Type.Union([Type.Object({ at: Type.Integer(), code: Type.Union([Type.Integer(), Type.Null()]), message: Type.String() }), Type.Null()]),
  tokenProblem: Type.Union([Type.Literal('missing'), Type.Literal('refused'), Type.Null()]),
})]);
export type Channel = Static<typeof Channel>;

const ChannelParams = Type.Object({ phoneNumberId: Type.String({ pattern: '^[0-9]{1,32}$' }) });

const tags = ['channels'];

export const bindChannel = apiRoute({
  method: 'PUT',
  url: '/api/channels/whatsapp/:phoneNumberId',
  schema: {
    summary: 'Bind a WhatsApp business number to a published flow, with its secrets', tags, security: BEARER,
    params: ChannelParams,
    body: ChannelBinding,
    response: {
      200: ChannelSummary,
      ...errorResponses(...SIGNED_IN, ...JSON_BODY, 'flow_not_found', 'flow_not_published', 'channel_access_token_missing', ...META_FLOWS),
    },
  },
});

export const resumeChannel = apiRoute({
  method: 'POST',
  url: '/api/channels/whatsapp/:phoneNumberId/resume',
  schema: {
    summary: 'Resume a paused channel: its held messages are sent', tags, security: BEARER,
    description: 'For pauses a new token does not fix (368, 131031: the account was restricted, then cleared in Meta\'s manager).',
    params: ChannelParams,
    response: { 200: ChannelSummary, ...errorResponses(...SIGNED_IN, ...CHECKED_INPUT, 'channel_not_found') },
  },
});

export const listChannels = apiRoute({
  method: 'GET',
  url: '/api/channels',
  schema: {
    summary: 'The bound numbers and their health (never their secrets); every role may read them', tags, security: BEARER,
    response: { 200: Type.Array(Channel), ...errorResponses(...SIGNED_IN) },
  },
});
