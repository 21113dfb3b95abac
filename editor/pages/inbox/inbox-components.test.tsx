// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import type { Conversation, ConversationMessage } from '../../api/types.ts';
import { conversationMessage, handoffConversation } from '../../testing/conversations.ts';
import { useLocale } from '../../i18n/index.ts';
import { ConversationItem } from './conversation-item.tsx';
import { ConversationView } from './conversation-view.tsx';

afterEach(cleanup);
beforeEach(() => useLocale.getState().setLocale('es'));

const MINUTE = 60_000;
const now = new Date(2026, 10, 24, 20, 0).getTime();

function sofia(waId: string, messages: ConversationMessage[], handoffSince: number | null = now - 65 * MINUTE): Conversation {
  return handoffConversation({ id: Number(waId.slice(-6)), waId, contactName: 'Sofía', handoffSince, messages });
}

const tapped = conversationMessage({ direction: 'in', body: { type: 'button_reply', id: 'hablar', title: 'Hablar con alguien' }, createdAt: now - 5 * MINUTE });
const botText = conversationMessage({
  direction: 'bot', body: { messaging_product: 'whatsapp', to: '+5491155550123', type: 'text', text: { body: 'Te comunico con una persona' } },
  createdAt: now - 4 * MINUTE, deliveryStatus: 'read',
});

describe('inbox conversation list item', () => {
  it('tells two customers of the same name apart by phone number, with the last message, its time and the wait', () => {
    const select = vi.fn();
    render(<ul>
      <li><ConversationItem conversation={sofia('5491155550123', [tapped])} selected={false} now={now} onSelect={select} /></li>
      <li><ConversationItem conversation={sofia('5511987654321', [tapped, botText], now - 5 * MINUTE)} selected now={now} onSelect={() => undefined} /></li>
    </ul>);
    const [first, second] = screen.getAllByTestId('inbox-item');
    expect(within(first!).getByText('Sofía')).toBeTruthy();
    expect(within(first!).getByTestId('inbox-item-phone').textContent).toBe('+54 9 11 5555 0123');
    expect(within(second!).getByTestId('inbox-item-phone').textContent).toBe('+55 11 98765 4321');
    expect(within(first!).getByTestId('inbox-item-preview').textContent).toBe('↩ Hablar con alguien');
    expect(within(second!).getByTestId('inbox-item-preview').textContent).toBe('Bot: Te comunico con una persona');
    expect(within(first!).getByTestId('inbox-item-time').textContent).toBe('hace 5 min');
    expect(within(first!).getByTestId('inbox-item-wait').textContent).toBe('Esperando hace 1 h 5 min');
    expect(within(first!).getByTestId('inbox-item-wait').className).toContain('inbox-item-wait-long');
    expect(within(second!).getByTestId('inbox-item-wait').className).not.toContain('long');
    expect(second!.getAttribute('aria-current')).toBe('true');
    fireEvent.click(first!);
    expect(select).toHaveBeenCalledOnce();
  });

  it('shows the phone number as the name when the contact has none, and no wait when it is not known', () => {
    render(<ConversationItem conversation={{ ...sofia('5491155550123', [], null), contactName: null }} selected={false} now={now} onSelect={() => undefined} />);
    const item = screen.getByTestId('inbox-item');
    expect(within(item).getByText('+54 9 11 5555 0123')).toBeTruthy();
    expect(within(item).queryByTestId('inbox-item-phone')).toBeNull();
    expect(within(item).queryByTestId('inbox-item-wait')).toBeNull();
  });

  it('shows the username of a contact whose number WhatsApp withholds, and never the BSUID when there is a name', () => {
    const bsuidOnly = { ...sofia('5491155550123', [], null), waId: 'AR.4491208655302741', userId: 'AR.4491208655302741', username: 'sofi.pizza' };
    render(<ConversationItem conversation={bsuidOnly} selected={false} now={now} onSelect={() => undefined} />);
    const item = screen.getByTestId('inbox-item');
    expect(within(item).getByText('Sofía')).toBeTruthy();
    expect(within(item).getByTestId('inbox-item-phone').textContent).toBe('@sofi.pizza');
    expect(item.textContent).not.toContain('AR.4491208655302741');
  });

  it('says a wait under a minute in the same words as the message time beside it', () => {
    render(<ConversationItem conversation={sofia('5491155550123', [{ ...tapped, createdAt: now - 20_000 }], now - 20_000)} selected={false} now={now} onSelect={() => undefined} />);
    expect(screen.getByTestId('inbox-item-time').textContent).toBe('ahora');
    expect(screen.getByTestId('inbox-item-wait').textContent).toBe('Recién derivada');
  });

  it('speaks the chosen language', () => {
    useLocale.getState().setLocale('en');
    render(<ConversationItem conversation={sofia('5491155550123', [tapped])} selected={false} now={now} onSelect={() => undefined} />);
    expect(screen.getByTestId('inbox-item-time').textContent).toBe('5 min. ago');
    expect(screen.getByTestId('inbox-item-wait').textContent).toBe('Waiting for 1 hr 5 min');
  });
});

