import { and, asc, count, desc, eq, inArray, lt, lte, min, ne, notExists, or, sql, type SQL } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { alias } from 'drizzle-orm/pg-core';
import pg from 'pg';
import type { CharlaPgDb } from '../db/postgres-connection.ts';
import {
  channels, conversationMessages, conversationRuns, conversationStarts, conversations, flowCounters, handoffNotices, inboundMessages, messageStatuses, outbox, sendRates, timers,
} from '../db/postgres-schema.ts';
import { analyseAgentReply, statusCounters, type RunState } from './analytics/turn-analytics.ts';
import type { CounterIncrement } from './analytics/counters.ts';
import {
  handoffNoticeBody, type AgentReplyToStore, type ConversationRow, type HistoryBody, type HistoryRow, type LiveStore, type OutboxClaim, type OutboxItem,
  type SharedWork, type StoredAgentReply, type UnsentOutboxItem,
} from './live-store.ts';
import { claimableTimer, excluded, startColumns, pendingTimers, runRow, soonestFirst, statusUpsert, timerColumns, timerRow, timerSoonestDue } from './live-sql.ts';

const conversationColumns = {
  id: conversations.id, phoneNumberId: conversations.phoneNumberId, waId: conversations.waId,
  userId: conversations.userId, username: conversations.username, contactName: conversations.contactName, flowId: conversations.flowId, flowVersion: conversations.flowVersion,
  status: conversations.status, session: conversations.session, lastUserMessageAt: conversations.lastUserMessageAt,
  updatedAt: conversations.updatedAt, run: conversations.run,
};

type Transaction = Parameters<Parameters<CharlaPgDb['transaction']>[0]>[0];

/**
 * The live path's storage on PostgreSQL (CHARLA_DATABASE_URL): the same LiveStore as on SQLite,
 * its statements built from postgres-schema.ts. Each write is one transaction on a pooled
 * connection; several of them run at once, so no group commit is needed to keep the disk busy.
 * @example const live = createPostgresLiveStore((await openPostgres(url)).db);
 */
