import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { launchBrowser } from './launch-browser.ts';
import { startCharla, type RunningCharla } from './start-charla.ts';
import { signedHeaders, textWebhook } from '../../server/testing/webhook-body.ts';

/**
 * The whole product in a real browser against the real server: sign in, build a flow on the canvas,
 * watch validation, chat in the simulator, publish, and see a signed webhook answered on the
 * (fake) Graph API with what was published.
 */
const ARTIFACTS = join(process.cwd(), 'test-artifacts', 'e2e');
const FIXTURE_FLOWS = join(process.cwd(), 'fixtures', 'flows');
const PHONE_NUMBER_ID = '106540352242922';
const CUSTOMER = '5491155550123';
const TEXTS = { message: '¿Qué querés hacer hoy?', menu: 'Elegí una opción 👇' };

let charla: RunningCharla;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let page: Page;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  charla = await startCharla();
  browser = await launchBrowser();
  page = await browser.context.newPage();
  page.setDefaultTimeout(15_000);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await charla?.close();
});

const shot = (name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });

/** Drops a palette item on the canvas at a fraction of its size. */
async function dropFromPalette(kind: string, at: { x: number; y: number }) {
  const canvas = page.getByTestId('flow-canvas');
  const box = (await canvas.boundingBox())!;
  await page.getByTestId(`palette-${kind}`).dragTo(canvas, { targetPosition: { x: box.width * at.x, y: box.height * at.y } });
}

async function center(locator: Locator) {
  const box = (await locator.boundingBox())!;
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Drags from an output handle to a node's input handle, as a user connects them. */
async function connect(sourceNode: string, output: string, targetNode: string) {
  const from = await center(page.getByTestId(`handle-${sourceNode}-${output}`));
  const to = await center(page.getByTestId(`node-${targetNode}`).locator('.flow-handle--in'));
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 12 });
  await page.mouse.up();
}

async function typeInInspector(nodeId: string, text: string) {
  await page.getByTestId(`node-${nodeId}`).click();
  await page.locator(`[data-testid="inspector"][data-node-id="${nodeId}"]`).waitFor();
  await page.getByTestId('inspector').getByTestId('field-text').fill(text);
}

