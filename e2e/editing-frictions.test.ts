import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator } from 'playwright-core';
import { generateFlowWithProblems } from '../fixtures/generate-flow.ts';
import { useE2eSession } from './e2e-session.ts';

/**
 * What slowed a new analyst down (issue 15), in a real browser at 1366×768 against the real server:
 * where dropped and connected cards land, the words screen readers hear, and the rest of the frictions.
 */
const session = useE2eSession();

async function boxOf(locator: Locator) {
  const box = await locator.boundingBox();
  if (!box) throw new Error('not drawn');
  return box;
}

const apart = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
  a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;

async function createFlow(id: string, nodes: unknown[], edges: unknown[] = [], extra: Record<string, unknown> = {}) {
  const flow = { schemaVersion: 1, id, name: `Frictions ${id}`, startNodeId: (nodes[0] as { id: string }).id, nodes, edges, ...extra };
  expect((await session.api('POST', '/api/flows', flow)).status).toBe(201);
}

describe('editing without frictions', () => {
  it('drops a card under the pointer, or beside the card already there', async () => {
    const { page } = session;
    await createFlow('soltar', [{ id: 'saludo', type: 'message', position: { x: 0, y: 0 }, data: { text: '¡Hola!' } }]);
    await session.openAsAdmin('#/flows/soltar');
    // The problems folded to their header: the canvas has the height of the analyst's laptop screen.
    await page.locator('[data-testid="problems-toggle"][aria-expanded="true"]').click();
    const canvas = await boxOf(page.getByTestId('flow-canvas'));
    // Under the greeting, clear of it, of the zoom controls and of the minimap.
    const greeting = await boxOf(page.getByTestId('node-saludo'));
    const drop = { x: Math.round(greeting.x + greeting.width / 2 - canvas.x), y: Math.round(greeting.y + greeting.height + 70 - canvas.y) };
    await page.getByTestId('palette-message').dragTo(page.getByTestId('flow-canvas'), { targetPosition: drop });
    // The card is held by the middle of its header: that is where the pointer was.
    const dropped = await boxOf(page.getByTestId('node-message_1'));
    expect(Math.abs(dropped.x + dropped.width / 2 - (canvas.x + drop.x))).toBeLessThan(12);
    expect(Math.abs(dropped.y - (canvas.y + drop.y))).toBeLessThan(30);
    // The same spot again is taken: the next card goes to the nearest free spot, covering nothing.
    await page.getByTestId('palette-question').dragTo(page.getByTestId('flow-canvas'), { targetPosition: drop });
    const second = await boxOf(page.getByTestId('node-question_1'));
    expect(apart(second, dropped)).toBe(true);
    expect(Math.hypot(second.x - dropped.x, second.y - dropped.y)).toBeLessThan(400);
  }, 60_000);

  it('creates a connected card where a connection is let go, and from an output’s “+”; edges are announced in Spanish', async () => {
    const { page } = session;
    await createFlow('conectar', [{ id: 'bienvenida', type: 'message', position: { x: 0, y: 0 }, data: { text: '¡Hola! ¿Cómo te llamás?' } }]);
    await session.openAsAdmin('#/flows/conectar');
    const handle = await boxOf(page.getByTestId('handle-bienvenida-next'));
    const from = { x: handle.x + handle.width / 2, y: handle.y + handle.height / 2 };
    const to = { x: from.x, y: from.y + 110 };
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(to.x, to.y, { steps: 10 });
    await page.mouse.up();
    await page.getByTestId('node-picker').waitFor();
    await session.shot('24-node-picker');
    await page.getByTestId('node-picker-search').fill('preg');
    await page.getByTestId('node-picker-question').click();
    const created = await boxOf(page.getByTestId('node-question_1'));
    // Its input (the middle of its top edge) where the connection was let go, or as near as the view has room for.
    expect(Math.hypot(created.x + created.width / 2 - to.x, created.y - to.y)).toBeLessThan(100);
    const edge = page.locator('[aria-roledescription="conexión"]');
    await expect.poll(() => edge.getAttribute('aria-label')).toBe('Conexión de bienvenida a question_1');
    await page.locator('[data-testid="save-state"][data-state="saved"]').waitFor();
    await session.shot('25-connected-node-created');
    // The "+" under an unconnected output does the same in one click.
    await page.getByTestId('add-after-question_1-next').click();
    await page.getByTestId('node-picker-end').click();
    await page.getByTestId('node-end_1').waitFor();
    await expect.poll(async () => ((await (await session.api('GET', '/api/flows/conectar')).json()) as { document: { edges: unknown[] } }).document.edges)
      .toEqual([
        expect.objectContaining({ source: 'bienvenida', sourceHandle: 'next', target: 'question_1' }),
        expect.objectContaining({ source: 'question_1', sourceHandle: 'next', target: 'end_1' }),
      ]);
    expect(apart(await boxOf(page.getByTestId('node-end_1')), await boxOf(page.getByTestId('node-question_1')))).toBe(true);
    // Nothing left in English for a screen reader.
    expect(await page.locator('[aria-label^="Edge from"]').count()).toBe(0);
  }, 60_000);

  it('names a new question’s variable apart, warns when one is reused, and shows the bot’s default texts in the flow’s register', async () => {
    const { page } = session;
    await createFlow('variables', [
      { id: 'pregunta', type: 'question', position: { x: 0, y: 0 }, data: { text: '¿Cómo te llamás?', variable: 'nombre', input: 'text' } },
    ]);
    await session.openAsAdmin('#/flows/variables');
    await page.getByTestId('node-pregunta').click();
    await page.getByTestId('add-after-pregunta-next').click();
    await page.getByTestId('node-picker-question').click();
    const inspector = page.locator('[data-testid="inspector"][data-node-id="question_1"]');
    expect(await inspector.getByTestId('field-variable').inputValue()).toBe('nombre_2');
    // The field left empty shows what the bot says instead: tú by default…
    expect(await inspector.getByTestId('field-invalidText').getAttribute('placeholder')).toBe('No entendí tu respuesta. ¿Puedes escribirla de nuevo?');
    await inspector.getByTestId('field-variable').fill('nombre');
    await expect.poll(async () => ((await (await session.api('GET', '/api/flows/variables')).json()) as { document: { nodes: Array<{ data: { variable?: string } }> } })
      .document.nodes.map((node) => node.data.variable)).toEqual(['nombre', 'nombre']);
    const folded = page.locator('[data-testid="problems-toggle"][aria-expanded="false"]');
    if (await folded.count() > 0) await folded.click();
    await page.getByTestId('problem-variable_reused').filter({ hasText: '«pregunta» también guarda la respuesta en «nombre»' }).waitFor();
    // …and vos once the flow says so.
    await page.getByTestId('toggle-settings').click();
    await page.getByTestId('field-settings.register').selectOption('vos');
    await page.getByTestId('node-question_1').click();
    expect(await inspector.getByTestId('field-invalidText').getAttribute('placeholder')).toBe('No entendí tu respuesta. ¿Podés escribirla de nuevo?');
    await session.shot('26-variable-reused-and-default-text');
  }, 60_000);

  it('lists the first 20 problems of each code of a careless 1,000-node draft and counts the rest per code', async () => {
    const careless = generateFlowWithProblems(1_000);
    expect((await session.api('POST', '/api/flows', careless)).status).toBe(201);
    await session.openAsAdmin(`#/flows/${careless.id}`);
    const { page } = session;
    const toggle = page.getByTestId('problems-toggle');
    if ((await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
    await page.getByTestId('problems-more').waitFor();
    expect(await page.getByTestId('problem-dead_end').count()).toBe(20);
    expect(await page.getByTestId('problems-warnings').textContent()).toBe('2937 advertencias');
    expect(await page.getByTestId('problems-more-dead_end').textContent()).toBe('Advertencia1481 más de dead_end (1501 en total)');
    await page.getByTestId('problems-more').scrollIntoViewIfNeeded();
    await session.shot('29-problems-capped');
  }, 90_000);

  it('finds a flow in the list by name, shows when each was last edited, and asks before the start node is deleted', async () => {
    const { page } = session;
    await createFlow('pizzeria-centro', [{ id: 'hola', type: 'message', position: { x: 0, y: 0 }, data: { text: '¡Hola!' } }], [], { name: 'Pizzería Centro' });
    await session.openAsAdmin('#/');
    await page.getByTestId('flow-search').fill('pizzeria');
    await expect.poll(() => page.locator('[data-testid^="flow-row-"]').count()).toBe(1);
    expect(await page.getByTestId('flow-row-pizzeria-centro').getByTestId('flow-edited').textContent()).toMatch(/^ahorapor Administrador/);
    await session.shot('30-flow-list-search');

    await page.getByTestId('flow-row-pizzeria-centro').getByTestId('flow-open').click();
    await page.getByTestId('node-hola').click();
    await page.keyboard.press('Delete');
    await page.getByTestId('delete-start-dialog').waitFor();
    await session.shot('31-delete-start-confirm');
    await page.getByTestId('delete-start-dialog').getByRole('button', { name: 'Conservarlo' }).click();
    await page.getByTestId('node-hola').waitFor();
    await page.getByTestId('node-hola').click();
    await page.getByTestId('node-action-delete-hola').click();
    await page.getByTestId('delete-start-confirm').click();
    await page.getByTestId('node-hola').waitFor({ state: 'detached' });
  }, 60_000);

  it('builds the editor in chunks under vite’s 500 kB warning (pdf.js aside: loaded only to import a PDF)', () => {
    const assets = join(session.charla.editorDir, 'assets');
    const large = readdirSync(assets).filter((name) => name.endsWith('.js') && !name.startsWith('pdfjs-') && statSync(join(assets, name)).size > 500 * 1000);
    expect(large).toEqual([]);
  });
});
