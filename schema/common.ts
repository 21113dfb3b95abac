import { Type, type TSchema, type Static } from '@sinclair/typebox';
import type { NodeManifest } from './manifest.ts';
import type { ProblemCode } from './problems.ts';
import type { NodeCheckContext } from './validate/node-check-context.ts';

/** Ids of flows, nodes, edges, options, branches and intents (docs/flow-format.md). */
export const ID_PATTERN = '^[a-z0-9][a-z0-9_-]{0,63}$';
export const Id = Type.String({ pattern: ID_PATTERN, description: 'lower-case letters, digits, _ and -; at most 64' });

/** A flow variable name, usable in templates as {{name}}. */
export const VARIABLE_PATTERN = '^[A-Za-z_][A-Za-z0-9_]{0,63}$';
export const VariableName = Type.String({ pattern: VARIABLE_PATTERN });

/** Any text the runtime renders: may hold {{variable}} placeholders. */
export const Template = Type.String();
export const NonEmptyTemplate = Type.String({ minLength: 1 });

export const Position = Type.Object(
  { x: Type.Number(), y: Type.Number() },
  { additionalProperties: false },
);

export const MaxRetries = Type.Integer({ minimum: 0, maximum: 10 });

/** How long a waiting node waits for an answer before leaving through `timeout` (any positive number; at most 30 days). */
export const TimeoutSeconds = Type.Number({ exclusiveMinimum: 0, maximum: 2_592_000 });

/** A waiting node's outputs, plus `timeout` when it has a `timeoutSeconds`. */
export function withTimeout(outputs: string[], data: { timeoutSeconds?: number }): string[] {
  return data.timeoutSeconds === undefined ? outputs : [...outputs, 'timeout'];
}

/** Builds the schema of one node kind: `{ id, type, position, data }`. */
export function nodeSchema<K extends string, D extends TSchema>(type: K, data: D) {
  return Type.Object(
    {
      id: Id,
      type: Type.Literal(type),
      position: Position,
      data,
      label: Type.Optional(Type.String({ maxLength: 120 })),
    },
    { additionalProperties: false },
  );
}

export type DataOf<S extends TSchema> = Static<S> extends { data: infer D } ? D : never;

/**
 * A list in a node's `data` whose items each name an output by their `id` (menu options,
 * condition branches, intents). validateFlow checks their ids even while the node breaks the
 * schema elsewhere, since colliding ids make colliding outputs on the canvas.
 */
export type ItemOutputs<D> = {
  [K in keyof D & string]: NonNullable<D[K]> extends ReadonlyArray<infer Item> ? {
    list: K;
    /** The code of two items with one id. */
    duplicateCode: ProblemCode;
    /** The node's own outputs an item id may not take (`invalid`, `else`, `fallback`, `timeout`). */
    reserved: readonly string[];
    /** How the editor names the item's output: a menu option by its title. */
    label(item: Item, index: number): string;
  } : never;
}[keyof D & string];

/** What every node kind declares once, in its own file under schema/nodes. */
export interface NodeKindSpec<S extends TSchema = TSchema> {
  schema: S;
  /** Its name and its fields' and outputs' labels: what other layers say about it. */
  manifest: NodeManifest<DataOf<S>>;
  /** The named outputs an edge may leave through, in display order; each one not named by an item has a label in `manifest.outputs`. */
  outputs(data: DataOf<S>): string[];
  /** Whether the node stops the turn to wait for the user. */
  waits(data: DataOf<S>): boolean;
  /** The flow variables the node sets (so templates may use them). */
  sets?(data: DataOf<S>): string[];
  /** Checks beyond the JSON Schema (WhatsApp limits, ids, patterns, URLs), run by validateFlow. */
  check?(data: DataOf<S>, context: NodeCheckContext): void;
  /** The list whose items name outputs, if the kind has one. */
  itemOutputs?: ItemOutputs<DataOf<S>>;
  /** Outputs that may be left without an edge: the conversation is meant to end there. */
  endingOutputs?: readonly string[];
  /** Top-level `data` fields whose text is not a template (a regular expression, a Flow JSON document). */
  literalFields?: readonly string[];
}

export function defineNodeKind<S extends TSchema>(spec: NodeKindSpec<S>): NodeKindSpec<S> {
  return spec;
}
