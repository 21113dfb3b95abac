// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { useLocale } from '../i18n/index.ts';
import { conversationMessage } from '../testing/conversations.ts';
import { Transcript } from './transcript.tsx';

afterEach(cleanup);

describe('a conversation\'s transcript in the history', () => {
  it('says which replies are held for the closed 24-hour window and which were not sent, with the reason', () => {
    act(() => useLocale.getState().setLocale('es'));
    const now = Date.now();
    render(<Transcript messages={[
      conversationMessage({ direction: 'in', body: { type: 'text', text: 'hola' }, createdAt: now - 60_000 }),
      conversationMessage({
        direction: 'bot', body: { type: 'text', text: { body: '¡Hola!' } }, outboxId: 3, outboxState: 'held', createdAt: now - 50_000,
        error: 'window closed: the customer last wrote more than 24 hours ago and the flow has no fallback template; sent when they write again',
      }),
      conversationMessage({
        direction: 'bot', body: { type: 'text', text: { body: '¿Seguís ahí?' } }, outboxId: 4, outboxState: 'not_sent', createdAt: now,
        error: 'window closed: a timer\'s message (a reminder, a timeout) fell due more than 24 hours after the customer last wrote and the flow has no fallback template; not sent',
      }),
    ]} />);
    const rows = screen.getAllByTestId('transcript-message');
    expect(rows.map((row) => row.dataset.delivery)).toEqual([undefined, 'held', 'not_sent']);
    expect(rows[1]!.textContent).toContain('Retenido: la ventana de 24 horas está cerrada');
    expect(rows[2]!.textContent).toContain('No enviado');
    expect(rows[2]!.querySelector('[data-testid="transcript-error"]')!.textContent).toContain('not sent');
    act(() => useLocale.getState().setLocale('pt'));
    expect(screen.getAllByTestId('transcript-message')[1]!.textContent).toContain('Retida: a janela de 24 horas está fechada');
    act(() => useLocale.getState().setLocale('en'));
    expect(screen.getAllByTestId('transcript-message')[2]!.textContent).toContain('Not sent');
  });
});
