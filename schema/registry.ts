import type { Static } from '@sinclair/typebox';
import type { NodeKindSpec } from './common.ts';
import type { NodeCheckContext } from './validate/node-check-context.ts';
import { message } from './nodes/message.ts';
import { menu } from './nodes/menu.ts';
import { question } from './nodes/question.ts';
import { condition } from './nodes/condition.ts';
import { set } from './nodes/set.ts';
import { form } from './nodes/form.ts';
import { aiIntent } from './nodes/ai-intent.ts';
import { apiCall } from './nodes/api-call.ts';
import { handoff } from './nodes/handoff.ts';
import { end } from './nodes/end.ts';

/**
 * Every node kind of flow format v1, keyed by its `type`. The runtime and editor
 * registries are typed `Record<NodeKind, …>` against this, so a kind added here
 * fails the type check until every layer handles it.
 */
export const nodeKinds = {
  message,
  menu,
  question,
  condition,
  set,
  form,
  ai_intent: aiIntent,
  api_call: apiCall,
  handoff,
  end,
} as const;

export type NodeKind = keyof typeof nodeKinds;
export const NODE_KINDS = Object.keys(nodeKinds) as NodeKind[];

/** The node of one kind, e.g. `NodeOf<'menu'>`. */
export type NodeOf<K extends NodeKind> = Static<(typeof nodeKinds)[K]['schema']>;
/** The `data` of one kind, e.g. `NodeData<'question'>`. */
export type NodeData<K extends NodeKind> = NodeOf<K>['data'];
export type FlowNode = { [K in NodeKind]: NodeOf<K> }[NodeKind];

type AnySpec = Pick<NodeKindSpec, 'schema' | 'literalFields'> & {
  outputs(data: FlowNode['data']): string[];
  waits(data: FlowNode['data']): boolean;
  sets?(data: FlowNode['data']): string[];
  check?(data: FlowNode['data'], context: NodeCheckContext): void;
};

function specOf(type: NodeKind): AnySpec {
  return nodeKinds[type] as unknown as AnySpec;
}

/** The outputs a node can leave through, e.g. a menu's option ids then `invalid`. */
export function nodeOutputs(node: FlowNode): string[] {
  return specOf(node.type).outputs(node.data);
}

/** Whether running this node ends the turn to wait for the user. */
export function nodeWaits(node: FlowNode): boolean {
  return specOf(node.type).waits(node.data);
}

/** The flow variables a node sets, e.g. a question's `variable`. */
export function nodeSets(node: FlowNode): string[] {
  return specOf(node.type).sets?.(node.data) ?? [];
}

/** Runs the node kind's own checks (limits, ids, patterns); problems go to `context`. */
export function checkNode(node: FlowNode, context: NodeCheckContext): void {
  specOf(node.type).check?.(node.data, context);
}

/** The `data` fields of a node whose text is not a template. */
export function nodeLiteralFields(node: FlowNode): readonly string[] {
  return specOf(node.type).literalFields ?? [];
}

export function isNodeKind(value: unknown): value is NodeKind {
  return typeof value === 'string' && Object.hasOwn(nodeKinds, value);
}
