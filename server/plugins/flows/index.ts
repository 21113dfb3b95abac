import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { createFlow, deleteFlow, getFlow, listFlows, saveFlow } from '../../../schema/api/flows.ts';
import { capProblems, type CappedProblems, type FlowDocument } from '../../../schema/index.ts';
import { permissions, principalOf, requireRole } from '../../auth/index.ts';
import { AppError } from '../../errors.ts';
import { checkDraft, requireWithinFlowLimits } from '../../flows/check-draft.ts';
import { problemLocale } from '../../flows/problem-locale.ts';

/**
 * A document within the flow limits (else 413/422 with its code) that follows the JSON Schema, or a
 * 422 with its problems (capped per code, with every code's count).
 */
function requireSchemaValid(document: unknown, request: FastifyRequest): { document: FlowDocument; capped: CappedProblems } {
  requireWithinFlowLimits(document);
  const check = checkDraft(document, problemLocale(request));
  const capped = capProblems(check.problems);
  if (!check.schemaValid) throw new AppError('flow_invalid', undefined, { ...capped });
  return { document: check.document, capped };
}

/** Drafts: create, list, read, save with optimistic locking (issue 4). */
export const flowsPlugin: FastifyPluginAsyncTypebox = async (app) => {
  const { flows, draftProblems, now } = app.charla;

  app.route({
    ...createFlow,
    preHandler: requireRole(permissions.editDrafts),
    handler: async (request, reply) => {
      const { document, capped } = requireSchemaValid(request.body, request);
      const updatedAt = now();
      const revision = await flows.createDraft(document, updatedAt, principalOf(request).name);
      draftProblems.remember({ id: document.id, revision, updatedAt }, problemLocale(request), capped);
      return reply.status(201).send({ id: document.id, revision, ...capped });
    },
  });

  app.route({
    ...listFlows,
    preHandler: requireRole(permissions.read),
    handler: async () => await flows.listFlows(),
  });

  app.route({
    ...getFlow,
    preHandler: requireRole(permissions.read),
    handler: async (request) => {
      const { id, name, revision, liveVersion, document, updatedAt, updatedBy } = await flows.requireDraft(request.params.id);
      return { id, name, revision, liveVersion, document, updatedAt, updatedBy, ...draftProblems.of({ id, revision, updatedAt, document }, problemLocale(request)) };
    },
  });

  app.route({
    ...saveFlow,
    preHandler: requireRole(permissions.editDrafts),
    handler: async (request) => {
      const { id } = request.params;
      if (request.body.document.id !== id) {
        throw new AppError('id_mismatch', `The document id "${String(request.body.document.id)}" is not "${id}"; a flow's id never changes`);
      }
      const { document, capped } = requireSchemaValid(request.body.document, request);
      const updatedAt = now();
      const revision = await flows.saveDraft(id, document, request.body.revision, updatedAt, principalOf(request).name);
      draftProblems.remember({ id, revision, updatedAt }, problemLocale(request), capped);
      return { id, revision, ...capped };
    },
  });

  app.route({
    ...deleteFlow,
    preHandler: requireRole(permissions.editDrafts),
    handler: async (request, reply) => {
      await flows.deleteDraft(request.params.id);
      return reply.status(204).send(null);
    },
  });
};
