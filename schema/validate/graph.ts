import type { FlowDocument } from '../flow.ts';
import { nodeOutputs } from '../registry.ts';
import type { ProblemList } from './problem-list.ts';

/** The flow's nodes by id and the edges that hold up (both ends exist, output known, first on it). */
export interface FlowGraph {
  /** Node id → its index in `nodes` (the first one, when an id repeats). */
  nodeAt: Map<string, number>;
  /** Node id → the node ids its good edges lead to. */
  next: Map<string, string[]>;
  /** `source` + NUL + `sourceHandle` of every good edge. */
  usedOutputs: Set<string>;
}

/** Outputs whose absence of an edge is worth a warning: the unhappy paths (flow-format.md). */
const UNHAPPY_OUTPUTS = new Set(['invalid', 'fallback', 'error']);
const outputKey = (source: string, output: string): string => `${source}\u0000${output}`;

/** Duplicate ids, the start node, edges (ends, outputs, one per output), reachability, unhandled outputs. */
export function checkGraph(flow: FlowDocument, problems: ProblemList): FlowGraph {
  const graph: FlowGraph = { nodeAt: new Map(), next: new Map(), usedOutputs: new Set() };
  flow.nodes.forEach((node, index) => {
    if (graph.nodeAt.has(node.id)) problems.add('duplicate_node_id', { pointer: `/nodes/${index}/id`, nodeId: node.id }, { id: node.id });
    else graph.nodeAt.set(node.id, index);
  });
  checkEdges(flow, graph, problems);
  if (!graph.nodeAt.has(flow.startNodeId)) {
    problems.add('start_node_missing', { pointer: '/startNodeId' }, { id: flow.startNodeId });
  } else {
    const reached = reachableFrom(flow.startNodeId, graph);
    for (const [id, index] of graph.nodeAt) if (!reached.has(id)) problems.add('unreachable_node', { pointer: `/nodes/${index}`, nodeId: id });
  }
  for (const [id, index] of graph.nodeAt) {
    for (const output of nodeOutputs(flow.nodes[index]!)) {
      if (UNHAPPY_OUTPUTS.has(output) && !graph.usedOutputs.has(outputKey(id, output))) {
        problems.add('unhandled_output', { pointer: `/nodes/${index}`, nodeId: id }, { output });
      }
    }
  }
  return graph;
}

function checkEdges(flow: FlowDocument, graph: FlowGraph, problems: ProblemList): void {
  const edgeIds = new Set<string>();
  const edgeOnOutput = new Map<string, string>();
  const outputsOf = new Map<string, string[]>();
  flow.edges.forEach((edge, index) => {
    const at = `/edges/${index}`;
    const sourceExists = graph.nodeAt.has(edge.source);
    const place = (field: string) => ({ pointer: `${at}/${field}`, edgeId: edge.id, ...(sourceExists ? { nodeId: edge.source } : {}) });
    if (edgeIds.has(edge.id)) problems.add('duplicate_edge_id', place('id'), { id: edge.id });
    edgeIds.add(edge.id);
    if (!sourceExists) {
      problems.add('edge_source_missing', place('source'), { source: edge.source });
      return;
    }
    const targetExists = graph.nodeAt.has(edge.target);
    if (!targetExists) problems.add('edge_target_missing', place('target'), { target: edge.target });
    let outputs = outputsOf.get(edge.source);
    if (!outputs) {
      outputs = nodeOutputs(flow.nodes[graph.nodeAt.get(edge.source)!]!);
      outputsOf.set(edge.source, outputs);
    }
    if (!outputs.includes(edge.sourceHandle)) {
      problems.add('edge_unknown_output', place('sourceHandle'), { output: edge.sourceHandle, outputs: outputs.join(', ') || '—' });
      return;
    }
    const key = outputKey(edge.source, edge.sourceHandle);
    const other = edgeOnOutput.get(key);
    if (other !== undefined) {
      problems.add('edge_output_taken', place('sourceHandle'), { output: edge.sourceHandle, other });
      return;
    }
    edgeOnOutput.set(key, edge.id);
    graph.usedOutputs.add(key);
    if (!targetExists) return;
    const targets = graph.next.get(edge.source);
    if (targets) targets.push(edge.target);
    else graph.next.set(edge.source, [edge.target]);
  });
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
