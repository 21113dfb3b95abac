import { and, asc, count, desc, eq, inArray, lte, min, ne, sql, type SQL } from 'drizzle-orm';
import type { CharlaDb } from '../db/connection.ts';
import {
  conversationMessages, conversationRuns, conversationStarts, conversations, flowCounters, handoffNotices, inboundMessages, messageStatuses, outbox, timers,
} from '../db/live-schema.ts';
import { analyseAgentReply, statusCounters, type RunState } from './analytics/turn-analytics.ts';
import { MergedCounters, type CounterIncrement } from './analytics/counters.ts';
import type { GroupCommit } from './group-commit.ts';
import {
  handoffNoticeBody, type AgentReplyToStore, type ConversationRow, type HistoryBody, type HistoryRow, type InboundRow, type LiveStore, type OutboxItem,
  type StatusUpdateRow, type StoredAgentReply, type StoredTurn, type TurnToStore, type UnsentOutboxItem,
} from './live-store.ts';
import { claimableTimer, excluded, startColumns, pendingTimers, runRow, soonestFirst, statusUpsert, timerColumns, timerRow, timerSoonestDue } from './live-sql.ts';

const p = sql.placeholder;
/** A placeholder where drizzle's types want SQL (UPDATE … SET). */
const value = (name: string): SQL => sql`${sql.placeholder(name)}`;
/** Rows bind by their field names; drizzle types the values as a plain record. */
const fields = <Row extends object>(row: Row) => row as Row & Record<string, unknown>;

/** Who queued an outbox row: its flow version and node (null for an agent's reply). */
interface ReplyOrigin {
  flowId: string | null;
  flowVersion: number | null;
  nodeId: string | null;
  /** The fallback template's Graph API body, sent if Meta refuses the reply with 131047. */
  fallback: string | null;
}

const originColumns = { id: outbox.id, flowId: outbox.flowId, flowVersion: outbox.flowVersion, nodeId: outbox.nodeId, createdAt: outbox.createdAt };

const conversationColumns = {
  id: conversations.id, phoneNumberId: conversations.phoneNumberId, waId: conversations.waId,
  userId: conversations.userId, username: conversations.username, contactName: conversations.contactName, flowId: conversations.flowId, flowVersion: conversations.flowVersion,
  status: conversations.status, session: conversations.session, lastUserMessageAt: conversations.lastUserMessageAt,
  updatedAt: conversations.updatedAt, run: conversations.run,
};

/**
 * The live path's storage on SQLite: drizzle statements prepared once on one connection (the
 * webhook's hot path runs them thousands of times a second), run synchronously inside group
 * commits. `foreground` carries the writes someone waits on (webhooks, inbox requests),
 * `background` the turns and sends, so a webhook's 200 never waits for them to be written.
 * @example const live = createSqliteLiveStore(db, { foreground: new GroupCommit(sqlite), background: new GroupCommit(sqlite) });
 */
