import type { Static } from '@sinclair/typebox';
import type { NodeKindSpec } from './common.ts';
import { mergeLabelTrees, wordsIn, type LabelLocale, type LabelTree, type NodeManifest, type Words } from './manifest.ts';
import type { ProblemCode } from './problems.ts';
import { checkUniqueIds } from './validate/field-checks.ts';
import type { NodeCheckContext } from './validate/node-check-context.ts';
import { message } from './nodes/message.ts';
import { menu } from './nodes/menu.ts';
import { question } from './nodes/question.ts';
import { condition } from './nodes/condition.ts';
import { set } from './nodes/set.ts';
import { form } from './nodes/form.ts';
import { aiIntent } from './nodes/ai-intent.ts';
import { aiAnswer } from './nodes/ai-answer.ts';
import { apiCall } from './nodes/api-call.ts';
import { handoff } from './nodes/handoff.ts';
import { end } from './nodes/end.ts';
import { delay } from './nodes/delay.ts';
import { template } from './nodes/template.ts';

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
  ai_answer: aiAnswer,
  api_call: apiCall,
  handoff,
  end,
  delay,
  template,
} as const;

export type NodeKind = keyof typeof nodeKinds;
export const NODE_KINDS = Object.keys(nodeKinds) as NodeKind[];

/** The node of one kind, e.g. `NodeOf<'menu'>`. */
export type NodeOf<K extends NodeKind> = Static<(typeof nodeKinds)[K]['schema']>;
/** The `data` of one kind, e.g. `NodeData<'question'>`. */
export type NodeData<K extends NodeKind> = NodeOf<K>['data'];
export type FlowNode = { [K in NodeKind]: NodeOf<K> }[NodeKind];

type AnySpec = Pick<NodeKindSpec, 'schema' | 'literalFields'> & {
  manifest: Omit<NodeManifest<unknown>, 'fields'> & { fields: LabelTree };
  outputs(data: FlowNode['data']): string[];
  waits(data: FlowNode['data']): boolean;
  sets?(data: FlowNode['data']): string[];
  check?(data: FlowNode['data'], context: NodeCheckContext): void;
  itemOutputs?: { list: string; duplicateCode: ProblemCode; reserved: readonly string[]; label(item: unknown, index: number): string };
  endingOutputs?: readonly string[];
};

function specOf(type: NodeKind): AnySpec {
  return nodeKinds[type] as unknown as AnySpec;
}

/** The outputs a node can leave through, e.g. a menu's option ids then `invalid`. */
export function nodeOutputs(node: FlowNode): string[] {
  return specOf(node.type).outputs(node.data);
}

/** A kind's name in one locale («Menú»), from its manifest. */
export function nodeKindName(type: NodeKind, locale: LabelLocale): string {
  return wordsIn(specOf(type).manifest.name, locale);
}

/** How the canvas labels one of a kind's own outputs («Respuesta inválida»); undefined for item outputs. */
export function nodeKindOutputName(type: NodeKind, output: string, locale: LabelLocale): string | undefined {
  const words = Object.hasOwn(specOf(type).manifest.outputs, output) ? specOf(type).manifest.outputs[output] : undefined;
  return words && wordsIn(words, locale);
}

/** A top-level `data` field as any kind's manifest names it, with its article («el texto»); undefined when none does. */
export function dataFieldName(key: string, locale: LabelLocale): string | undefined {
  const fields = allKindsLabels().fields;
  const entry = Object.hasOwn(fields, key) ? fields[key] : undefined;
  const words = Array.isArray(entry) ? entry as Words : (entry as { label?: Words } | undefined)?.label;
  return words && wordsIn(words, locale);
}

/** The labels of a kind's `data` fields, as problem messages name them. */
export function nodeFieldLabels(type: NodeKind): LabelTree {
  return specOf(type).manifest.fields;
}

let everyKindsLabels: { fields: LabelTree; outputs: Readonly<Record<string, Words>> } | undefined;

/**
 * Every kind's field and output labels in one table, for a node whose kind is unknown or not
 * given; where two kinds name one key differently, the first kind's words stay.
 */
export function allKindsLabels(): { fields: LabelTree; outputs: Readonly<Record<string, Words>> } {
  everyKindsLabels ??= {
    fields: mergeLabelTrees(NODE_KINDS.map((kind) => specOf(kind).manifest.fields)),
    outputs: Object.assign({}, ...NODE_KINDS.map((kind) => specOf(kind).manifest.outputs).reverse()),
  };
  return everyKindsLabels;
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

/**
 * Checks the ids of the items that name outputs (menu options, branches, intents): unique, and
 * not one of the node's own outputs. Reads `data` defensively, so it also runs on a node that
 * breaks the schema elsewhere (an intent whose description is still empty).
 */
export function checkOutputIds(node: { type: NodeKind; data: unknown }, context: NodeCheckContext): void {
  const items = specOf(node.type).itemOutputs;
  if (!items || typeof node.data !== 'object' || node.data === null) return;
  const list = (node.data as Record<string, unknown>)[items.list];
  if (Array.isArray(list)) checkUniqueIds(context, list, `/${items.list}`, items.duplicateCode, items.reserved);
}

/** How the editor names an output that an item of the node names (a menu option's title); undefined for fixed outputs. */
export function nodeOutputLabel(node: FlowNode, output: string): string | undefined {
  const items = specOf(node.type).itemOutputs;
  if (!items) return undefined;
  // The list may be optional (a template without quick replies).
  const list = ((node.data as Record<string, unknown>)[items.list] ?? []) as Array<{ id: string }>;
  const index = list.findIndex((item) => item.id === output);
  return index < 0 ? undefined : items.label(list[index], index);
}

/** Whether an output may be left without an edge, the conversation ending there by design. */
export function outputMayEnd(type: NodeKind, output: string): boolean {
  return specOf(type).endingOutputs?.includes(output) ?? false;
}

/** The `data` fields of a node whose text is not a template. */
export function nodeLiteralFields(type: NodeKind): readonly string[] {
  return specOf(type).literalFields ?? [];
}

export function isNodeKind(value: unknown): value is NodeKind {
  return typeof value === 'string' && Object.hasOwn(nodeKinds, value);
}
