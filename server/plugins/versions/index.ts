import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyBaseLogger } from 'fastify';
import { getVersion, listMetaFlows, listVersions, publishDraft, setLiveVersion } from '../../../schema/api/versions.ts';
import { permissions, principalOf, requireRole } from '../../auth/index.ts';
import { AppError } from '../../errors.ts';
import { problemLocale } from '../../flows/problem-locale.ts';
import { diffPlugin } from './diff.ts';

/** Publishing, the version history, rolling the live pointer back or forward. */
export const versionsPlugin: FastifyPluginAsyncTypebox = async (app) => {
  const { flows, draftProblems, metaFlows, templates, now } = app.charla;

  /** Meta Flows of versions neither live nor run by a conversation are deprecated; a Meta failure is logged, not the caller's. */
  async function deprecateUnused(log: FastifyBaseLogger, flowId: string): Promise<void> {
    try {
      const deprecated = await metaFlows.deprecateUnused(flowId, await app.live.store.conversations.versionsInUse(flowId), now());
      if (deprecated > 0) log.info({ flowId, deprecated }, 'Meta Flows of unused versions deprecated');
    } catch (error) {
      log.warn({ err: error, flowId }, 'deprecating unused Meta Flows failed; the periodic sweep tries again');
    }
  }

  app.route({
    ...publishDraft,
    preHandler: requireRole(permissions.publish),
    handler: async (request, reply) => {
      const { id } = request.params;
      const draft = await flows.requireDraft(id);
      const capped = draftProblems.validated(draft, problemLocale(request));
      const errors = capped.problemCounts.filter((count) => count.severity === 'error').reduce((sum, count) => sum + count.total, 0);
      if (errors > 0) throw new AppError('publish_blocked', `The draft of "${id}" has ${errors} error(s); fix them before publishing`, { ...capped });
      // The templates it sends must exist, approved and with these parameters, on every WABA serving it (docs/templates.md §3).
      await templates.requireValidTemplates(draft.document, await templates.wabasServing(id), problemLocale(request), now());
      // Meta opens only published WhatsApp Flows: the new version's forms are published on every WABA serving
      // the flow before it goes live (docs/whatsapp.md §4); a refusal stops the publish.
      const version = ((await flows.listVersions(id))[0]?.version ?? 0) + 1;
      for (const target of await metaFlows.targetsServing(id, draft.document)) {
        await metaFlows.publishForms(id, version, draft.document, target, now());
      }
      const published = await flows.publish(id, {
        revision: draft.revision, author: principalOf(request).name, note: request.body?.note, now: now(),
      });
      request.log.info({ flowId: id, version: published.version }, 'published');
      await deprecateUnused(request.log, id);
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
      const { version } = request.body;
      const document = await flows.requireDocument(id, version);
      await templates.requireValidTemplates(document, await templates.wabasServing(id), problemLocale(request), now());
      for (const target of await metaFlows.targetsServing(id, document)) await metaFlows.publishForms(id, version, document, target, now());
      await flows.setLive(id, version);
      request.log.info({ flowId: id, version }, 'live version changed');
      await deprecateUnused(request.log, id);
      return { id, liveVersion: request.body.version };
    },
  });

  app.route({
    ...listMetaFlows,
    preHandler: requireRole(permissions.read),
    handler: async (request) => {
      await flows.requireFlow(request.params.id);
      return metaFlows.list(request.params.id);
    },
  });

  await app.register(diffPlugin);
};
