import { useCallback, useEffect, useRef, useState } from 'react';
import { joinBurst, joinsBursts } from '../../runtime/core/burst.ts';
import { BurstGatherer } from '../../runtime/hosting/burst-gatherer.ts';
import { webhookMessageToEvent } from '../../runtime/whatsapp/inbound.ts';
import type { WebhookMessage } from '../../runtime/whatsapp/webhook-types.ts';
import { settingsOf, type FlowDocument } from '../../schema/index.ts';
import type { ApiClient } from '../api/api-client.ts';
import type { AdvanceSimulation, DiffSide, GraphMessage, InboundMessage, PendingTimer, SimulationStatus, SimulationTurn } from '../api/types.ts';
import { entryId, type ChatEntry } from './chat-entry.ts';
import { formSource } from './form-source.ts';

export interface SimulationView {
  simulationId: string | null;
  entries: ChatEntry[];
  variables: Record<string, unknown>;
  activeNodeId: string | null;
  status: SimulationStatus | null;
  busy: boolean;
  /** The simulation's clock at its last answer (ms since the epoch), and the timers it waits on, soonest first. */
  clock: number | null;
  timers: PendingTimer[];
}

/**
 * Timers due this soon fire by themselves once that long has really passed (a `delay`'s pause, a short
 * timeout), as they would live; later ones wait for "advance time".
 */
export const AUTO_FIRE_WITHIN_MS = 60_000;

export interface SimulationOptions {
  api: Pick<ApiClient, 'startSimulation' | 'sendSimulationMessage' | 'resolveSimulation' | 'advanceSimulation' | 'getVersion'>;
  flowId: string;
  /** The draft as the server will run it (the caller saves it first). */
  draftDocument(): Promise<FlowDocument>;
  /** The document a new conversation runs, once fetched (before it starts). */
  onDocument?(source: DiffSide, document: FlowDocument): void;
  /** Follows the conversation on the canvas. */
  onActiveNode(nodeId: string | null): void;
  /** Texts for the simulator's own lines. */
  statusText: Record<Exclude<SimulationStatus, 'active'>, string>;
  /** The line for a bot message that could not be sent (a WhatsApp limit broken). */
  undeliveredText(problem: { code: string; message: string }): string;
  /** The line for a bot message adapted to fit WhatsApp (split, leading text, clipped title). */
  adaptationText(adaptation: SimulationTurn['adaptations'][number]): string;
  /** The line saying how far time was advanced and what fired. */
  advancedText(advance: AdvanceSimulation, turn: SimulationTurn): string;
}

type UserEntry = Extract<ChatEntry, { from: 'user' }>;

/** Whether a message the tester sends may gather into a burst: the live rule (typed text only), on the same event. */
const mayJoinBurst = (message: InboundMessage) => joinsBursts(webhookMessageToEvent(message as WebhookMessage));

const EMPTY: SimulationView = {
  simulationId: null, entries: [], variables: {}, activeNodeId: null, status: null, busy: false, clock: null, timers: [],
};

/**
 * A simulated conversation against the server: start on the draft or a version, send customer
 * messages, and keep the bubbles, variables and active node of each turn.
 */
