import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { textWebhook } from '../server/testing/webhook-body.ts';
import { canvasActions } from './canvas-actions.ts';
import { useE2eSession } from './e2e-session.ts';

/** The simulator with a real bot, the handoff inbox with live traffic, and an edit conflict, in a real browser. */
const FIXTURE_FLOWS = join(process.cwd(), 'fixtures', 'flows');

const session = useE2eSession();

describe('simulating, answering and saving', () => {
  it('hands a live conversation to a person: the inbox shows it, the reply reaches WhatsApp, resolve hands it back', async () => {
    const call = session.api;
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
    const before = session.charla.graph.requests.length;
    const webhook = textWebhook({ phoneNumberId: '555000111', from: '5491144440000', name: 'Marta', text: 'necesito ayuda', wamid: 'wamid.E2E2' });
    expect((await session.postWebhook(webhook)).status).toBe(200);
    await session.charla.graph.waitForRequests(before + 1);

    // Laura answers with an analyst token of her own: her replies carry her name.
    const laura = await call('POST', '/api/tokens', { name: 'Laura', role: 'analyst' });
    await session.openAs(((await laura.json()) as { token: string }).token, '#/inbox');
    await session.page.getByTestId('inbox-item').filter({ hasText: 'Marta' }).click();
    // The header names the flow, not its id.
    await session.page.getByTestId('conversation-view').locator('header').filter({ hasText: 'Flujo: Soporte E2E' }).waitFor();
    await session.page.getByTestId('conversation-view').filter({ hasText: 'necesito ayuda' }).waitFor();
    await session.page.getByTestId('inbox-reply-input').fill('Hola Marta, ¿en qué te ayudo?');
    await session.page.getByTestId('inbox-reply').click();
    await session.charla.graph.waitForRequests(before + 2);
    expect(session.charla.graph.requests.at(-1)!.body).toMatchObject({ type: 'text', text: { body: 'Hola Marta, ¿en qué te ayudo?' } });
    await session.page.getByTestId('conversation-view').filter({ hasText: 'Hola Marta' }).waitFor();
    await session.page.getByTestId('inbox-message-sender').filter({ hasText: 'Agente · Laura' }).waitFor();
    await session.shot('12-inbox');

    // Handing back asks first.
    await session.page.getByTestId('inbox-resolve').click();
    await session.page.getByTestId('resolve-dialog').waitFor();
    await session.shot('28-inbox-resolve-confirm');
    expect(session.charla.graph.requests.length).toBe(before + 2);
    await session.page.getByTestId('resolve-confirm').click();
    await session.charla.graph.waitForRequests(before + 3);
    expect(session.charla.graph.requests.at(-1)!.body).toMatchObject({ type: 'text', text: { body: '¡Gracias por escribirnos!' } });
    await session.page.getByTestId('inbox-item').filter({ hasText: 'Marta' }).waitFor({ state: 'detached' });
  }, 120_000);

  it('holds what is due after the 24-hour window: the bot\'s reply and the agent\'s message show «Retenido» in the inbox', async () => {
    const call = session.api;
    const flow = {
      schemaVersion: 1, id: 'ventana_e2e', name: 'Ventana E2E', startNodeId: 'agente',
      nodes: [{ id: 'agente', type: 'handoff', position: { x: 0, y: 0 }, data: { text: 'Te paso con una persona.', queue: 'ventas' } }],
      edges: [],
    };
    expect((await call('POST', '/api/flows', flow)).status).toBe(201);
    expect((await call('POST', '/api/flows/ventana_e2e/versions', { note: 'e2e' })).status).toBe(201);
    expect((await call('PUT', '/api/channels/whatsapp/555000222', { flowId: 'ventana_e2e' })).status).toBe(200);
    const before = session.charla.graph.requests.length;
    // Meta stamped it 25 hours ago (a webhook retried late): the window is closed, nothing free-form may go.
    const stamped = Math.floor((Date.now() - 25 * 3_600_000) / 1000);
    const webhook = textWebhook({ phoneNumberId: '555000222', from: '5491144441111', name: 'Julia', text: 'hola, ¿siguen abiertos?', wamid: 'wamid.E2EW1', timestamp: stamped });
    expect((await session.postWebhook(webhook)).status).toBe(200);
    await session.openAsAdmin('#/inbox');
    await session.page.getByTestId('inbox-item').filter({ hasText: 'Julia' }).click();
    await session.page.getByTestId('inbox-window-closed').waitFor();
    await session.page.getByTestId('inbox-reply-input').fill('¡Hola Julia! Sí, hasta las 23.');
    await session.page.getByTestId('inbox-reply').click();
    await session.page.getByTestId('conversation-view').filter({ hasText: 'hasta las 23' }).waitFor();
    expect(await session.page.locator('.inbox-delivery-held').count()).toBe(2);
    expect(session.charla.graph.requests.length).toBe(before);
    await session.shot('36-inbox-window-closed-held');
  }, 120_000);

  it('orders a pizza in the simulator: list sheet, typed answer, and a WhatsApp Flows form submitted as nfm_reply', async () => {
    const canvas = canvasActions(session.page);
    const created = await session.api('POST', '/api/flows', readFileSync(join(FIXTURE_FLOWS, 'pizzeria.json'), 'utf8'));
    expect(created.status).toBe(201);
    await session.openAsAdmin('#/flows/pizzeria');
    await session.page.getByTestId('toggle-simulator').click();
    // Starting sends the customer's "hola" (the start screen's first message).
    await session.page.getByTestId('sim-start').click();
    await session.page.getByTestId('sim-reply-button').filter({ hasText: 'Hacer pedido' }).click();
    await session.page.getByTestId('sim-list-button').last().click();
    await session.page.getByTestId('list-row').first().click();
    await session.page.getByTestId('list-send').click();
    await session.page.getByTestId('sim-reply-button').filter({ hasText: 'Mediana' }).click();
    await session.page.getByTestId('node-pregunta_nombre').and(session.page.locator('.flow-node--active')).waitFor();
    await canvas.say('Juan');
    await session.page.getByTestId('sim-form-button').click();
    const form = session.page.getByTestId('form-sheet');
    await form.getByTestId('form-field-direccion').locator('input').fill('Av. Corrientes 1234');
    await form.getByTestId('form-footer').click();
    await session.page.locator('[data-testid="form-sheet"][data-screen="PAGO"]').waitFor();
    await form.getByRole('radio', { name: 'Efectivo' }).check();
    await form.getByTestId('form-field-horario').locator('select').selectOption({ index: 1 });
    await session.shot('13-simulator-form');
    await form.getByTestId('form-footer').click();
    await session.page.getByTestId('sim-variable-direccion').filter({ hasText: 'Av. Corrientes 1234' }).waitFor();
    await session.page.getByTestId('sim-variable-forma_pago').filter({ hasText: 'Efectivo' }).waitFor();
    await session.shot('14-simulator-form-sent');

    // Published with a number of a business account connected: the form's WhatsApp Flow at Meta, in its inspector.
    expect((await session.api('POST', '/api/flows/pizzeria/versions', { note: 'e2e' })).status).toBe(201);
    expect((await session.api('PUT', '/api/channels/whatsapp/555000222', { flowId: 'pizzeria', wabaId: '102290129340398' })).status).toBe(200);
    await session.page.reload();
    await session.page.getByTestId('find-input').waitFor({ state: 'detached' });
    await session.page.getByTestId('canvas-find').click();
    await session.page.getByTestId('find-input').fill('formulario_envio');
    await session.page.keyboard.press('Enter');
    const status = session.page.getByTestId('meta-flow-102290129340398');
    await status.waitFor();
    expect(await status.getAttribute('data-status')).toBe('published');
    await status.scrollIntoViewIfNeeded();
    await session.shot('32-form-meta-flow-status');
  }, 120_000);

  it('shows an edit conflict instead of losing work, and overwrites on request', async () => {
    const canvas = canvasActions(session.page);
    const flow = {
      schemaVersion: 1, id: 'conflicto', name: 'Conflicto', startNodeId: 'hola',
      nodes: [{ id: 'hola', type: 'message', position: { x: 0, y: 0 }, data: { text: 'Hola' } }], edges: [],
    };
    expect((await session.api('POST', '/api/flows', flow)).status).toBe(201);
    await session.openAsAdmin('#/flows/conflicto');
    await session.page.getByTestId('node-hola').waitFor();

    // Someone else saves first (revision 1 → 2); our edit, made on revision 1, must not overwrite it silently.
    const theirs = { ...flow, nodes: [{ ...flow.nodes[0], data: { text: 'Hola de otra persona' } }] };
    expect((await session.api('PUT', '/api/flows/conflicto', { document: theirs, revision: 1 })).status).toBe(200);
    await canvas.typeText('hola', 'Hola de mí');
    await session.page.getByTestId('conflict-dialog').waitFor();
    // Who saved the draft in between, and when.
    expect(await session.page.getByTestId('conflict-what').textContent())
      .toMatch(/^Administrador \(token del servidor\) guardó otra versión de este borrador \(revisión 2\) ahora, a las \d{1,2}:\d{2}, mientras editabas\.$/);
    await session.shot('15-conflict');
    await session.page.getByTestId('conflict-overwrite').click();
    await session.page.locator('[data-testid="save-state"][data-state="saved"]').waitFor();
    const saved = await (await session.api('GET', '/api/flows/conflicto')).json() as { revision: number; document: typeof flow };
    expect(saved.revision).toBe(3);
    expect(saved.document.nodes[0]!.data.text).toBe('Hola de mí');
  }, 60_000);

  it('asks for a date in words and confirms it formatted in the flow language; the question limits it to the future', async () => {
    const canvas = canvasActions(session.page);
    const flow = {
      schemaVersion: 1, id: 'turnos', name: 'Turnos', language: 'es', startNodeId: 'dia',
      nodes: [
        { id: 'dia', type: 'question', position: { x: 0, y: 0 }, data: { text: '¿Qué día querés venir?', variable: 'dia', input: 'date', futureOnly: true } },
        { id: 'listo', type: 'end', position: { x: 0, y: 260 }, data: { text: 'Te esperamos el {{dia | dia_fecha}}.' } },
      ],
      edges: [{ id: 'e1', source: 'dia', sourceHandle: 'next', target: 'listo' }],
    };
    expect((await session.api('POST', '/api/flows', flow)).status).toBe(201);
    await session.openAsAdmin('#/flows/turnos');
    // The date question's limits in the inspector.
    await session.page.getByTestId('node-dia').click();
    expect(await session.page.getByTestId('inspector').getByTestId('field-futureOnly').isChecked()).toBe(true);
    await session.page.getByTestId('inspector').getByTestId('field-earliest').waitFor();

    await session.page.getByTestId('toggle-simulator').click();
    await session.page.getByTestId('sim-first-message').waitFor();
    await session.shot('27-simulator-first-message');
    // Starting sends the customer's "hola" (the start screen's first message).
    await session.page.getByTestId('sim-start').click();
    await session.page.getByTestId('sim-bot-message').filter({ hasText: '¿Qué día querés venir?' }).waitFor();
    await canvas.say('01/01/2020');
    await session.page.getByTestId('sim-bot-message').filter({ hasText: 'Esa fecha no está disponible: tiene que ser a partir del' }).waitFor();
    await canvas.say('mañana');
    const tomorrow = new Intl.DateTimeFormat('es', { dateStyle: 'full', timeZone: 'UTC' }).format(Date.now() + 86_400_000);
    await session.page.getByTestId('sim-bot-message').filter({ hasText: `Te esperamos el ${tomorrow}.` }).waitFor();
    await session.shot('23-simulator-formatted-date');
  }, 60_000);

  it('travels in time in the simulator: a delay passes by itself, advancing an hour sends the reminder and moves the active node', async () => {
    const created = await session.api('POST', '/api/flows', readFileSync(join(FIXTURE_FLOWS, 'ferreteria.json'), 'utf8'));
    expect(created.status).toBe(201);
    await session.openAsAdmin('#/flows/ferreteria');
    await session.page.getByTestId('toggle-simulator').click();
    await session.page.getByTestId('sim-start').click();
    const page = session.page;
    // The welcome's 2-second pause: the pending timer fires by itself once two seconds have really passed.
    await page.getByTestId('sim-bot-message').filter({ hasText: 'Soy el asistente de Ferretería El Tornillo' }).waitFor();
    await page.getByTestId('sim-reply-button').filter({ hasText: 'Pedir presupuesto' }).click();
    await page.getByTestId('node-material').and(page.locator('.flow-node--active')).waitFor();
    const timers = page.getByTestId('sim-timer');
    await timers.filter({ hasText: 'material → timeout' }).filter({ hasText: 'dentro de 10 minutos' }).waitFor();
    await timers.filter({ hasText: 'La sesión vence' }).waitFor();

    await page.getByTestId('sim-advance-3600').click();
    await page.getByTestId('sim-bot-message').filter({ hasText: '¿Seguís ahí, Simulador? Contame qué material necesitás' }).waitFor();
    await page.getByTestId('sim-bot-message').filter({ hasText: 'Escribime el material cuando puedas' }).waitFor();
    await page.getByTestId('node-material_otra_vez').and(page.locator('.flow-node--active')).waitFor();
    await page.getByText('◷ Adelantaste el reloj 1 hora. Se cumplió 1 temporizador.').waitFor();
    expect(await page.getByTestId('sim-active-node').textContent()).toBe('material_otra_vez');
    await timers.filter({ hasText: 'material_otra_vez → timeout' }).filter({ hasText: 'dentro de 10 minutos' }).waitFor();
    await session.shot('29-simulator-time-travel');

    // A custom amount: a day later the second silence closes the conversation.
    await page.getByTestId('sim-advance-amount').fill('1');
    await page.getByTestId('sim-advance-unit').selectOption('days');
    await page.getByTestId('sim-advance-custom').click();
    await page.getByTestId('sim-bot-message').filter({ hasText: 'Cierro la consulta por ahora' }).waitFor();
    await page.getByTestId('sim-no-timers').waitFor();

    // The time settings in the flow's ⚙ panel: gathering quick messages, and the typing indicator (on).
    await page.getByTestId('toggle-settings').click();
    expect(await page.getByTestId('field-settings.burstMilliseconds').inputValue()).toBe('3000');
    expect(await page.getByTestId('field-settings.typingIndicator').isChecked()).toBe(true);
    await page.getByTestId('field-settings.typingIndicator').scrollIntoViewIfNeeded();
    await session.shot('30-settings-time');
  }, 60_000);

  it('sets business hours in the flow settings: zone with its offset, the week, holidays, a live summary and a problem at its interval', async () => {
    const flow = { ...JSON.parse(readFileSync(join(FIXTURE_FLOWS, 'ferreteria.json'), 'utf8')), id: 'ferreteria_horario', name: 'Ferretería (horario)' };
    expect((await session.api('POST', '/api/flows', flow)).status).toBe(201);
    await session.openAsAdmin('#/flows/ferreteria_horario');
    const page = session.page;
    await page.getByTestId('toggle-settings').click();
    const zone = page.getByTestId('field-settings.timeZone');
    await zone.scrollIntoViewIfNeeded();
    expect(await zone.inputValue()).toBe('America/Argentina/Buenos_Aires');
    expect(await page.getByTestId('time-zone-offset').textContent()).toBe('UTC−03:00');
    // The summary comes from the runtime's reading of the hours: open or closed now, and when that changes.
    expect(await page.getByTestId('hours-summary').textContent()).toMatch(/^(Abierto ahora · cierra|Cerrado · abre) /);
    await zone.click();
    await zone.fill('madrid');
    await page.getByTestId('time-zone-option-Europe/Madrid').waitFor();
    await page.keyboard.press('Escape');
    await zone.blur();
    expect(await zone.inputValue()).toBe('America/Argentina/Buenos_Aires');
    // The section from its zone down: the offset, the summary and the week.
    await page.getByTestId('business-hours').evaluate((section) => section.scrollIntoView({ block: 'start' }));
    await session.shot('33-settings-business-hours');

    // An interval that overlaps the one before it: shown under it and in the problems panel.
    await page.getByTestId('field-settings.businessHours.weekly.friday.1.from').fill('12');
    await page.getByTestId('field-settings.businessHours.weekly.friday.1.from').press('Enter');
    await page.getByTestId('hours-problem-friday-1').filter({ hasText: 'se superpone con 09:00–13:00' }).waitFor();
    await page.getByTestId('list-settings.businessHours.holidays-add').click();
    await page.getByTestId('field-settings.businessHours.holidays.3').fill('2026-07-09');
    await page.getByTestId('list-settings.businessHours.holidays-add').scrollIntoViewIfNeeded();
    await page.getByTestId('problem-hours_intervals_overlap').waitFor();
    await session.shot('34-settings-holidays-and-problem');
    await page.getByTestId('field-settings.businessHours.weekly.friday.1.from').fill('14:00');
    await page.getByTestId('field-settings.businessHours.weekly.friday.1.from').press('Enter');
    await page.getByTestId('problem-hours_intervals_overlap').waitFor({ state: 'detached' });
  }, 60_000);

  it('gathers a burst in the simulator as live does: three typed fragments make one turn and one reply, marked in the chat', async () => {
    const flow = { ...JSON.parse(readFileSync(join(FIXTURE_FLOWS, 'ferreteria.json'), 'utf8')), id: 'ferreteria_rafaga', name: 'Ferretería (ráfaga)' };
    expect((await session.api('POST', '/api/flows', flow)).status).toBe(201);
    await session.openAsAdmin('#/flows/ferreteria_rafaga');
    const page = session.page;
    const say = canvasActions(page).say;
    await page.getByTestId('toggle-simulator').click();
    await page.getByTestId('sim-start').click();
    await page.getByTestId('sim-reply-button').filter({ hasText: 'Pedir presupuesto' }).click();
    await page.getByTestId('sim-bot-message').filter({ hasText: '¿Qué material necesitás?' }).waitFor();
    // burstMilliseconds is 3000: typed within it, the fragments wait (one tick) and go as one message.
    for (const fragment of ['necesito', '20 tarugos del 8', 'y una mecha']) await say(fragment);
    expect(await page.locator('[data-testid="sim-user-message"][data-gathering="true"]').count()).toBe(3);
    await page.getByTestId('sim-bot-message').filter({ hasText: 'Anotado: necesito' }).filter({ hasText: 'y una mecha' }).waitFor();
    expect(await page.getByTestId('sim-burst').textContent()).toBe('↑ 3 mensajes juntados en un turno');
    expect(await page.getByTestId('sim-bot-message').filter({ hasText: 'Anotado' }).count()).toBe(1);
    await page.getByTestId('sim-bot-message').filter({ hasText: '¡Gracias por escribirnos!' }).waitFor();
    // The fragments, the marker under them and the one reply in view.
    await page.getByTestId('sim-burst').evaluate((marker) => marker.scrollIntoView({ block: 'center' }));
    await session.shot('35-simulator-burst');
  }, 60_000);
});
