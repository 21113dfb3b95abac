import type { FlowDocument, KnowledgeEntry, NodeKind } from '../../schema/index.ts';

/**
 * Who the bot talks to. `waId` is the phone number as digits, empty when WhatsApp withholds it (a user
 * with a username may write with only their business-scoped user id, `userId`, e.g. `US.13491208655302741918`).
 * At least one of the two is set; contactAddress() picks the one replies go to.
 */
export interface Contact {
  waId: string;
  /** The business-scoped user id (BSUID) Meta gives every user, tied to this business portfolio. */
  userId?: string;
  /** The WhatsApp username the user chose, when they have one (shown instead of the phone number). */
  username?: string;
  name?: string;
  /** The click-to-WhatsApp ad the conversation came from (`referral`: source_url, headline, ctwa_clid, …). */
  referral?: Record<string, string>;
}

export type MediaKind = 'image' | 'video' | 'audio' | 'document' | 'sticker';

/**
 * One thing that happened to a conversation, channel-neutral. The WhatsApp
 * converter (runtime/whatsapp/inbound.ts) turns each webhook `messages[]` item
 * into one of these; the simulator builds them from the same WhatsApp shape.
 */
export type InboundEvent =
  | { type: 'text'; text: string }
  | { type: 'button_reply'; id: string; title: string }
  | { type: 'list_reply'; id: string; title: string; description?: string }
  /** A tap on a template quick-reply button (`type: "button"` in the webhook). */
  | { type: 'template_button'; payload: string; text: string }
  /** A completed WhatsApp Flows form (`nfm_reply`), `response_json` parsed. */
  | { type: 'form_reply'; response: Record<string, unknown>; flowToken?: string }
  | { type: 'media'; media: MediaKind; mediaId: string; mimeType?: string; caption?: string; filename?: string }
  | { type: 'location'; latitude: number; longitude: number; name?: string; address?: string }
  | { type: 'contacts'; contacts: unknown[] }
  | { type: 'reaction'; messageId: string; emoji: string }
  /** A cart sent from the business's WhatsApp catalog (`type: "order"`); the core keeps it as the variable `order`. */
  | { type: 'order'; catalogId: string; text?: string; items: OrderItem[] }
  | { type: 'unsupported'; detail?: string }
  | { type: 'system'; body?: string }
  /** Not from the user: an agent handed the conversation back to the bot. */
  | { type: 'handoff_resolved' }
  /** Not from the user: an agent wrote to the customer during a handoff (stops its `unanswered` timer). */
  | { type: 'agent_replied' }
  /** Not from the user: a timer the core scheduled fell due (runtime/core/timers.ts). */
  | { type: 'timer'; timer: Timer };

/**
 * Something the core asks the host to do later, as data: at `dueAt`, feed `{ type: 'timer', timer }`
 * back to runTurn. It belongs to the conversation state `epoch` it was set in; once the conversation
 * has moved on (an answer, a restart, a handoff) it is stale and firing it does nothing.
 */
export interface Timer {
  dueAt: number;
  epoch: number;
  /** `leave`: the node waiting at `nodeId` leaves through `output` (`timeout`, `unanswered`, a delay's `next`); `expire`: the session times out. */
  action: { type: 'leave'; nodeId: string; output: string } | { type: 'expire' };
}

/** What a turn asks of the host's timers: drop those of the state the conversation left, set the new state's. */
export type TimerEffect =
  | { type: 'cancel_timers'; epoch: number }
  | { type: 'schedule_timer'; timer: Timer };

/**
 * What the bot says, channel-neutral. runtime/whatsapp/outbound.ts turns each
 * into a Graph API body; the simulator shows exactly those bodies.
 */
