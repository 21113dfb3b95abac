import { readFileSync } from 'node:fs';
import type { LightMyRequestResponse } from 'fastify';
import type { FlowDocument } from '../../schema/index.ts';
import { startFakeGraph, type FakeGraph } from './fake-graph.ts';
import { createTestApp, type TestApp } from './test-app.ts';
import { signedHeaders } from './webhook-body.ts';

export const PHONE_NUMBER_ID = '106540352242922';
export const APP_SECRET = 'test-app-secret';
export const VERIFY_TOKEN = 'test-verify-token';
/** The WhatsApp Business Account of PHONE_NUMBER_ID, where the pizzería's form is published. */
export const WABA_ID = '102290129340398';

export interface LiveTestApp extends TestApp {
  graph: FakeGraph;
  /** POSTs a body to the webhook, signed with the app secret unless told otherwise. */
  postWebhook(body: string, options?: { secret?: string; headers?: Record<string, string> }): Promise<LightMyRequestResponse>;
  /** Waits until every stored message has had its turn and every reply was sent, given up or held by a paused channel. */
  settle(): Promise<void>;
  /** Rows of a live table, for assertions. */
  rows<T = Record<string, unknown>>(sql: string, ...params: unknown[]): T[];
  publish(document?: FlowDocument): Promise<number>;
}

/** The pizzería fixture (fixtures/flows/pizzeria.json). */
export function pizzeria(): FlowDocument {
  return JSON.parse(readFileSync(new URL('../../fixtures/flows/pizzeria.json', import.meta.url), 'utf8')) as FlowDocument;
}

/**
 * A test app with the live path wired to a fake Graph API on 127.0.0.1, the pizzería flow (or `options.flow`)
 * published and bound to PHONE_NUMBER_ID on WABA_ID (its form published there as a Meta Flow), and fast outbox retries.
 * @example const t = await createLiveTestApp(); await t.postWebhook(textWebhook({...})); await t.settle();
 */
export async function createLiveTestApp(
  env: Record<string, string> = {},
  options: { now?: () => number; flow?: FlowDocument; /** Another instance on a shared database (CHARLA_DATABASE_URL) published and bound it already. */ joining?: true } = {},
): Promise<LiveTestApp> {
  const graph = await startFakeGraph();
  const base = await createTestApp({
    WHATSAPP_APP_SECRET: APP_SECRET,
    WHATSAPP_VERIFY_TOKEN: VERIFY_TOKEN,
    WHATSAPP_GRAPH_URL: graph.url,
    WHATSAPP_ACCESS_TOKEN: 'test-access-token',
    CHARLA_OUTBOX_RETRY_BASE_MS: '5',
    ...env,
  }, options.now ? { now: options.now } : {});
  const { app } = base;
  const admin = base.auth();

  async function publish(document: FlowDocument = pizzeria()): Promise<number> {
    const existing = await app.inject({ method: 'GET', url: `/api/flows/${document.id}`, headers: admin });
    if (existing.statusCode === 404) {
      await expectOk(app.inject({ method: 'POST', url: '/api/flows', headers: admin, payload: document }));
    } else {
      const { revision } = existing.json() as { revision: number };
      await expectOk(app.inject({ method: 'PUT', url: `/api/flows/${document.id}`, headers: admin, payload: { document, revision } }));
    }
    const published = await expectOk(app.inject({ method: 'POST', url: `/api/flows/${document.id}/versions`, headers: admin, payload: {} }));
    return (published.json() as { version: number }).version;
  }

  const served = options.flow ?? pizzeria();
  if (!options.joining) {
    await publish(served);
    await expectOk(app.inject({ method: 'PUT', url: `/api/channels/whatsapp/${PHONE_NUMBER_ID}`, headers: admin, payload: { flowId: served.id, wabaId: WABA_ID } }));
  }
  await app.ready();

  return {
    ...base,
    graph,
    publish,
    postWebhook: (body, { secret = APP_SECRET, headers = {} } = {}) =>
      app.inject({ method: 'POST', url: '/webhooks/whatsapp', headers: { ...signedHeaders(body, secret), ...headers }, payload: body }),
    async settle() {
      for (;;) {
        await app.live.processor.idle();
        await app.live.sender.idle();
        if (app.live.processor.busyContacts === 0 && app.live.sender.activeCount === 0) return;
      }
    },
    rows: <T>(sql: string, ...params: unknown[]) => app.charla.sqlite!.prepare(sql).all(...params) as T[],
    async close() {
      await base.close();
      await graph.close();
    },
  };
}

async function expectOk<T extends { statusCode: number; body: string }>(pending: Promise<T>): Promise<T> {
  const response = await pending;
  if (response.statusCode >= 300) throw new Error(`setup request failed: ${response.statusCode} ${response.body}`);
  return response;
}
