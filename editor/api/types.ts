import type { FlowDocument } from '../../schema/index.ts';
import type { Role } from '../../server/auth/roles.ts';
import type { FlowDiff as ServerFlowDiff } from '../../server/flows/diff-flows.ts';
import type { FlowSummary, VersionSummary } from '../../server/flows/repository.ts';
import type { NodeTrial } from '../../server/plugins/node-trials/run-trial.ts';
import type { Problem } from '../store/types.ts';

/** Response shapes of the server's HTTP API (issue 4); where the server has the type, it is reused. */

export type { Role, FlowSummary, VersionSummary };

/** `POST /api/flows/:id/nodes/:nodeId/try`: what one try of an API-call node sent, got and would do. */
export type { NodeTrial };

/** `GET /api/me`: who the bearer token belongs to. */
export interface Me { name: string; role: Role }

export interface FlowDraft extends FlowSummary { document: FlowDocument; problems: Problem[] }

/** `GET /api/tokens`: an API token without its secret. */
export interface ApiToken { id: string; name: string; role: Role; createdBy: string; createdAt: number; revokedAt: number | null }

/** `POST /api/tokens`: the only time the secret is shown. */
export interface CreatedToken { id: string; name: string; role: Role; token: string }

/** `PUT /api/channels/whatsapp/:phoneNumberId`: secrets are write-only, left out to keep the stored ones. */
export interface ChannelBinding { flowId: string; accessToken?: string; appSecret?: string; verifyToken?: string }

/** `GET /api/channels`: a WhatsApp number, whether each secret is set, and its health. */
export interface Channel {
  phoneNumberId: string;
  flowId: string;
  hasAccessToken: boolean;
  hasAppSecret: boolean;
  hasVerifyToken: boolean;
  updatedAt: number;
  lastWebhookAt: number | null;
  lastSendError: { at: number; code: number | null; message: string } | null;
  tokenProblem: 'missing' | 'refused' | null;
}

/** One side of a diff: `draft` or a version number. */
export type DiffSide = 'draft' | number;

/** `GET /api/flows/:id/diff?from=A&to=B`. */
export type FlowDiff = ServerFlowDiff & { from: string; to: string };
export type ElementChanges = ServerFlowDiff['nodes'];

/** An outbound Graph API body, as live traffic would send it (docs/whatsapp.md §2). */
export interface GraphMessage {
  messaging_product?: 'whatsapp';
  to?: string;
  type: string;
  text?: { body: string; preview_url?: boolean };
  image?: GraphMedia;
  video?: GraphMedia;
  audio?: GraphMedia;
  document?: GraphMedia;
  interactive?: GraphInteractive;
  template?: { name: string; language: { code: string }; components?: unknown[] };
}

export interface GraphMedia { link?: string; id?: string; caption?: string; filename?: string }

export interface GraphInteractive {
  type: 'button' | 'list' | 'flow' | string;
  header?: { type: string; text?: string };
  body?: { text: string };
  footer?: { text: string };
  action: {
    buttons?: Array<{ type: 'reply'; reply: { id: string; title: string } }>;
    button?: string;
    sections?: Array<{ title?: string; rows: Array<{ id: string; title: string; description?: string }> }>;
    name?: string;
    parameters?: {
      flow_token: string;
      flow_cta: string;
      flow_id?: string;
      flow_name?: string;
      flow_action?: string;
      flow_action_payload?: { screen: string; data?: Record<string, unknown> };
    };
  };
}

/** One inbound message in the webhook `messages[]` shape, without the envelope fields (docs/whatsapp.md §1). */
export type InboundMessage =
  | { type: 'text'; text: { body: string } }
  | { type: 'interactive'; interactive: InboundInteractive }
  | { type: 'image'; image: InboundMedia & { caption?: string } }
  | { type: 'document'; document: InboundMedia & { caption?: string; filename: string } }
  | { type: 'audio'; audio: InboundMedia & { voice?: boolean } }
  | { type: 'location'; location: { latitude: number; longitude: number; name?: string; address?: string } };

/** Media arrives as an id to download, never the bytes. */
export interface InboundMedia { id: string; mime_type: string; sha256: string }

export type InboundInteractive =
  | { type: 'button_reply'; button_reply: { id: string; title: string } }
  | { type: 'list_reply'; list_reply: { id: string; title: string; description?: string } }
  | { type: 'nfm_reply'; nfm_reply: { name: 'flow'; body: string; response_json: string } };

export interface TraceStep { nodeId: string; type: string; output?: string; detail?: string }

export type SimulationStatus = 'active' | 'handoff' | 'ended' | 'error';

export interface SimulationStart { simulationId: string; messages: GraphMessage[]; activeNodeId?: string | null; variables?: Record<string, unknown>; status?: SimulationStatus }

export interface SimulationTurn {
  messages: GraphMessage[];
  /** Messages the runtime produced that could not become a Graph API body (a limit broken), with why. */
  undelivered?: Array<{ code: string; message: string }>;
  trace: TraceStep[];
  variables: Record<string, unknown>;
  activeNodeId: string | null;
  status: SimulationStatus;
}

/** One line of a conversation's history: `body` is the WhatsApp message (inbound shape or Graph body), often as JSON text. */
export interface ConversationMessage {
  direction: 'in' | 'bot' | 'agent';
  body: unknown;
  createdAt: number;
  /** Delivery of an outgoing message: sent, delivered, read, failed. */
  deliveryStatus?: string | null;
  /** Where an outgoing message is in the outbox before WhatsApp reports on it: queued, in_flight, sent, failed. */
  outboxState?: string | null;
  errorCode?: number | null;
}

/** A conversation waiting for a person (`GET /api/conversations?status=handoff`). */
export interface Conversation {
  id: string | number;
  flowId: string;
  waId: string;
  contactName?: string | null;
  status: string;
  queue?: string | null;
  note?: string | null;
  lastUserMessageAt?: number;
  updatedAt?: number;
  /** Whether the 24-hour customer-service window is open (free-form replies allowed). */
  windowOpen?: boolean;
  /** When the conversation was handed to a person (ms since the epoch); null when not recorded. */
  handoffSince?: number | null;
  messages: ConversationMessage[];
}