export function useSimulation(options: SimulationOptions) {
  const [view, setView] = useState<SimulationView>(EMPTY);
  const document = useRef<FlowDocument | null>(null);
  const latest = useRef(options);
  latest.current = options;
  // How far the simulation's clock is ahead of this browser's: bubbles show the simulated time.
  const clockAhead = useRef(0);
  const simulatedNow = () => Date.now() + clockAhead.current;

  const botEntries = (messages: GraphMessage[], activeNodeId: string | null, trace: SimulationTurn['trace'] = []): ChatEntry[] =>
    messages.map((message, index) => {
      const cited = trace.find((step) => step.cited !== undefined && step.citedMessage === index)?.cited;
      return { id: entryId(), from: 'bot', at: simulatedNow(), message, form: formSource(message, document.current, activeNodeId), ...(cited && { cited }) };
    });
  const systemEntry = (text: string, tone: 'info' | 'error'): ChatEntry => ({ id: entryId(), from: 'system', at: simulatedNow(), text, tone });
  const statusEntries = (status: SimulationStatus): ChatEntry[] =>
    status === 'active' ? [] : [systemEntry(latest.current.statusText[status], status === 'error' ? 'error' : 'info')];
  const failed = (error: unknown) => setView((current) => ({
    ...current, busy: false, entries: [...current.entries, systemEntry(error instanceof Error ? error.message : String(error), 'error')],
  }));

  /** Starts a conversation; `firstMessage` (the customer's greeting) is sent at once, as a customer would. */
  const start = useCallback(async (source: DiffSide, firstMessage?: InboundMessage) => {
    const { api, flowId, draftDocument, onActiveNode } = latest.current;
    setView({ ...EMPTY, busy: true });
    onActiveNode(null);
    try {
      document.current = source === 'draft' ? await draftDocument() : await api.getVersion(flowId, source);
      latest.current.onDocument?.(source, document.current);
      const started = await api.startSimulation(flowId, source);
      const activeNodeId = started.activeNodeId ?? null;
      onActiveNode(activeNodeId);
      clockAhead.current = started.clock - Date.now();
      setView({
        simulationId: started.simulationId,
        entries: botEntries(started.messages, activeNodeId),
        variables: started.variables ?? {},
        activeNodeId,
        status: started.status ?? 'active',
        busy: false,
        clock: started.clock,
        timers: started.timers,
      });
      if (firstMessage && (started.status ?? 'active') === 'active') {
        await runTurn(() => latest.current.api.sendSimulationMessage(started.simulationId, firstMessage), { id: entryId(), from: 'user', at: simulatedNow(), message: firstMessage });
      }
    } catch (error) {
      failed(error);
    }
  // runTurn reads everything it needs from `latest` and the state setter: the first render's copy does.
  }, []);

  /**
   * Runs one turn (a customer message, an agent handing back, time advanced) and appends what the bot
   * said; `advanced` adds the line saying how far time moved.
   */
  async function runTurn(call: () => Promise<SimulationTurn>, userEntry?: ChatEntry, advanced?: AdvanceSimulation) {
    setView((current) => ({ ...current, busy: true, entries: userEntry ? [...current.entries, userEntry] : current.entries }));
    try {
      const turn = await call();
      clockAhead.current = turn.clock - Date.now();
      latest.current.onActiveNode(turn.activeNodeId);
      const undelivered = (turn.undelivered ?? []).map((problem) => systemEntry(latest.current.undeliveredText(problem), 'error'));
      const adapted = (turn.adaptations ?? []).map((adaptation) => systemEntry(latest.current.adaptationText(adaptation), 'info'));
      const moved = advanced ? [systemEntry(latest.current.advancedText(advanced, turn), 'info')] : [];
      // The server says which customer messages were not answers (the live rule): their line says so.
      const sent = (entry: ChatEntry): ChatEntry =>
        entry === userEntry && turn.nonAnswer !== undefined && entry.from === 'user' ? { ...entry, nonAnswer: turn.nonAnswer } : entry;
      setView((current) => ({
        ...current,
        busy: false,
        entries: [
          ...current.entries.map(sent), ...moved, ...botEntries(turn.messages, turn.activeNodeId, turn.trace), ...adapted, ...undelivered,
          ...(advanced && turn.status === current.status ? [] : statusEntries(turn.status)),
        ],
        variables: turn.variables,
        activeNodeId: turn.activeNodeId,
        status: turn.status,
        clock: turn.clock,
        timers: turn.timers,
      }));
    } catch (error) {
      failed(error);
    }
  }

  // Turns run one after another: a burst released by a tap must be answered before the tap.
  const turns = useRef(Promise.resolve());
  const inTurn = (work: () => Promise<void>) => (turns.current = turns.current.then(work));

  const simulationId = view.simulationId;
  const currentSimulation = useRef(simulationId);
  currentSimulation.current = simulationId;

  // Typed fragments gather as live gathers them (settings.burstMilliseconds, the same gatherer and
  // joining): shown at once (one tick: not read yet), sent as one message with their texts joined once
  // the tester pauses. A burst of a conversation no longer shown (restarted, panel closed) is dropped.
  const bursts = useRef<BurstGatherer<UserEntry> | null>(null);
  bursts.current ??= new BurstGatherer<UserEntry>((burstOf, fragments) => {
    if (burstOf !== currentSimulation.current) return;
    const joined = joinBurst(fragments.map((fragment) => webhookMessageToEvent(fragment.message as WebhookMessage)).filter(joinsBursts));
    if (joined.type !== 'text') return;
    const last = fragments.at(-1)!;
    setView((current) => ({
      ...current,
      entries: current.entries.map((entry) => (fragments.includes(entry as UserEntry)
        ? { ...entry as UserEntry, gathering: undefined, ...(entry === last && fragments.length > 1 && { gathered: fragments.length }) }
        : entry)),
    }));
    void inTurn(() => runTurn(() => latest.current.api.sendSimulationMessage(burstOf, { type: 'text', text: { body: joined.text } })));
  });
  useEffect(() => () => {
    const shown = currentSimulation.current;
    currentSimulation.current = null;
    if (shown) bursts.current?.flush(shown);
  }, []);

  const send = useCallback(async (message: InboundMessage) => {
    if (!simulationId) return;
    const entry: UserEntry = { id: entryId(), from: 'user', at: simulatedNow(), message };
    const burstMs = document.current && mayJoinBurst(message) ? settingsOf(document.current).burstMilliseconds : 0;
    if (burstMs > 0) {
      const gathering: UserEntry = { ...entry, gathering: true };
      setView((current) => ({ ...current, entries: [...current.entries, gathering] }));
      bursts.current!.gather(simulationId, gathering, burstMs);
      return;
    }
    bursts.current!.flush(simulationId);
    await inTurn(() => runTurn(() => latest.current.api.sendSimulationMessage(simulationId, message), entry));
  }, [simulationId]);

  const resolveHandoff = useCallback(async () => {
    if (simulationId) await runTurn(() => latest.current.api.resolveSimulation(simulationId));
  }, [simulationId]);

  const advance = useCallback(async (amount: AdvanceSimulation) => {
    if (simulationId) await runTurn(() => latest.current.api.advanceSimulation(simulationId, amount), undefined, amount);
  }, [simulationId]);

  // A timer due within AUTO_FIRE_WITHIN_MS fires by itself once its time has really come.
  const soonest = view.timers[0];
  const waitMs = soonest === undefined || view.clock === null || view.busy ? undefined : soonest.dueAt - view.clock;
  useEffect(() => {
    if (!simulationId || waitMs === undefined || waitMs > AUTO_FIRE_WITHIN_MS) return;
    const timeout = setTimeout(() => void runTurn(() => latest.current.api.advanceSimulation(simulationId, { until: 'next_timer' })), Math.max(0, waitMs));
    return () => clearTimeout(timeout);
  // runTurn reads everything it needs from `latest` and the state setter.
  }, [simulationId, waitMs, soonest?.dueAt]);

  return { view, start, send, resolveHandoff, advance };
}
