import type { FastifyInstance } from 'fastify';
import fastifyPlugin from 'fastify-plugin';
import { GraphClient } from '../../whatsapp/graph-client.ts';
import { downloadMedia } from '../../whatsapp/graph-media.ts';
import { createOpenAiTranscriber } from '../../../runtime/adapters/transcribe-openai.ts';
import { OutboxSender } from '../../live/outbox/outbox-sender.ts';
import type { ResolvedChannel } from '../../channels/repository.ts';
import { startCheckpointer } from '../../live/checkpointer.ts';
import { GroupCommit } from '../../live/group-commit.ts';
import { HandoffNotifier } from '../../live/handoff-notifier.ts';
import { liveConfigFromEnv, type LiveConfig } from '../../live/live-config.ts';
import { LiveMetrics } from '../../live/metrics.ts';
import type { LiveStore } from '../../live/live-store.ts';
import { LiveProcessor } from '../../live/processor.ts';
import { ContactClaims } from '../../live/contact-claims.ts';
import { createPostgresLiveStore } from '../../live/postgres-live-store.ts';
import { createSqliteLiveStore } from '../../live/sqlite-live-store.ts';
import { Retention } from '../../live/retention.ts';
import { tickCache } from '../../live/tick-cache.ts';
import { createAnalyticsStore, type AnalyticsStore } from '../../live/analytics/analytics-store.ts';

/** The live path's parts, shared by the webhook, inbox and metrics plugins as `app.live`. */
export interface LiveContext {
  config: LiveConfig;
  /** The channel of a business number (its secrets, else the defaults), looked up once per event-loop turn. */
  channelOf(phoneNumberId: string): Promise<ResolvedChannel | undefined>;
  /** The live path's storage: inbound messages, conversations, the outbox, handoff notices. */
  store: LiveStore;
  metrics: LiveMetrics;
  sender: OutboxSender;
  processor: LiveProcessor;
  /** Deletes history older than CHARLA_RETENTION_DAYS, in small background batches. */
  retention: Retention;
  /** Reads the analytics counters and conversation runs (docs/analytics.md). */
  analytics: AnalyticsStore;
  /** Deprecates the Meta Flows of versions neither live nor run by a conversation (also hourly); how many were. */
  sweepMetaFlows(): Promise<number>;
}

/** How often the Meta Flows of versions conversations no longer run are deprecated. */
const META_FLOW_SWEEP_MS = 60 * 60 * 1000;

declare module 'fastify' {
  interface FastifyInstance {
    live: LiveContext;
  }
}

/**
 * Builds the live path on `app.charla` and runs it with the app: on ready it starts the WAL
 * checkpointer and re-queues pending messages and unsent replies (logging each in-flight resend);
 * on close it stops sending and writes what is queued.
 */
