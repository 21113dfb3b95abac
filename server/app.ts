import type { Socket } from 'node:net';
import Fastify, { type FastifyInstance, type onRouteHookHandler } from 'fastify';
import { createRuntimePorts } from '../runtime/adapters/index.ts';
import type { RuntimePorts } from '../runtime/core/types.ts';
import { createTokenRepository } from './auth/token-repository.ts';
import { createMetaFlows } from './channels/meta-flows.ts';
import { createChannelRepository, hasEncryptedChannelSecrets } from './channels/repository.ts';
import { SecretBox } from './channels/secret-box.ts';
import { createTemplateStore } from './channels/templates.ts';
import { createEmbeddingStore } from './knowledge/embedding-store.ts';
import { loadSecretKey } from './channels/secret-key.ts';
import type { ServerConfig } from './config.ts';
import type { CharlaContext } from './context.ts';
import { openCharlaDatabase, type CharlaDatabase } from './db/database.ts';
import { installErrorHandler } from './error-handler.ts';
import { AppError } from './errors.ts';
import { createDraftProblems } from './flows/draft-problems.ts';
import { createFlowRepository } from './flows/repository.ts';
import { GraphManagementClient } from './whatsapp/graph-management.ts';
import { loggerOptions } from './logger.ts';
import { channelsPlugin } from './plugins/channels/index.ts';
import { editorPlugin, isServerPath } from './plugins/editor.ts';
import { flowsPlugin } from './plugins/flows/index.ts';
import { openApiPlugin } from './plugins/openapi.ts';
import { healthPlugin } from './plugins/health.ts';
import { inboxPlugin } from './plugins/inbox/index.ts';
import { startsPlugin } from './plugins/starts/index.ts';
import { analyticsPlugin } from './plugins/analytics/index.ts';
import { metricsPlugin } from './plugins/metrics/index.ts';
import { nodeTrialsPlugin } from './plugins/node-trials/index.ts';
import { knowledgePlugin } from './plugins/knowledge/index.ts';
import { securityHeadersPlugin } from './plugins/security-headers.ts';
import { webhookPlugin } from './plugins/webhook/index.ts';
import { livePlugin } from './plugins/live/index.ts';
import { simulationsPlugin } from './plugins/simulations/index.ts';
import { templatesPlugin } from './plugins/templates/index.ts';
import { tokensPlugin } from './plugins/tokens/index.ts';
import { versionsPlugin } from './plugins/versions/index.ts';

export interface BuildAppOptions {
  config: ServerConfig;
  /** An open database; by default CHARLA_DATABASE_URL's PostgreSQL or `config.dbPath` is opened (and closed with the app). */
  database?: CharlaDatabase;
  /** false (default, for tests) or pino settings; secrets are redacted either way. */
  logger?: false | { level?: string; stream?: NodeJS.WritableStream };
  /** The built editor (dist/editor) to serve at /, with index.html for unknown page paths. */
  editorDir?: string;
  /** The clock; tests may pin it. */
  now?: () => number;
  /** The ports API-call and AI nodes use; by default built from the environment (runtime/adapters). */
  ports?: RuntimePorts;
  /** Called for every route as it is registered, before any plugin (the contract test walks them with it). */
  onRoute?: onRouteHookHandler;
}

/** Meta answers a Flow JSON upload or a template page within seconds; a minute means it will not. */
const GRAPH_MANAGEMENT_TIMEOUT_MS = 60_000;

/** Flow documents may be a few MB; anything bigger is refused with 413 before it is parsed. */
export const BODY_LIMIT_BYTES = 5 * 1024 * 1024;

/**
 * The whole server as a Fastify app, ready for `inject()` or `listen()`; it does not listen.
 * @example const app = await buildApp({ config: loadConfig(process.env) }); await app.listen({ port: 3000 });
 */
