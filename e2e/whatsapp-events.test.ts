import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURE_WABA_ID } from '../server/testing/publish-fixture.ts';
import { sampleTemplates } from '../server/testing/sample-templates.ts';
import { useE2eSession } from './e2e-session.ts';

/**
 * The simulator's WhatsApp events that are not answers (react, edit, delete, open the chat), through the
 * real server and the live rule; the inspector's fields for what else a message sends (link, location,
 * contacts, reaction), a menu's header media and a waiting node's fallback template; at 1366×768.
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

  it('edits a message\'s link, location, contacts and reaction, a menu\'s header media and fallback template; a bad link opens on its field', async () => {
    const { page } = session;
    // Templates come from the bound number's business account: publish, bind, and read them from (the fake) Meta.
    expect((await session.api('POST', '/api/flows/pizzeria/versions', {})).status).toBe(201);
    expect((await session.api('PUT', '/api/channels/whatsapp/106540352242922', { flowId: 'pizzeria', wabaId: FIXTURE_WABA_ID })).status).toBe(200);
    session.charla.graph.management.setTemplates(FIXTURE_WABA_ID, sampleTemplates());
    expect((await session.api('POST', '/api/templates/sync', {})).status).toBe(200);

    await session.openAsAdmin('#/flows/pizzeria');
    await page.getByTestId('node-bienvenida').click();
    const inspector = page.locator('[data-testid="inspector"][data-node-id="bienvenida"]');
    await inspector.getByTestId('field-link').check();
    await inspector.getByTestId('field-link.label').fill('Ver la carta');
    await inspector.getByTestId('field-link.url').fill('ftp://donpepe.example/carta');
    await inspector.getByTestId('field-location').check();
    await inspector.getByTestId('field-location.name').fill('Pizzería Don Pepe');
    await inspector.getByTestId('field-location.address').fill('Av. Corrientes 1234, CABA');
    // The link that is not http(s) is a problem at the node and field: clicking it opens the field.
    await page.getByTestId('problems-group-bienvenida').getByTestId('problem-url_not_http').click();
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'field-link.url');
    await inspector.getByTestId('field-link.url').fill('https://donpepe.example/carta');
    await inspector.getByTestId('field-link').scrollIntoViewIfNeeded();
    await session.shot('52-inspector-message-link-location');

    await inspector.getByTestId('list-contacts-add').click();
    await inspector.getByTestId('field-contacts.0.name').fill('Don Pepe');
    await inspector.getByTestId('field-contacts.0.phone').fill('+54 9 11 5555 0123');
    await inspector.getByTestId('field-reaction').fill('🍕');
    await inspector.getByTestId('field-reaction').scrollIntoViewIfNeeded();
    await session.shot('53-inspector-message-contacts-reaction');

    await page.getByTestId('node-menu_principal').click();
    const menu = page.locator('[data-testid="inspector"][data-node-id="menu_principal"]');
    await menu.getByTestId('field-headerMedia.kind').selectOption('image');
    await menu.getByTestId('field-headerMedia.url').fill('https://donpepe.example/horno.jpg');
    await menu.getByTestId('field-fallbackTemplate').selectOption('retomar_pedido|es_AR');
    await menu.getByTestId('field-fallbackTemplate.bodyParameters.1').fill('{{contact.name}}');
    await menu.getByTestId('field-fallbackTemplate.bodyParameters.1').evaluate((field) => field.scrollIntoView({ block: 'end' }));
    await session.shot('54-inspector-menu-fallback-template');
    await menu.getByTestId('field-headerMedia.kind').scrollIntoViewIfNeeded();
    await session.shot('55-inspector-menu-header-media');

    // Saved as the flow format names them.
    await page.locator('[data-testid="save-state"][data-state="saved"]').waitFor();
    const saved = await (await session.api('GET', '/api/flows/pizzeria')).json() as { document: { nodes: Array<{ id: string; data: Record<string, unknown> }> } };
    const data = (id: string) => saved.document.nodes.find((node) => node.id === id)!.data;
    expect(data('bienvenida')).toMatchObject({
      link: { label: 'Ver la carta', url: 'https://donpepe.example/carta' },
      location: { latitude: -34.6037, longitude: -58.3816, name: 'Pizzería Don Pepe', address: 'Av. Corrientes 1234, CABA' },
      contacts: [{ name: 'Don Pepe', phone: '+54 9 11 5555 0123' }], reaction: '🍕',
    });
    expect(data('menu_principal')).toMatchObject({
      headerMedia: { kind: 'image', url: 'https://donpepe.example/horno.jpg' },
      fallbackTemplate: { name: 'retomar_pedido', language: 'es_AR', bodyParameters: { '1': '{{contact.name}}' } },
    });
  }, 120_000);
});
