import { Type, type Static } from '@sinclair/typebox';
import { AnyObject, BEARER, FlowIdParams, VersionNumber } from './common.ts';
import { CHECKED_INPUT, JSON_BODY, SIGNED_IN, errorResponses } from './errors.ts';
import { apiRoute } from './route.ts';

/** The simulator: conversations with a draft or a version that never reach the Graph API. */

/** An outbound Graph API body, as live traffic would send it (docs/whatsapp.md §2). */
export interface GraphMessage {
  messaging_product?: 'whatsapp';
  to?: string;
  type: string;
  /** A reply that quotes the customer's message. */
  context?: { message_id: string };
  location?: { latitude: string; longitude: string; name?: string; address?: string };
  contacts?: Array<{ name: { formatted_name: string }; phones?: Array<{ phone: string }>; emails?: Array<{ email: string }> }>;
  reaction?: { message_id: string; emoji: string };
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
  header?: { type: string; text?: string; image?: { link: string }; video?: { link: string }; document?: { link: string } };
  body?: { text: string };
  footer?: { text: string };
  action: {
    buttons?: Array<{ type: 'reply'; reply: { id: string; title: string } }>;
    button?: string;
    sections?: Array<{ title?: string; rows: Array<{ id: string; title: string; description?: string }> }>;
    name?: string;
    parameters?: {
      /** A `cta_url` button's label and link. */
      display_text?: string;
      url?: string;
      flow_token?: string;
      flow_cta?: string;
      flow_id?: string;
      flow_name?: string;
      flow_action?: string;
      flow_action_payload?: { screen: string; data?: Record<string, unknown> };
    };
  };
}

/** A reply as live traffic would send it to the Graph API, passed through as the runtime built it. */
const GraphMessageSchema = Type.Unsafe<GraphMessage>(AnyObject);

export const SimulationStatus = Type.Union([Type.Literal('active'), Type.Literal('handoff'), Type.Literal('ended'), Type.Literal('error')]);
export type SimulationStatus = Static<typeof SimulationStatus>;

export const TraceStep = Type.Object({
  nodeId: Type.String(),
  type: Type.String(),
  output: Type.Optional(Type.String()),
  detail: Type.Optional(Type.String()),
  /** The knowledge entries an `ai_answer` reply came from: the simulator shows them under the bot's message. */
  cited: Type.Optional(Type.Array(Type.Object({ id: Type.String(), title: Type.String() }))),
  /** Which of the turn's `messages` (0-based) is that reply. */
  citedMessage: Type.Optional(Type.Integer({ minimum: 0 })),
});
export type TraceStep = Static<typeof TraceStep>;

/**
 * A timer the simulated conversation is waiting on (runtime/core/types.ts `Timer`): at `dueAt` on the
 * simulation's clock the node `nodeId` leaves through `output` (`timeout`, `unanswered`, a delay's `next`),
 * or, `kind: 'expire'`, the session times out.
 */
export const PendingTimer = Type.Object({
  dueAt: Type.Integer({ description: 'When it falls due on the simulation\'s clock (ms since the epoch)' }),
  kind: Type.Union([Type.Literal('leave'), Type.Literal('expire')]),
  nodeId: Type.Union([Type.String(), Type.Null()]),
  output: Type.Union([Type.String(), Type.Null()]),
});
export type PendingTimer = Static<typeof PendingTimer>;

/** The simulation's clock and what it waits on; every answer about a simulation carries them. */
const SimulationClock = {
  /** The simulation's "now" (ms since the epoch): the real clock plus however far "advance time" moved it. */
  clock: Type.Integer(),
  /** Its pending timers, soonest first. */
  timers: Type.Array(PendingTimer),
};

export const SimulationTurn = Type.Object({
  /**
   * Timers that fell due and fired in this answer, in order, before its message (the simulation's clock
   * runs in real time too) or while time was advanced. Their messages come first in `messages`.
   */
  fired: Type.Array(PendingTimer),
  /** Advancing stopped after this many timers fired (a flow that keeps setting timers): the clock stands at the last one. */
  stoppedAfter: Type.Optional(Type.Integer({ minimum: 1 })),
  ...SimulationClock,
  messages: Type.Array(GraphMessageSchema),
  /** Messages the runtime produced that could not become a Graph API body (a limit broken), with why. */
  undelivered: Type.Array(Type.Object({ code: Type.String(), message: Type.String() })),
  /**
   * What was changed so a message fits WhatsApp, the same as live (runtime/whatsapp/adapt.ts): a text split into
   * `parts`, an interactive body's leading part sent as text first, a title clipped with "…" to `limit`.
   */
  adaptations: Type.Array(Type.Object({
    kind: Type.Union([Type.Literal('split'), Type.Literal('body_as_text'), Type.Literal('clipped')]),
    field: Type.String(),
    parts: Type.Optional(Type.Integer()),
    limit: Type.Optional(Type.Integer()),
  })),
  /**
   * Set when the customer's message was not an answer (runtime/whatsapp/non-answer.ts, the live rule): a reaction
   * or its removal, an edit, a deletion (`revoke`), "chat opened" mid-conversation (`request_welcome`), a
   * call-permission reply, a system notice, an errored item. It is recorded; the waiting node does not run.
   */
  nonAnswer: Type.Optional(Type.String({ description: 'What it was: reaction, reaction_removed, edit, revoke, request_welcome, call_permission_reply, system or errored' })),
  trace: Type.Array(TraceStep),
  effects: Type.Array(AnyObject),
  variables: AnyObject,
  activeNodeId: Type.Union([Type.String(), Type.Null()]),
  status: SimulationStatus,
});
export type SimulationTurn = Static<typeof SimulationTurn>;

