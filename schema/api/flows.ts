import { Type, type Static } from '@sinclair/typebox';
import { BEARER, FlowDocumentInput, FlowDocumentOutput, FlowIdParams, ProblemCounts, Problems } from './common.ts';
import { CHECKED_INPUT, FLOW_BODY, JSON_BODY, SIGNED_IN, errorResponses } from './errors.ts';
import { apiRoute } from './route.ts';

/** Drafts: create, list, read, save with optimistic locking, delete. */

export const FlowSummary = Type.Object({
  id: Type.String(),
  name: Type.String(),
  revision: Type.Integer(),
  liveVersion: Type.Union([Type.Integer(), Type.Null()]),
  /** When the draft was last saved (ms since the epoch). */
  updatedAt: Type.Integer(),
  /** Who saved it (the token's name); null when Charla itself stored it (sample flows, drafts older than this field). */
  updatedBy: Type.Union([Type.String(), Type.Null()]),
});
export type FlowSummary = Static<typeof FlowSummary>;

/**
 * `problems` lists the first PROBLEMS_SHOWN_PER_CODE of each code (a generated or careless draft can
 * have thousands of one); `problemCounts` has every code's total.
 */
export const FlowDraft = Type.Composite([FlowSummary, Type.Object({ document: FlowDocumentOutput, problems: Problems, problemCounts: ProblemCounts })]);
export type FlowDraft = Static<typeof FlowDraft>;

/** A saved draft: its new revision and what the validator found (warnings and errors do not stop a save). */
const Saved = Type.Object({ id: Type.String(), revision: Type.Integer(), problems: Problems, problemCounts: ProblemCounts });

const tags = ['flows'];

export const createFlow = apiRoute({
  method: 'POST',
  url: '/api/flows',
  schema: {
    summary: 'Create a flow from a document', tags, security: BEARER,
    body: FlowDocumentInput,
    response: { 201: Saved, ...errorResponses(...SIGNED_IN, ...JSON_BODY, ...FLOW_BODY, 'flow_exists', 'flow_invalid') },
  },
});

export const listFlows = apiRoute({
  method: 'GET',
  url: '/api/flows',
  schema: {
    summary: 'List the flows', tags, security: BEARER,
    response: { 200: Type.Array(FlowSummary), ...errorResponses(...SIGNED_IN) },
  },
});

export const getFlow = apiRoute({
  method: 'GET',
  url: '/api/flows/:id',
  schema: {
    summary: "A flow's draft, with the validator's problems", tags, security: BEARER,
    params: FlowIdParams,
    response: { 200: FlowDraft, ...errorResponses(...SIGNED_IN, ...CHECKED_INPUT, 'flow_not_found') },
  },
});

export const saveFlow = apiRoute({
  method: 'PUT',
  url: '/api/flows/:id',
  schema: {
    summary: 'Save the draft', tags, security: BEARER,
    description: '`revision` is the one the caller loaded: a draft saved since then is a 409 revision_conflict with `currentRevision`, `updatedAt` and `updatedBy` (who saved it).',
    params: FlowIdParams,
    body: Type.Object({ document: FlowDocumentInput, revision: Type.Integer({ minimum: 1 }) }, { additionalProperties: false }),
    response: {
      200: Saved,
      ...errorResponses(...SIGNED_IN, ...JSON_BODY, ...FLOW_BODY, 'id_mismatch', 'flow_not_found', 'revision_conflict', 'flow_invalid'),
    },
  },
});

export const deleteFlow = apiRoute({
  method: 'DELETE',
  url: '/api/flows/:id',
  schema: {
    summary: 'Delete a flow never published', tags, security: BEARER,
    params: FlowIdParams,
    response: { 204: Type.Null(), ...errorResponses(...SIGNED_IN, ...CHECKED_INPUT, 'flow_not_found', 'flow_published') },
  },
});
