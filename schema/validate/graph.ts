import type { FlowDocument, FlowEdge } from '../flow.ts';
import { nodeOutputs } from '../registry.ts';
import type { ProblemList, ProblemPlace } from './problem-list.ts';

/** The flow's nodes by id, their outputs, and the edges that hold up (both ends exist, output known, first on it). */
export interface FlowGraph {
  /** Node id → its index in `nodes` (the first one, when an id repeats). */
  nodeAt: Map<string, number>;
  /** Node id → the node ids its good edges lead to. */
  next: Map<string, string[]>;
  /** Node id → its outputs, each with the id of the edge that leaves through it (if any). */
  outputs: Map<string, Map<string, string | undefined>>;
}

/** Outputs whose absence of an edge is worth a warning: the unhappy paths (flow-format.md). */
const UNHAPPY_OUTPUTS = new Set(['invalid', 'fallback', 'error']);

/** Duplicate ids, the start node, edges (ends, outputs, one per output), reachability, unhandled outputs. */
export function checkGraph(flow: FlowDocument, problems: ProblemList): FlowGraph {
  const graph: FlowGraph = { nodeAt: new Map(), next: new Map(), outputs: new Map() };
  flow.nodes.forEach((node, index) => {
    if (graph.nodeAt.has(node.id)) {
      problems.add('duplicate_node_id', { pointer: `/nodes/${index}/id`, nodeId: node.id }, { id: node.id });
      return;
    }
    graph.nodeAt.set(node.id, index);
    graph.outputs.set(node.id, new Map(nodeOutputs(node).map((output) => [output, undefined])));
  });
  checkEdges(flow, graph, problems);
  if (!graph.nodeAt.has(flow.startNodeId)) {
    problems.add('start_node_missing', { pointer: '/startNodeId' }, { id: flow.startNodeId });
  } else {
    const reached = reachableFrom(flow.startNodeId, graph);
    for (const [id, index] of graph.nodeAt) if (!reached.has(id)) problems.add('unreachable_node', { pointer: `/nodes/${index}`, nodeId: id });
  }
  for (const [id, outputs] of graph.outputs) {
    for (const [output, edgeId] of outputs) {
      if (edgeId === undefined && UNHAPPY_OUTPUTS.has(output)) {
        problems.add('unhandled_output', { pointer: `/nodes/${graph.nodeAt.get(id)!}`, nodeId: id }, { output });
      }
    }
  }
  return graph;
}

function checkEdges(flow: FlowDocument, graph: FlowGraph, problems: ProblemList): void {
  const edgeIds = new Set<string>();
  // A plain loop without per-edge closures: this runs for every edge on every keystroke in the editor.
  for (let index = 0; index < flow.edges.length; index++) {
    const edge = flow.edges[index]!;
    const sourceExists = graph.nodeAt.has(edge.source);
    if (edgeIds.has(edge.id)) problems.add('duplicate_edge_id', edgePlace(edge, index, 'id', sourceExists), { id: edge.id });
    edgeIds.add(edge.id);
    if (!sourceExists) {
      problems.add('edge_source_missing', edgePlace(edge, index, 'source', sourceExists), { source: edge.source });
      continue;
    }
    const targetExists = graph.nodeAt.has(edge.target);
    if (!targetExists) problems.add('edge_target_missing', edgePlace(edge, index, 'target', sourceExists), { target: edge.target });
    const outputs = graph.outputs.get(edge.source)!;
    if (!outputs.has(edge.sourceHandle)) {
      problems.add('edge_unknown_output', edgePlace(edge, index, 'sourceHandle', sourceExists), { output: edge.sourceHandle, outputs: [...outputs.keys()].join(', ') || '—' });
      continue;
    }
    const other = outputs.get(edge.sourceHandle);
    if (other !== undefined) {
      problems.add('edge_output_taken', edgePlace(edge, index, 'sourceHandle', sourceExists), { output: edge.sourceHandle, other });
      continue;
    }
    outputs.set(edge.sourceHandle, edge.id);
    if (!targetExists) continue;
    const targets = graph.next.get(edge.source);
    if (targets) targets.push(edge.target);
    else graph.next.set(edge.source, [edge.target]);
  }
}

function edgePlace(edge: FlowEdge, index: number, field: string, sourceExists: boolean): ProblemPlace {
  const place: ProblemPlace = { pointer: `/edges/${index}/${field}`, edgeId: edge.id };
  if (sourceExists) place.nodeId = edge.source;
  return place;
}

function reachableFrom(start: string, graph: FlowGraph): Set<string> {
  const reached = new Set([start]);
  const queue = [start];
  for (let id = queue.pop(); id !== undefined; id = queue.pop()) {
    for (const target of graph.next.get(id) ?? []) {
      if (!reached.has(target)) {
        reached.add(target);
        queue.push(target);
      }
    }
  }
  return reached;
}