export function createSqliteLiveStore(
  db: CharlaDb,
  commits: { foreground: GroupCommit; background: GroupCommit },
  options: { analytics?: boolean } = {},
): LiveStore {
  const { foreground, background } = commits;
  const analytics = options.analytics ?? true;
  const statements = {
    insertInbound: db.insert(inboundMessages).values({
      wamid: p('wamid'), phoneNumberId: p('phoneNumberId'), waId: p('waId'), contactKey: p('contactKey'), payload: p('payload'),
      state: 'pending', receivedAt: p('receivedAt'),
    }).onConflictDoNothing().prepare(),
    pendingInbound: db.select({
      wamid: inboundMessages.wamid, phoneNumberId: inboundMessages.phoneNumberId, waId: inboundMessages.waId,
      payload: inboundMessages.payload, receivedAt: inboundMessages.receivedAt,
    }).from(inboundMessages).where(eq(inboundMessages.state, 'pending')).orderBy(sql`rowid`).prepare(),
    finishInbound: db.update(inboundMessages).set({ state: value('state'), error: value('error') })
      .where(eq(inboundMessages.wamid, p('wamid'))).prepare(),
    upsertStatus: db.insert(messageStatuses).values({
      wamid: p('wamid'), status: p('status'), recipientId: p('recipientId'), timestamp: p('timestampSeconds'),
      errorCode: p('errorCode'), errorTitle: p('errorTitle'), updatedAt: p('updatedAt'),
      pricingCategory: p('pricingCategory'), pricingType: p('pricingType'), billable: p('billable'),
    }).onConflictDoUpdate(statusUpsert(messageStatuses)).prepare(),

    // Two lookups, each on an index (the primary key, the partial wamid index); what they read back is the message's origin, for analytics.
    outboxRowById: db.select(originColumns).from(outbox)
      .where(and(eq(outbox.id, p('outboxId')), eq(outbox.phoneNumberId, p('phoneNumberId')))).prepare(),
    outboxRowByWamid: db.select(originColumns).from(outbox)
      .where(and(eq(outbox.wamid, p('wamid')), eq(outbox.phoneNumberId, p('phoneNumberId')))).limit(1).prepare(),
    storedStatus: db.select({ status: messageStatuses.status, pricingCategory: messageStatuses.pricingCategory })
      .from(messageStatuses).where(eq(messageStatuses.wamid, p('wamid'))).prepare(),
    addCounter: db.insert(flowCounters).values({
      flowId: p('flowId'), flowVersion: p('flowVersion'), hour: p('hour'), nodeId: p('nodeId'), metric: p('metric'), key: p('key'),
      count: p('count'), total: p('total'),
    }).onConflictDoUpdate({
      target: [flowCounters.flowId, flowCounters.flowVersion, flowCounters.hour, flowCounters.nodeId, flowCounters.metric, flowCounters.key],
      set: { count: sql`${flowCounters.count} + ${excluded(flowCounters.count)}`, total: sql`${flowCounters.total} + ${excluded(flowCounters.total)}` },
    }).prepare(),
    insertRun: db.insert(conversationRuns).values({
      conversationId: p('conversationId'), phoneNumberId: p('phoneNumberId'), waId: p('waId'), contactName: p('contactName'),
      flowId: p('flowId'), flowVersion: p('flowVersion'), outcome: p('outcome'), handedOff: p('handedOff'), lastNodeId: p('lastNodeId'),
      path: p('path'), startedAt: p('startedAt'), updatedAt: p('updatedAt'), endedAt: p('endedAt'),
    }).prepare(),
    updateRun: db.update(conversationRuns).set({
      contactName: value('contactName'), outcome: value('outcome'), handedOff: value('handedOff'), lastNodeId: value('lastNodeId'),
      path: value('path'), updatedAt: value('updatedAt'), endedAt: value('endedAt'),
    }).where(eq(conversationRuns.id, p('id'))).prepare(),
    setConversationRun: db.update(conversations).set({ run: value('run') }).where(eq(conversations.id, p('id'))).prepare(),

    conversationByContact: db.select(conversationColumns).from(conversations)
      .where(and(eq(conversations.phoneNumberId, p('phoneNumberId')), eq(conversations.waId, p('waId')))).prepare(),
    conversationByUser: db.select(conversationColumns).from(conversations)
      .where(and(eq(conversations.phoneNumberId, p('phoneNumberId')), eq(conversations.userId, p('userId')))).prepare(),
    conversationById: db.select(conversationColumns).from(conversations).where(eq(conversations.id, p('id'))).prepare(),
    conversationsByStatus: db.select(conversationColumns).from(conversations).where(eq(conversations.status, p('status')))
      .orderBy(desc(conversations.updatedAt)).limit(p('limit')).prepare(),
    versionsInUse: db.selectDistinct({ version: conversations.flowVersion }).from(conversations)
      .where(and(eq(conversations.flowId, p('flowId')), ne(conversations.status, 'ended'))).prepare(),
    insertConversation: db.insert(conversations).values({
      phoneNumberId: p('phoneNumberId'), waId: p('waId'), userId: p('userId'), username: p('username'),
      contactName: p('contactName'), flowId: p('flowId'),
      flowVersion: p('flowVersion'), status: p('status'), session: p('session'),
      lastUserMessageAt: p('lastUserMessageAt'), updatedAt: p('updatedAt'), run: p('run'),
    }).prepare(),
    // Leaving `status` out of the SET when it did not change spares SQLite the status index.
    updateConversation: db.update(conversations).set({
      userId: value('userId'), username: value('username'), contactName: value('contactName'), flowId: value('flowId'), flowVersion: value('flowVersion'), session: value('session'),
      lastUserMessageAt: value('lastUserMessageAt'), updatedAt: value('updatedAt'), run: value('run'),
    }).where(eq(conversations.id, p('id'))).prepare(),
    updateConversationAndStatus: db.update(conversations).set({
      userId: value('userId'), username: value('username'), contactName: value('contactName'), flowId: value('flowId'), flowVersion: value('flowVersion'), session: value('session'),
      lastUserMessageAt: value('lastUserMessageAt'), updatedAt: value('updatedAt'), status: value('status'), run: value('run'),
    }).where(eq(conversations.id, p('id'))).prepare(),
    changeAddress: db.update(conversations).set({ waId: value('waId') }).where(eq(conversations.id, p('id'))).prepare(),
    addressTaken: db.select({ id: conversations.id }).from(conversations)
      .where(and(eq(conversations.phoneNumberId, p('phoneNumberId')), eq(conversations.waId, p('waId')))).prepare(),
    storeSession: db.update(conversations).set({ status: value('status'), session: value('session'), updatedAt: value('updatedAt') })
      .where(eq(conversations.id, p('id'))).prepare(),
    addHistory: db.insert(conversationMessages).values({
      conversationId: p('conversationId'), direction: p('direction'), body: p('body'), wamid: p('wamid'),
      outboxId: p('outboxId'), createdAt: p('createdAt'),
    }).prepare(),
    recentHistory: db.select({
      id: conversationMessages.id, direction: conversationMessages.direction, body: conversationMessages.body,
      wamid: conversationMessages.wamid, outboxId: conversationMessages.outboxId, createdAt: conversationMessages.createdAt,
    }).from(conversationMessages).where(eq(conversationMessages.conversationId, p('conversationId')))
      .orderBy(desc(conversationMessages.id)).limit(p('limit')).prepare(),
    replyState: db.select({
      body: outbox.body, wamid: outbox.wamid, outboxState: outbox.state, deliveryStatus: messageStatuses.status,
      errorCode: sql<number | null>`coalesce(${messageStatuses.errorCode}, ${outbox.errorCode})`,
      error: sql<string | null>`coalesce(${messageStatuses.errorTitle}, ${outbox.error})`,
    }).from(outbox).leftJoin(messageStatuses, eq(messageStatuses.wamid, outbox.wamid)).where(eq(outbox.id, p('id'))).prepare(),

    enqueue: db.insert(outbox).values({
      conversationId: p('conversationId'), phoneNumberId: p('phoneNumberId'), body: p('body'), state: 'queued',
      attempts: 0, nextAttemptAt: p('createdAt'), createdAt: p('createdAt'),
      flowId: p('flowId'), flowVersion: p('flowVersion'), nodeId: p('nodeId'), fallback: p('fallback'),
    }).prepare(),
    refusedRow: db.select({ ...originColumns, conversationId: outbox.conversationId, phoneNumberId: outbox.phoneNumberId, fallback: outbox.fallback })
      .from(outbox).where(eq(outbox.id, p('id'))).prepare(),
    unsent: db.select({
      id: outbox.id, conversationId: outbox.conversationId, phoneNumberId: outbox.phoneNumberId, body: outbox.body,
      attempts: outbox.attempts, nextAttemptAt: outbox.nextAttemptAt, state: outbox.state,
    }).from(outbox).where(inArray(outbox.state, ['queued', 'in_flight', 'uncertain'])).orderBy(outbox.id).prepare(),
    markInFlight: db.update(outbox).set({ state: 'in_flight', attempts: sql`${outbox.attempts} + 1` })
      .where(eq(outbox.id, p('id'))).prepare(),
    markSent: db.update(outbox).set({ state: 'sent', wamid: value('wamid') }).where(eq(outbox.id, p('id'))).prepare(),
    // Only from in_flight: a status may have settled the row (sent) before the call gave up.
    markUncertain: db.update(outbox).set({ state: 'uncertain', nextAttemptAt: value('nextAttemptAt'), error: value('error') })
      .where(and(eq(outbox.id, p('id')), eq(outbox.state, 'in_flight'))).prepare(),
    outboxState: db.select({ state: outbox.state }).from(outbox).where(eq(outbox.id, p('id'))).prepare(),
    settleByStatus: db.update(outbox).set({ state: 'sent', wamid: value('wamid') })
      .where(and(eq(outbox.id, p('outboxId')), eq(outbox.phoneNumberId, p('phoneNumberId')), inArray(outbox.state, ['in_flight', 'uncertain'])))
      .prepare(),
    markRetry: db.update(outbox).set({ state: 'queued', nextAttemptAt: value('nextAttemptAt'), errorCode: value('errorCode'), error: value('error') })
      .where(eq(outbox.id, p('id'))).prepare(),
    markFailed: db.update(outbox).set({ state: 'failed', errorCode: value('errorCode'), error: value('error') })
      .where(eq(outbox.id, p('id'))).prepare(),
    markHeld: db.update(outbox).set({ state: 'held', errorCode: value('errorCode'), error: value('error') })
      .where(eq(outbox.id, p('id'))).prepare(),
    markNotSent: db.update(outbox).set({ state: 'not_sent', error: value('error') }).where(eq(outbox.id, p('id'))).prepare(),
    heldOf: db.select({
      id: outbox.id, conversationId: outbox.conversationId, phoneNumberId: outbox.phoneNumberId, body: outbox.body, attempts: outbox.attempts,
    }).from(outbox).where(and(eq(outbox.conversationId, p('conversationId')), eq(outbox.state, 'held'))).orderBy(outbox.id).prepare(),
    heldCount: db.select({ count: count() }).from(outbox).where(and(eq(outbox.conversationId, p('conversationId')), eq(outbox.state, 'held'))).prepare(),
    release: db.update(outbox).set({ state: 'queued', nextAttemptAt: value('now'), errorCode: null, error: null })
      .where(and(eq(outbox.id, p('id')), eq(outbox.state, 'held'))).prepare(),

    insertNotice: db.insert(handoffNotices).values({
      body: p('body'), state: 'pending', attempts: 0, nextAttemptAt: p('createdAt'), createdAt: p('createdAt'),
    }).prepare(),
    dueNotices: db.select({ id: handoffNotices.id, body: handoffNotices.body, attempts: handoffNotices.attempts })
      .from(handoffNotices).where(and(eq(handoffNotices.state, 'pending'), sql`${handoffNotices.nextAttemptAt} <= ${p('now')}`))
      .orderBy(handoffNotices.id).prepare(),
    nextDueNotice: db.select({ at: min(handoffNotices.nextAttemptAt) }).from(handoffNotices)
      .where(eq(handoffNotices.state, 'pending')).prepare(),
    deleteNotice: db.delete(handoffNotices).where(eq(handoffNotices.id, p('id'))).prepare(),
    retryNotice: db.update(handoffNotices).set({ attempts: value('attempts'), nextAttemptAt: value('nextAttemptAt'), error: value('error') })
      .where(eq(handoffNotices.id, p('id'))).prepare(),
    insertTimer: db.insert(timers).values({
      conversationId: p('conversationId'), phoneNumberId: p('phoneNumberId'), waId: p('waId'), epoch: p('epoch'), dueAt: p('dueAt'),
      action: p('action'), state: 'pending', createdAt: p('createdAt'),
    }).prepare(),
    cancelTimers: db.update(timers).set({ state: 'cancelled' })
      .where(and(eq(timers.conversationId, p('conversationId')), lte(timers.epoch, p('epoch')), inArray(timers.state, ['pending', 'claimed']))).prepare(),
    setTimerState: db.update(timers).set({ state: value('state') }).where(eq(timers.id, p('id'))).prepare(),
    claimTimers: db.update(timers).set({ state: 'claimed', claimedUntil: value('claimedUntil') })
      .where(and(claimableTimer(timers, value('now')), inArray(timers.id,
        db.select({ id: timers.id }).from(timers).where(claimableTimer(timers, value('now'))).orderBy(asc(timers.dueAt)).limit(p('limit')))))
      .returning(timerColumns(timers)).prepare(),
    nextTimer: db.select({ at: timerSoonestDue(timers) }).from(timers).where(inArray(timers.state, ['pending', 'claimed'])).prepare(),
    timersOf: db.select(timerColumns(timers)).from(timers)
      .where(and(eq(timers.conversationId, p('conversationId')), pendingTimers(timers))).orderBy(asc(timers.dueAt)).prepare(),
    insertStart: db.insert(conversationStarts).values({
      scope: p('scope'), idempotencyKey: p('idempotencyKey'), requestHash: p('requestHash'), conversationId: p('conversationId'),
      outboxId: p('outboxId'), flowId: p('flowId'), flowVersion: p('flowVersion'), phoneNumberId: p('phoneNumberId'), nodeId: p('nodeId'),
      createdAt: p('createdAt'),
    }).prepare(),
    startByKey: db.select(startColumns(conversationStarts)).from(conversationStarts)
      .where(and(eq(conversationStarts.scope, p('scope')), eq(conversationStarts.idempotencyKey, p('idempotencyKey')))).prepare(),
    failNotice: db.update(handoffNotices).set({ state: 'failed', attempts: value('attempts'), error: value('error') })
      .where(eq(handoffNotices.id, p('id'))).prepare(),
  };

  const enqueue = (conversationId: number, phoneNumberId: string, body: string, createdAt: number, origin: ReplyOrigin): OutboxItem => {
    const id = Number(statements.enqueue.run({ conversationId, phoneNumberId, body, createdAt, ...origin }).lastInsertRowid);
    return { id, conversationId, phoneNumberId, body, attempts: 0, nextAttemptAt: createdAt };
  };
  // Written merged once per transaction, before its COMMIT (GroupCommit.mergeWrites).
  const counters = new MergedCounters((row) => statements.addCounter.run(fields(row)));
  foreground.mergeWrites(counters);
  background.mergeWrites(counters);
  const addCounters = (rows: CounterIncrement[]) => counters.stage(rows);
  /** Writes the run's row (inserting it the first time) and returns it with its id, as the conversation keeps it. */
  const saveRun = (run: RunState, conversation: { id: number; phoneNumberId: string; waId: string; contactName: string | null }): string => {
    const row = runRow(run, conversation);
    if (run.id === undefined) return JSON.stringify({ ...run, id: Number(statements.insertRun.run(row).lastInsertRowid) });
    statements.updateRun.run({ ...row, id: run.id });
    return JSON.stringify(run);
  };
  const addHistory = (row: { conversationId: number; direction: HistoryRow['direction']; body: string; wamid: string | null; outboxId: number | null; createdAt: number }) => {
    statements.addHistory.run(row);
  };

  /** The turn's writes, run synchronously inside a group commit: all of them or none. */
  const writeTurn = (turn: TurnToStore): StoredTurn => {
    const { conversation, inbound, now } = turn;
    const row = {
      phoneNumberId: turn.phoneNumberId, waId: turn.waId,
      userId: turn.userId ?? conversation?.userId ?? null, username: turn.username ?? conversation?.username ?? null,
      contactName: turn.contactName ?? conversation?.contactName ?? null, flowId: turn.flowId, flowVersion: turn.version,
      status: turn.session.status, session: JSON.stringify(turn.session),
      lastUserMessageAt: turn.lastCustomerMessageAt ?? conversation?.lastUserMessageAt ?? now, updatedAt: now,
      run: conversation?.run ?? null,
    };
    let conversationId: number;
    if (conversation === undefined) conversationId = Number(statements.insertConversation.run(row).lastInsertRowid);
    else conversationId = conversation.id;
    const facts = analytics ? turn.analytics : undefined;
    if (facts) {
      const owner = { id: conversationId, phoneNumberId: turn.phoneNumberId, waId: turn.waId, contactName: row.contactName };
      if (facts.abandoned) saveRun(facts.abandoned, owner);
      row.run = saveRun(facts.run, owner);
      addCounters(facts.counters);
    }
    if (conversation === undefined) {
      if (facts) statements.setConversationRun.run({ id: conversationId, run: row.run });
    } else {
      (row.status === conversation.status ? statements.updateConversation : statements.updateConversationAndStatus).run({ ...row, id: conversationId });
    }
    const stored = turn.replies.map((body, index) => enqueue(conversationId, turn.phoneNumberId, body, now, {
      flowId: turn.flowId, flowVersion: turn.version, nodeId: turn.replyNodes?.[index] ?? null, fallback: turn.fallbackOnRefusal ?? null,
    }));
    const { withheld } = turn;
    for (const { id } of withheld === undefined ? [] : stored) {
      if (withheld!.state === 'held') statements.markHeld.run({ id, errorCode: null, error: withheld!.reason });
      else statements.markNotSent.run({ id, error: withheld!.reason });
    }
    const released = turn.releaseHeld ? releaseHeld(conversationId, now) : [];
    if (turn.start) {
      statements.insertStart.run({
        ...turn.start, conversationId, outboxId: stored[0]!.id, flowId: turn.flowId, flowVersion: turn.version, phoneNumberId: turn.phoneNumberId, createdAt: now,
      });
    }
    addHistory({
      conversationId, direction: inbound ? 'in' : 'bot',
      body: JSON.stringify({ ...(inbound ? { event: inbound.event } : {}), replies: stored.length }),
      wamid: inbound?.wamid ?? null, outboxId: stored[0]?.id ?? null, createdAt: now,
    });
    const queued = [...released, ...withheld === undefined ? stored : []];
    for (const notice of turn.notices) statements.insertNotice.run({ body: handoffNoticeBody(notice, conversationId), createdAt: now });
    for (const wamid of inbound ? [inbound.wamid, ...inbound.joined ?? []] : []) statements.finishInbound.run({ wamid, state: 'processed', error: null });
    for (const effect of turn.timers ?? []) {
      if (effect.type === 'cancel_timers') statements.cancelTimers.run({ conversationId, epoch: effect.epoch });
      else {
        const { dueAt, epoch, action } = effect.timer;
        statements.insertTimer.run({ conversationId, phoneNumberId: turn.phoneNumberId, waId: turn.waId, epoch, dueAt, action: JSON.stringify(action), createdAt: now });
      }
    }
    if (turn.firedTimerId !== undefined) statements.setTimerState.run({ id: turn.firedTimerId, state: 'fired' });
    return { conversationId, queued, released: released.length };
  };
  /** The conversation's held messages, queued again in order (the customer wrote: the window is open). */
  const releaseHeld = (conversationId: number, now: number): OutboxItem[] => statements.heldOf.all({ conversationId }).map((row) => {
    statements.release.run({ id: row.id, now });
    return { ...row, nextAttemptAt: now };
  });

  return {
    inbound: {
      accept: async (messages: InboundRow[], statuses: StatusUpdateRow[]) => foreground.run(() => {
        const fresh = messages.filter((row) => statements.insertInbound.run(fields({ ...row, contactKey: row.contactKey ?? row.waId })).changes === 1);
        for (const status of statuses) {
          const origin = (status.outboxId === null ? undefined : statements.outboxRowById.get(fields(status)))
            ?? statements.outboxRowByWamid.get(fields(status));
          if (origin === undefined) continue;
          if (analytics) addCounters(statusCounters(origin, statements.storedStatus.get({ wamid: status.wamid }), status));
          statements.upsertStatus.run(fields(status));
          if (status.outboxId !== null) statements.settleByStatus.run(fields(status));
        }
        return fresh;
      }),
      pending: async () => statements.pendingInbound.all(),
      markFailed: async (wamid, error) => {
        await background.run(() => statements.finishInbound.run({ wamid, state: 'failed', error }));
      },
    },
    conversations: {
      byContact: async (phoneNumberId, waId, userId) =>
        (userId === undefined ? undefined : statements.conversationByUser.get({ phoneNumberId, userId }))
          ?? statements.conversationByContact.get({ phoneNumberId, waId }),
      byId: async (id) => statements.conversationById.get({ id }),
      versionsInUse: async (flowId) => new Set(statements.versionsInUse.all({ flowId }).map((row) => row.version)),
      byStatus: async (status, limit) => statements.conversationsByStatus.all({ status, limit }),
      recent: async (conversationId, limit) => statements.recentHistory.all({ conversationId, limit }).reverse(),
      replyState: async (id) => statements.replyState.get({ id }),
      storeTurn: (turn) => background.run(() => writeTurn(turn)),
      changeAddress: (id, waId) => background.run(() => {
        const conversation = statements.conversationById.get({ id });
        if (!conversation || statements.addressTaken.get({ phoneNumberId: conversation.phoneNumberId, waId }) !== undefined) return false;
        statements.changeAddress.run({ id, waId });
        return true;
      }),
      storeSession: async (id, change) => {
        await foreground.run(() => statements.storeSession.run({ id, ...change }));
      },
      storeAgentReply: (conversation: ConversationRow, reply: AgentReplyToStore) => foreground.run((): StoredAgentReply => {
        const { body, agent, now } = reply;
        const origin = { flowId: conversation.flowId, flowVersion: conversation.flowVersion, nodeId: null, fallback: null };
        const fallback = reply.fallback === undefined ? undefined : enqueue(conversation.id, conversation.phoneNumberId, reply.fallback, now, origin);
        const item = enqueue(conversation.id, conversation.phoneNumberId, body, now, { ...origin, fallback: reply.fallbackOnRefusal ?? null });
        if (reply.held !== undefined) statements.markHeld.run({ id: item.id, errorCode: null, error: reply.held });
        const facts = analytics ? analyseAgentReply(conversation.run === null ? null : JSON.parse(conversation.run) as RunState, agent, now) : undefined;
        if (facts) {
          addCounters(facts.counters);
          statements.setConversationRun.run({ id: conversation.id, run: saveRun(facts.run, conversation) });
        }
        addHistory({
          conversationId: conversation.id, direction: 'agent', body: JSON.stringify({ replies: fallback ? 2 : 1, agent } satisfies HistoryBody), wamid: null,
          outboxId: fallback?.id ?? item.id, createdAt: now,
        });
        const queued = [...fallback ? [fallback] : [], ...reply.held === undefined ? [item] : []];
        return { outboxId: item.id, fallbackOutboxId: fallback?.id ?? null, queued };
      }),
      heldCount: async (conversationId) => statements.heldCount.get({ conversationId })?.count ?? 0,
    },
    outbox: {
      unsent: async () => statements.unsent.all() as UnsentOutboxItem[],
      markInFlight: async (ids) => {
        await background.run(() => {
          for (const id of ids) statements.markInFlight.run({ id });
        });
      },
      markSent: async (id, wamid) => {
        await background.run(() => statements.markSent.run({ id, wamid }));
      },
      markUncertain: async (id, nextAttemptAt, error) => {
        await background.run(() => statements.markUncertain.run({ id, nextAttemptAt, error }));
      },
      sentAmong: async (ids) => new Set(ids.filter((id) => statements.outboxState.get({ id })?.state === 'sent')),
      markRetry: async (id, nextAttemptAt, errorCode, error) => {
        await background.run(() => statements.markRetry.run({ id, nextAttemptAt, errorCode, error }));
      },
      markFailed: async (id, errorCode, error) => {
        await background.run(() => statements.markFailed.run({ id, errorCode, error }));
      },
      holdForWindow: (id, errorCode, error, now) => background.run(() => {
        const row = statements.refusedRow.get({ id });
        if (row === undefined) return undefined;
        const firstHeld = (statements.heldCount.get({ conversationId: row.conversationId })?.count ?? 0) === 0;
        statements.markHeld.run({ id, errorCode, error });
        if (row.fallback === null || !firstHeld) return undefined;
        const item = enqueue(row.conversationId, row.phoneNumberId, row.fallback, now, { flowId: row.flowId, flowVersion: row.flowVersion, nodeId: row.nodeId, fallback: null });
        // In the history like any reply, so the inbox shows the template that went.
        addHistory({ conversationId: row.conversationId, direction: 'bot', body: JSON.stringify({ replies: 1 } satisfies HistoryBody), wamid: null, outboxId: item.id, createdAt: now });
        return item;
      }),
    },
    notices: {
      due: async (now) => statements.dueNotices.all({ now }),
      nextDue: async () => statements.nextDueNotice.get()?.at ?? undefined,
      delivered: async (id) => {
        await background.run(() => statements.deleteNotice.run({ id }));
      },
      retry: async (id, attempts, nextAttemptAt, error) => {
        await background.run(() => statements.retryNotice.run({ id, attempts, nextAttemptAt, error }));
      },
      failed: async (id, attempts, error) => {
        await background.run(() => statements.failNotice.run({ id, attempts, error }));
      },
    },
    timers: {
      claimDue: (now, leaseMs, limit) => background.run(() => statements.claimTimers.all({ now, claimedUntil: now + leaseMs, limit }).map(timerRow).sort(soonestFirst)),
      nextDue: async () => statements.nextTimer.get()?.at ?? undefined,
      cancel: async (id) => {
        await background.run(() => statements.setTimerState.run({ id, state: 'cancelled' }));
      },
      pendingOf: async (conversationId) => statements.timersOf.all({ conversationId }).map(timerRow),
    },
    starts: {
      byKey: async (scope, idempotencyKey) => statements.startByKey.get({ scope, idempotencyKey }),
    },
    close: async () => {
      foreground.close();
      background.close();
    },
  };
}
