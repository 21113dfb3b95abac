/**
 * The shapes the editor exchanges with the server: the contract's types (schema/api/, the same
 * TypeBox schemas the server's routes validate and serialize with), plus what the simulator sends.
 */

export type { Role } from '../../schema/api/roles.ts';
export type { FlowDraft, FlowSummary } from '../../schema/api/flows.ts';
export type { DiffSide, ElementChanges, FlowDiff, MetaFlowSummary, VersionSummary } from '../../schema/api/versions.ts';
/** `POST /api/flows/:id/nodes/:nodeId/try`: what one try of an API-call node sent, got and would do. */
export type { NodeTrial } from '../../schema/api/node-trials.ts';
export type { KnowledgeAnswer } from '../../schema/api/knowledge.ts';
/** `GET /api/tokens`: an API token without its secret; `POST /api/tokens`: the only time the secret is shown. */
export type { CreatedToken, Me, TokenSummary as ApiToken } from '../../schema/api/tokens.ts';
export type {
  AdvanceSimulation, GraphInteractive, GraphMedia, GraphMessage, PendingTimer, SimulationStart, SimulationStatus, SimulationTurn, TraceStep,
} from '../../schema/api/simulations.ts';
export type { Conversation, ConversationMessage } from '../../schema/api/conversations.ts';
export type { AnalyticsQuery, AnalyticsSeries, FlowAnalytics, NodeAnalytics, RunDetail, RunSummary, SeriesPoint } from '../../schema/api/analytics.ts';
export type { Channel, ChannelBinding, ChannelSummary } from '../../schema/api/channels.ts';
export type { TemplateSummary } from '../../schema/api/templates.ts';

/** One inbound message in the webhook `messages[]` shape, without the envelope fields (docs/whatsapp.md §1). */
export type InboundMessage =
  | { type: 'text'; text: { body: string } }
  | { type: 'interactive'; interactive: InboundInteractive }
  /** A tap on a template's quick-reply button: its payload is the label unless the send set one. */
  | { type: 'button'; button: { payload: string; text: string } }
  | { type: 'image'; image: InboundMedia & { caption?: string } }
  | { type: 'document'; document: InboundMedia & { caption?: string; filename: string } }
  | { type: 'audio'; audio: InboundMedia & { voice?: boolean } }
  | { type: 'location'; location: { latitude: number; longitude: number; name?: string; address?: string } }
  /** Events that are not answers (runtime/whatsapp/non-answer.ts): a reaction (`emoji: ''` removes it)… */
  | { type: 'reaction'; reaction: { message_id: string; emoji: string } }
  /** …an edit of a sent text, a deletion, and "chat opened". */
  | { type: 'edit'; edit: { original_message_id: string; message: { type: 'text'; text: { body: string } } } }
  | { type: 'revoke'; revoke: { original_message_id: string } }
  | { type: 'request_welcome' };

/** Media arrives as an id to download, never the bytes. */
export interface InboundMedia { id: string; mime_type: string; sha256: string }

export type InboundInteractive =
  | { type: 'button_reply'; button_reply: { id: string; title: string } }
  | { type: 'list_reply'; list_reply: { id: string; title: string; description?: string } }
  | { type: 'nfm_reply'; nfm_reply: { name: 'flow'; body: string; response_json: string } };
