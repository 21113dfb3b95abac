import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { permissions, requireRole } from '../../auth/index.ts';
import { channelHealthReader } from '../../channels/health.ts';
import { AppError } from '../../errors.ts';
import { ID_PATTERN } from '../../../schema/index.ts';

const Secret = Type.String({ minLength: 1, maxLength: 4096 });
const ChannelParams = Type.Object({ phoneNumberId: Type.String({ pattern: '^[0-9]{1,32}$' }) });
const ChannelBody = Type.Object({
  flowId: Type.String({ pattern: ID_PATTERN }),
  accessToken: Type.Optional(Secret),
  appSecret: Type.Optional(Secret),
  verifyToken: Type.Optional(Secret),
  /** The WhatsApp Business Account id: where the number's Meta Flows and message templates live. */
  wabaId: Type.Optional(Type.String({ pattern: '^[0-9]{1,32}$' })),
}, { additionalProperties: false });
// Secrets are write-only: responses say whether each is set, never what it is.
const ChannelSummary = Type.Object({
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
const ChannelWithHealth = Type.Intersect([ChannelSummary, Type.Object({
  lastWebhookAt: Type.Union([Type.Integer(), Type.Null()]),
  lastSendError: Type.Union([Type.Object({ at: Type.Integer(), code: Type.Union([Type.Integer(), Type.Null()]), message: Type.String() }), Type.Null()]),
  tokenProblem: Type.Union([Type.Literal('missing'), Type.Literal('refused'), Type.Null()]),
})]);

/** Binding WhatsApp business numbers to flows, and fixing channels the Graph API refused (admin). */
export async function channelsPlugin(app: FastifyInstance): Promise<void> {
  const { channels, flows, now } = app.charla;
  const health = channelHealthReader(app.charla.sqlite);

  app.put<{ Params: Static<typeof ChannelParams>; Body: Static<typeof ChannelBody> }>(
    '/api/channels/whatsapp/:phoneNumberId', {
      preHandler: requireRole(permissions.manageChannels),
      schema: { params: ChannelParams, body: ChannelBody, response: { 200: ChannelSummary } },
    }, async (request) => {
      const { flowId, ...settings } = request.body;
      const flow = flows.requireFlow(flowId);
      if (flow.liveVersion === null) {
        throw new AppError('flow_not_published', `Publish "${flowId}" before binding a number to it: the number serves its live version`);
      }
      // Without a token every reply would wait in the outbox: refuse the binding instead of failing later.
      const { phoneNumberId } = request.params;
      if (!settings.accessToken && !channels.resolve(phoneNumberId)?.accessToken && !app.charla.config.whatsapp.accessToken) {
        throw new AppError('channel_access_token_missing', `Number ${phoneNumberId} would have no access token to reply with: send accessToken or set WHATSAPP_ACCESS_TOKEN`);
      }
      const wasPaused = channels.summary(phoneNumberId)?.state === 'paused';
      const summary = channels.upsert(phoneNumberId, flowId, settings, now());
      request.log.info({ phoneNumberId: summary.phoneNumberId, flowId }, 'channel bound');
      if (wasPaused && summary.state === 'active') resumed(request.log, phoneNumberId);
      return summary;
    },
  );

  // For pauses a new token does not fix (368, 131031: the account was restricted, then cleared in Meta's manager).
  app.post<{ Params: Static<typeof ChannelParams> }>('/api/channels/whatsapp/:phoneNumberId/resume', {
    preHandler: requireRole(permissions.manageChannels),
    schema: { params: ChannelParams, response: { 200: ChannelSummary } },
  }, async (request) => {
    const { phoneNumberId } = request.params;
    if (!channels.summary(phoneNumberId)) throw new AppError('channel_not_found', `No channel for number ${phoneNumberId}`);
    channels.resume(phoneNumberId, now());
    resumed(request.log, phoneNumberId);
    return channels.summary(phoneNumberId)!;
  });

  // Every role reads the numbers and their health (secrets are never in it); only admins change them.
  app.get('/api/channels', {
    preHandler: requireRole(permissions.read),
    schema: { response: { 200: Type.Array(ChannelWithHealth) } },
  }, async () => channels.list().map((channel) => ({
    ...channel,
    ...health(channel.phoneNumberId, channels.resolve(channel.phoneNumberId)?.accessToken !== undefined),
  })));

  function resumed(log: FastifyInstance['log'], phoneNumberId: string): void {
    log.info({ phoneNumberId }, 'channel resumed: its held messages are sent');
    app.live.sender.resumeChannel(phoneNumberId);
  }
}
