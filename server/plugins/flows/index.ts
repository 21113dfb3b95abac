import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { permissions, requireRole } from '../../auth/index.ts';
import { AppError } from '../../errors.ts';
import { checkDraft, type Problem } from '../../flows/check-draft.ts';
import { problemLocale } from '../../flows/problem-locale.ts';
import type { FlowDocument } from '../../../schema/index.ts';
import { AnyDocument, FlowIdParams, Problems } from '../route-schemas.ts';

const FlowSummary = Type.Object({
  id: Type.String(),
  name: Type.String(),
  revision: Type.Integer(),
  liveVersion: Type.Union([Type.Integer(), Type.Null()]),
});
const SaveDraftBody = Type.Object(
  { document: AnyDocument, revision: Type.Integer({ minimum: 1 }) },
  { additionalProperties: false },
);
const Saved = Type.Object({ id: Type.String(), revision: Type.Integer(), problems: Problems });

/** A document that follows the JSON Schema, or a 422 with every problem. */
function requireSchemaValid(document: unknown, request: FastifyRequest): { document: FlowDocument; problems: Problem[] } {
  const check = checkDraft(document, problemLocale(request));
  if (!check.schemaValid) {
    throw new AppError('flow_invalid', undefined, { problems: check.problems });
  }
  return check;
}

/** Drafts: create, list, read, save with optimistic locking (issue 4). */
export async function flowsPlugin(app: FastifyInstance): Promise<void> {
  const { flows, now } = app.charla;

  app.post<{ Body: Static<typeof AnyDocument> }>('/api/flows', {
    preHandler: requireRole(permissions.editDrafts),
    schema: { body: AnyDocument, response: { 201: Saved } },
  }, async (request, reply) => {
    const { document, problems } = requireSchemaValid(request.body, request);
    const revision = flows.createDraft(document, now());
    return reply.status(201).send({ id: document.id, revision, problems });
  });

  app.get('/api/flows', {
    preHandler: requireRole(permissions.read),
    schema: { response: { 200: Type.Array(FlowSummary) } },
  }, async () => flows.listFlows());

  app.get<{ Params: Static<typeof FlowIdParams> }>('/api/flows/:id', {
    preHandler: requireRole(permissions.read),
    schema: {
      params: FlowIdParams,
      response: { 200: Type.Composite([FlowSummary, Type.Object({ document: AnyDocument, problems: Problems })]) },
    },
  }, async (request) => {
    const draft = flows.requireDraft(request.params.id);
    return { ...draft, problems: checkDraft(draft.document, problemLocale(request)).problems };
  });

  app.put<{ Params: Static<typeof FlowIdParams>; Body: Static<typeof SaveDraftBody> }>('/api/flows/:id', {
    preHandler: requireRole(permissions.editDrafts),
    schema: { params: FlowIdParams, body: SaveDraftBody, response: { 200: Saved } },
  }, async (request) => {
    const { id } = request.params;
    if (request.body.document.id !== id) {
      throw new AppError('id_mismatch', `The document id "${String(request.body.document.id)}" is not "${id}"; a flow's id never changes`);
    }
    const { document, problems } = requireSchemaValid(request.body.document, request);
    const revision = flows.saveDraft(id, document, request.body.revision, now());
    return { id, revision, problems };
  });

  app.delete<{ Params: Static<typeof FlowIdParams> }>('/api/flows/:id', {
    preHandler: requireRole(permissions.editDrafts),
    schema: { params: FlowIdParams, response: { 204: Type.Null() } },
  }, async (request, reply) => {
    flows.deleteDraft(request.params.id);
    return reply.status(204).send();
  });
}
