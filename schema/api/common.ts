import { Type } from '@sinclair/typebox';
import { ID_PATTERN } from '../common.ts';
import type { FlowDocument } from '../flow.ts';
import type { Problem } from '../validate/problem-list.ts';

/** Schemas several routes share. */

/**
 * A flow document sent to the server: checked by the flow validator, not by the route schema, so
 * schema violations come back as 422 `{ problems }` naming each field instead of a 400.
 */
export const FlowDocumentInput = Type.Unsafe<Record<string, unknown>>({
  type: 'object', additionalProperties: true, description: 'A flow document (schema/flow.schema.json); checked by the flow validator',
});

/** A stored flow document (a draft or a version), as the server sends it back. */
export const FlowDocumentOutput = Type.Unsafe<FlowDocument>({
  type: 'object', additionalProperties: true, description: 'A flow document (schema/flow.schema.json)',
});

/** Any JSON object: payloads whose shape is WhatsApp's or the runtime's, passed through as they are. */
export const AnyObject = Type.Object({}, { additionalProperties: true });

/** One validation problem, as the flow validator reports it (the editor's problems panel shows them). */
export const ProblemSchema = Type.Unsafe<Problem>(Type.Object({
  severity: Type.Union([Type.Literal('error'), Type.Literal('warning')]),
  code: Type.String(),
  message: Type.String(),
  nodeId: Type.Optional(Type.String()),
  edgeId: Type.Optional(Type.String()),
  pointer: Type.String(),
}, { additionalProperties: true }));

export const Problems = Type.Array(ProblemSchema);

/** Per problem code: how many the document has and how many `problems` lists (capped, schema/problem-cap.ts). */
export const ProblemCounts = Type.Array(Type.Object({
  code: Type.String(),
  severity: Type.Union([Type.Literal('error'), Type.Literal('warning')]),
  total: Type.Integer({ minimum: 1 }),
  shown: Type.Integer({ minimum: 0 }),
}));

export const FlowIdParams = Type.Object({ id: Type.String({ pattern: ID_PATTERN }) });

/** A version number in a path or query string (coerced from text by Fastify). */
export const VersionNumber = Type.Integer({ minimum: 1 });

/** The routes that need a bearer token, in OpenAPI terms (the scheme is declared where the document is built). */
export const BEARER = [{ bearerAuth: [] }];
