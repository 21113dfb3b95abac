import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { permissions, principalOf, requireRole } from '../../auth/index.ts';
import { AppError } from '../../errors.ts';
import { checkDraft, hasErrors } from '../../flows/check-draft.ts';
import { problemLocale } from '../../flows/problem-locale.ts';
import { AnyDocument, FlowIdParams, Problems, VersionNumber } from '../route-schemas.ts';
import { diffPlugin } from './diff.ts';

const PublishBody = Type.Object({ note: Type.Optional(Type.String({ maxLength: 1000 })) }, { additionalProperties: false });
const VersionParams = Type.Composite([FlowIdParams, Type.Object({ version: VersionNumber })]);
const LiveBody = Type.Object({ version: VersionNumber }, { additionalProperties: false });
const VersionSummary = Type.Object({
  version: Type.Integer(),
  contentHash: Type.String(),
  author: Type.String(),
  note: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.Integer(),
  live: Type.Boolean(),
});

/** Publishing, the version history, rolling the live pointer back or forward. */
export async function versionsPlugin(app: FastifyInstance): Promise<void> {
  const { flows, now } = app.charla;

  app.post<{ Params: Static<typeof FlowIdParams>; Body: Static<typeof PublishBody> | undefined }>(
    '/api/flows/:id/versions', {
      preHandler: requireRole(permissions.publish),
      schema: {
        params: FlowIdParams,
        body: Type.Union([PublishBody, Type.Null()]),
        response: { 201: Type.Object({ version: Type.Integer(), contentHash: Type.String() }) },
      },
    }, async (request, reply) => {
      const { id } = request.params;
      const draft = flows.requireDraft(id);
      const { problems } = checkDraft(draft.document, problemLocale(request));
      if (hasErrors(problems)) {
        throw new AppError('publish_blocked', `The draft of "${id}" has ${problems.filter((p) => p.severity === 'error').length} error(s); fix them before publishing`, { problems });
      }
      const published = flows.publish(id, {
        revision: draft.revision, author: principalOf(request).name, note: request.body?.note, now: now(),
      });
      request.log.info({ flowId: id, version: published.version }, 'published');
      return reply.status(201).send(published);
    },
  );

  app.get<{ Params: Static<typeof FlowIdParams> }>('/api/flows/:id/versions', {
    preHandler: requireRole(permissions.read),
    schema: { params: FlowIdParams, response: { 200: Type.Array(VersionSummary) } },
  }, async (request) => flows.listVersions(request.params.id));

  // The body is the version's document itself; its metadata travels in headers (and in the list).
  app.get<{ Params: Static<typeof VersionParams> }>('/api/flows/:id/versions/:version', {
    preHandler: requireRole(permissions.read),
    schema: { params: VersionParams, response: { 200: AnyDocument } },
  }, async (request, reply) => {
    const { id, version } = request.params;
    flows.requireFlow(id);
    const summary = flows.versionSummary(id, version);
    const document = flows.getVersion(id, version);
    if (!summary || !document) throw new AppError('version_not_found', `Flow "${id}" has no version ${version}`);
    return reply.header('etag', `"${summary.contentHash}"`).header('x-charla-version', String(version)).send(document);
  });

  app.put<{ Params: Static<typeof FlowIdParams>; Body: Static<typeof LiveBody> }>('/api/flows/:id/live', {
    preHandler: requireRole(permissions.publish),
    schema: {
      params: FlowIdParams,
      body: LiveBody,
      response: { 200: Type.Object({ id: Type.String(), liveVersion: Type.Integer() }) },
    },
  }, async (request) => {
    const { id } = request.params;
    flows.setLive(id, request.body.version);
    request.log.info({ flowId: id, version: request.body.version }, 'live version changed');
    return { id, liveVersion: request.body.version };
  });

  await app.register(diffPlugin);
}