export function createPostgresLiveStore(db: CharlaPgDb, options: { analytics?: boolean } = {}): LiveStore {
  const analytics = options.analytics ?? true;
  const p = sql.placeholder;
  const reads = {
    pendingInbound: db.select({
      wamid: inboundMessages.wamid, phoneNumberId: inboundMessages.phoneNumberId, waId: inboundMessages.waId,
      payload: inboundMessages.payload, receivedAt: inboundMessages.receivedAt,
    }).from(inboundMessages).where(eq(inboundMessages.state, 'pending')).orderBy(asc(inboundMessages.receivedAt)).prepare('pending_inbound'),
    pendingOf: db.select({
      wamid: inboundMessages.wamid, phoneNumberId: inboundMessages.phoneNumberId, waId: inboundMessages.waId,
      payload: inboundMessages.payload, receivedAt: inboundMessages.receivedAt,
    }).from(inboundMessages).where(and(
      eq(inboundMessages.phoneNumberId, p('phoneNumberId')), eq(inboundMessages.contactKey, p('contactKey')), eq(inboundMessages.state, 'pending'),
    )).orderBy(asc(inboundMessages.receivedAt), asc(inboundMessages.wamid)).prepare('pending_of_contact'),
    conversationByContact: db.select(conversationColumns).from(conversations)
      .where(and(eq(conversations.phoneNumberId, p('phoneNumberId')), eq(conversations.waId, p('waId')))).prepare('conversation_by_contact'),
    conversationByUser: db.select(conversationColumns).from(conversations)
      .where(and(eq(conversations.phoneNumberId, p('phoneNumberId')), eq(conversations.userId, p('userId')))).prepare('conversation_by_user'),
    conversationById: db.select(conversationColumns).from(conversations).where(eq(conversations.id, p('id'))).prepare('conversation_by_id'),
    conversationsByStatus: db.select(conversationColumns).from(conversations).where(eq(conversations.status, p('status')))
      .orderBy(desc(conversations.updatedAt)).limit(p('limit')).prepare('conversations_by_status'),
    versionsInUse: db.selectDistinct({ version: conversations.flowVersion }).from(conversations)
      .where(and(eq(conversations.flowId, p('flowId')), ne(conversations.status, 'ended'))).prepare('versions_in_use'),
    recentHistory: db.select({
      id: conversationMessages.id, direction: conversationMessages.direction, body: conversationMessages.body,
      wamid: conversationMessages.wamid, outboxId: conversationMessages.outboxId, createdAt: conversationMessages.createdAt,
    }).from(conversationMessages).where(eq(conversationMessages.conversationId, p('conversationId')))
      .orderBy(desc(conversationMessages.id)).limit(p('limit')).prepare('recent_history'),
    replyState: db.select({
      body: outbox.body, wamid: outbox.wamid, outboxState: outbox.state, deliveryStatus: messageStatuses.status,
      errorCode: sql<number | null>`coalesce(${messageStatuses.errorCode}, ${outbox.errorCode})`,
      error: sql<string | null>`coalesce(${messageStatuses.errorTitle}, ${outbox.error})`,
    }).from(outbox).leftJoin(messageStatuses, eq(messageStatuses.wamid, outbox.wamid)).where(eq(outbox.id, p('id'))).prepare('reply_state'),
    unsent: db.select({
      id: outbox.id, conversationId: outbox.conversationId, phoneNumberId: outbox.phoneNumberId, body: outbox.body,
      attempts: outbox.attempts, nextAttemptAt: outbox.nextAttemptAt, state: outbox.state,
    }).from(outbox).where(inArray(outbox.state, ['queued', 'in_flight', 'uncertain'])).orderBy(outbox.id).prepare('unsent_outbox'),
    dueNotices: db.select({ id: handoffNotices.id, body: handoffNotices.body, attempts: handoffNotices.attempts })
      .from(handoffNotices).where(and(eq(handoffNotices.state, 'pending'), lte(handoffNotices.nextAttemptAt, p('now'))))
      .orderBy(handoffNotices.id).prepare('due_notices'),
    nextDueNotice: db.select({ at: min(handoffNotices.nextAttemptAt) }).from(handoffNotices)
      .where(eq(handoffNotices.state, 'pending')).prepare('next_due_notice'),
  };

  /** Names this instance in its outbox notifications, so it does not wake itself twice (it woke when it queued). */
  const instanceId = randomUUID();
  /**
   * Queues replies in order: one INSERT, ids ascending in the order given. Its RETURNING notifies the other
   * instances' senders (delivered when the transaction commits) without a statement of its own.
   */
  const enqueue = async (
    tx: Transaction, conversationId: number, phoneNumberId: string, bodies: string[], createdAt: number,
    origin: { flowId: string | null; flowVersion: number | null; nodeIds?: ReadonlyArray<string | null>; fallback?: string | null },
  ): Promise<OutboxItem[]> => {
    if (bodies.length === 0) return [];
    const rows = await tx.insert(outbox).values(bodies.map((body, index) => ({
      conversationId, phoneNumberId, body, state: 'queued' as const, attempts: 0, nextAttemptAt: createdAt, createdAt,
      flowId: origin.flowId, flowVersion: origin.flowVersion, nodeId: origin.nodeIds?.[index] ?? null, fallback: origin.fallback ?? null,
    }))).returning({ id: outbox.id, notified: sql`(SELECT pg_notify(${OUTBOX_CHANNEL}, ${instanceId}))` });
    const ids = rows.map((row) => row.id).sort((a, b) => a - b);
    return bodies.map((body, index) => ({ id: ids[index]!, conversationId, phoneNumberId, body, attempts: 0, nextAttemptAt: createdAt }));
  };

  const addCounters = async (tx: Transaction, counters: CounterIncrement[]) => {
    if (counters.length === 0) return;
    await tx.insert(flowCounters).values(counters).onConflictDoUpdate({
      target: [flowCounters.flowId, flowCounters.flowVersion, flowCounters.hour, flowCounters.nodeId, flowCounters.metric, flowCounters.key],
      set: { count: sql`${flowCounters.count} + ${excluded(flowCounters.count)}`, total: sql`${flowCounters.total} + ${excluded(flowCounters.total)}` },
    });
  };
  /** Writes the run's row (inserting it the first time) and returns it with its id, as the conversation keeps it. */
  const saveRun = async (tx: Transaction, run: RunState, conversation: { id: number; phoneNumberId: string; waId: string; contactName: string | null }): Promise<string> => {
    const row = runRow(run, conversation);
    if (run.id === undefined) {
      const [inserted] = await tx.insert(conversationRuns).values(row).returning({ id: conversationRuns.id });
      return JSON.stringify({ ...run, id: inserted!.id });
    }
    await tx.update(conversationRuns).set(row).where(eq(conversationRuns.id, run.id));
    return JSON.stringify(run);
  };

  /** The conversation's held messages, queued again in order (the customer wrote: the window is open). */
  const releaseHeld = async (tx: Transaction, conversationId: number, now: number): Promise<OutboxItem[]> => {
    const rows = await tx.update(outbox).set({ state: 'queued', nextAttemptAt: now, errorCode: null, error: null })
      .where(and(eq(outbox.conversationId, conversationId), eq(outbox.state, 'held')))
      .returning({ id: outbox.id, conversationId: outbox.conversationId, phoneNumberId: outbox.phoneNumberId, body: outbox.body, attempts: outbox.attempts });
    return rows.sort((a, b) => a.id - b.id).map((row) => ({ ...row, nextAttemptAt: now }));
  };

  const updateOutbox = async (id: number, change: Partial<typeof outbox.$inferInsert>) => {
    await db.update(outbox).set(change).where(eq(outbox.id, id));
  };
  const updateNotice = async (id: number, change: Partial<typeof handoffNotices.$inferInsert>) => {
    await db.update(handoffNotices).set(change).where(eq(handoffNotices.id, id));
  };

  return {
    inbound: {
      accept: async (messages, statuses) => {
        const insertMessages = async (tx: Transaction | CharlaPgDb) => {
          const inserted = messages.length === 0 ? [] : await tx.insert(inboundMessages).values(messages.map((row) => ({
            wamid: row.wamid, phoneNumberId: row.phoneNumberId, waId: row.waId, contactKey: row.contactKey ?? row.waId, payload: row.payload, state: 'pending' as const,
            receivedAt: row.receivedAt,
          }))).onConflictDoNothing().returning({ wamid: inboundMessages.wamid });
          const fresh = new Set(inserted.map((row) => row.wamid));
          return messages.filter((row) => fresh.has(row.wamid));
        };
        // Messages alone are one statement, atomic by itself: no BEGIN and COMMIT round trips around it.
        if (statuses.length === 0) return insertMessages(db);
        return db.transaction(async (tx) => {
          const fresh = await insertMessages(tx);
          for (const status of statuses) {
            // Only statuses of messages Charla sent: the outbox row the callback data names, or one with this wamid.
            const [origin] = await tx.select({
              flowId: outbox.flowId, flowVersion: outbox.flowVersion, nodeId: outbox.nodeId, createdAt: outbox.createdAt,
            }).from(outbox).where(and(
              eq(outbox.phoneNumberId, status.phoneNumberId),
              status.outboxId === null ? eq(outbox.wamid, status.wamid) : or(eq(outbox.id, status.outboxId), eq(outbox.wamid, status.wamid)),
            )).limit(1);
            if (origin === undefined) continue;
            if (analytics) {
              const [stored] = await tx.select({ status: messageStatuses.status, pricingCategory: messageStatuses.pricingCategory })
                .from(messageStatuses).where(eq(messageStatuses.wamid, status.wamid));
              await addCounters(tx, statusCounters(origin, stored, status));
            }
            await tx.insert(messageStatuses).values({
              wamid: status.wamid, status: status.status as typeof messageStatuses.$inferInsert.status, recipientId: status.recipientId,
              timestamp: status.timestampSeconds, errorCode: status.errorCode, errorTitle: status.errorTitle, updatedAt: status.updatedAt,
              pricingCategory: status.pricingCategory, pricingType: status.pricingType, billable: status.billable,
            }).onConflictDoUpdate(statusUpsert(messageStatuses));
            // A send whose answer was lost is settled by the status naming it (docs/security.md, no blind resend).
            if (status.outboxId !== null) {
              await tx.update(outbox).set({ state: 'sent', wamid: status.wamid }).where(and(
                eq(outbox.id, status.outboxId), eq(outbox.phoneNumberId, status.phoneNumberId), inArray(outbox.state, ['in_flight', 'uncertain']),
              ));
            }
          }
          return fresh;
        });
      },
      pending: () => reads.pendingInbound.execute(),
      markFailed: async (wamid, error) => {
        await db.update(inboundMessages).set({ state: 'failed', error }).where(eq(inboundMessages.wamid, wamid));
      },
    },
    conversations: {
      byContact: async (phoneNumberId, waId, userId) =>
        (userId === undefined ? undefined : (await reads.conversationByUser.execute({ phoneNumberId, userId }))[0])
          ?? (await reads.conversationByContact.execute({ phoneNumberId, waId }))[0],
      byId: async (id) => (await reads.conversationById.execute({ id }))[0],
      versionsInUse: async (flowId) => new Set((await reads.versionsInUse.execute({ flowId })).map((row) => row.version)),
      byStatus: (status, limit) => reads.conversationsByStatus.execute({ status, limit }),
      recent: async (conversationId, limit) => (await reads.recentHistory.execute({ conversationId, limit })).reverse() as HistoryRow[],
      replyState: async (id) => (await reads.replyState.execute({ id }))[0],
      storeTurn: (turn) => db.transaction(async (tx) => {
        const { conversation, inbound, now } = turn;
        const changes = {
          userId: turn.userId ?? conversation?.userId ?? null, username: turn.username ?? conversation?.username ?? null,
          contactName: turn.contactName ?? conversation?.contactName ?? null, flowId: turn.flowId, flowVersion: turn.version,
          status: turn.session.status, session: JSON.stringify(turn.session),
          lastUserMessageAt: turn.lastCustomerMessageAt ?? conversation?.lastUserMessageAt ?? now, updatedAt: now,
          run: conversation?.run ?? null,
        };
        // The key (number and address) is set once: a conversation found by its BSUID keeps the address it began with.
        const conversationId = conversation === undefined
          ? (await tx.insert(conversations).values({ phoneNumberId: turn.phoneNumberId, waId: turn.waId, ...changes }).returning({ id: conversations.id }))[0]!.id
          : conversation.id;
        const facts = analytics ? turn.analytics : undefined;
        if (facts) {
          const owner = { id: conversationId, phoneNumberId: turn.phoneNumberId, waId: turn.waId, contactName: changes.contactName };
          if (facts.abandoned) await saveRun(tx, facts.abandoned, owner);
          changes.run = await saveRun(tx, facts.run, owner);
          await addCounters(tx, facts.counters);
        }
        if (conversation !== undefined || facts) await tx.update(conversations).set(changes).where(eq(conversations.id, conversationId));
        // A conversation begun by this turn has nothing held: no statement for it.
        const released = turn.releaseHeld && conversation !== undefined ? await releaseHeld(tx, conversationId, now) : [];
        const stored = await enqueue(tx, conversationId, turn.phoneNumberId, turn.replies, now, {
          flowId: turn.flowId, flowVersion: turn.version, nodeIds: turn.replyNodes, fallback: turn.fallbackOnRefusal ?? null,
        });
        const { withheld } = turn;
        if (withheld !== undefined && stored.length > 0) {
          await tx.update(outbox).set({ state: withheld.state, error: withheld.reason }).where(inArray(outbox.id, stored.map((item) => item.id)));
        }
        const queued = [...released, ...withheld === undefined ? stored : []];
        await tx.insert(conversationMessages).values({
          conversationId, direction: inbound ? 'in' : 'bot',
          body: JSON.stringify({ ...(inbound ? { event: inbound.event } : {}), replies: stored.length }),
          wamid: inbound?.wamid ?? null, outboxId: stored[0]?.id ?? null, createdAt: now,
        });
        if (turn.notices.length > 0) {
          await tx.insert(handoffNotices).values(turn.notices.map((notice) => ({
            body: handoffNoticeBody(notice, conversationId), state: 'pending' as const, attempts: 0, nextAttemptAt: now, createdAt: now,
          })));
        }
        if (inbound) await tx.update(inboundMessages).set({ state: 'processed', error: null }).where(inArray(inboundMessages.wamid, [inbound.wamid, ...inbound.joined ?? []]));
        for (const effect of turn.timers ?? []) {
          if (effect.type === 'cancel_timers') {
            await tx.update(timers).set({ state: 'cancelled' }).where(and(
              eq(timers.conversationId, conversationId), lte(timers.epoch, effect.epoch), inArray(timers.state, ['pending', 'claimed'])));
          } else {
            const { dueAt, epoch, action } = effect.timer;
            await tx.insert(timers).values({
              conversationId, phoneNumberId: turn.phoneNumberId, waId: turn.waId, epoch, dueAt, action: JSON.stringify(action), state: 'pending', createdAt: now,
            });
          }
        }
        if (turn.firedTimerId !== undefined) await tx.update(timers).set({ state: 'fired' }).where(eq(timers.id, turn.firedTimerId));
        if (turn.start) {
          await tx.insert(conversationStarts).values({
            ...turn.start, conversationId, outboxId: stored[0]!.id, flowId: turn.flowId, flowVersion: turn.version, phoneNumberId: turn.phoneNumberId, createdAt: now,
          });
        }
        return { conversationId, queued, released: released.length };
      }),
      storeSession: async (id, change) => {
        await db.update(conversations).set(change).where(eq(conversations.id, id));
      },
      changeAddress: (id, waId) => db.transaction(async (tx) => {
        const [conversation] = await tx.select({ phoneNumberId: conversations.phoneNumberId }).from(conversations).where(eq(conversations.id, id));
        if (!conversation) return false;
        const taken = await tx.select({ id: conversations.id }).from(conversations)
          .where(and(eq(conversations.phoneNumberId, conversation.phoneNumberId), eq(conversations.waId, waId)));
        if (taken.length > 0) return false;
        await tx.update(conversations).set({ waId }).where(eq(conversations.id, id));
        return true;
      }),
      storeAgentReply: (conversation: ConversationRow, reply: AgentReplyToStore) => db.transaction(async (tx): Promise<StoredAgentReply> => {
        const { body, agent, now } = reply;
        const rows = await enqueue(tx, conversation.id, conversation.phoneNumberId, [...reply.fallback === undefined ? [] : [reply.fallback], body], now, {
          flowId: conversation.flowId, flowVersion: conversation.flowVersion,
        });
        const item = rows.at(-1)!;
        const fallback = rows.length > 1 ? rows[0]! : undefined;
        if (reply.held !== undefined || reply.fallbackOnRefusal !== undefined) {
          await tx.update(outbox).set({
            ...reply.held === undefined ? {} : { state: 'held' as const, error: reply.held }, fallback: reply.fallbackOnRefusal ?? null,
          }).where(eq(outbox.id, item.id));
        }
        const facts = analytics ? analyseAgentReply(conversation.run === null ? null : JSON.parse(conversation.run) as RunState, agent, now) : undefined;
        if (facts) {
          await addCounters(tx, facts.counters);
          await tx.update(conversations).set({ run: await saveRun(tx, facts.run, conversation) }).where(eq(conversations.id, conversation.id));
        }
        await tx.insert(conversationMessages).values({
          conversationId: conversation.id, direction: 'agent', body: JSON.stringify({ replies: rows.length, agent } satisfies HistoryBody), wamid: null,
          outboxId: rows[0]!.id, createdAt: now,
        });
        return { outboxId: item.id, fallbackOutboxId: fallback?.id ?? null, queued: reply.held === undefined ? rows : fallback ? [fallback] : [] };
      }),
      heldCount: async (conversationId) => (await db.select({ count: count() }).from(outbox)
        .where(and(eq(outbox.conversationId, conversationId), eq(outbox.state, 'held'))))[0]?.count ?? 0,
    },
    outbox: {
      unsent: async () => (await reads.unsent.execute()) as UnsentOutboxItem[],
      markInFlight: async (ids) => {
        if (ids.length === 0) return;
        await db.update(outbox).set({ state: 'in_flight', attempts: sql`${outbox.attempts} + 1` }).where(inArray(outbox.id, ids));
      },
      markSent: (id, wamid) => updateOutbox(id, { state: 'sent', wamid }),
      markUncertain: async (id, nextAttemptAt, error) => {
        await db.update(outbox).set({ state: 'uncertain', nextAttemptAt, error }).where(and(eq(outbox.id, id), eq(outbox.state, 'in_flight')));
      },
      sentAmong: async (ids) => {
        if (ids.length === 0) return new Set();
        const rows = await db.select({ id: outbox.id }).from(outbox).where(and(inArray(outbox.id, ids), eq(outbox.state, 'sent')));
        return new Set(rows.map((row) => row.id));
      },
      markRetry: (id, nextAttemptAt, errorCode, error) => updateOutbox(id, { state: 'queued', nextAttemptAt, errorCode, error }),
      markFailed: (id, errorCode, error) => updateOutbox(id, { state: 'failed', errorCode, error }),
      holdForWindow: (id, errorCode, error, now) => db.transaction(async (tx) => {
        const [row] = await tx.update(outbox).set({ state: 'held', errorCode, error }).where(eq(outbox.id, id)).returning({
          conversationId: outbox.conversationId, phoneNumberId: outbox.phoneNumberId, flowId: outbox.flowId, flowVersion: outbox.flowVersion,
          nodeId: outbox.nodeId, fallback: outbox.fallback,
        });
        if (row === undefined || row.fallback === null) return undefined;
        // Once per closed window: only when this is the conversation's one held message.
        const [held] = await tx.select({ count: count() }).from(outbox).where(and(eq(outbox.conversationId, row.conversationId), eq(outbox.state, 'held')));
        if ((held?.count ?? 0) > 1) return undefined;
        const [queued] = await enqueue(tx, row.conversationId, row.phoneNumberId, [row.fallback], now, {
          flowId: row.flowId, flowVersion: row.flowVersion, nodeIds: [row.nodeId],
        });
        // In the history like any reply, so the inbox shows the template that went.
        await tx.insert(conversationMessages).values({
          conversationId: row.conversationId, direction: 'bot', body: JSON.stringify({ replies: 1 } satisfies HistoryBody), wamid: null, outboxId: queued!.id, createdAt: now,
        });
        return queued;
      }),
    },
    notices: {
      due: (now) => reads.dueNotices.execute({ now }),
      nextDue: async () => (await reads.nextDueNotice.execute())[0]?.at ?? undefined,
      delivered: async (id) => {
        await db.delete(handoffNotices).where(eq(handoffNotices.id, id));
      },
      retry: (id, attempts, nextAttemptAt, error) => updateNotice(id, { attempts, nextAttemptAt, error }),
      failed: (id, attempts, error) => updateNotice(id, { state: 'failed', attempts, error }),
    },
    timers: {
      claimDue: async (now, leaseMs, limit) => {
        const claimable = claimableTimer(timers, sql`${now}`);
        // SKIP LOCKED: instances claiming at once take different timers instead of queueing on the same rows.
        const due = db.select({ id: timers.id }).from(timers).where(claimable).orderBy(asc(timers.dueAt)).limit(limit).for('update', { skipLocked: true });
        const rows = await db.update(timers).set({ state: 'claimed', claimedUntil: now + leaseMs })
          .where(and(claimableTimer(timers, sql`${now}`), inArray(timers.id, due))).returning(timerColumns(timers));
        return rows.map(timerRow).sort(soonestFirst);
      },
      nextDue: async () => (await db.select({ at: timerSoonestDue(timers) }).from(timers).where(inArray(timers.state, ['pending', 'claimed'])))[0]?.at ?? undefined,
      cancel: async (id) => {
        await db.update(timers).set({ state: 'cancelled' }).where(eq(timers.id, id));
      },
      pendingOf: async (conversationId) => (await db.select(timerColumns(timers)).from(timers)
        .where(and(eq(timers.conversationId, conversationId), pendingTimers(timers))).orderBy(asc(timers.dueAt))).map(timerRow),
    },
    starts: {
      byKey: async (scope, idempotencyKey) => (await db.select(startColumns(conversationStarts)).from(conversationStarts)
        .where(and(eq(conversationStarts.scope, scope), eq(conversationStarts.idempotencyKey, idempotencyKey))))[0],
    },
    shared: sharedWork(db, ({ phoneNumberId, contactKey }) => reads.pendingOf.execute({ phoneNumberId, contactKey }), instanceId),
    close: async () => undefined,
  };
}

