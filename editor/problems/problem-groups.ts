import type { FlowDocument, Problem } from '../../schema/index.ts';

/** The problems of one node (or of the flow itself: `nodeId` null), errors first. */
export interface ProblemGroup {
  nodeId: string | null;
  problems: Problem[];
  errors: number;
}

/** The node a problem leads to: its own, or an edge's source, so a problem on an edge still leads somewhere to fix it. */
export function problemNode(problem: Problem, edges: FlowDocument['edges']): string | null {
  if (problem.nodeId !== undefined) return problem.nodeId;
  return edges.find((edge) => edge.id === problem.edgeId)?.source ?? null;
}

const severityRank = (problem: Problem) => (problem.severity === 'error' ? 0 : 1);

/**
 * The problems grouped by the node they lead to: groups with errors first, then in document order
 * (the flow's own problems, with no node, come first among equals), and errors before warnings inside each group.
 */
export function problemGroups(problems: readonly Problem[], document: Pick<FlowDocument, 'nodes' | 'edges'>): ProblemGroup[] {
  const byNode = new Map<string | null, ProblemGroup>();
  for (const problem of problems) {
    const nodeId = problemNode(problem, document.edges);
    const group = byNode.get(nodeId) ?? { nodeId, problems: [], errors: 0 };
    group.problems.push(problem);
    if (problem.severity === 'error') group.errors += 1;
    byNode.set(nodeId, group);
  }
  const order = new Map(document.nodes.map((node, index) => [node.id, index]));
  const place = (group: ProblemGroup) => (group.nodeId === null ? -1 : order.get(group.nodeId) ?? document.nodes.length);
  const groups = [...byNode.values()];
  for (const group of groups) group.problems.sort((a, b) => severityRank(a) - severityRank(b));
  return groups.sort((a, b) => Number(b.errors > 0) - Number(a.errors > 0) || place(a) - place(b));
}
