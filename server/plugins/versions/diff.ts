import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { permissions, requireRole } from '../../auth/index.ts';
import { AppError } from '../../errors.ts';
import { diffFlows } from '../../flows/diff-flows.ts';
import type { FlowRepository } from '../../flows/repository.ts';
import type { FlowDocument } from '../../../schema/index.ts';
import { FlowIdParams } from '../route-schemas.ts';

/** `draft` or a version number. */
const Side = Type.String({ pattern: '^(draft|[1-9][0-9]{0,8})$' });
const DiffQuery = Type.Object({ from: Side, to: Side }, { additionalProperties: false });

const Changes = Type.Object({
  added: Type.Array(Type.String()),
  removed: Type.Array(Type.String()),
  changed: Type.Array(Type.String()),
  fields: Type.Record(Type.String(), Type.Array(Type.String())),
});
const DiffResponse = Type.Object({
  from: Type.String(),
  to: Type.String(),
  fields: Type.Array(Type.String()),
  nodes: Changes,
  edges: Changes,
});

function documentOf(flows: FlowRepository, id: string, side: string): FlowDocument {
  if (side === 'draft') return flows.requireDraft(id).document;
  flows.requireDraft(id);
  const document = flows.getVersion(id, Number(side));
  if (!document) throw new AppError('version_not_found', `Flow "${id}" has no version ${side}`);
  return document;
}

/** GET /api/flows/:id/diff?from=A&to=B: nodes and edges added, removed and changed between two versions or the draft. */
export async function diffPlugin(app: FastifyInstance): Promise<void> {
  const { flows } = app.charla;
  app.get<{ Params: Static<typeof FlowIdParams>; Querystring: Static<typeof DiffQuery> }>('/api/flows/:id/diff', {
    preHandler: requireRole(permissions.read),
    schema: { params: FlowIdParams, querystring: DiffQuery, response: { 200: DiffResponse } },
  }, async (request) => {
    const { id } = request.params;
    const { from, to } = request.query;
    return { from, to, ...diffFlows(documentOf(flows, id, from), documentOf(flows, id, to)) };
  });
}
