import { readFileSync } from 'node:fs';
import type { FlowAnalytics, RunDetail, RunSummary } from '../schema/api/analytics.ts';
import { waitForDrain } from '../server/testing/publish-fixture.ts';
import { statusWebhook, textWebhook, type StatusItem } from '../server/testing/webhook-body.ts';
import { useE2eSession } from './e2e-session.ts';

/**
 * Issue 13 in a real browser: known conversations driven through the live webhook (the fake Graph
 * API answering the sends) and known status webhooks, then the dashboard's plots, the canvas in
 * analytics mode, and the conversation history with a run's transcript and lit path.
 */
const TIENDA = new URL('../server/plugins/analytics/testdata/tienda.json', import.meta.url);
const PHONE_NUMBER_ID = '555000333';
const ANA = '5491100000001';
const BETO = '5491100000002';
const CARLA = '5491100000003';
const DANI = '5491100000004';

const session = useE2eSession();
let sequence = 0;

async function say(from: string, text: string): Promise<void> {
  const body = textWebhook({ phoneNumberId: PHONE_NUMBER_ID, from, wamid: `wamid.E2EA${++sequence}`, text, ...(from === ANA && { name: 'Ana' }) });
  expect((await session.postWebhook(body)).status).toBe(200);
  await waitForDrain(session.charla.url);
}

async function json<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await session.api(method, path, body);
  expect(response.status, `${method} ${path}`).toBeLessThan(300);
  return await response.json() as T;
}

/** The bot's replies to a contact in its first run, in order, with their wamids. */
async function repliesTo(waId: string): Promise<Array<{ wamid: string; text: string }>> {
  const [run] = (await json<RunSummary[]>('GET', `/api/history?contact=${waId}`)).slice(-1);
  const detail = await json<RunDetail>('GET', `/api/history/${run!.id}`);
  return detail.messages.filter((message) => message.direction === 'bot')
    .map((message) => ({ wamid: message.wamid!, text: JSON.stringify(message.body) }));
}

async function statuses(items: StatusItem[]): Promise<void> {
  expect((await session.postWebhook(statusWebhook(PHONE_NUMBER_ID, items))).status).toBe(200);
}

async function seed(): Promise<void> {
  expect((await session.api('POST', '/api/flows', readFileSync(TIENDA, 'utf8'))).status).toBe(201);
  expect((await session.api('POST', '/api/flows/tienda/versions', { note: 'e2e' })).status).toBe(201);
  expect((await session.api('PUT', `/api/channels/whatsapp/${PHONE_NUMBER_ID}`, { flowId: 'tienda' })).status).toBe(200);
  // Ana completes it (one invalid name on the way) and scores 5.
  for (const text of ['hola', 'Hacer pedido', 'x', 'Ana', '5']) await say(ANA, text);
  // Beto asks for a person; an agent answers and hands him back.
  for (const text of ['hola', 'Hablar con alguien']) await say(BETO, text);
  const [beto] = await json<Array<{ id: number }>>('GET', '/api/conversations');
  await json('POST', `/api/conversations/${beto!.id}/messages`, { text: 'Hola Beto, ¿qué necesitás?' });
  await json('POST', `/api/conversations/${beto!.id}/resolve`, {});
  await waitForDrain(session.charla.url);
  // Carla answers the menu wrongly twice: the invalid output hands her off.
  for (const text of ['hola', 'quiero pizza', '???']) await say(CARLA, text);
  // Dani stops at the name question and restarts: that run was abandoned there.
  for (const text of ['hola', 'Hacer pedido', 'menu']) await say(DANI, text);

  const ana = await repliesTo(ANA);
  const anaSaid = (words: string) => ana.find((reply) => reply.text.includes(words))!.wamid;
  const betoHandoff = (await repliesTo(BETO)).find((reply) => reply.text.includes('Te paso con una persona'))!.wamid;
  await statuses([{ wamid: anaSaid('Soy el bot'), status: 'read', recipientId: ANA }]);
  await statuses([{ wamid: anaSaid('Gracias, Ana'), status: 'delivered', recipientId: ANA }, { wamid: anaSaid('Gracias, Ana'), status: 'read', recipientId: ANA }]);
  await statuses([{ wamid: anaSaid('cómo te atendimos'), status: 'sent', recipientId: ANA, pricing: { billable: true, pricing_model: 'PMP', type: 'regular', category: 'utility' } }]);
  await statuses([{ wamid: betoHandoff, status: 'failed', recipientId: BETO, pricing: null, errors: [{ code: 131026, title: 'Message undeliverable' }] }]);
  // Statuses are counted once the webhook is processed.
  await expect.poll(async () => {
    const { nodes } = await json<FlowAnalytics>('GET', '/api/flows/tienda/analytics');
    return [nodes.hola!.read, nodes.fin!.read, nodes.puntaje!.sent, nodes.humano!.failed];
  }, { timeout: 10_000 }).toEqual([1, 1, 1, 1]);
}