export type OutboundMessage =
  /** `quotesCustomer`: a reply to the customer's message the turn answers, shown quoted (a re-prompt after an answer that did not fit). */
  | { type: 'text'; text: string; quotesCustomer?: boolean }
  | { type: 'media'; media: { kind: Exclude<MediaKind, 'sticker'>; url: string; caption?: string; filename?: string } }
  | { type: 'buttons'; body: string; header?: string; headerMedia?: HeaderMedia; footer?: string; buttons: Array<{ id: string; title: string }> }
  /** A text with one button that opens `url` (WhatsApp's `cta_url` interactive message). */
  | { type: 'link'; body: string; header?: string; headerMedia?: HeaderMedia; footer?: string; label: string; url: string }
  /** A text with WhatsApp's "Send location" button (`location_request_message`); the pin comes back as a `location` event. */
  | { type: 'location_request'; body: string }
  | { type: 'location'; latitude: number; longitude: number; name?: string; address?: string }
  | { type: 'contacts'; contacts: SharedContact[] }
  /** A reaction to the customer's message the turn answers. */
  | { type: 'reaction'; emoji: string }
  | {
      type: 'list';
      body: string;
      header?: string;
      footer?: string;
      button: string;
      rows: Array<{ id: string; title: string; description?: string }>;
    }
  | {
      type: 'form';
      body: string;
      header?: string;
      footer?: string;
      cta: string;
      flowToken: string;
      /** Meta's id of the registered form, when the node has one. */
      flowId?: string;
      /** Used when there is no flowId (draft forms). */
      flowName: string;
      screen: string;
      nodeId: string;
    }
  /** An approved WhatsApp template, its placeholders already rendered. */
  | {
      type: 'template';
      name: string;
      language: string;
      bodyParameters?: Record<string, string>;
      headerParameter?: string;
      buttonParameters?: Record<string, string>;
    };

/** One line of a catalog order, as Meta sends it (`product_items[]`). */
export interface OrderItem {
  productRetailerId: string;
  quantity: number;
  itemPrice: number;
  currency: string;
}

/** A media file shown as an interactive message's header (reply buttons, a link button), by its link. */
export interface HeaderMedia {
  kind: 'image' | 'video' | 'document';
  url: string;
}

/** A contact card the bot shares (WhatsApp's `contacts` message). */
export interface SharedContact {
  name: string;
  phone?: string;
  email?: string;
}

export type SessionStatus = 'active' | 'handoff' | 'ended' | 'error';

/** A conversation's state: plain JSON, safe to persist and resume in another process. */
export interface Session {
  flowId: string;
  /** The published version this conversation is pinned to, or 'draft' in the simulator. */
  version: number | 'draft';
  status: SessionStatus;
  /** The node waiting for the user (or for an agent, in handoff); null once ended. */
  nodeId: string | null;
  /** How many invalid answers the waiting node has had. */
  retries: number;
  /** The flow_token sent with the last form, checked on its reply. */
  flowToken?: string;
  variables: Record<string, unknown>;
  contact: Contact;
  /** Text of the last user message, for {{message.text}}. */
  lastText?: string;
  startedAt: number;
  lastUserMessageAt: number;
  error?: { nodeId: string; code: string; message: string };
  /**
   * Set while status is 'handoff': `node` when a handoff node started it (an agent's
   * resolve continues from its `resolved` output), `keyword` when the user typed a
   * handoff keyword and `agent` when a person took the conversation over (a resolve
   * re-prompts the node in `nodeId`, or starts over).
   */
  handoff?: {
    by: 'node' | 'keyword' | 'agent';
    /** When the handoff began (ms since the epoch): the inbox shows how long the customer has waited. Absent in sessions stored before it existed. */
    since?: number;
    /** When an agent first wrote to the customer: from then on the handoff is answered. */
    answeredAt?: number;
  };
  /**
   * Counts the conversation's moves: every turn that runs the flow (an answer, a retry, a restart,
   * a handoff, a timer) starts a new state, and timers carry the state they were set in. Absent = 0.
   */
  epoch?: number;
}

export interface TraceEntry {
  nodeId: string;
  type: NodeKind;
  /** The output taken, when the node moved on. */
  output?: string;
  /** A short reason (validation failure, HTTP status, intent and confidence, error). Never holds secrets. */
  detail?: string;
  /** The knowledge entries an `ai_answer` node's reply came from. */
  cited?: CitedEntry[];
  /** With `cited`: which of the turn's messages (0-based) is that reply. */
  citedMessage?: number;
}

