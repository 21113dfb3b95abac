import { Type } from '@sinclair/typebox';
import { ID_PATTERN } from '../../schema/index.ts';

/** JSON schemas shared by several routes. */

/** A flow document in a request or response: checked by checkDraft, not by the route schema, so
 * schema violations come back as 422 `{ problems }` instead of 400. */
export const AnyDocument = Type.Unsafe<Record<string, unknown>>({ type: 'object', additionalProperties: true });

export const ProblemSchema = Type.Object({
  severity: Type.Union([Type.Literal('error'), Type.Literal('warning')]),
  code: Type.String(),
  message: Type.String(),
  nodeId: Type.Optional(Type.String()),
  edgeId: Type.Optional(Type.String()),
  pointer: Type.String(),
}, { additionalProperties: true });

export const Problems = Type.Array(ProblemSchema);

export const FlowIdParams = Type.Object({ id: Type.String({ pattern: ID_PATTERN }) });

/** A version number in a path or query string (coerced from text by Fastify). */
export const VersionNumber = Type.Integer({ minimum: 1 });
