import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { permissions } from '../../../schema/api/roles.ts';
import { REPLAYED_HEADER, startConversation } from '../../../schema/api/starts.ts';
import { principalOf, requireRole } from '../../auth/require-role.ts';
import { fail } from '../../errors.ts';
import { contentHash } from '../../flows/content-hash.ts';
import { problemLocale } from '../../flows/problem-locale.ts';

/**
 * Starting conversations (docs/api.md, "Starting conversations"): the business writes first with an
 * approved template on the flow's live version, from the number bound to the flow.
 */
export const startsPlugin: FastifyPluginAsyncTypebox = async (app) => {
  const { live, charla } = app;

  app.route({
    ...startConversation,
    preHandler: requireRole(permissions.startConversations),
    handler: async (request, reply) => {
      const { id } = request.params;
      const { contact, template, variables = {}, nodeId, phoneNumberId } = request.body;
      if (contact.phone === undefined && contact.userId === undefined) fail('bad_request', 'contact needs a phone number (`phone`) or a business-scoped user id (`userId`)');
      await charla.flows.requireDocument(id, 'draft');
      const channel = await numberFor(id, phoneNumberId);
      // Meta sends only approved templates: one it would refuse is refused here, before anything is queued.
      await charla.templates.requireSendable(template, channel, problemLocale(request), charla.now());
      const key = request.headers['idempotency-key'];
      const started = await live.processor.startConversation({
        flowId: id, phoneNumberId: channel, template, variables, ...(nodeId === undefined ? {} : { nodeId }),
        contact: {
          waId: contact.phone ?? '', ...(contact.userId === undefined ? {} : { userId: contact.userId }),
          ...(contact.name === undefined ? {} : { name: contact.name }),
        },
        record: { scope: principalOf(request).name, idempotencyKey: key ?? null, requestHash: contentHash({ flowId: id, body: request.body }) },
      });
      const { requestHash, flowVersion, replayed, ...answer } = started;
      if (replayed) reply.header(REPLAYED_HEADER, 'true');
      return reply.code(202).send({ ...answer, version: flowVersion });
    },
  });

  /** The business number that starts it: the one bound to the flow, or the one named among several. */
  async function numberFor(flowId: string, named: string | undefined): Promise<string> {
    const bound = (await charla.channels.list()).filter((channel) => channel.flowId === flowId).map((channel) => channel.phoneNumberId);
    if (named !== undefined) return bound.includes(named) ? named : fail('channel_not_found', `Number ${named} does not serve flow "${flowId}"`);
    if (bound.length === 1) return bound[0]!;
    if (bound.length === 0) fail('channel_not_found', `No WhatsApp number serves flow "${flowId}": bind one first`);
    return fail('bad_request', `Flow "${flowId}" is served by ${bound.length} numbers: name one in \`phoneNumberId\``, { phoneNumberIds: bound });
  }
};
