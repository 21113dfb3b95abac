import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { createFlow, deleteFlow, getFlow, listFlows, saveFlow } from '../../../schema/api/flows.ts';
import { renderCappedProblems, type CappedProblems, type FlowDocument } from '../../../schema/index.ts';
import { permissions, principalOf, requireRole } from '../../auth/index.ts';
import { AppError } from '../../errors.ts';
import { checkDraft, requireWithinFlowLimits } from '../../flows/check-draft.ts';
import { storedProblems, type StoredProblems } from '../../flows/draft-problems.ts';
import { problemLocale } from '../../flows/problem-locale.ts';

/**
 * A document within the flow limits (else 413/422 with its code) that follows the JSON Schema, or a
 * 422 with its problems (capped per code, with every code's count); `stored` is what the draft keeps.
 */
function requireSchemaValid(document: unknown, request: FastifyRequest): { document: FlowDocument; stored: StoredProblems; capped: CappedProblems } {
  requireWithinFlowLimits(document);
  const check = checkDraft(document);
  const stored = storedProblems(check.found);
  const capped = renderCappedProblems(stored, problemLocale(request));
  if (!check.schemaValid) throw new AppError('flow_invalid', undefined, { ...capped });
  return { document: check.document, stored, capped };
}

/** Drafts: create, list, read, save with optimistic locking (issue 4). */
export const flowsPlugin: FastifyPluginAsyncTypebox = async (app) => {
  const { flows, draftProblems, now } = app.charla;

  app.route({
    ...createFlow,
    preHandler: requireRole(permissions.editDrafts),
    handler: async (request, reply) => {
      const { document, stored, capped } = requireSchemaValid(request.body, request);
      const revision = await flows.createDraft(document, stored, now(), principalOf(request).name);
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
      const draft = await flows.requireDraft(request.params.id);
      const { id, name, revision, liveVersion, document, updatedAt, updatedBy } = draft;
      return { id, name, revision, liveVersion, document, updatedAt, updatedBy, ...await draftProblems.of(draft, problemLocale(request)) };
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
      const { document, stored, capped } = requireSchemaValid(request.body.document, request);
      const revision = await flows.saveDraft(id, document, stored, request.body.revision, now(), principalOf(request).name);
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
