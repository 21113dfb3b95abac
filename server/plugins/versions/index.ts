import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { getVersion, listVersions, publishDraft, setLiveVersion } from '../../../schema/api/versions.ts';
import { permissions, principalOf, requireRole } from '../../auth/index.ts';
import { AppError } from '../../errors.ts';
import { checkDraft, hasErrors } from '../../flows/check-draft.ts';
import { problemLocale } from '../../flows/problem-locale.ts';
import { diffPlugin } from './diff.ts';

/** Publishing, the version history, rolling the live pointer back or forward. */
export const versionsPlugin: FastifyPluginAsyncTypebox = async (app) => {
  const { flows, now } = app.charla;

  app.route({
    ...publishDraft,
    preHandler: requireRole(permissions.publish),
    handler: async (request, reply) => {
      const { id } = request.params;
      const draft = await flows.requireDraft(id);
      const { problems } = checkDraft(draft.document, problemLocale(request));
      if (hasErrors(problems)) {
        throw new AppError('publish_blocked', `The draft of "${id}" has ${problems.filter((p) => p.severity === 'error').length} error(s); fix them before publishing`, { problems });
      }
      const published = await flows.publish(id, {
        revision: draft.revision, author: principalOf(request).name, note: request.body?.note, now: now(),
      });
      request.log.info({ flowId: id, version: published.version }, 'published');
      return reply.status(201).send(published);
    },
  });

  app.route({
    ...listVersions,
    preHandler: requireRole(permissions.read),
    handler: async (request) => await flows.listVersions(request.params.id),
  });

  // The body is the version's document itself; its metadata travels in headers (and in the list).
  app.route({
    ...getVersion,
    preHandler: requireRole(permissions.read),
    handler: async (request, reply) => {
      const { id, version } = request.params;
      await flows.requireFlow(id);
      const summary = await flows.versionSummary(id, version);
      const document = await flows.getVersion(id, version);
      if (!summary || !document) throw new AppError('version_not_found', `Flow "${id}" has no version ${version}`);
      return reply.header('etag', `"${summary.contentHash}"`).header('x-charla-version', String(version)).send(document);
    },
  });

  app.route({
    ...setLiveVersion,
    preHandler: requireRole(permissions.publish),
    handler: async (request) => {
      const { id } = request.params;
      await flows.setLive(id, request.body.version);
      request.log.info({ flowId: id, version: request.body.version }, 'live version changed');
      return { id, liveVersion: request.body.version };
    },
  });

  await app.register(diffPlugin);
};
