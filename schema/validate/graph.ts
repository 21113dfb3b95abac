import type { FlowEdge } from '../flow.ts';
import { outputTerm, type ProblemTerm } from '../problems.ts';
import { nodeOutputLabel, outputMayEnd, type FlowNode } from '../registry.ts';
import type { FlowOutline, OutlineNode } from './flow-outline.ts';
import type { ProblemList, ProblemPlace } from './problem-list.ts';

/** The flow's nodes by id, their outputs, and the edges that hold up (both ends exist, output known, first on it). */
export interface FlowGraph {
  /** Node id → its index in `nodes` (the first one, when an id repeats). */
  nodeAt: Map<string, number>;
  /** Node id → the node ids its good edges lead to. */
  next: Map<string, string[]>;
  /** Node id → its outputs, each with the id of the edge that leaves through it (if any); absent when unknown. */
  outputs: Map<string, Map<string, string | undefined>>;
}

/** Outputs whose absence of an edge is worth a warning: the unhappy paths (docs/flow-format.md). */
const UNHAPPY_OUTPUTS = new Set(['invalid', 'fallback', 'error']);

/**
 * Duplicate ids, the start node, edges (ends, outputs, one per output), reachability, outputs
 * without an edge. A node that breaks the schema still takes part in reachability, with the
 * outputs that can be read from it (none when they cannot).
 */
export function checkGraph(flow: FlowOutline, problems: ProblemList): FlowGraph {
  const graph: FlowGraph = { nodeAt: new Map(), next: new Map(), outputs: new Map() };
  flow.nodes.forEach((node, index) => {
    if (graph.nodeAt.has(node.id)) {
      problems.add('duplicate_node_id', { pointer: `/nodes/${index}/id`, nodeId: node.id }, { id: node.id });
      return;
    }
    graph.nodeAt.set(node.id, index);
    if (node.outputs) graph.outputs.set(node.id, new Map(node.outputs.map((output) => [output, undefined])));
  });
  checkEdges(flow, graph, problems);
  // Without a usable startNodeId the schema error says it all; reachability would blame every node.
  if (flow.startNodeId !== undefined && !graph.nodeAt.has(flow.startNodeId)) {
    problems.add('start_node_missing', { pointer: '/startNodeId' }, { id: flow.startNodeId });
  } else if (flow.startNodeId !== undefined) {
    const reached = reachableFrom([flow.startNodeId], graph);
    for (const [id, index] of graph.nodeAt) if (!reached.has(id)) problems.add('unreachable_node', { pointer: `/nodes/${index}`, nodeId: id });
  }
  for (const [id, outputs] of graph.outputs) {
    const index = graph.nodeAt.get(id)!;
    for (const [output, edgeId] of outputs) if (edgeId === undefined) reportLooseOutput(flow.nodes[index]!, index, output, problems);
  }
  return graph;
}

/**
 * An output with no edge ends the conversation there (docs/flow-format.md). The unhappy paths
 * (`invalid`, `fallback`, `error`) get their own warning; any other is a dead end, unless the
 * kind means it as an ending (a handoff an agent resolves).
 */
function reportLooseOutput(node: OutlineNode, index: number, output: string, problems: ProblemList): void {
  if (outputMayEnd(node.type, output)) return;
  const place = { pointer: `/nodes/${index}`, nodeId: node.id };
  if (UNHAPPY_OUTPUTS.has(output)) {
    problems.add('unhandled_output', place, { output: outputTerm(output, node.type) });
    return;
  }
  problems.add('dead_end', place, { output: outputName(node, output) });
}

/** An output as the canvas names it: a menu option by its title, a fixed output by its label. */
function outputName(node: OutlineNode, output: string): string | ProblemTerm {
  let label: string | undefined;
  try {
    label = nodeOutputLabel({ type: node.type, data: node.data } as FlowNode, output);
  } catch {
    label = undefined; // an item of a node that breaks the schema: named by its id below
  }
  return typeof label === 'string' && label !== '' ? label : outputTerm(output, node.type);
}

function checkEdges(flow: FlowOutline, graph: FlowGraph, problems: ProblemList): void {
  const edgeIds = new Set<string>();
  // A plain loop without per-edge closures: this runs for every edge on every keystroke in the editor.
  for (let index = 0; index < flow.edges.length; index++) {
    const edge = flow.edges[index];
    if (edge === undefined) continue;
    const sourceExists = graph.nodeAt.has(edge.source);
    if (edgeIds.has(edge.id)) problems.add('duplicate_edge_id', edgePlace(edge, index, 'id', sourceExists), { id: edge.id });
    edgeIds.add(edge.id);
    if (!sourceExists) {
      problems.add('edge_source_missing', edgePlace(edge, index, 'source', sourceExists), { source: edge.source });
      continue;
    }
    const targetExists = graph.nodeAt.has(edge.target);
    if (!targetExists) problems.add('edge_target_missing', edgePlace(edge, index, 'target', sourceExists), { target: edge.target });
    const node = flow.nodes[graph.nodeAt.get(edge.source)!]!;
    // A node that breaks the schema may be mid-edit (its options emptied): its edges are followed, not judged.
    const outputs = graph.outputs.get(edge.source);
    if (outputs && !outputs.has(edge.sourceHandle) && node.sound) {
      problems.add('edge_unknown_output', edgePlace(edge, index, 'sourceHandle', sourceExists), { output: edge.sourceHandle, outputs: [...outputs.keys()].map((output) => outputName(node, output)) });
      continue;
    }
    const other = outputs?.get(edge.sourceHandle);
    if (other !== undefined) {
      problems.add('edge_output_taken', edgePlace(edge, index, 'sourceHandle', sourceExists), { output: outputName(node, edge.sourceHandle), other });
      continue;
    }
    if (outputs?.has(edge.sourceHandle)) outputs.set(edge.sourceHandle, edge.id);
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

/** The nodes `starts` lead to along the graph's good edges, `starts` included. */
export function reachableFrom(starts: readonly string[], graph: FlowGraph): Set<string> {
  const reached = new Set(starts);
  const queue = [...starts];
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
