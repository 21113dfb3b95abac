import { runTurn } from '../../runtime/index.ts';
import type { InboundEvent, RuntimeEffect, RuntimePorts, SessionStatus, TraceEntry } from '../../runtime/core/types.ts';
import { adaptToLimits, OutboundLimitError, toGraphMessageBody, type Adaptation, type GraphMessageBody } from '../../runtime/whatsapp/index.ts';
import type { SimulationStore, StoredSimulation } from './simulation-store.ts';

export interface SimulatedTurn {
  /** The Graph API bodies live traffic would POST to /{phone_number_id}/messages. */
  messages: GraphMessageBody[];
  /** Messages the Graph API would refuse (a WhatsApp limit exceeded in a draft), with why. */
  undelivered: Array<{ code: string; message: string }>;
  /** What was adapted to fit WhatsApp's limits, exactly as the live path adapts it. */
  adaptations: Adaptation[];
  trace: TraceEntry[];
  effects: RuntimeEffect[];
  variables: Record<string, unknown>;
  activeNodeId: string | null;
  status: SessionStatus;
}

export interface SimulateDeps {
  store: SimulationStore;
  ports: RuntimePorts;
  secrets: Readonly<Record<string, string>>;
  now: () => number;
}

/**
 * One turn of a simulated conversation: the same runTurn as live traffic, with the same ports
 * (API calls and AI run as configured), but the bodies come back to the caller instead of going
 * to the Graph API. The new session is stored before returning.
 */
export async function simulateTurn(deps: SimulateDeps, simulation: StoredSimulation, event: InboundEvent): Promise<SimulatedTurn> {
  const now = deps.now();
  const result = await runTurn({
    flow: simulation.document, session: simulation.session, event, contact: simulation.contact,
    version: simulation.version, now, ports: deps.ports, secrets: deps.secrets,
  });
  await deps.store.saveSession(simulation.id, result.session, now);
  const turn: SimulatedTurn = {
    messages: [], undelivered: [], adaptations: [], trace: result.trace, effects: result.effects,
    variables: result.session.variables, activeNodeId: result.session.nodeId, status: result.session.status,
  };
  for (const rendered of result.messages) {
    const { messages, adaptations } = adaptToLimits(rendered);
    turn.adaptations.push(...adaptations);
    for (const message of messages) {
      try {
        turn.messages.push(toGraphMessageBody(message, simulation.contact.waId, { localFormIds: true }));
      } catch (error) {
        if (!(error instanceof OutboundLimitError)) throw error;
        turn.undelivered.push({ code: error.code, message: error.message });
      }
    }
  }
  return turn;
}
