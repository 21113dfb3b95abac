import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { createFlow, deleteFlow, getFlow, listFlows, saveFlow } from '../../../schema/api/flows.ts';
import type { FlowDocument } from '../../../schema/index.ts';
import { permissions, requireRole } from '../../auth/index.ts';
import { AppError } from '../../errors.ts';
import { checkDraft, requireWithinFlowLimits, type Problem } from '../../flows/check-draft.ts';
import { problemLocale } from '../../flows/problem-locale.ts';

/** A document within the flow limits (else 413/422 with its code) that follows the JSON Schema, or a 422 with every problem. */
function requireSchemaValid(document: unknown, request: FastifyRequest): { document: FlowDocument; problems: Problem[] } {
  requireWithinFlowLimits(document);
  const check = checkDraft(document, problemLocale(request));
  if (!check.schemaValid) {
    throw new AppError('flow_invalid', undefined, { problems: check.problems });
  }
  return check;
}

/** Drafts: create, list, read, save with optimistic locking (issue 4). */
export const flowsPlugin: FastifyPluginAsyncTypebox = async (app) => {
  const { flows, now } = app.charla;

  app.route({
    ...createFlow,
    preHandler: requireRole(permissions.editDrafts),
    handler: async (request, reply) => {
      const { document, problems } = requireSchemaValid(request.body, request);
      const revision = await flows.createDraft(document, now());
      return reply.status(201).send({ id: document.id, revision, problems });
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
      return { ...draft, problems: checkDraft(draft.document, problemLocale(request)).problems };
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
      const { document, problems } = requireSchemaValid(request.body.document, request);
      const revision = await flows.saveDraft(id, document, request.body.revision, now());
      return { id, revision, problems };
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
