// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import type { FlowDocument } from '../../schema/index.ts';
import pizzeriaJson from '../../fixtures/flows/pizzeria.json';
import type { GraphMessage, InboundMessage } from '../api/types.ts';
import { useLocale } from '../i18n/index.ts';
import type { ChatEntry } from './chat-entry.ts';
import { ChatView } from './chat-view.tsx';
import { formSource } from './form-source.ts';

afterEach(cleanup);
beforeEach(() => useLocale.getState().setLocale('es'));

const at = new Date(2025, 0, 1, 14, 5).getTime();
const bot = (message: GraphMessage, form?: ChatEntry extends infer E ? E extends { from: 'bot'; form?: infer F } ? F : never : never): ChatEntry =>
  ({ id: `b${Math.random()}`, from: 'bot', at, message, form });

function renderChat(entries: ChatEntry[]) {
  const sent: InboundMessage[] = [];
  render(<ChatView entries={entries} busy={false} disabled={false} onSend={(message) => sent.push(message)} />);
  return sent;
}

const buttons: GraphMessage = {
  messaging_product: 'whatsapp', to: '+5491100000000', type: 'interactive',
  interactive: {
    type: 'button', header: { type: 'text', text: 'Don Pepe' }, body: { text: '¿Qué querés *hacer*?' }, footer: { text: 'Elegí una opción' },
    action: { buttons: [
      { type: 'reply', reply: { id: 'pedir', title: 'Pedir pizza' } },
      { type: 'reply', reply: { id: 'promos', title: 'Promos' } },
      { type: 'reply', reply: { id: 'humano', title: 'Hablar con alguien' } },
    ] },
  },
};

const list: GraphMessage = {
  type: 'interactive',
  interactive: {
    type: 'list', body: { text: 'Elegí tu pizza' },
    action: { button: 'Ver pizzas', sections: [
      { title: 'Clásicas', rows: [{ id: 'muzza', title: 'Muzzarella' }, { id: 'napo', title: 'Napolitana', description: 'Tomate y ajo' }] },
      { title: 'Especiales', rows: [{ id: 'fuga', title: 'Fugazzeta' }] },
    ] },
  },
};