describe('analytics and history in the browser', () => {
  it('plots the dashboard, counts on the canvas, and opens a past conversation with its path lit', async () => {
    await seed();
    const { page } = session;

    await session.openAsAdmin('#/analytics/tienda');
    await page.getByTestId('figure-started').filter({ hasText: '5' }).waitFor();
    expect(await page.getByTestId('figure-completed').textContent()).toBe('2');
    expect(await page.getByTestId('figure-abandoned').textContent()).toBe('1');
    for (const chart of ['chart-conversations', 'chart-funnel', 'chart-delivery', 'chart-handoffs', 'chart-pricing']) {
      await page.getByTestId(chart).locator('.recharts-surface').first().waitFor();
    }
    await session.shot('40-analytics-dashboard');
    await page.getByTestId('chart-pricing').scrollIntoViewIfNeeded();
    await session.shot('40b-analytics-dashboard-pricing');
    // The CSV export through the editor's client: the same figures, one a line.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
    expect(download.suggestedFilename()).toBe('tienda-v1-analytics.csv');
    const csv = readFileSync((await download.path())!, 'utf8').split('\r\n');
    expect(csv).toEqual(expect.arrayContaining(['scope,node,metric,key,value', 'conversations,,started,,5', 'node,menu,exit,invalid,1', 'node,humano,failed_code,131026,1']));

    await page.getByTestId('open-canvas-analytics').click();
    await page.getByTestId('figure-hola-entered').filter({ hasText: '5' }).waitFor();
    expect(await page.getByTestId('edge-count-e-pedido').textContent()).toBe('2');
    expect(await page.getByTestId('figure-nombre-dropped').textContent()).toBe('1');
    expect(await page.getByTestId('figure-humano-failed').textContent()).toBe('1');
    await page.getByTestId('node-menu').click();
    const invalid = page.getByTestId('invalid-answers');
    await invalid.waitFor();
    expect((await invalid.locator('li').allTextContents()).map((text) => text.replace(/\s+/g, ' '))).toEqual(['???1 vez', 'quiero pizza1 vez']);
    await session.shot('41-analytics-canvas');

    await page.getByTestId('nav-history').click();
    await page.getByTestId('history-row').first().waitFor();
    expect(await page.getByTestId('history-row').count()).toBe(5);
    await session.shot('42-history');
    await page.getByTestId('history-outcome').selectOption('abandoned');
    await page.getByTestId('history-search').click();
    await page.locator('[data-testid="history-row"][data-outcome="abandoned"]').waitFor();
    expect(await page.getByTestId('history-row').count()).toBe(1);

    await page.getByTestId('history-contact').fill('Ana');
    await page.getByTestId('history-outcome').selectOption('');
    await page.getByTestId('history-search').click();
    await page.locator('[data-testid="history-row"][data-outcome="completed"]').click();
    await page.getByTestId('step-fin').waitFor();
    for (const node of ['hola', 'menu', 'nombre', 'puntaje']) await page.getByTestId(`step-${node}`).waitFor();
    // The path names nodes, not outputs: both of puntaje's edges to fin (next and invalid) light.
    expect(await page.locator('.flow-edge--lit').count()).toBe(5);
    expect(await page.locator('[data-testid="transcript-message"][data-delivery="read"]').count()).toBe(2);
    await session.shot('43-history-run');

    // The flow's header leads to its analytics mode.
    await page.getByTestId('nav-flows').click();
    await page.getByTestId('flow-row-tienda').click();
    await page.getByTestId('open-analytics').click();
    await page.getByTestId('figure-hola-entered').waitFor();

    // From the inbox to the conversations a person attended.
    await page.getByTestId('nav-inbox').click();
    await page.getByTestId('inbox-history').click();
    await page.locator('[data-testid="history-row"][data-outcome="handoff"]').first().waitFor();
    expect(await page.getByTestId('history-row').count()).toBe(2);
  }, 90_000);

  it('shows testers the history with numbers masked and no analytics', async () => {
    const { token } = await json<{ token: string }>('POST', '/api/tokens', { name: 'QA', role: 'tester' });
    await session.openAs(token, `#/history?contact=${BETO.slice(-4)}`);
    await session.page.evaluate(() => localStorage.setItem('charla.locale', 'en'));
    await session.page.reload();
    await session.page.getByTestId('history-row').first().waitFor();
    expect(await session.page.getByTestId('history-page').textContent()).toContain('5491•••••0002');
    expect(await session.page.getByTestId('history-page').textContent()).not.toContain(BETO);
    expect(await session.page.getByTestId('nav-analytics').count()).toBe(0);
    await session.page.getByTestId('history-row').first().click();
    await session.page.getByTestId('transcript-error').first().waitFor();
    await session.shot('44-history-run-tester-en');
    await session.page.evaluate(() => localStorage.removeItem('charla.locale'));
  }, 30_000);
});
