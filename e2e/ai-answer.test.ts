import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { canvasActions } from './canvas-actions.ts';
import { useE2eSession } from './e2e-session.ts';

/** The farmacia bot in a real browser: "try a question" in the ai_answer inspector, and the cited entry in the simulator. */
const session = useE2eSession();

describe('answers from the knowledge', () => {
  it('tries a question in the inspector and shows the cited entry under the bot\'s reply in the simulator', async () => {
    const flow = readFileSync(join(process.cwd(), 'fixtures', 'flows', 'farmacia.json'), 'utf8');
    expect((await session.api('POST', '/api/flows', flow)).status).toBe(201);
    await session.openAsAdmin('#/flows/farmacia');
    await session.page.getByTestId('node-consulta').click();
    await session.page.getByTestId('try-question-input').fill('¿abren los domingos?');
    await session.page.getByTestId('try-question-run').click();
    await session.page.getByTestId('try-question-entry').filter({ hasText: 'Horario de domingos y feriados' }).waitFor();
    expect(await session.page.getByTestId('try-question-result').textContent()).toContain('Los domingos abren solamente Palermo y Belgrano');
    await session.page.getByTestId('try-question-result').scrollIntoViewIfNeeded();
    await session.shot('20-ai-answer-try-question');

    await session.page.getByTestId('toggle-simulator').click();
    // Starting sends the customer's first message, «hola», which the farmacia bot greets.
    await session.page.getByTestId('sim-start').click();
    const canvas = canvasActions(session.page);
    await canvas.say('¿abren los domingos?');
    await session.page.getByTestId('sim-cited').filter({ hasText: 'Horario de domingos y feriados' }).waitFor();
    await session.shot('21-ai-answer-simulator-cited');
  }, 120_000);

  it('adds the other words customers use to a knowledge entry, as chips', async () => {
    await session.openAsAdmin('#/flows/farmacia');
    await session.page.getByTestId('toggle-settings').click();
    const tags = session.page.getByTestId('field-knowledge.10.tags');
    await tags.scrollIntoViewIfNeeded();
    await tags.fill('amex');
    await tags.press('Enter');
    await tags.fill('posnet');
    await tags.press('Enter');
    await session.page.getByTestId('chip-knowledge.10.tags-1').waitFor();
    await session.page.getByTestId('field-knowledge.10.text').scrollIntoViewIfNeeded();
    await session.shot('22-knowledge-entry-tags');
  }, 60_000);
});