describe('simulator chat rendering', () => {
  it('shows a button message with header, formatted body, footer, time, and sends a button_reply on tap', () => {
    const sent = renderChat([bot(buttons)]);
    const bubble = screen.getByTestId('sim-bot-message');
    expect(within(bubble).getByText('Don Pepe')).toBeTruthy();
    expect(within(bubble).getByText('hacer').tagName).toBe('STRONG');
    expect(within(bubble).getByText('Elegí una opción')).toBeTruthy();
    expect(within(bubble).getByText('14:05')).toBeTruthy();
    const replies = screen.getAllByTestId('sim-reply-button');
    expect(replies.map((button) => button.textContent)).toEqual(['↩ Pedir pizza', '↩ Promos', '↩ Hablar con alguien']);
    fireEvent.click(replies[1]!);
    expect(sent).toEqual([{ type: 'interactive', interactive: { type: 'button_reply', button_reply: { id: 'promos', title: 'Promos' } } }]);
  });

  it('opens the list sheet with its sections and sends the chosen row as a list_reply', () => {
    const sent = renderChat([bot(list)]);
    fireEvent.click(screen.getByTestId('sim-list-button'));
    const sheet = screen.getByTestId('list-sheet');
    expect(within(sheet).getByText('Clásicas')).toBeTruthy();
    expect(within(sheet).getByText('Especiales')).toBeTruthy();
    expect(within(sheet).getAllByTestId('list-row')).toHaveLength(3);
    const send = within(sheet).getByTestId('list-send') as HTMLButtonElement;
    expect(send.disabled).toBe(true);
    fireEvent.click(within(sheet).getByDisplayValue('napo'));
    fireEvent.click(send);
    expect(sent).toEqual([{ type: 'interactive', interactive: { type: 'list_reply', list_reply: { id: 'napo', title: 'Napolitana', description: 'Tomate y ajo' } } }]);
    expect(screen.queryByTestId('list-sheet')).toBeNull();
  });

  it('renders a WhatsApp Flows form from the node Flow JSON, navigates screens and submits the real nfm_reply', () => {
    const pizzeria = pizzeriaJson as unknown as FlowDocument;
    const message: GraphMessage = {
      type: 'interactive',
      interactive: {
        type: 'flow', body: { text: 'Completá la dirección' },
        action: { name: 'flow', parameters: { flow_token: 'tok-123', flow_cta: 'Completar envío', flow_name: 'formulario_envio', flow_action: 'navigate', flow_action_payload: { screen: 'DATOS_ENVIO' } } },
      },
    };
    const source = formSource(message, pizzeria, 'formulario_envio');
    expect(source?.screen).toBe('DATOS_ENVIO');
    const sent = renderChat([bot(message, source)]);
    fireEvent.click(screen.getByTestId('sim-form-button'));

    let sheet = screen.getByTestId('form-sheet');
    expect(sheet.dataset.screen).toBe('DATOS_ENVIO');
    expect(within(sheet).getByText('¿A dónde te la llevamos?')).toBeTruthy();
    const footer = within(sheet).getByTestId('form-footer') as HTMLButtonElement;
    expect(footer.textContent).toBe('Continuar');
    expect(footer.disabled).toBe(true); // the required address is empty

    const address = within(within(sheet).getByTestId('form-field-direccion')).getByRole('textbox');
    fireEvent.change(address, { target: { value: 'Av' } });
    fireEvent.click(footer);
    expect(within(sheet).getByRole('alert').textContent).toBe('Mínimo 5 caracteres');
    fireEvent.change(address, { target: { value: 'Av. Corrientes 1234' } });
    fireEvent.change(within(within(sheet).getByTestId('form-field-piso')).getByRole('textbox'), { target: { value: '3B' } });
    fireEvent.click(footer);

    sheet = screen.getByTestId('form-sheet');
    expect(sheet.dataset.screen).toBe('PAGO');
    fireEvent.click(within(sheet).getByRole('radio', { name: /Mercado Pago/ }));
    fireEvent.change(within(within(sheet).getByTestId('form-field-horario')).getByRole('combobox'), { target: { value: '21:00' } });
    fireEvent.click(within(sheet).getByTestId('form-footer'));

    expect(sent).toHaveLength(1);
    const reply = sent[0]!;
    if (reply.type !== 'interactive' || reply.interactive.type !== 'nfm_reply') throw new Error('expected an nfm_reply');
    expect(reply.interactive.nfm_reply.name).toBe('flow');
    expect(reply.interactive.nfm_reply.body).toBe('Sent');
    expect(JSON.parse(reply.interactive.nfm_reply.response_json)).toEqual({
      direccion: 'Av. Corrientes 1234', piso: '3B', forma_pago: 'Mercado Pago', horario: '21:00', flow_token: 'tok-123',
    });
    expect(screen.queryByTestId('form-sheet')).toBeNull();
  });

  it('shows media as a placeholder with its caption, and the customer side of the chat', () => {
    renderChat([
      bot({ type: 'image', image: { link: 'https://example.com/promo.jpg', caption: 'Promo del día' } }),
      bot({ type: 'document', document: { link: 'https://example.com/menu.pdf', filename: 'menu.pdf' } }),
      { id: 'u1', from: 'user', at, message: { type: 'interactive', interactive: { type: 'button_reply', button_reply: { id: 'promos', title: 'Promos' } } } },
    ]);
    const media = screen.getAllByTestId('bubble-media');
    expect(media.map((element) => element.dataset.kind)).toEqual(['image', 'document']);
    expect(screen.getByText('Promo del día')).toBeTruthy();
    expect(screen.getByText('menu.pdf')).toBeTruthy();
    expect(within(screen.getByTestId('sim-user-message')).getByText('Promos')).toBeTruthy();
  });

  it('sends typed text, and from the "+" menu an image, a document, a location or a voice note in their webhook shapes', () => {
    const sent = renderChat([]);
    fireEvent.change(screen.getByTestId('sim-input'), { target: { value: 'hola' } });
    fireEvent.click(screen.getByTestId('sim-send'));
    expect(sent[0]).toEqual({ type: 'text', text: { body: 'hola' } });

    expect(screen.queryByRole('menu')).toBeNull(); // "+" no longer sends a photo straight away
    fireEvent.click(screen.getByTestId('sim-attach'));
    expect(within(screen.getByRole('menu')).getAllByRole('menuitem').map((item) => item.textContent)).toEqual(['▣Imagen', '▤Documento', '◉Ubicación', '♪Audio', '◎Abrir el chat de nuevo']);
    fireEvent.keyDown(window, { key: 'Escape' });
    expect(screen.queryByRole('menu')).toBeNull();
    expect(sent).toHaveLength(1);

    const attach = (kind: string) => {
      fireEvent.click(screen.getByTestId('sim-attach'));
      fireEvent.click(screen.getByTestId(`sim-attach-${kind}`));
      return sent.at(-1);
    };
    fireEvent.change(screen.getByTestId('sim-input'), { target: { value: 'mi comprobante' } });
    expect(attach('image')).toMatchObject({ type: 'image', image: { mime_type: 'image/jpeg', sha256: 'simulated', caption: 'mi comprobante' } });
    expect((screen.getByTestId('sim-input') as HTMLInputElement).value).toBe('');
    expect(attach('document')).toMatchObject({ type: 'document', document: { mime_type: 'application/pdf', filename: 'documento.pdf' } });
    expect(attach('location')).toEqual({ type: 'location', location: { latitude: -34.6037, longitude: -58.3816, name: 'Obelisco', address: 'Av. 9 de Julio s/n, CABA' } });
    expect(attach('audio')).toMatchObject({ type: 'audio', audio: { mime_type: 'audio/ogg; codecs=opus', voice: true } });
    const ids = sent.slice(1).flatMap((message) => ('image' in message ? [message.image.id] : 'document' in message ? [message.document.id] : 'audio' in message ? [message.audio.id] : []));
    expect(new Set(ids).size).toBe(3);
    expect(screen.queryByRole('menu')).toBeNull();
  });

  it('shows what the customer attached in their bubbles', () => {
    renderChat([
      { id: 'u1', from: 'user', at, message: { type: 'location', location: { latitude: 1, longitude: 2, name: 'Obelisco', address: 'CABA' } } },
      { id: 'u2', from: 'user', at, message: { type: 'audio', audio: { id: 'a', mime_type: 'audio/ogg', sha256: 's', voice: true } } },
      { id: 'u3', from: 'user', at, message: { type: 'document', document: { id: 'd', mime_type: 'application/pdf', sha256: 's', filename: 'menu.pdf' } } },
    ]);
    expect(screen.getAllByTestId('sim-user-message').map((bubble) => bubble.querySelector('.wa-bubble-text')?.textContent))
      .toEqual(['◉ Obelisco · CABA', '♪ Nota de voz', '▤ menu.pdf']);
  });
});