describe('inbox conversation view', () => {
  const history: ConversationMessage[] = [
    tapped,
    conversationMessage({ direction: 'in', body: { type: 'list_reply', id: 'g', title: 'Grande' }, createdAt: now - 3 * MINUTE }),
    conversationMessage({ direction: 'in', body: { type: 'form_reply', response: { nombre: 'Sofía', direccion: 'Av. Corrientes 1234' } }, createdAt: now - 3 * MINUTE }),
    conversationMessage({ direction: 'in', body: { type: 'media', media: 'image', mediaId: 'm1', caption: 'mi factura' }, createdAt: now - 2 * MINUTE }),
    conversationMessage({ direction: 'in', body: { type: 'location', latitude: -34.6037, longitude: -58.3816, name: 'Obelisco' }, createdAt: now - 2 * MINUTE }),
    conversationMessage({ direction: 'in', body: { type: 'reaction', messageId: 'wamid.A', emoji: '❤️' }, createdAt: now - MINUTE }),
    conversationMessage({
      direction: 'bot', createdAt: now - MINUTE, deliveryStatus: 'delivered',
      body: { type: 'interactive', interactive: { type: 'button', body: { text: '¿Seguimos?' }, action: { buttons: [{ type: 'reply', reply: { id: 's', title: 'Sí' } }, { type: 'reply', reply: { id: 'n', title: 'No' } }] } } },
    }),
    conversationMessage({ direction: 'agent', createdAt: now, deliveryStatus: null, outboxState: 'queued', body: { type: 'text', text: { body: 'Hola Sofía, soy Marta' } } }),
    conversationMessage({ direction: 'agent', agent: 'Marta', createdAt: now, deliveryStatus: null, outboxState: 'sent', body: { type: 'text', text: { body: '¿Me pasás tu pedido?' } } }),
    conversationMessage({ direction: 'agent', createdAt: now, deliveryStatus: 'failed', errorCode: 131047, outboxState: 'sent', body: { type: 'text', text: { body: '¿Seguís ahí?' } } }),
  ];

  it('renders each message by what it is, with the bot’s buttons as chips and delivery in words', () => {
    render(<ConversationView conversation={sofia('5491155550123', history)} flowName="Pizzería Don Luigi" now={now} canAnswer onReply={async () => undefined} onResolve={async () => undefined} onTakeOver={async () => undefined} />);
    const bubbles = screen.getAllByTestId('inbox-message');
    const text = bubbles.map((bubble) => bubble.textContent);
    expect(text[0]).toContain('Tocó el botón');
    expect(text[0]).toContain('Hablar con alguien');
    expect(text[1]).toContain('Eligió de la lista');
    expect(text[1]).toContain('Grande');
    expect(within(bubbles[2]!).getByText('nombre: Sofía')).toBeTruthy();
    expect(within(bubbles[2]!).getByText('direccion: Av. Corrientes 1234')).toBeTruthy();
    expect(text[3]).toContain('Foto');
    expect(text[3]).toContain('mi factura');
    expect(text[4]).toContain('Obelisco');
    expect(within(bubbles[4]!).getByText('-34.60370, -58.38160')).toBeTruthy();
    expect(within(bubbles[4]!).getByRole('link', { name: 'Ver en el mapa' }).getAttribute('href')).toContain('openstreetmap.org');
    expect(text[5]).toContain('Reaccionó con ❤️');
    expect(within(bubbles[6]!).getByTestId('message-options').textContent).toBe('SíNo');
    expect(text[6]).toContain('¿Seguimos?');
    expect(within(bubbles[6]!).getByLabelText('Entregado')).toBeTruthy();
    expect(within(bubbles[7]!).getByLabelText('Enviando…')).toBeTruthy();
    expect(within(bubbles[8]!).getByLabelText('Enviado')).toBeTruthy();
    expect(within(bubbles[9]!).getByLabelText('No se pudo entregar (131047)')).toBeTruthy();
    // An agent's reply names who wrote it when the server knows; older replies just say "Agente".
    expect(bubbles.slice(7).map((bubble) => within(bubble).getByTestId('inbox-message-sender').textContent)).toEqual(['Agente', 'Agente · Marta', 'Agente']);
    expect(within(bubbles[0]!).queryByLabelText(/Enviado|Enviando/)).toBeNull();
    expect(text.join('\n')).not.toMatch(/\[(button_reply|image|list_reply|form)\]/);
    const header = screen.getByTestId('conversation-view').querySelector('header')!;
    expect(header.textContent).toContain('+54 9 11 5555 0123');
    expect(header.textContent).toContain('Esperando hace 1 h 5 min');
    expect(header.textContent).toContain('Flujo: Pizzería Don Luigi');
  });

  it('asks before handing the conversation back to the bot', async () => {
    const resolve = vi.fn(async () => undefined);
    render(<ConversationView conversation={sofia('5491155550123', [tapped])} flowName="Pizzería" now={now} canAnswer onReply={async () => undefined} onResolve={resolve} onTakeOver={async () => undefined} />);
    fireEvent.click(screen.getByTestId('inbox-resolve'));
    const dialog = screen.getByTestId('resolve-dialog');
    expect(dialog.textContent).toContain('¿Devolver la conversación al bot?');
    fireEvent.click(within(dialog).getByText('Cancelar'));
    expect(screen.queryByTestId('resolve-dialog')).toBeNull();
    expect(resolve).not.toHaveBeenCalled();
    fireEvent.click(screen.getByTestId('inbox-resolve'));
    await act(async () => { fireEvent.click(screen.getByTestId('resolve-confirm')); });
    expect(resolve).toHaveBeenCalledOnce();
  });
});
