import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyBaseLogger } from 'fastify';
import { bindChannel, listChannels, resumeChannel } from '../../../schema/api/channels.ts';
import { permissions, requireRole } from '../../auth/index.ts';
import { channelHealthReader } from '../../channels/health.ts';
import { hasFormsToRegister } from '../../channels/meta-flows.ts';
import { AppError } from '../../errors.ts';
import { problemLocale } from '../../flows/problem-locale.ts';

/** Binding WhatsApp business numbers to flows, and fixing channels the Graph API refused (admin). */
export const channelsPlugin: FastifyPluginAsyncTypebox = async (app) => {
  const { channels, flows, metaFlows, templates, now } = app.charla;
  const health = channelHealthReader(app.charla.database);

  app.route({
    ...bindChannel,
    preHandler: requireRole(permissions.manageChannels),
    handler: async (request) => {
      const { flowId, ...settings } = request.body;
      const flow = await flows.requireFlow(flowId);
      if (flow.liveVersion === null) {
        throw new AppError('flow_not_published', `Publish "${flowId}" before binding a number to it: the number serves its live version`);
      }
      // Without a token every reply would wait in the outbox: refuse the binding instead of failing later.
      const { phoneNumberId } = request.params;
      if (!settings.accessToken && !(await channels.resolve(phoneNumberId))?.accessToken && !app.charla.config.whatsapp.accessToken) {
        throw new AppError('channel_access_token_missing', `Number ${phoneNumberId} would have no access token to reply with: send accessToken or set WHATSAPP_ACCESS_TOKEN`);
      }
      // The live version's forms must be published Meta Flows on the number's WABA before it serves it (docs/whatsapp.md §4).
      const live = (await flows.getLiveFlow(flowId))!;
      const stored = await channels.resolve(phoneNumberId);
      const wabaId = settings.wabaId ?? stored?.wabaId ?? undefined;
      // Its templates must hold on the number's WABA, read with the token being bound (docs/templates.md §3).
      if (wabaId) {
        const accessToken = settings.accessToken ?? stored?.accessToken ?? app.charla.config.whatsapp.accessToken;
        await templates.requireValidTemplates(live.document, [{ wabaId, accessToken }], problemLocale(request), now());
      }
      if (hasFormsToRegister(live.document)) {
        if (!wabaId) {
          throw new AppError('channel_waba_missing', `"${flowId}" has forms, which Meta serves from the number's WhatsApp Business Account: send wabaId`);
        }
        const accessToken = settings.accessToken ?? stored?.accessToken ?? app.charla.config.whatsapp.accessToken!;
        await metaFlows.publishForms(flowId, live.version, live.document, { wabaId, accessToken }, now());
      }
      const wasPaused = (await channels.summary(phoneNumberId))?.state === 'paused';
      const summary = await channels.upsert(phoneNumberId, flowId, settings, now());
      request.log.info({ phoneNumberId: summary.phoneNumberId, flowId }, 'channel bound');
      if (wasPaused && summary.state === 'active') resumed(request.log, phoneNumberId);
      return summary;
    },
  });

  app.route({
    ...resumeChannel,
    preHandler: requireRole(permissions.manageChannels),
    handler: async (request) => {
      const { phoneNumberId } = request.params;
      if (!await channels.summary(phoneNumberId)) throw new AppError('channel_not_found', `No channel for number ${phoneNumberId}`);
      await channels.resume(phoneNumberId, now());
      resumed(request.log, phoneNumberId);
      return (await channels.summary(phoneNumberId))!;
    },
  });

  // Every role reads the numbers and their health (secrets are never in it); only admins change them.
  app.route({
    ...listChannels,
    preHandler: requireRole(permissions.read),
    handler: async () => Promise.all((await channels.list()).map(async (channel) => ({
      ...channel,
      ...await health(channel.phoneNumberId, (await channels.resolve(channel.phoneNumberId))?.accessToken !== undefined),
    }))),
  });

  function resumed(log: FastifyBaseLogger, phoneNumberId: string): void {
    log.info({ phoneNumberId }, 'channel resumed: its held messages are sent');
    app.live.sender.resumeChannel(phoneNumberId);
  }
};
