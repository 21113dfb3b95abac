import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { tryApiCallNode } from '../../../schema/api/node-trials.ts';
import { renderProblems, type FlowDocument, type NodeData, type Problem } from '../../../schema/index.ts';
import { permissions, requireRole } from '../../auth/index.ts';
import { AppError } from '../../errors.ts';
import { checkDraft, requireWithinFlowLimits } from '../../flows/check-draft.ts';
import { problemLocale } from '../../flows/problem-locale.ts';
import { DEFAULT_SIMULATED_CONTACT } from '../../simulations/simulation-store.ts';
import { runTrial } from './run-trial.ts';

/**
 * "Try it" for API-call nodes: runs one node's request for real, from the inspector, and says what
 * the node would do with the answer. Analysts and admins only (it reaches outside services with
 * the server's secrets); nothing is stored. The call failing is a 200 with `error` (see TrialResponse);
 * 404 flow_not_found / node_not_found; 422 node_not_api_call, or node_data_invalid with `{ problems }`.
 */
export const nodeTrialsPlugin: FastifyPluginAsyncTypebox = async (app) => {
  const { flows, config, ports } = app.charla;

  app.route({
    ...tryApiCallNode,
    preHandler: requireRole(permissions.editDrafts),
    handler: async (request) => {
      const { id, nodeId } = request.params;
      const { document } = await flows.requireDraft(id);
      const data = checkedNodeData(document, nodeId, request.body?.data, problemLocale(request));
      const trial = await runTrial({
        data, variables: request.body?.variables ?? {}, contact: DEFAULT_SIMULATED_CONTACT, secrets: config.runtime.secrets, http: ports.http,
      });
      request.log.info({ flowId: id, nodeId, status: trial.response?.status, error: trial.error?.code, durationMs: trial.durationMs }, 'api call tried');
      return trial;
    },
  });
};

/**
 * The node's data (the given one, else the stored one), checked by the flow validator in place in
 * the draft, so problems name the field (`/nodes/3/data/url`) exactly as the problems panel does.
 */
function checkedNodeData(document: FlowDocument, nodeId: string, given: unknown, locale: ReturnType<typeof problemLocale>): NodeData<'api_call'> {
  const index = document.nodes.findIndex((node) => node.id === nodeId);
  const node = document.nodes[index];
  if (node === undefined) throw new AppError('node_not_found', `Flow "${document.id}" has no node "${nodeId}"`);
  if (node.type !== 'api_call') {
    throw new AppError('node_not_api_call', `Node "${nodeId}" is a ${node.type} node; only api_call nodes can be tried`, { type: node.type });
  }
  const candidate = { ...document, nodes: document.nodes.with(index, { ...node, data: given ?? node.data } as typeof node) };
  requireWithinFlowLimits(candidate);
  const prefix = `/nodes/${index}/data`;
  const problems = renderProblems(checkDraft(candidate).found, locale).filter((problem: Problem) =>
    problem.severity === 'error' && (problem.pointer === prefix || problem.pointer.startsWith(`${prefix}/`)));
  if (problems.length > 0) {
    throw new AppError('node_data_invalid', `Node "${nodeId}" has ${problems.length} error(s): ${problems.map((problem) => problem.message).join('; ')}`, { problems });
  }
  return (given ?? node.data) as NodeData<'api_call'>;
}
