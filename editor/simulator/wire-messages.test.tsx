// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import type { OutboundMessage } from '../../runtime/core/types.ts';
import { toGraphMessageBody } from '../../runtime/whatsapp/outbound.ts';
import type { GraphMessage, InboundMessage } from '../api/types.ts';
import { useLocale } from '../i18n/index.ts';
import type { ChatEntry } from './chat-entry.ts';
import { ChatView } from './chat-view.tsx';

afterEach(cleanup);
beforeEach(() => useLocale.getState().setLocale('es'));

/** The bubble of a message exactly as the simulator gets it: the Graph API body the runtime builds. */
function renderBody(message: OutboundMessage) {
  const body = toGraphMessageBody(message, '5491155550123', { customerMessageId: 'sim.1.2' }) as unknown as GraphMessage;
  const sent: InboundMessage[] = [];
  const entry: ChatEntry = { id: 'b1', from: 'bot', at: Date.UTC(2026, 0, 1, 17, 5), message: body };
  render(<ChatView entries={[entry]} busy={false} disabled={false} onSend={(inbound) => sent.push(inbound)} />);
  return { bubble: screen.getByTestId('sim-bot-message'), sent };
}

describe('the simulator shows every newer outbound message', () => {
  it('a link button (cta_url) under an image header', () => {
    const { bubble } = renderBody({ type: 'link', body: 'Seguí tu pedido', headerMedia: { kind: 'image', url: 'https://cdn.example/moto.jpg' }, label: 'Seguir', url: 'https://donpepe.example/p/1' });
    expect(within(bubble).getByTestId('bubble-media').dataset.kind).toBe('image');
    const link = within(bubble).getByTestId('sim-link-button');
    expect([link.textContent, link.getAttribute('href')]).toEqual(['↗ Seguir', 'https://donpepe.example/p/1']);
  });

  it('reply buttons under a video header', () => {
    const { bubble } = renderBody({ type: 'buttons', body: '¿Te gusta?', headerMedia: { kind: 'video', url: 'https://cdn.example/horno.mp4' }, buttons: [{ id: 'si', title: 'Sí' }] });
    expect(within(bubble).getByTestId('bubble-media').dataset.kind).toBe('video');
    expect(within(bubble).getByText('¿Te gusta?')).toBeTruthy();
  });

  it('a location request whose button sends the simulated pin', () => {
    const { bubble, sent } = renderBody({ type: 'location_request', body: '¿Dónde te lo llevamos?' });
    fireEvent.click(within(bubble).getByTestId('sim-send-location'));
    expect(sent).toEqual([expect.objectContaining({ type: 'location' })]);
  });

  it('a location, contact cards, a reaction and a quoted re-prompt', () => {
    renderBody({ type: 'location', latitude: -34.6037, longitude: -58.3816, name: 'Don Pepe', address: 'Av. Corrientes 1234' });
    expect(screen.getByTestId('bubble-location').textContent).toBe('◉ Don Pepe · Av. Corrientes 1234 (-34.6037, -58.3816)');
    cleanup();
    renderBody({ type: 'contacts', contacts: [{ name: 'Reparto', phone: '+54 9 11 5555-0100' }] });
    expect(screen.getByTestId('bubble-contacts').textContent).toBe('☺ Reparto · +54 9 11 5555-0100');
    cleanup();
    renderBody({ type: 'reaction', emoji: '👍' });
    expect(screen.getByTestId('bubble-reaction').textContent).toBe('Reaccionó 👍 a tu mensaje');
    cleanup();
    renderBody({ type: 'text', text: 'Elegí una de las opciones', quotesCustomer: true });
    expect(screen.getByTestId('bubble-quoted').textContent).toBe('↩ Respondiendo a tu mensaje');
  });
});
