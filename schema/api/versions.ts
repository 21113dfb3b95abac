import { Type, type Static } from '@sinclair/typebox';
import { BEARER, FlowDocumentOutput, FlowIdParams, VersionNumber } from './common.ts';
import { CHECKED_INPUT, JSON_BODY, META_FLOWS, SIGNED_IN, errorResponses } from './errors.ts';
import { apiRoute } from './route.ts';

/** Publishing, the version history, the live pointer, and diffs between versions and the draft. */

export const VersionSummary = Type.Object({
  version: Type.Integer(),
  contentHash: Type.String(),
  author: Type.String(),
  note: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.Integer(),
  live: Type.Boolean(),
});
export type VersionSummary = Static<typeof VersionSummary>;

const VersionParams = Type.Composite([FlowIdParams, Type.Object({ version: VersionNumber })]);

/** Ids of the items added, removed and changed, and for each changed id the fields that differ. */
export const ElementChanges = Type.Object({
  added: Type.Array(Type.String()),
  removed: Type.Array(Type.String()),
  changed: Type.Array(Type.String()),
  /** `{ menu: ['data.options', 'position'] }` */
  fields: Type.Record(Type.String(), Type.Array(Type.String())),
});
export type ElementChanges = Static<typeof ElementChanges>;

/** What changed between two flow documents, matching nodes and edges by id. */
export const FlowChanges = Type.Object({
  /** Document fields other than nodes and edges that differ (`name`, `settings.restartKeywords`, ...). */
  fields: Type.Array(Type.String()),
  nodes: ElementChanges,
  edges: ElementChanges,
});
export type FlowChanges = Static<typeof FlowChanges>;

export const FlowDiff = Type.Composite([Type.Object({ from: Type.String(), to: Type.String() }), FlowChanges]);
export type FlowDiff = Static<typeof FlowDiff>;

/** `draft` or a version number, as a diff's side. */
const DiffSideText = Type.String({ pattern: '^(draft|[1-9][0-9]{0,8})$' });
export type DiffSide = 'draft' | number;

const tags = ['versions'];

export const publishDraft = apiRoute({
  method: 'POST',
  url: '/api/flows/:id/versions',
  schema: {
    summary: 'Publish the draft as a new version and make it live', tags, security: BEARER,
    params: FlowIdParams,
    body: Type.Union([Type.Object({ note: Type.Optional(Type.String({ maxLength: 1000 })) }, { additionalProperties: false }), Type.Null()]),
    response: {
      201: Type.Object({ version: Type.Integer(), contentHash: Type.String() }),
      ...errorResponses(...SIGNED_IN, ...JSON_BODY, 'flow_not_found', 'draft_unchanged', 'revision_conflict', 'publish_blocked', ...META_FLOWS),
    },
  },
});

export const listVersions = apiRoute({
  method: 'GET',
  url: '/api/flows/:id/versions',
  schema: {
    summary: "A flow's versions, newest first", tags, security: BEARER,
    params: FlowIdParams,
    response: { 200: Type.Array(VersionSummary), ...errorResponses(...SIGNED_IN, ...CHECKED_INPUT, 'flow_not_found') },
  },
});

export const getVersion = apiRoute({
  method: 'GET',
  url: '/api/flows/:id/versions/:version',
  schema: {
    summary: "A version's document", tags, security: BEARER,
    description: 'The body is the document itself; the content hash is the ETag and the number is in X-Charla-Version.',
    params: VersionParams,
    response: { 200: FlowDocumentOutput, ...errorResponses(...SIGNED_IN, ...CHECKED_INPUT, 'flow_not_found', 'version_not_found') },
  },
});

export const setLiveVersion = apiRoute({
  method: 'PUT',
  url: '/api/flows/:id/live',
  schema: {
    summary: 'Roll the live pointer back or forward to a version', tags, security: BEARER,
    params: FlowIdParams,
    body: Type.Object({ version: VersionNumber }, { additionalProperties: false }),
    response: {
      200: Type.Object({ id: Type.String(), liveVersion: Type.Integer() }),
      ...errorResponses(...SIGNED_IN, ...JSON_BODY, 'flow_not_found', 'version_not_found', ...META_FLOWS),
    },
  },
});

export const diffVersions = apiRoute({
  method: 'GET',
  url: '/api/flows/:id/diff',
  schema: {
    summary: 'Nodes and edges added, removed and changed between two versions or the draft', tags, security: BEARER,
    params: FlowIdParams,
    querystring: Type.Object({ from: DiffSideText, to: DiffSideText }, { additionalProperties: false }),
    response: { 200: FlowDiff, ...errorResponses(...SIGNED_IN, ...CHECKED_INPUT, 'flow_not_found', 'version_not_found') },
  },
});

/** A form node's WhatsApp Flow at Meta on one business account (docs/whatsapp.md §4). */
export const MetaFlowSummary = Type.Object({
  version: Type.Integer(),
  wabaId: Type.String(),
  nodeId: Type.String(),
  metaFlowId: Type.String(),
  /** DRAFT: created, its Flow JSON not (yet) accepted; PUBLISHED: sent by this id; DEPRECATED: no conversation runs its version. */
  status: Type.Union([Type.Literal('DRAFT'), Type.Literal('PUBLISHED'), Type.Literal('DEPRECATED')]),
  /** Meta's `validation_errors` of the last upload, when it refused the Flow JSON. */
  validationErrors: Type.Array(Type.Object({ error: Type.String(), message: Type.String() }, { additionalProperties: true })),
  updatedAt: Type.Integer(),
});
export type MetaFlowSummary = Static<typeof MetaFlowSummary>;

export const listMetaFlows = apiRoute({
  method: 'GET',
  url: '/api/flows/:id/meta-flows',
  schema: {
    summary: 'The WhatsApp Flows at Meta behind the forms of each version, per business account', tags, security: BEARER,
    params: FlowIdParams,
    response: { 200: Type.Array(MetaFlowSummary), ...errorResponses(...SIGNED_IN, ...CHECKED_INPUT, 'flow_not_found') },
  },
});
