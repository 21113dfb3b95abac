import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useE2eSession } from './e2e-session.ts';

/**
 * The simulator's WhatsApp events that are not answers (react, edit, delete, open the chat), through the
 * real server and the live rule, at 1366×768.
 */
const session = useE2eSession();

describe('simulator: events that are not answers', () => {
  it('reacts, edits, deletes and opens the chat; the waiting menu never answers them, then takes the real answer', async () => {
    const flow = readFileSync(join(process.cwd(), 'fixtures', 'flows', 'pizzeria.json'), 'utf8');
    expect((await session.api('POST', '/api/flows', flow)).status).toBe(201);
    const { page } = session;
    await session.openAsAdmin('#/flows/pizzeria');
    await page.getByTestId('toggle-simulator').click();
    await page.getByTestId('sim-start').click();
    const menu = page.locator('[data-testid="sim-bot-message"][data-interactive="button"]');
    await menu.waitFor();
    const botCount = await page.getByTestId('sim-bot-message').count();

    await menu.hover();
    await menu.getByTestId('sim-react').click();
    await page.getByTestId('sim-reaction-picker').waitFor();
    await session.shot('50-simulator-reaction-picker');
    await page.getByTestId('sim-reaction-0').click();
    await page.locator('[data-testid="sim-event"][data-non-answer="reaction"]').waitFor();
    expect(await menu.getByTestId('sim-reaction-badge').textContent()).toBe('👍');

    const hello = page.getByTestId('sim-user-message').first();
    await hello.hover();
    await hello.getByTestId('sim-edit').click();
    await page.getByTestId('sim-input').fill('hola, quiero una pizza');
    await page.getByTestId('sim-send').click();
    await page.locator('[data-testid="sim-event"][data-non-answer="edit"]').waitFor();
    expect(await hello.getByTestId('sim-edited').count()).toBe(1);

    await page.getByTestId('sim-attach').click();
    await page.getByTestId('sim-attach-welcome').click();
    await page.locator('[data-testid="sim-event"][data-non-answer="request_welcome"]').waitFor();

    await page.getByTestId('sim-input').fill('me equivoqué');
    await page.getByTestId('sim-send').click();
    // A wrong answer is re-prompted (the events spent no retry): the invalidText line comes back.
    await page.getByTestId('sim-bot-message').filter({ hasText: 'Tocá uno de los botones' }).waitFor();
    const wrong = page.getByTestId('sim-user-message').last();
    await wrong.hover();
    await wrong.getByTestId('sim-delete').click();
    await page.locator('[data-testid="sim-event"][data-non-answer="revoke"]').waitFor();
    expect(await wrong.getAttribute('data-deleted')).toBe('true');
    // Only the re-prompt (its line and the menu again) was said since the menu: the events got no answer.
    expect(await page.getByTestId('sim-bot-message').count()).toBe(botCount + 2);
    expect(await page.getByTestId('sim-event').allTextContents()).toEqual([
      'Reaccionaste 👍 a «¿En qué te podemos ayudar?» · no cuenta como respuesta',
      'Editaste tu mensaje: «hola, quiero una pizza» · no cuenta como respuesta',
      'Abriste el chat (request_welcome) · no cuenta como respuesta',
      'Eliminaste tu mensaje «me equivoqué» · no cuenta como respuesta',
    ]);
    await page.mouse.move(0, 0);
    await page.getByTestId('sim-event').first().evaluate((line) => line.scrollIntoView({ block: 'start' }));
    await session.shot('51-simulator-non-answer-events');

    await page.getByTestId('sim-reply-button').filter({ hasText: 'Hacer pedido' }).last().click();
    await page.getByTestId('sim-list-button').waitFor();
  }, 120_000);
});
