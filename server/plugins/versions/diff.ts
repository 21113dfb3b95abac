import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { permissions, requireRole } from '../../auth/index.ts';
import { diffFlows } from '../../flows/diff-flows.ts';
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

/** GET /api/flows/:id/diff?from=A&to=B: nodes and edges added, removed and changed between two versions or the draft. */
export async function diffPlugin(app: FastifyInstance): Promise<void> {
  const { flows } = app.charla;
  app.get<{ Params: Static<typeof FlowIdParams>; Querystring: Static<typeof DiffQuery> }>('/api/flows/:id/diff', {
    preHandler: requireRole(permissions.read),
    schema: { params: FlowIdParams, querystring: DiffQuery, response: { 200: DiffResponse } },
  }, async (request) => {
    const { id } = request.params;
    const { from, to } = request.query;
    const side = (value: string) => (value === 'draft' ? 'draft' : Number(value));
    return { from, to, ...diffFlows(flows.requireDocument(id, side(from)), flows.requireDocument(id, side(to))) };
  });
}