export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const { config } = options;
  const app = Fastify({
    logger: options.logger ? loggerOptions(options.logger) : false,
    bodyLimit: BODY_LIMIT_BYTES,
    // Unknown body fields are a 400 naming them, not silently dropped.
    ajv: { customOptions: { removeAdditional: false } },
    // Stopping the server must not wait for a browser tab's idle keep-alive connections (or the ones it
    // opened ahead and never used): they are closed at once, requests in flight still finish.
    forceCloseConnections: 'idle',
  });
  closeUnusedConnectionsOnClose(app);
  if (options.onRoute) app.addHook('onRoute', options.onRoute);
  const database = options.database ?? await openCharlaDatabase(config);
  if (!options.database) app.addHook('onClose', () => database.close());

  let secretKey: ReturnType<typeof loadSecretKey>;
  try {
    secretKey = loadSecretKey({
      // On PostgreSQL the key file sits where the SQLite file would; several instances share CHARLA_SECRET_KEY instead.
      envKey: config.secretKey, dbPath: database.sqlite?.name ?? config.dbPath, hasEncryptedValues: await hasEncryptedChannelSecrets(database),
    });
  } catch (error) {
    if (!options.database) await database.close();
    throw error;
  }
  const channels = createChannelRepository(database, config.whatsapp, new SecretBox(secretKey.key));
  const management = new GraphManagementClient(config.whatsapp.graphUrl, GRAPH_MANAGEMENT_TIMEOUT_MS);
  const tokenOf = async (phoneNumberId: string) => (await channels.resolve(phoneNumberId))?.accessToken;
  const flows = createFlowRepository(database);
  const context: CharlaContext = {
    config,
    database,
    db: database.db,
    sqlite: database.sqlite,
    flows,
    draftProblems: createDraftProblems(flows),
    channels,
    metaFlows: createMetaFlows(database, management, tokenOf),
    templates: createTemplateStore(database, management, tokenOf),
    secretKey: secretKey.source,
    tokens: createTokenRepository(database),
    ports: options.ports ?? createRuntimePorts(config.runtime, {}, { embeddingStore: createEmbeddingStore(database, options.now ?? Date.now) }),
    now: options.now ?? Date.now,
  };
  // Channel secrets written before encryption existed are encrypted now; a wrong key stops here.
  const sealed = await context.channels.sealPlaintextSecrets();
  app.decorate('charla', context);
  if (sealed > 0) app.log.info({ sealed }, 'channel secrets stored in plaintext were encrypted');
  app.decorateRequest('principal', null);
  installErrorHandler(app);
  await app.register(securityHeadersPlugin);
  if (options.editorDir) await app.register(editorPlugin, { root: options.editorDir });
  app.setNotFoundHandler((request, reply) => {
    if (options.editorDir && request.method === 'GET' && !isServerPath(request.url)) {
      return reply.sendFile('index.html');
    }
    throw new AppError('route_not_found', `No route ${request.method} ${request.url.split('?')[0]}`);
  });

  // Feature plugins, one line each. Plugins read `app.charla`; their routes are the contract's (schema/api/),
  // which the OpenAPI plugin, registered first, collects.
  await app.register(openApiPlugin);
  await app.register(healthPlugin);
  await app.register(flowsPlugin);
  await app.register(versionsPlugin);
  await app.register(nodeTrialsPlugin);
  await app.register(knowledgePlugin);
  await app.register(channelsPlugin);
  await app.register(templatesPlugin);
  await app.register(tokensPlugin);
  await app.register(simulationsPlugin);
  // The live WhatsApp path: `app.live` (processor, outbox sender, stores), then its routes.
  await app.register(livePlugin);
  await app.register(webhookPlugin);
  await app.register(inboxPlugin);
  await app.register(startsPlugin);
  await app.register(analyticsPlugin);
  await app.register(metricsPlugin);

  return app;
}

/**
 * Browsers open connections ahead of need (Chromium's preconnect) and may never send a request on
 * them: Node counts those neither idle nor busy, so closing the server would wait for its timeouts
 * with a tab open. They are destroyed when the server closes; busy ones still finish their request.
 */
function closeUnusedConnectionsOnClose(app: FastifyInstance): void {
  const unused = new Set<Socket>();
  app.server.on('connection', (socket: Socket) => {
    unused.add(socket);
    const used = () => unused.delete(socket);
    socket.once('data', used);
    socket.once('close', used);
  });
  app.addHook('preClose', (done) => {
    for (const socket of unused) socket.destroy();
    done();
  });
}