async function livePath(app: FastifyInstance): Promise<void> {
  const { charla } = app;
  const config = liveConfigFromEnv(charla.config.env);
  const { sqlite, postgres } = charla.database;
  const store = sqlite
    ? createSqliteLiveStore(charla.db, { foreground: new GroupCommit(sqlite), background: new GroupCommit(sqlite) }, { analytics: config.analytics })
    : createPostgresLiveStore(postgres!, { analytics: config.analytics });
  const metrics = new LiveMetrics();
  const channelOf = tickCache((phoneNumberId: string) => charla.channels.resolve(phoneNumberId));
  // The live pointer likewise: a text message's burst setting and then its turn ask for it, a query each on SQLite.
  const flows = { ...charla.flows, getLiveFlow: tickCache((flowId: string) => charla.flows.getLiveFlow(flowId)) };
  const client = new GraphClient(charla.config.whatsapp.graphUrl, config.outbox.timeoutMs);
  // Several instances on one PostgreSQL share contacts and the outbox through it (docs/operations.md, Several instances).
  const claims = store.shared && charla.database.pool
    ? new ContactClaims(String(charla.database.pool.options.connectionString),
      (error) => app.log.error({ err: error }, 'live: a connection holding contact claims was lost; its claims are gone'))
    : undefined;
  const sender = new OutboxSender({
    store: store.outbox, metrics, client, log: app.log, now: charla.now,
    accessTokenFor: async (phoneNumberId) => (await channelOf(phoneNumberId))?.accessToken ?? charla.config.whatsapp.accessToken,
    channelState: charla.channels,
    // A claim outlives a call that never answers and then the wait for a status naming it.
    ...(store.shared ? { shared: { work: store.shared, leaseMs: config.outbox.timeoutMs + config.outbox.uncertainGraceMs } } : {}),
  }, config.outbox);
  const notifier = new HandoffNotifier({
    url: config.handoffWebhookUrl, notices: store.notices, metrics, log: app.log,
    now: charla.now, retry: config.outbox,
  });
  // Voice notes are heard when a model endpoint is configured (docs/ai.md, "Voice notes").
  const { openai } = charla.config.runtime;
  const transcribe = openai === undefined ? undefined : createOpenAiTranscriber(openai);
  const transcribeAudio = transcribe && (async (phoneNumberId: string, audio: { mediaId: string }) => {
    const token = (await channelOf(phoneNumberId))?.accessToken ?? charla.config.whatsapp.accessToken;
    if (token === undefined) throw new Error('no access token for the number to download the voice note with');
    return transcribe(await downloadMedia(charla.config.whatsapp.graphUrl, token, audio.mediaId, config.outbox.timeoutMs));
  });
  const processor = new LiveProcessor({
    store, sender, metrics, log: app.log, flows, channelOf,
    formIdsOf: (flowId, version, wabaId) => charla.metaFlows.formIds(flowId, version, wabaId),
    notifier,
    ports: () => charla.ports, secrets: charla.config.runtime.secrets, timers: config.timers, now: charla.now, analytics: config.analytics,
    ...(claims ? { claims } : {}),
    ...(transcribeAudio === undefined ? {} : { transcribeAudio }),
  });
  const retention = new Retention(charla.database, config.retention, charla.now, app.log);
  metrics.gauge('charla_outbox_unsent', 'Replies queued or in flight', () => sender.unsentCount);
  metrics.gauge('charla_channels_paused', 'Channels whose messages are held until an admin fixes them', () => sender.pausedChannels);
  metrics.gauge('charla_contacts_busy', 'Contacts with messages waiting for their turn', () => processor.busyContacts);
  async function sweepMetaFlows(): Promise<number> {
    let deprecated = 0;
    for (const flowId of await charla.metaFlows.flowsWithPublished()) {
      deprecated += await charla.metaFlows.deprecateUnused(flowId, await store.conversations.versionsInUse(flowId), charla.now());
    }
    return deprecated;
  }
  app.decorate('live', { config, channelOf, store, metrics, sender, processor, retention, analytics: createAnalyticsStore(charla.database), sweepMetaFlows });
  let metaFlowSweep: NodeJS.Timeout | undefined;
  let templateRefresh: NodeJS.Timeout | undefined;

  let checkpointer: { stop(): Promise<void> } | undefined;
  let stopLagSampler: (() => void) | undefined;
  app.addHook('onReady', async () => {
    stopLagSampler = metrics.sampleEventLoopLag();
    if (sqlite && !sqlite.memory) checkpointer = startCheckpointer(sqlite.name);
    await sender.start();
    notifier.start();
    await processor.recover();
    retention.start();
    metaFlowSweep = setInterval(() => {
      sweepMetaFlows().catch((error: Error) => app.log.warn({ err: error }, 'deprecating unused Meta Flows failed; the next sweep tries again'));
    }, META_FLOW_SWEEP_MS).unref();
    // Templates change at Meta (approved, paused, new ones): re-read them so publish checks and fallbacks see the current list.
    templateRefresh = setInterval(() => {
      charla.templates.syncAll(charla.now()).then((results) => {
        for (const { wabaId, error } of results) if (error !== undefined) app.log.warn({ wabaId, error }, 'templates: periodic refresh failed; the previous list is kept');
      }, (error: Error) => app.log.warn({ err: error }, 'templates: periodic refresh failed; the next one tries again'));
    }, config.templateSyncMs).unref();
  });
  app.addHook('onClose', async () => {
    stopLagSampler?.();
    clearInterval(metaFlowSweep);
    clearInterval(templateRefresh);
    await retention.stop();
    await processor.stop();
    await checkpointer?.stop();
    await sender.stop();
    await notifier.stop();
    await claims?.close();
    await store.close();
    await client.close();
  });
}

export const livePlugin = fastifyPlugin(livePath, { name: 'charla-live' });
