import { Type, type TSchema, type Static } from '@sinclair/typebox';
import type { NodeCheckContext } from './validate/node-check-context.ts';

/** Ids of flows, nodes, edges, options, branches and intents (flow-format.md). */
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

type DataOf<S extends TSchema> = Static<S> extends { data: infer D } ? D : never;

/** What every node kind declares once, in its own file under schema/nodes. */
export interface NodeKindSpec<S extends TSchema = TSchema> {
  schema: S;
  /** The named outputs an edge may leave through, in display order. */
  outputs(data: DataOf<S>): string[];
  /** Whether the node stops the turn to wait for the user. */
  waits(data: DataOf<S>): boolean;
  /** The flow variables the node sets (so templates may use them). */
  sets?(data: DataOf<S>): string[];
  /** Checks beyond the JSON Schema (WhatsApp limits, ids, patterns, URLs), run by validateFlow. */
  check?(data: DataOf<S>, context: NodeCheckContext): void;
  /** Top-level `data` fields whose text is not a template (a regular expression, a Flow JSON document). */
  literalFields?: readonly string[];
}

export function defineNodeKind<S extends TSchema>(spec: NodeKindSpec<S>): NodeKindSpec<S> {
  return spec;
}
