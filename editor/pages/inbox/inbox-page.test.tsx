// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { Conversation } from '../../api/types.ts';
import { useSession } from '../../app/session.ts';
import { useLocale } from '../../i18n/index.ts';
import { InboxPage } from '../inbox-page.tsx';
import { conversationMessage, handoffConversation } from '../../testing/conversations.ts';

/** The inbox API as the editor's real client sees it through `fetch` (installed before the client captures it). */
const server = vi.hoisted(() => {
  const state = {
    conversations: [] as Conversation[],
    /** Answers for POSTs, by path: status and body. */
    refusals: new Map<string, { status: number; body: unknown }>(),
    posted: [] as Array<{ path: string; body: unknown }>,
  };
  globalThis.fetch = async (input, init) => {
    const path = String(input);
    const respond = (status: number, body: unknown) => new Response(JSON.stringify(body), { status });
    if (path === '/api/flows') return respond(200, [{ id: 'pizzeria', name: 'Pizzería Don Luigi', revision: 1, liveVersion: 1 }]);
    if ((init?.method ?? 'GET') === 'GET') {
      const status = new URL(path, 'http://charla').searchParams.get('status');
      return respond(200, state.conversations.filter((conversation) => conversation.status === status));
    }
    state.posted.push({ path, body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined });
    const refusal = state.refusals.get(path);
    return refusal ? respond(refusal.status, refusal.body) : respond(202, { outboxId: 1 });
  };
  return state;
});

const now = Date.now();
const conversation = (id: number, waId: string): Conversation => handoffConversation({
  id, waId, contactName: 'Sofía', handoffSince: now - 20 * 60_000,
  messages: [conversationMessage({ direction: 'in', body: { type: 'button_reply', id: 'hablar', title: 'Hablar con alguien' }, createdAt: now - 60_000 })],
});

beforeEach(() => {
  useLocale.getState().setLocale('es');
  useSession.setState({ status: 'signed-in', me: { name: 'Marta', role: 'admin' } });
  server.conversations = [conversation(1, '5491155550123'), conversation(2, '5511987654321')];
  server.refusals.clear();
  server.posted = [];
});
afterEach(cleanup);

async function open(phone: string) {
  render(<InboxPage />);
  const items = await screen.findAllByTestId('inbox-item');
  fireEvent.click(items.find((item) => item.textContent?.includes(phone))!);
  return screen.getByTestId('conversation-view');
}

