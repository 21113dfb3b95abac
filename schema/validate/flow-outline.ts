import type { FlowDocument, FlowEdge } from '../flow.ts';
import { isNodeKind, nodeOutputs, nodeSets, nodeWaits, type FlowNode, type NodeKind } from '../registry.ts';

/** A node as the graph checks see it: sound (passes its kind's schema) or read as far as it goes. */
export interface OutlineNode {
  id: string;
  type: NodeKind;
  data: unknown;
  /** The node itself when it passes its kind's schema: only then its kind's `check` runs on it. */
  sound: FlowNode | undefined;
  /** Its outputs; undefined when its data is too broken to tell. */
  outputs: string[] | undefined;
  /** Whether it waits for the user; a broken node counts as waiting, so no loop is blamed on a guess. */
  waits: boolean;
  /** The variables it sets, as far as they can be read. */
  sets: string[];
}

/** What the graph and variable checks need of a document: every node, and each edge that holds up. */
export interface FlowOutline {
  /** Undefined when the document has no usable `startNodeId`. */
  startNodeId: string | undefined;
  nodes: OutlineNode[];
  /** By their index in the document; undefined where an edge breaks the schema. */
  edges: Array<FlowEdge | undefined>;
  /** The declared variables' names. */
  declared: string[];
  /** `settings.currency`, which `{{total | moneda}}` shows amounts in. */
  currency: string | undefined;
}

/** The outline of a document that passed the schema: every node and edge is sound. */
export function outlineOfValidFlow(flow: FlowDocument): FlowOutline {
  return {
    startNodeId: flow.startNodeId,
    nodes: flow.nodes.map(soundOutline),
    edges: flow.edges,
    declared: (flow.variables ?? []).map((variable) => variable.name),
    currency: flow.settings?.currency,
  };
}

/**
 * The outline of a document that broke the schema, when its skeleton holds: `nodes` and `edges`
 * are arrays and each node is an object with a string id and a known type (otherwise edges and
 * reachability cannot be told apart from the breakage, and undefined is returned). `broken` names
 * the nodes and edges the schema's errors fall in (schema-errors.ts brokenItems); the others are sound.
 */
export function outlineOfBrokenFlow(document: unknown, broken: { nodes: ReadonlySet<number>; edges: ReadonlySet<number> }): FlowOutline | undefined {
  if (!isRecord(document) || !Array.isArray(document.nodes) || !Array.isArray(document.edges)) return undefined;
  // Array.from, not every/map: those skip the holes of a sparse array.
  const skeleton = Array.from(document.nodes as unknown[]);
  if (!skeleton.every((node) => isRecord(node) && typeof node.id === 'string' && isNodeKind(node.type))) return undefined;
  const nodes = (skeleton as Array<{ id: string; type: NodeKind; data?: unknown }>).map((node, index): OutlineNode => {
    if (!broken.nodes.has(index)) return soundOutline(node as FlowNode);
    // The kind's functions expect sound data: read what they can, and take nothing from what throws.
    const outputs = attempt(() => nodeOutputs(node as FlowNode));
    return {
      id: node.id, type: node.type, data: node.data, sound: undefined,
      outputs: outputs?.every((output) => typeof output === 'string' && output !== '') ? outputs : undefined,
      waits: attempt(() => nodeWaits(node as FlowNode)) === false ? false : true,
      sets: (attempt(() => nodeSets(node as FlowNode)) ?? []).filter((name): name is string => typeof name === 'string'),
    };
  });
  const edges = Array.from(document.edges as unknown[], (edge, index) => (broken.edges.has(index) ? undefined : edge as FlowEdge));
  const variables = Array.isArray(document.variables) ? document.variables : [];
  return {
    startNodeId: typeof document.startNodeId === 'string' && document.startNodeId !== '' ? document.startNodeId : undefined,
    nodes,
    edges,
    declared: variables.flatMap((variable) => (isRecord(variable) && typeof variable.name === 'string' ? [variable.name] : [])),
    currency: isRecord(document.settings) && typeof document.settings.currency === 'string' ? document.settings.currency : undefined,
  };
}

function soundOutline(node: FlowNode): OutlineNode {
  return { id: node.id, type: node.type, data: node.data, sound: node, outputs: nodeOutputs(node), waits: nodeWaits(node), sets: nodeSets(node) };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function attempt<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}
