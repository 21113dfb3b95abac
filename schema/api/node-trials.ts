import { Type, type Static } from '@sinclair/typebox';
import { ID_PATTERN } from '../common.ts';
import { AnyObject, BEARER } from './common.ts';
import { FLOW_BODY, JSON_BODY, SIGNED_IN, errorResponses } from './errors.ts';
import { apiRoute } from './route.ts';

const Headers = Type.Record(Type.String(), Type.String());
const AnyValue = Type.Unknown();

/**
 * What trying the call did. The call failing is still a 200: the request to Charla worked.
 * A server that answered (any status, 500 included) gives `response`; a call that got no answer
 * (refused address, timeout, DNS, network, too large) gives `error` with an adapter code
 * (runtime/adapters/errors.ts). Secret values are `••••` everywhere, the echoed request included.
 */
export const NodeTrial = Type.Object({
  request: Type.Object({
    method: Type.String(),
    url: Type.String(),
    headers: Headers,
    body: Type.Optional(Type.String()),
    timeoutMs: Type.Integer(),
  }),
  response: Type.Optional(Type.Object({
    status: Type.Integer(),
    headers: Headers,
    /** Parsed JSON, else the text; cut at 64 KB of text (then always text, with `truncated`). */
    body: AnyValue,
    truncated: Type.Boolean(),
  })),
  error: Type.Optional(Type.Object({ code: Type.String(), message: Type.String() })),
  durationMs: Type.Number(),
  outputs: Type.Object({
    /** The output the node would leave through. */
    output: Type.Union([Type.Literal('success'), Type.Literal('error')]),
    /** The variables its response mapping would set. */
    variables: Type.Record(Type.String(), AnyValue),
    /** Variables it would clear (a mapped path the response lacks). */
    unset: Type.Array(Type.String()),
  }),
}, {
  description: 'One try of an api_call node. 200 even when the call fails: `response` when the remote server answered '
    + '(any status), `error` { code, message } when it did not (refused_address, timeout, dns, network, too_large…).',
});
export type NodeTrial = Static<typeof NodeTrial>;

export const tryApiCallNode = apiRoute({
  method: 'POST',
  url: '/api/flows/:id/nodes/:nodeId/try',
  schema: {
    summary: "Run an API-call node's request once, for real, and say what the node would do with the answer",
    description: 'Analysts and admins only (it reaches outside services with the server\'s secrets); nothing is stored.',
    tags: ['flows'], security: BEARER,
    params: Type.Object({ id: Type.String({ pattern: ID_PATTERN }), nodeId: Type.String({ pattern: ID_PATTERN }) }),
    /**
     * `data`: the node's data as the inspector has it (unsaved edits included); the stored draft's
     * otherwise. Checked against the api_call schema by the flow validator, so a bad field is a 422
     * `{ problems }` naming it rather than a 400. `variables`: values for the templates' `{{…}}`.
     */
    body: Type.Union([
      Type.Object({
        data: Type.Optional(AnyObject),
        variables: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
      }, { additionalProperties: false }),
      Type.Null(),
    ]),
    response: {
      200: NodeTrial,
      ...errorResponses(...SIGNED_IN, ...JSON_BODY, ...FLOW_BODY, 'flow_not_found', 'node_not_found', 'node_not_api_call', 'node_data_invalid'),
    },
  },
});