const UNSENT = ['queued', 'in_flight', 'uncertain'] as const;
/** The LISTEN/NOTIFY channel on which instances say they queued replies. */
const OUTBOX_CHANNEL = 'charla_outbox_queued';
/** How long a listener that lost its connection waits before listening again (the senders' slow poll covers the gap). */
const RELISTEN_MS = 1000;
/** A number idle for a while may send one second's worth at once, as the single-instance token bucket allows. */
const RATE_BURST_MS = 1000;

/** How instances share the work on one PostgreSQL (LiveStore.shared; docs/operations.md, Several instances). */
function sharedWork(db: CharlaPgDb, pendingOf: SharedWork['pendingOf'], instanceId: string): SharedWork {
  const earlier = alias(outbox, 'earlier');
  /** Numbers whose send_rates row exists (rows are never deleted): no insert before their next claim. */
  const rated = new Set<string>();
  const channelPaused = (phoneNumberId: SQL | typeof outbox.phoneNumberId) =>
    sql`EXISTS (SELECT 1 FROM ${channels} WHERE ${channels.phoneNumberId} = ${phoneNumberId} AND ${channels.pausedAt} IS NOT NULL)`;
  /** The number has no free send slot at `now` (GCRA: its next slot is more than the burst ahead, less one interval). */
  const rateSpent = (now: number, intervalMs: number) =>
    sql`EXISTS (SELECT 1 FROM ${sendRates} WHERE ${sendRates.phoneNumberId} = ${outbox.phoneNumberId} AND ${sendRates.slotAt} > ${now + RATE_BURST_MS - intervalMs})`;
  return {
    pendingOf,
    stalledContacts: (receivedBefore, limit) => db.selectDistinct({
      phoneNumberId: inboundMessages.phoneNumberId, contactKey: sql<string>`coalesce(${inboundMessages.contactKey}, ${inboundMessages.waId})`,
    }).from(inboundMessages).where(and(eq(inboundMessages.state, 'pending'), lt(inboundMessages.receivedAt, receivedBefore))).limit(limit),
    claimOutbox: (now, capacity, ratePerSecond, leaseUntil) => db.transaction(async (tx): Promise<OutboxClaim> => {
      const intervalMs = 1000 / ratePerSecond;
      const unsentBefore = and(eq(earlier.conversationId, outbox.conversationId), lt(earlier.id, outbox.id), inArray(earlier.state, [...UNSENT]));
      const rows = await tx.select({
        id: outbox.id, conversationId: outbox.conversationId, phoneNumberId: outbox.phoneNumberId, body: outbox.body,
        attempts: outbox.attempts, state: outbox.state,
        before: sql<number>`(${tx.select({ count: count() }).from(earlier).where(unsentBefore)})`.mapWith(Number),
      }).from(outbox).where(and(
        inArray(outbox.state, [...UNSENT]), lte(outbox.nextAttemptAt, now),
        // One call at a time per conversation, in id order: a conversation's oldest unsent row, and the queued
        // rows right behind it when all before them are queued and due (a chain, sent one after another).
        notExists(tx.select({ id: earlier.id }).from(earlier).where(and(unsentBefore,
          or(ne(earlier.state, 'queued'), sql`${earlier.nextAttemptAt} > ${now}`, ne(outbox.state, 'queued'))))),
        sql`NOT ${channelPaused(outbox.phoneNumberId)}`, sql`NOT ${rateSpent(now, intervalMs)}`,
      )).orderBy(asc(outbox.id)).limit(capacity).for('update', { of: outbox, skipLocked: true });
      // A row goes only behind all the rows before it: another instance may hold (SKIP LOCKED) or the LIMIT cut the head.
      const chained = new Map<number, number>();
      const candidates = rows.filter((row) => {
        const taken = chained.get(row.conversationId) ?? 0;
        if (row.before !== taken) return false;
        chained.set(row.conversationId, taken + 1);
        return true;
      });
      if (candidates.length === 0) return { items: [], followers: [], rateWaitMs: undefined };
      const wanted = new Map<string, number>();
      for (const row of candidates) wanted.set(row.phoneNumberId, (wanted.get(row.phoneNumberId) ?? 0) + 1);
      const unrated = [...wanted.keys()].filter((phoneNumberId) => !rated.has(phoneNumberId));
      if (unrated.length > 0) await tx.insert(sendRates).values(unrated.map((phoneNumberId) => ({ phoneNumberId, slotAt: now }))).onConflictDoNothing();
      // GCRA in one statement: each number's slots from max(slot_at, now) on, as many as fit within the burst.
      const wantedRows = sql.join([...wanted].map(([phoneNumberId, count]) => sql`(${phoneNumberId}::text, ${count}::int)`), sql`, `);
      const granted = await tx.execute<{ phoneNumberId: string; granted: number; nextSlotAt: number }>(sql`
        WITH wanted (phone_number_id, wanted) AS (VALUES ${wantedRows}),
        current AS (
          SELECT ${sendRates.phoneNumberId} AS id, greatest(${sendRates.slotAt}, ${now}::float8) AS base FROM ${sendRates}
          WHERE ${sendRates.phoneNumberId} IN (SELECT phone_number_id FROM wanted) FOR UPDATE),
        given AS (
          SELECT current.id, current.base,
            least(wanted.wanted, greatest(0, floor((${now + RATE_BURST_MS}::float8 - current.base) / ${intervalMs}::float8)))::int AS granted
          FROM current JOIN wanted ON wanted.phone_number_id = current.id)
        UPDATE ${sendRates} SET ${sql.identifier(sendRates.slotAt.name)} = given.base + given.granted * ${intervalMs}::float8
        FROM given WHERE ${sendRates.phoneNumberId} = given.id
        RETURNING given.id AS "phoneNumberId", given.granted AS "granted", ${sendRates.slotAt} AS "nextSlotAt"`);
      for (const phoneNumberId of wanted.keys()) {
        if (granted.rows.some((row) => row.phoneNumberId === phoneNumberId)) rated.add(phoneNumberId);
        else rated.delete(phoneNumberId); // its row went with a rolled-back claim: inserted again next time
      }
      const allowance = new Map(granted.rows.map((row) => [row.phoneNumberId, Number(row.granted)]));
      const grantedRows = candidates.filter((row) => {
        const left = allowance.get(row.phoneNumberId) ?? 0;
        allowance.set(row.phoneNumberId, left - 1);
        return left > 0;
      });
      const claimed = grantedRows.filter((row) => row.before === 0);
      const heldBack = granted.rows.filter((row) => Number(row.granted) < wanted.get(row.phoneNumberId)!);
      const rateWaitMs = heldBack.length === 0 ? undefined
        : Math.max(1, Math.min(...heldBack.map((row) => Number(row.nextSlotAt) - RATE_BURST_MS + intervalMs - now)));
      if (claimed.length > 0) {
        await tx.update(outbox).set({ state: 'in_flight', attempts: sql`${outbox.attempts} + 1`, nextAttemptAt: leaseUntil })
          .where(inArray(outbox.id, claimed.map((row) => row.id)));
      }
      return {
        rateWaitMs,
        items: claimed.map(({ state, before, ...row }) => ({
          ...row, attempts: row.attempts + 1, nextAttemptAt: leaseUntil, uncertain: state !== 'queued', abandoned: state === 'in_flight',
        })),
        followers: grantedRows.filter((row) => row.before > 0).map(({ state, before, ...row }) => ({ ...row, nextAttemptAt: now })),
      };
    }),
    listenForQueued: (onQueued, onLost) => {
      let client: pg.Client | undefined;
      let retry: NodeJS.Timeout | undefined;
      let stopped = false;
      const listen = () => {
        // The pool drizzle runs on (openPostgres), for its connection settings: LISTEN needs a connection of its own.
        const listener = new pg.Client((db as CharlaPgDb & { $client: pg.Pool }).$client.options);
        client = listener;
        listener.on('notification', (message) => {
          if (message.payload !== instanceId) onQueued();
        });
        listener.on('error', (error) => {
          onLost(error);
          listener.end().catch(() => undefined);
          if (!stopped) retry = setTimeout(listen, RELISTEN_MS);
        });
        listener.connect().then(() => listener.query(`LISTEN ${OUTBOX_CHANNEL}`)).catch((error: Error) => listener.emit('error', error));
      };
      listen();
      return async () => {
        stopped = true;
        clearTimeout(retry);
        await client?.end().catch(() => undefined);
      };
    },
    markSentClaimingNext: async (sentId, wamid, nextId, leaseUntil) => {
      if (nextId === undefined) {
        await db.update(outbox).set({ state: 'sent', wamid }).where(eq(outbox.id, sentId));
        return false;
      }
      const sent = sql`${outbox.id} = ${sentId}`;
      const rows = await db.update(outbox).set({
        state: sql`CASE WHEN ${sent} THEN 'sent' ELSE 'in_flight' END`,
        wamid: sql`CASE WHEN ${sent} THEN ${wamid} ELSE ${outbox.wamid} END`,
        attempts: sql`CASE WHEN ${sent} THEN ${outbox.attempts} ELSE ${outbox.attempts} + 1 END`,
        nextAttemptAt: sql`CASE WHEN ${sent} THEN ${outbox.nextAttemptAt} ELSE ${leaseUntil} END`,
      }).where(or(eq(outbox.id, sentId), and(eq(outbox.id, nextId), eq(outbox.state, 'queued')))).returning({ id: outbox.id });
      return rows.some((row) => row.id === nextId);
    },
    pauseNumber: async (phoneNumberId, until, ratePerSecond) => {
      const slotAt = until + RATE_BURST_MS - 1000 / ratePerSecond;
      await db.insert(sendRates).values({ phoneNumberId, slotAt }).onConflictDoUpdate({
        target: sendRates.phoneNumberId, set: { slotAt: sql`greatest(${sendRates.slotAt}, ${excluded(sendRates.slotAt)})` },
      });
    },
    unsentCount: async () => (await db.select({ count: sql<number>`count(*)`.mapWith(Number) }).from(outbox)
      .where(and(inArray(outbox.state, [...UNSENT]), sql`NOT ${channelPaused(outbox.phoneNumberId)}`)))[0]!.count,
  };
}
