import { readFileSync } from 'node:fs';

/** The WhatsApp Business Account publishFixture binds numbers on. */
export const FIXTURE_WABA_ID = '102290129340398';

/**
 * Through the real HTTP API of a running server: creates a fixture flow's draft (if missing),
 * publishes it and binds a business number of FIXTURE_WABA_ID to it (its forms are published there:
 * the server's WHATSAPP_GRAPH_URL must be a fake Graph API).
 * @example await publishFixture(server.url, adminToken, 'pizzeria', '106540352242922');
 */
export async function publishFixture(url: string, adminToken: string, flowId: string, phoneNumberId: string): Promise<void> {
  await publishFlow(url, adminToken, readFileSync(new URL(`../../fixtures/flows/${flowId}.json`, import.meta.url), 'utf8'), phoneNumberId);
}

/**
 * publishFixture for any flow document (JSON text).
 * @example await publishFlow(server.url, adminToken, readFileSync(path, 'utf8'), '106540352242922');
 */
export async function publishFlow(url: string, adminToken: string, flow: string, phoneNumberId: string): Promise<void> {
  const headers = { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' };
  const flowId = (JSON.parse(flow) as { id: string }).id;
  const steps: Array<[string, string, string]> = [
    ['POST', '/api/flows', flow],
    ['POST', `/api/flows/${flowId}/versions`, JSON.stringify({ note: 'published by publishFixture' })],
    ['PUT', `/api/channels/whatsapp/${phoneNumberId}`, JSON.stringify({ flowId, wabaId: FIXTURE_WABA_ID })],
  ];
  for (const [method, path, body] of steps) {
    const response = await fetch(`${url}${path}`, { method, headers, body });
    // The server may have seeded the fixture drafts already.
    if (!response.ok && !(response.status === 409 && path === '/api/flows')) {
      throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    }
  }
}

/**
 * Resolves once the server's /metrics show no message waiting for its turn and, unless
 * `turnsOnly`, no reply unsent.
 */
export async function waitForDrain(url: string, options: { turnsOnly?: boolean } = {}): Promise<void> {
  for (;;) {
    const text = await (await fetch(`${url}/metrics`)).text();
    const gauge = (name: string) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1] ?? NaN);
    if (gauge('charla_contacts_busy') === 0 && (options.turnsOnly || gauge('charla_outbox_unsent') === 0)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