export const SimulationStart = Type.Object({
  simulationId: Type.String(),
  flowId: Type.String(),
  source: Type.Union([Type.Literal('draft'), Type.Integer()]),
  messages: Type.Array(GraphMessageSchema),
  variables: AnyObject,
  activeNodeId: Type.Union([Type.String(), Type.Null()]),
  status: SimulationStatus,
  ...SimulationClock,
});
export type SimulationStart = Static<typeof SimulationStart>;

/** The longest single "advance time": a year. */
export const MAX_ADVANCE_SECONDS = 366 * 24 * 3600;

export const AdvanceSimulation = Type.Union([
  Type.Object({ seconds: Type.Integer({ minimum: 1, maximum: MAX_ADVANCE_SECONDS }) }, { additionalProperties: false }),
  Type.Object({ until: Type.Literal('next_timer') }, { additionalProperties: false }),
], { description: 'How far to move the clock: `{ seconds }`, or `{ until: "next_timer" }` to the soonest pending timer' });
export type AdvanceSimulation = Static<typeof AdvanceSimulation>;

const SimulationParams = Type.Object({ simulationId: Type.String({ format: 'uuid' }) });
const tags = ['simulations'];

export const startSimulation = apiRoute({
  method: 'POST',
  url: '/api/flows/:id/simulations',
  schema: {
    summary: 'Start a simulated conversation with the draft or a version', tags, security: BEARER,
    description: 'WhatsApp conversations start with the customer\'s message: nothing is said until the first one.',
    params: FlowIdParams,
    body: Type.Object({
      source: Type.Union([Type.Literal('draft'), VersionNumber]),
      /** Who to simulate; a default contact otherwise. */
      contact: Type.Optional(Type.Object({
        waId: Type.String({ pattern: '^[0-9]{6,20}$' }),
        name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
      }, { additionalProperties: false })),
    }, { additionalProperties: false }),
    response: { 201: SimulationStart, ...errorResponses(...SIGNED_IN, ...JSON_BODY, 'flow_not_found', 'version_not_found') },
  },
});

export const sendSimulationMessage = apiRoute({
  method: 'POST',
  url: '/api/simulations/:simulationId/messages',
  schema: {
    summary: "Send the simulated customer's next message; answers with the bot's turn", tags, security: BEARER,
    params: SimulationParams,
    /** One item of a webhook's `messages[]`, e.g. `{ type: 'text', text: { body: 'hola' } }`; `from`, `id` and `timestamp` may be left out. */
    body: Type.Object({ type: Type.String({ minLength: 1, maxLength: 40 }) }, {
      additionalProperties: true,
      description: "One item of a webhook's `messages[]`; `from`, `id` and `timestamp` may be left out",
    }),
    response: { 200: SimulationTurn, ...errorResponses(...SIGNED_IN, ...JSON_BODY, 'simulation_not_found') },
  },
});

export const resolveSimulation = apiRoute({
  method: 'POST',
  url: '/api/simulations/:simulationId/resolve',
  schema: {
    summary: "What an agent's \"resolve\" does to a live conversation in handoff, for the simulator", tags, security: BEARER,
    params: SimulationParams,
    response: { 200: SimulationTurn, ...errorResponses(...SIGNED_IN, ...CHECKED_INPUT, 'simulation_not_found', 'simulation_not_in_handoff') },
  },
});

export const advanceSimulation = apiRoute({
  method: 'POST',
  url: '/api/simulations/:simulationId/advance',
  schema: {
    summary: "Move a simulation's clock forward, firing the timers that fall due in order", tags, security: BEARER,
    description: 'Each due timer runs its turn at its own time, through the same core as live traffic (docs/time.md). '
      + 'The answer lists what fired and the timers still pending.',
    params: SimulationParams,
    body: AdvanceSimulation,
    response: { 200: SimulationTurn, ...errorResponses(...SIGNED_IN, ...JSON_BODY, 'simulation_not_found') },
  },
});
