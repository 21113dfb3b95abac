import { settingsOf, type FlowDocument, type FlowNode, type ResolvedSettings, type VariableDeclaration } from '../../schema/index.ts';

/** A flow's nodes by id and edge targets by output, built once per flow object. */
export interface FlowIndex {
  node(id: string): FlowNode | undefined;
  /** The node id an output leads to, or undefined when the output has no edge. */
  target(sourceId: string, output: string): string | undefined;
  /** The flow's settings with defaults filled in. */
  readonly settings: ResolvedSettings;
  /** The declared type of a flow variable (`variables[]`), if declared. */
  variableType(name: string): VariableDeclaration['type'] | undefined;
}

const indexes = new WeakMap<FlowDocument, FlowIndex>();

/**
 * The index of `flow`, cached for as long as the flow object lives (the server keeps
 * its parsed versions, so a turn does not rebuild maps).
 * @example flowIndex(flow).target('bienvenida', 'next') // 'menu_principal'
 */
export function flowIndex(flow: FlowDocument): FlowIndex {
  let index = indexes.get(flow);
  if (index === undefined) {
    index = buildIndex(flow);
    indexes.set(flow, index);
  }
  return index;
}

function buildIndex(flow: FlowDocument): FlowIndex {
  const nodes = new Map(flow.nodes.map((node) => [node.id, node]));
  const targets = new Map<string, Map<string, string>>();
  for (const edge of flow.edges) {
    let outputs = targets.get(edge.source);
    if (outputs === undefined) targets.set(edge.source, (outputs = new Map()));
    // Validation refuses a second edge on one output; at run time the first one wins.
    if (!outputs.has(edge.sourceHandle)) outputs.set(edge.sourceHandle, edge.target);
  }
  const variableTypes = new Map((flow.variables ?? []).map((variable) => [variable.name, variable.type]));
  return {
    settings: settingsOf(flow),
    node: (id) => nodes.get(id),
    variableType: (name) => variableTypes.get(name),
    target: (sourceId, output) => targets.get(sourceId)?.get(output),
  };
}