/** A knowledge entry a reply came from, as the trace and the simulator name it. */
export interface CitedEntry {
  id: string;
  title: string;
}

/** Side effects other than messages, for the edge to carry out (as data). */
export type RuntimeEffect =
  | { type: 'handoff_started'; nodeId: string; queue?: string; note?: string }
  | { type: 'conversation_ended'; nodeId: string | null }
  | { type: 'error'; nodeId: string; code: string; message: string }
  /** A `delay` node pauses: show the customer WhatsApp's typing indicator (Meta keeps it up to 25 s). */
  | { type: 'typing_indicator'; nodeId: string; seconds: number }
  /**
   * Messages of a timer turn the host must not send free-form: the customer's 24-hour window had
   * closed. `count` were held back (`withheld`); the flow's fallback template (if any) goes out instead.
   */
  | { type: 'window_closed'; nodeId: string | null; count: number; withheld: OutboundMessage[] };

export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
}

/**
 * `headers` (lower-case names) come with any answer the server gave; `text` is also kept for
 * a non-2xx answer, for the editor's "try it". Behaviours read neither.
 */
export type HttpResponse =
  | { ok: true; status: number; json: unknown; text: string; headers?: Record<string, string> }
  | { ok: false; status?: number; reason: string; text?: string; headers?: Record<string, string> };

export interface IntentRequest {
  text: string;
  intents: Array<{ id: string; description: string; examples: string[] }>;
  language?: string;
}

export interface IntentResult {
  intent: string | null;
  confidence: number;
  /** Which classifier answered ('openai', 'offline'), or why it failed. */
  source: string;
}

/** A customer's question for the flow's knowledge (docs/flow-format.md, "Knowledge"). */
export interface AnswerRequest {
  question: string;
  knowledge: KnowledgeEntry[];
  language?: string;
}

export interface AnswerResult {
  /** The reply to send; null when the knowledge does not answer the question. */
  answer: string | null;
  /** The ids of the entries the reply comes from; the node discards a reply citing none of the request's entries. */
  entryIds: string[];
  /** From 0 to 1; the node compares it with its `minConfidence`. */
  confidence: number;
  /** Which answerer replied ('offline', 'openai'), or why it failed. */
  source: string;
}

/** The outside world as the core sees it. Adapters live in runtime/adapters and the server. */
export interface RuntimePorts {
  http(request: HttpRequest): Promise<HttpResponse>;
  classifyIntent(request: IntentRequest): Promise<IntentResult>;
  /** Answers a question from the given knowledge only: offline retrieval, or a model when configured. */
  answerFromKnowledge(request: AnswerRequest): Promise<AnswerResult>;
  /** An unguessable token (form flow_token). */
  newToken(): string;
  /**
   * What a voice note says, as text (live traffic with a model endpoint: the audio is downloaded from
   * WhatsApp and transcribed). Absent: voice notes cannot be heard, and a node that reads text asks
   * the customer to write. Throws when the audio cannot be fetched or transcribed.
   */
  transcribeAudio?(audio: { mediaId: string; mimeType?: string }): Promise<string>;
}

export interface TurnInput {
  flow: FlowDocument;
  /** The stored session, or null for a first message. An ended or expired one starts afresh. */
  session: Session | null;
  event: InboundEvent;
  contact: Contact;
  /** The version `flow` is, pinned into new sessions. */
  version: number | 'draft';
  /** Milliseconds since the epoch: the core never reads the clock. */
  now: number;
  ports: RuntimePorts;
  /** Values of {{secrets.NAME}}: used while rendering, never stored or traced. */
  secrets?: Readonly<Record<string, string>>;
}

export interface TurnResult {
  session: Session;
  messages: OutboundMessage[];
  trace: TraceEntry[];
  effects: RuntimeEffect[];
  /** Timers to cancel and set, in order; empty when the turn left the conversation where it was. */
  timers: TimerEffect[];
  /** The nodes entered this turn, in order (a node receiving its answer is not entered again): analytics counts them. */
  entered: string[];
  /** The node that sent each of `messages`, index for index (null: sent with no node, e.g. before the flow started). */
  senders: Array<string | null>;
}