describe('editor end to end', () => {
  it('signs in, builds a flow, simulates it, publishes it and serves it on WhatsApp', async () => {
    // Sign in with the admin token.
    await page.goto(charla.url);
    await page.getByTestId('sign-in-token').fill(charla.adminToken);
    await shot('01-sign-in');
    await page.getByTestId('sign-in-submit').click();
    await page.locator('[data-testid="account"][data-role="admin"]').waitFor();

    // Create a blank flow: it opens in the editor with its welcome message as the start.
    await page.getByTestId('flow-new').click();
    await page.getByTestId('new-flow-name').fill('Prueba E2E');
    await page.getByTestId('new-flow-create').click();
    await page.getByTestId('node-bienvenida').waitFor();
    await page.getByTestId('start-bienvenida').waitFor();
    await shot('02-new-flow');

    // A message from the palette: nothing reaches it yet, so it shows a problem badge until connected.
    await dropFromPalette('message', { x: 0.62, y: 0.1 });
    const messageBadge = page.getByTestId('badge-message_1');
    await messageBadge.waitFor();
    await page.getByTestId('problem-unreachable_node').waitFor();
    await shot('03-validation-badge');
    await typeInInspector('message_1', TEXTS.message);
    await connect('bienvenida', 'next', 'message_1');
    await messageBadge.waitFor({ state: 'detached' });

    // A menu, connected after the message.
    await dropFromPalette('menu', { x: 0.62, y: 0.62 });
    await page.getByTestId('badge-menu_1').waitFor();
    await typeInInspector('menu_1', TEXTS.menu);
    await connect('message_1', 'next', 'menu_1');
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(2);
    await page.locator('[data-testid="error-count"][data-count="0"]').waitFor();
    await page.locator('[data-testid="save-state"][data-state="saved"]').waitFor();
    await shot('04-flow-built');

    // Chat in the simulator: the bot greets, the menu comes as reply buttons, tapping one answers.
    await page.getByTestId('toggle-simulator').click();
    await page.getByTestId('sim-start').click();
    await page.getByTestId('sim-input').fill('hola');
    await page.getByTestId('sim-send').click();
    const replies = page.getByTestId('sim-reply-button');
    await expect.poll(() => replies.allTextContents()).toEqual(['↩ Opción 1', '↩ Opción 2']);
    await expect.poll(() => page.getByTestId('sim-bot-message').allInnerTexts())
      .toEqual([expect.stringContaining('¡Hola!'), expect.stringContaining(TEXTS.message), expect.stringContaining(TEXTS.menu)]);
    await page.locator('[data-testid="node-menu_1"].flow-node--active').waitFor();
    await shot('05-simulator');
    await replies.nth(1).click();
    await page.getByTestId('sim-user-message').filter({ hasText: 'Opción 2' }).waitFor();
    await page.getByTestId('sim-system').waitFor();
    await shot('06-simulator-tapped');

    // Publish with a note.
    await page.getByTestId('publish').click();
    await page.getByTestId('publish-note').fill('Primera versión');
    await page.getByTestId('publish-confirm').click();
    await page.getByTestId('editor-live').filter({ hasText: 'v1' }).waitFor();
    await page.getByTestId('toggle-versions').click();
    await page.getByTestId('version-1').getByTestId('version-live').waitFor();
    await shot('07-published');

    // Live traffic: bind a number to the flow and send a signed webhook; the replies reach the Graph API.
    const bind = await fetch(`${charla.url}/api/channels/whatsapp/${PHONE_NUMBER_ID}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${charla.adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ flowId: 'prueba_e2e' }),
    });
    expect(bind.status).toBe(200);
    const webhook = textWebhook({ phoneNumberId: PHONE_NUMBER_ID, from: CUSTOMER, name: 'Sofía', text: 'hola', wamid: 'wamid.E2E1' });
    const delivered = await fetch(`${charla.url}/webhooks/whatsapp`, { method: 'POST', headers: signedHeaders(webhook, charla.appSecret), body: webhook });
    expect(delivered.status).toBe(200);
    await charla.graph.waitForRequests(3);
    const sent = charla.graph.requests.map((request) => ({ phone: request.phoneNumberId, to: request.body.to, type: request.body.type, body: request.body }));
    expect(sent.map((request) => request.phone)).toEqual([PHONE_NUMBER_ID, PHONE_NUMBER_ID, PHONE_NUMBER_ID]);
    expect(sent.every((request) => String(request.to).endsWith(CUSTOMER))).toBe(true);
    expect(sent[1]!.body).toMatchObject({ type: 'text', text: { body: TEXTS.message } });
    expect(sent[2]!.body).toMatchObject({
      type: 'interactive',
      interactive: {
        type: 'button',
        body: { text: TEXTS.menu },
        action: { buttons: [{ type: 'reply', reply: { id: 'opcion_1', title: 'Opción 1' } }, { type: 'reply', reply: { id: 'opcion_2', title: 'Opción 2' } }] },
      },
    });

    // The diff: change the menu text, compare the live version with the draft, the menu is marked changed.
    await typeInInspector('menu_1', 'Elegí una opción, por favor');
    await page.locator('[data-testid="save-state"][data-state="saved"]').waitFor();
    await page.getByTestId('diff-compare').click();
    await page.locator('[data-testid="node-menu_1"].flow-node--changed').waitFor();
    await page.getByTestId('diff-summary').filter({ hasText: 'menu_1' }).waitFor();
    await shot('08-diff');
  }, 180_000);

  it('adapts to the role: an analyst cannot publish, a tester can simulate but not edit', async () => {
    const tokenFor = async (role: string) => {
      const response = await fetch(`${charla.url}/api/tokens`, {
        method: 'POST',
        headers: { authorization: `Bearer ${charla.adminToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ name: `e2e ${role}`, role }),
      });
      return ((await response.json()) as { token: string }).token;
    };
    const signInAs = async (role: string) => {
      await page.getByTestId('sign-out').click();
      await page.getByTestId('sign-in-token').fill(await tokenFor(role));
      await page.getByTestId('sign-in-submit').click();
      await page.locator(`[data-testid="account"][data-role="${role}"]`).waitFor();
      await page.getByTestId('node-menu_1').waitFor();
    };

    await signInAs('analyst');
    await page.getByTestId('palette-message').waitFor();
    expect(await page.getByTestId('publish').count()).toBe(0);
    await shot('09-analyst');

    await signInAs('tester');
    await page.getByTestId('simulator-panel').waitFor();
    await page.getByTestId('canvas-readonly').waitFor();
    expect(await page.getByTestId('palette-message').count()).toBe(0);
    expect(await page.getByTestId('publish').count()).toBe(0);
    await page.getByTestId('sim-start').click();
    await page.getByTestId('sim-input').fill('hola');
    await page.getByTestId('sim-send').click();
    await expect.poll(() => page.getByTestId('sim-reply-button').count()).toBe(2);
    await shot('10-tester');
  }, 120_000);

  it('hands a live conversation to a person: the inbox shows it, the reply reaches WhatsApp, resolve hands it back', async () => {
    const admin = { authorization: `Bearer ${charla.adminToken}`, 'content-type': 'application/json' };
    const call = (method: string, path: string, body: unknown) => fetch(`${charla.url}${path}`, { method, headers: admin, body: JSON.stringify(body) });
    const flow = {
      schemaVersion: 1, id: 'soporte_e2e', name: 'Soporte E2E', startNodeId: 'agente',
      nodes: [
        { id: 'agente', type: 'handoff', position: { x: 0, y: 0 }, data: { text: 'Te paso con una persona.', queue: 'ventas' } },
        { id: 'gracias', type: 'end', position: { x: 320, y: 0 }, data: { text: '¡Gracias por escribirnos!' } },
      ],
      edges: [{ id: 'e1', source: 'agente', sourceHandle: 'resolved', target: 'gracias' }],
    };
    expect((await call('POST', '/api/flows', flow)).status).toBe(201);
    expect((await call('POST', '/api/flows/soporte_e2e/versions', { note: 'e2e' })).status).toBe(201);
    expect((await call('PUT', '/api/channels/whatsapp/555000111', { flowId: 'soporte_e2e' })).status).toBe(200);
    const before = charla.graph.requests.length;
    const webhook = textWebhook({ phoneNumberId: '555000111', from: '5491144440000', name: 'Marta', text: 'necesito ayuda', wamid: 'wamid.E2E2' });
    expect((await fetch(`${charla.url}/webhooks/whatsapp`, { method: 'POST', headers: signedHeaders(webhook, charla.appSecret), body: webhook })).status).toBe(200);
    await charla.graph.waitForRequests(before + 1);

    // Signed in as admin through the stored token: the shell restores it on load.
    await page.goto(charla.url);
    await page.evaluate((token) => localStorage.setItem('charla.token', token), charla.adminToken);
    await page.goto(`${charla.url}/#/inbox`);
    await page.reload();
    await page.getByTestId('inbox-item').filter({ hasText: 'Marta' }).click();
    await page.getByTestId('conversation-view').filter({ hasText: 'necesito ayuda' }).waitFor();
    await page.getByTestId('inbox-reply-input').fill('Hola Marta, ¿en qué te ayudo?');
    await page.getByTestId('inbox-reply').click();
    await charla.graph.waitForRequests(before + 2);
    expect(charla.graph.requests.at(-1)!.body).toMatchObject({ type: 'text', text: { body: 'Hola Marta, ¿en qué te ayudo?' } });
    await page.getByTestId('conversation-view').filter({ hasText: 'Hola Marta' }).waitFor();
    await shot('11-inbox');

    await page.getByTestId('inbox-resolve').click();
    await charla.graph.waitForRequests(before + 3);
    expect(charla.graph.requests.at(-1)!.body).toMatchObject({ type: 'text', text: { body: '¡Gracias por escribirnos!' } });
    await page.getByTestId('inbox-item').filter({ hasText: 'Marta' }).waitFor({ state: 'detached' });

    // The flow list: each flow's live version, and the draft edited after publishing is marked.
    await page.getByTestId('nav-flows').click();
    await page.getByTestId('flow-row-soporte_e2e').getByTestId('flow-live').waitFor();
    if (await page.getByTestId('flow-row-prueba_e2e').count() > 0) {
      await page.getByTestId('flow-row-prueba_e2e').getByTestId('flow-unpublished').waitFor();
    }
    await shot('12-flow-list');
  }, 120_000);

  it('orders a pizza in the simulator: list sheet, typed answer, and a WhatsApp Flows form submitted as nfm_reply', async () => {
    const created = await fetch(`${charla.url}/api/flows`, {
      method: 'POST',
      headers: { authorization: `Bearer ${charla.adminToken}`, 'content-type': 'application/json' },
      body: readFileSync(join(FIXTURE_FLOWS, 'pizzeria.json'), 'utf8'),
    });
    expect(created.status).toBe(201);
    await page.goto(charla.url);
    await page.evaluate((token) => localStorage.setItem('charla.token', token), charla.adminToken);
    await page.goto(`${charla.url}/#/flows/pizzeria`);
    await page.reload();
    await page.getByTestId('toggle-simulator').click();
    await page.getByTestId('sim-start').click();
    const say = async (text: string) => {
      await page.getByTestId('sim-input').fill(text);
      await page.getByTestId('sim-send').click();
    };
    await say('hola');
    await page.getByTestId('sim-reply-button').filter({ hasText: 'Hacer pedido' }).click();
    await page.getByTestId('sim-list-button').last().click();
    await page.getByTestId('list-row').first().click();
    await page.getByTestId('list-send').click();
    await page.getByTestId('sim-reply-button').filter({ hasText: 'Mediana' }).click();
    await page.getByTestId('node-pregunta_nombre').and(page.locator('.flow-node--active')).waitFor();
    await say('Juan');
    await page.getByTestId('sim-form-button').click();
    const form = page.getByTestId('form-sheet');
    await form.getByTestId('form-field-direccion').locator('input').fill('Av. Corrientes 1234');
    await form.getByTestId('form-footer').click();
    await page.locator('[data-testid="form-sheet"][data-screen="PAGO"]').waitFor();
    await form.getByRole('radio', { name: 'Efectivo' }).check();
    await form.getByTestId('form-field-horario').locator('select').selectOption({ index: 1 });
    await shot('13-simulator-form');
    await form.getByTestId('form-footer').click();
    await page.getByTestId('sim-variable-direccion').filter({ hasText: 'Av. Corrientes 1234' }).waitFor();
    await page.getByTestId('sim-variable-forma_pago').filter({ hasText: 'Efectivo' }).waitFor();
    await shot('14-simulator-form-sent');
  }, 120_000);

  it('shows an edit conflict instead of losing work, and overwrites on request', async () => {
    const headers = { authorization: `Bearer ${charla.adminToken}`, 'content-type': 'application/json' };
    const flow = {
      schemaVersion: 1, id: 'conflicto', name: 'Conflicto', startNodeId: 'hola',
      nodes: [{ id: 'hola', type: 'message', position: { x: 0, y: 0 }, data: { text: 'Hola' } }], edges: [],
    };
    expect((await fetch(`${charla.url}/api/flows`, { method: 'POST', headers, body: JSON.stringify(flow) })).status).toBe(201);
    await page.goto(charla.url);
    await page.evaluate((token) => localStorage.setItem('charla.token', token), charla.adminToken);
    await page.goto(`${charla.url}/#/flows/conflicto`);
    await page.reload();
    await page.getByTestId('node-hola').waitFor();

    // Someone else saves first (revision 1 → 2); our edit, made on revision 1, must not overwrite it silently.
    const theirs = { ...flow, nodes: [{ ...flow.nodes[0], data: { text: 'Hola de otra persona' } }] };
    expect((await fetch(`${charla.url}/api/flows/conflicto`, { method: 'PUT', headers, body: JSON.stringify({ document: theirs, revision: 1 }) })).status).toBe(200);
    await typeInInspector('hola', 'Hola de mí');
    await page.getByTestId('conflict-dialog').waitFor();
    await shot('15-conflict');
    await page.getByTestId('conflict-overwrite').click();
    await page.locator('[data-testid="save-state"][data-state="saved"]').waitFor();
    const saved = await (await fetch(`${charla.url}/api/flows/conflicto`, { headers })).json() as { revision: number; document: typeof flow };
    expect(saved.revision).toBe(3);
    expect(saved.document.nodes[0]!.data.text).toBe('Hola de mí');
  }, 60_000);
});
