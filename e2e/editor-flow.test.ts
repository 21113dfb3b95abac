import { textWebhook } from '../server/testing/webhook-body.ts';
import { canvasActions } from './canvas-actions.ts';
import { useE2eSession } from './e2e-session.ts';

/**
 * The whole product in a real browser against the real server: sign in, build a flow on the canvas,
 * watch validation, chat in the simulator, publish, see a signed webhook answered on the (fake)
 * Graph API with what was published, diff the draft, and the UI of each role.
 */
const PHONE_NUMBER_ID = '106540352242922';
const CUSTOMER = '5491155550123';
const TEXTS = { message: '¿Qué querés hacer hoy?', menu: 'Elegí una opción 👇' };

const session = useE2eSession();

describe('building and publishing a flow', () => {
  it('signs in, builds a flow, simulates it, publishes it and serves it on WhatsApp', async () => {
    const canvas = canvasActions(session.page);
    // Sign in with the admin token (signed out first, whatever ran before in this page).
    await session.page.goto(session.charla.url);
    await session.page.evaluate(() => localStorage.removeItem('charla.token'));
    await session.page.reload();
    await session.page.getByTestId('sign-in-token').fill(session.charla.adminToken);
    await session.shot('01-sign-in');
    await session.page.getByTestId('sign-in-submit').click();
    await session.page.locator('[data-testid="account"][data-role="admin"]').waitFor();

    // Create a blank flow: it opens in the editor with its welcome message as the start.
    await session.page.getByTestId('flow-new').click();
    await session.page.getByTestId('new-flow-name').fill('Prueba E2E');
    await session.page.getByTestId('new-flow-create').click();
    await session.page.getByTestId('node-bienvenida').waitFor();
    await session.page.getByTestId('start-bienvenida').waitFor();
    await session.shot('02-new-flow');

    // A message from the palette: nothing reaches it yet, so it shows a problem badge until connected
    // (in and, where validation asks for it, out: the badge goes once the menu follows it).
    await canvas.dropFromPalette('message', { x: 0.62, y: 0.1 });
    const messageBadge = session.page.getByTestId('badge-message_1');
    await messageBadge.waitFor();
    await session.page.getByTestId('problem-unreachable_node').waitFor();
    await session.shot('03-validation-badge');
    await canvas.typeText('message_1', TEXTS.message);
    await canvas.connect('bienvenida', 'next', 'message_1');
    await session.page.getByTestId('problem-unreachable_node').waitFor({ state: 'detached' });

    // A menu, connected after the message.
    await canvas.dropFromPalette('menu', { x: 0.62, y: 0.62 });
    await session.page.getByTestId('badge-menu_1').waitFor();
    await canvas.typeText('menu_1', TEXTS.menu);
    await canvas.connect('message_1', 'next', 'menu_1');
    await expect.poll(() => session.page.locator('.react-flow__edge').count()).toBe(2);
    await messageBadge.waitFor({ state: 'detached' });
    await session.page.locator('[data-testid="error-count"][data-count="0"]').waitFor();
    await session.page.locator('[data-testid="save-state"][data-state="saved"]').waitFor();
    await session.shot('04-flow-built');

    // Chat in the simulator: the bot greets, the menu comes as reply buttons, tapping one answers.
    await session.page.getByTestId('toggle-simulator').click();
    // Starting sends the customer's "hola" (the start screen's first message).
    await session.page.getByTestId('sim-start').click();
    const replies = session.page.getByTestId('sim-reply-button');
    await expect.poll(() => replies.allTextContents()).toEqual(['↩ Opción 1', '↩ Opción 2']);
    await expect.poll(() => session.page.getByTestId('sim-bot-message').allInnerTexts())
      .toEqual([expect.stringContaining('¡Hola!'), expect.stringContaining(TEXTS.message), expect.stringContaining(TEXTS.menu)]);
    await session.page.locator('[data-testid="node-menu_1"].flow-node--active').waitFor();
    await session.shot('05-simulator');
    await replies.nth(1).click();
    await session.page.getByTestId('sim-user-message').filter({ hasText: 'Opción 2' }).waitFor();
    await session.page.getByTestId('sim-system').waitFor();
    await session.shot('06-simulator-tapped');

    // Publish with a note.
    await session.page.getByTestId('publish').click();
    await session.page.getByTestId('publish-note').fill('Primera versión');
    await session.page.getByTestId('publish-confirm').click();
    await session.page.getByTestId('editor-live').filter({ hasText: 'v1' }).waitFor();
    await session.page.getByTestId('toggle-versions').click();
    await session.page.getByTestId('version-1').getByTestId('version-live').waitFor();
    await session.shot('07-published');

    // Live traffic: connect a number to the flow in Ajustes (the webhook URL and a verify token to paste in
    // Meta's console are shown there), then a signed webhook's replies reach the Graph API.
    await session.page.getByTestId('nav-settings').click();
    await session.page.getByTestId('settings-tab-channels').click();
    await session.page.getByTestId('channel-connect').click();
    await session.page.getByTestId('channel-phone').fill(PHONE_NUMBER_ID);
    await session.page.getByTestId('channel-flow').selectOption('prueba-e2e');
    expect(await session.page.getByTestId('channel-webhook-url').inputValue()).toBe(`${session.charla.url}/webhooks/whatsapp`);
    expect(await session.page.getByTestId('channel-verifyToken').inputValue()).toMatch(/^[\w-]{32}$/);
    await session.page.getByTestId('channel-waba').fill('102290129340398');
    await session.page.getByTestId('channel-appSecret').fill(session.charla.appSecret);
    await session.shot('20-admin-connect-number');
    await session.page.getByTestId('channel-save').click();
    await session.page.getByTestId('channel-saved').waitFor();
    const channelRow = session.page.getByTestId(`channel-row-${PHONE_NUMBER_ID}`);
    expect(await channelRow.textContent()).not.toContain(session.charla.appSecret);
    const before = session.charla.graph.requests.length;
    const webhook = textWebhook({ phoneNumberId: PHONE_NUMBER_ID, from: CUSTOMER, name: 'Sofía', text: 'hola', wamid: 'wamid.E2E1' });
    const delivered = await session.postWebhook(webhook);
    expect(delivered.status).toBe(200);
    await session.charla.graph.waitForRequests(before + 3);
    const sent = session.charla.graph.requests.slice(before).map((request) => ({ phone: request.phoneNumberId, to: request.body.to, type: request.body.type, body: request.body }));
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

    // Its health in Ajustes: the webhook just received, no send error.
    await session.page.reload();
    await channelRow.getByTestId('channel-health').filter({ hasText: /Último webhook: (ahora|hace)/ }).waitFor();
    await session.shot('21-admin-channels');
    // Meta refuses the access token: the number pauses with the reason, and the admin resumes it once fixed.
    session.charla.graph.answerNext({ status: 401, body: { error: { message: 'Error validating access token: Session has expired', type: 'OAuthException', code: 190 } } });
    const beforePause = session.charla.graph.requests.length;
    expect((await session.postWebhook(textWebhook({ phoneNumberId: PHONE_NUMBER_ID, from: CUSTOMER, text: 'hola otra vez', wamid: 'wamid.E2E1B' }))).status).toBe(200);
    await session.charla.graph.waitForRequests(beforePause + 1);
    await session.page.reload();
    await channelRow.getByTestId('channel-paused').waitFor();
    expect(await channelRow.textContent()).toContain('WABA 102290129340398');
    await session.shot('21-admin-channel-paused');
    await channelRow.getByTestId('channel-resume').click();
    await channelRow.getByTestId('channel-paused').waitFor({ state: 'detached' });
    await session.page.goto(`${session.charla.url}/#/flows/prueba-e2e`);
    await session.page.getByTestId('node-menu_1').waitFor();
    await session.page.getByTestId('toggle-versions').click();

    // The diff: change the menu text, compare the live version with the draft, the menu is marked changed.
    // The right side is one slot: the versions panel keeps it while a node is selected; its "Nodo" tab shows the inspector.
    await session.page.getByTestId('node-menu_1').click();
    expect(await session.page.getByTestId('versions-panel').isVisible()).toBe(true);
    await session.page.getByTestId('slot-tab-inspector').click();
    await canvas.typeText('menu_1', 'Elegí una opción, por favor');
    await session.page.locator('[data-testid="save-state"][data-state="saved"]').waitFor();
    await session.page.getByTestId('editor-unpublished').waitFor();
    await session.page.getByTestId('slot-tab-panel').click();
    await session.page.getByTestId('diff-compare').click();
    await session.page.locator('[data-testid="node-menu_1"].flow-node--changed').waitFor();
    await session.page.getByTestId('diff-summary').filter({ hasText: 'menu_1' }).waitFor();
    await session.shot('08-diff');
    // The menu's text, the published one and the draft's side by side.
    const menuText = session.page.getByTestId('diff-value-menu_1-data.text');
    expect(await menuText.locator('.diff-old').textContent()).toBe(TEXTS.menu);
    expect(await menuText.locator('.diff-new').textContent()).toBe('Elegí una opción, por favor');
    await menuText.scrollIntoViewIfNeeded();
    await session.shot('29-diff-old-and-new-text');

    // The flow list: the live version, and the draft edited after publishing is marked.
    await session.page.getByTestId('nav-flows').click();
    await session.page.getByTestId('flow-row-prueba-e2e').getByTestId('flow-live').waitFor();
    await session.page.getByTestId('flow-row-prueba-e2e').getByTestId('flow-unpublished').waitFor();
    await session.shot('09-flow-list');
    await session.page.getByTestId('flow-row-prueba-e2e').getByTestId('flow-open').click();

    // Restoring the published version into the draft undoes the edit, after asking; autosave stores it.
    await session.page.getByTestId('toggle-versions').click();
    await session.page.getByTestId('version-restore-1').click();
    await session.page.getByTestId('restore-version-confirm').click();
    await session.page.getByTestId('version-restored').waitFor();
    await expect.poll(async () => ((await (await session.api('GET', '/api/flows/prueba-e2e')).json()) as { document: { nodes: Array<{ id: string; data: { text?: string } }> } })
      .document.nodes.find((node) => node.id === 'menu_1')?.data.text).toBe(TEXTS.menu);
  }, 180_000);

  it('adapts to the role: an analyst cannot publish but edits the flow settings, a tester can simulate but not edit', async () => {
    // Its own flow, made through the API: a greeting and a two-option menu.
    const flow = {
      schemaVersion: 1, id: 'roles_e2e', name: 'Roles E2E', startNodeId: 'saludo',
      nodes: [
        { id: 'saludo', type: 'message', position: { x: 0, y: 0 }, data: { text: '¡Hola!' } },
        { id: 'menu', type: 'menu', position: { x: 320, y: 0 }, data: { text: '¿Qué necesitás?', options: [{ id: 'a', title: 'Pedidos' }, { id: 'b', title: 'Horarios' }] } },
      ],
      edges: [{ id: 'e1', source: 'saludo', sourceHandle: 'next', target: 'menu' }],
    };
    expect((await session.api('POST', '/api/flows', flow)).status).toBe(201);
    // The admin invites people in Ajustes: a token per person, with a name and a role, shown once.
    await session.openAsAdmin('#/settings');
    await session.page.getByTestId('settings-tab-people').click();
    const invite = async (name: string, role: 'analyst' | 'tester') => {
      await session.page.getByTestId('token-name').fill(name);
      await session.page.getByTestId('token-role').selectOption(role);
      await session.page.getByTestId('token-create').click();
      const token = await session.page.getByTestId('token-secret').inputValue();
      await session.page.getByTestId('token-created-done').click();
      return token;
    };
    const tokens = { analyst: await invite('Ana (analista)', 'analyst'), tester: await invite('Tomás', 'tester') };
    const leaving = await invite('Ex empleado', 'tester');
    await session.page.getByTestId('token-list').getByRole('row').filter({ hasText: 'Ex empleado' }).getByTestId('token-revoke').click();
    await session.page.getByTestId('token-revoke-confirm').click();
    await session.page.getByTestId('token-list').getByRole('row').filter({ hasText: 'Ex empleado' }).filter({ hasText: 'Revocado' }).waitFor();
    await session.shot('22-admin-people');
    expect((await fetch(`${session.charla.url}/api/me`, { headers: { authorization: `Bearer ${leaving}` } })).status).toBe(401);

    const openAs = async (role: 'analyst' | 'tester') => {
      await session.openAs(tokens[role], '#/flows/roles_e2e');
      await session.page.locator(`[data-testid="account"][data-role="${role}"]`).waitFor();
      await session.page.getByTestId('node-menu').waitFor();
    };

    await openAs('analyst');
    await session.page.getByTestId('palette-message').waitFor();
    expect(await session.page.getByTestId('publish').count()).toBe(0);
    await session.shot('10-analyst');
    // The flow settings: a restart keyword typed as a chip is saved with the draft.
    await session.page.getByTestId('toggle-settings').click();
    const keywords = session.page.getByTestId('field-settings.restartKeywords');
    await keywords.fill('volver');
    await keywords.press('Enter');
    await session.page.getByTestId('chip-settings.restartKeywords-0').filter({ hasText: 'volver' }).waitFor();
    await session.page.locator('[data-testid="save-state"][data-state="saved"]').waitFor();
    await expect.poll(async () => ((await (await session.api('GET', '/api/flows/roles_e2e')).json()) as { document: { settings?: unknown } }).document.settings)
      .toEqual({ restartKeywords: ['volver'] });
    await session.shot('10-analyst-settings');

    // Other roles see Ajustes read only: the numbers and their health, no people, no changes.
    await session.page.getByTestId('nav-settings').click();
    await session.page.getByTestId('settings-readonly').waitFor();
    await session.page.getByTestId('settings-channels').waitFor();
    expect(await session.page.getByTestId('settings-tab-people').count()).toBe(0);
    expect(await session.page.getByTestId('channel-connect').count()).toBe(0);

    await openAs('tester');
    await session.page.getByTestId('simulator-panel').waitFor();
    await session.page.getByTestId('canvas-readonly').waitFor();
    expect(await session.page.getByTestId('palette-message').count()).toBe(0);
    expect(await session.page.getByTestId('publish').count()).toBe(0);
    // Starting sends the customer's "hola" (the start screen's first message).
    await session.page.getByTestId('sim-start').click();
    await expect.poll(() => session.page.getByTestId('sim-reply-button').count()).toBe(2);
    await session.shot('11-tester');
    await session.page.getByTestId('toggle-settings').click();
    await session.page.getByTestId('settings-readonly').waitFor();
    expect(await session.page.getByTestId('chip-settings.restartKeywords-0-remove').count()).toBe(0);
  }, 120_000);

});