describe('inbox page', () => {
  it('opens the conversation picked by phone number and sends the reply to it', async () => {
    const view = await open('+55 11 98765 4321');
    expect(view.textContent).toContain('+55 11 98765 4321');
    await waitFor(() => expect(view.textContent).toContain('Flujo: Pizzería Don Luigi'));
    expect(view.textContent).toContain('Hablar con alguien');
    fireEvent.change(within(view).getByTestId('inbox-reply-input'), { target: { value: 'Hola Sofía' } });
    await act(async () => { fireEvent.click(within(view).getByTestId('inbox-reply')); });
    expect(server.posted).toEqual([{ path: '/api/conversations/2/messages', body: { text: 'Hola Sofía' } }]);
  });

  it('says a server refusal in the page language, and rewords it when the language changes', async () => {
    server.refusals.set('/api/conversations/1/resolve', { status: 409, body: { code: 'conversation_not_in_handoff', message: 'The conversation is not waiting for an agent' } });
    const view = await open('+54 9 11 5555 0123');
    fireEvent.click(within(view).getByTestId('inbox-resolve'));
    await act(async () => { fireEvent.click(screen.getByTestId('resolve-confirm')); });
    await waitFor(() => expect(screen.getByTestId('inbox-notice').textContent).toBe('La conversación no está esperando a un agente.'));
    act(() => useLocale.getState().setLocale('pt'));
    expect(screen.getByTestId('inbox-notice').textContent).toBe('A conversa não está esperando um atendente.');
  });

  it('lets an agent write once the 24-hour window closed, says the message is held, and shows held messages as such', async () => {
    server.conversations = [{
      ...conversation(1, '5491155550123'), windowOpen: false,
      messages: [
        conversationMessage({ direction: 'in', body: { type: 'text', text: 'Hola' }, createdAt: now - 26 * 3_600_000 }),
        conversationMessage({
          direction: 'agent', body: { type: 'text', text: { body: 'Ya está tu pedido' } }, outboxId: 7, outboxState: 'held',
          error: 'window closed: the customer last wrote more than 24 hours ago; sent when they write again', createdAt: now - 60_000,
        }),
      ],
    }];
    const view = await open('+54 9 11 5555 0123');
    expect(within(view).getByTestId('inbox-window-closed').textContent).toContain('Lo que escribas queda retenido y sale cuando el cliente vuelva a escribir');
    const held = within(view).getAllByTestId('inbox-message').at(-1)!;
    expect(held.querySelector('.inbox-delivery-held')?.getAttribute('aria-label')).toBe('Retenido: la ventana de 24 horas está cerrada; sale cuando el cliente vuelva a escribir');
    const input = within(view).getByTestId('inbox-reply-input') as HTMLInputElement;
    expect(input.disabled).toBe(false);
    fireEvent.change(input, { target: { value: '¿Seguís ahí?' } });
    await act(async () => { fireEvent.click(within(view).getByTestId('inbox-reply')); });
    expect(server.posted).toEqual([{ path: '/api/conversations/1/messages', body: { text: '¿Seguís ahí?' } }]);
    act(() => useLocale.getState().setLocale('pt'));
    expect(within(view).getByTestId('inbox-window-closed').textContent).toContain('fica retido e sai quando o cliente voltar a escrever');
    act(() => useLocale.getState().setLocale('en'));
    expect(held.querySelector('.inbox-delivery-held')?.getAttribute('aria-label')).toBe('Held: the 24-hour window is closed; goes out when the customer writes again');
  });

  it('takes a bot conversation over: the button posts take-over and the waiting list opens', async () => {
    server.conversations = [{ ...conversation(3, '5491155550999'), status: 'active', handoffSince: null }];
    render(<InboxPage />);
    expect(await screen.findByText('No hay conversaciones esperando. 🎉')).toBeTruthy();
    fireEvent.click(screen.getByTestId('inbox-tab-active'));
    fireEvent.click(await screen.findByTestId('inbox-item'));
    const view = screen.getByTestId('conversation-view');
    expect(within(view).queryByTestId('inbox-reply-input')).toBeNull();
    expect(within(view).getByTestId('inbox-with-bot').textContent).toBe('El bot está atendiendo. Tomá la conversación para escribirle al cliente.');
    server.conversations = [{ ...server.conversations[0]!, status: 'handoff', handoffSince: now }];
    await act(async () => { fireEvent.click(within(view).getByTestId('inbox-take-over')); });
    // The route takes no body (schema/api/conversations.ts), so none is sent.
    expect(server.posted).toEqual([{ path: '/api/conversations/3/take-over', body: undefined }]);
    await waitFor(() => expect(screen.getByTestId('inbox-tab-handoff').getAttribute('aria-selected')).toBe('true'));
    expect(screen.getByTestId('inbox-notice').textContent).toBe('Tomaste la conversación: el bot no responde hasta que la devuelvas.');
    expect(await screen.findAllByTestId('inbox-item')).toHaveLength(1);
  });

  it('lets a tester read but offers no reply, take-over or hand-back', async () => {
    useSession.setState({ status: 'signed-in', me: { name: 'Tere', role: 'tester' } });
    const view = await open('+54 9 11 5555 0123');
    expect(view.textContent).toContain('Hablar con alguien');
    for (const control of ['inbox-reply-input', 'inbox-reply', 'inbox-resolve', 'inbox-take-over']) expect(within(view).queryByTestId(control)).toBeNull();
    expect(within(view).getByTestId('inbox-read-only').textContent).toBe('Tu rol puede leer la bandeja, pero no escribirles a los clientes.');
  });
});
