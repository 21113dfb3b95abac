// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { GraphMessage, InboundMessage, SimulationTurn } from '../api/types.ts';
import { useLocale } from '../i18n/index.ts';
import type { ChatEntry } from './chat-entry.ts';
import { ChatView } from './chat-view.tsx';
import { inbound } from './inbound-messages.ts';
import { useSimulation } from './use-simulation.ts';

afterEach(cleanup);
beforeEach(() => useLocale.getState().setLocale('es'));

const at = new Date(2025, 0, 1, 14, 5).getTime();
const menu: GraphMessage = {
  type: 'interactive',
  interactive: { type: 'button', body: { text: '¿Qué querés hacer hoy con tu pedido?' }, action: { buttons: [{ type: 'reply', reply: { id: 'pedir', title: 'Pedir' } }] } },
};
const bot: ChatEntry = { id: 'b1', from: 'bot', at, message: menu };
const said: ChatEntry = { id: 'u1', from: 'user', at, message: inbound.text('holaa') };
const event = (id: string, message: InboundMessage, nonAnswer?: string): ChatEntry => ({ id, from: 'user', at, message, ...(nonAnswer && { nonAnswer }) });

function renderChat(entries: ChatEntry[], { busy = false, disabled = false } = {}) {
  const sent: InboundMessage[] = [];
  const view = render(<ChatView entries={entries} busy={busy} disabled={disabled} onSend={(message) => sent.push(message)} />);
  return { sent, rerender: (next: ChatEntry[]) => view.rerender(<ChatView entries={next} busy={false} disabled={false} onSend={(message) => sent.push(message)} />) };
}

describe('simulator: what the customer does that is not an answer', () => {
  it('reacts to a bot message from beside its bubble, and takes the reaction back', () => {
    const { sent, rerender } = renderChat([bot, said]);
    fireEvent.click(screen.getByTestId('sim-react'));
    const picker = screen.getByTestId('sim-reaction-picker');
    expect(within(picker).getAllByRole('menuitemradio').map((choice) => choice.textContent)).toEqual(['👍', '❤️', '😂', '😮', '😢', '🙏']);
    expect(screen.queryByTestId('sim-reaction-remove')).toBeNull();
    fireEvent.click(screen.getByTestId('sim-reaction-0'));
    expect(sent).toEqual([{ type: 'reaction', reaction: { message_id: 'b1', emoji: '👍' } }]);
    expect(screen.queryByTestId('sim-reaction-picker')).toBeNull();

    rerender([bot, said, event('u2', sent[0]!, 'reaction')]);
    expect(screen.getByTestId('sim-reaction-badge').textContent).toBe('👍');
    expect(screen.getByTestId('sim-event').textContent).toBe('Reaccionaste 👍 a «¿Qué querés hacer hoy con tu pedido?» · no cuenta como respuesta');
    fireEvent.click(screen.getByTestId('sim-react'));
    expect(screen.getByTestId('sim-reaction-0').getAttribute('aria-checked')).toBe('true');
    fireEvent.click(screen.getByTestId('sim-reaction-remove'));
    expect(sent[1]).toEqual({ type: 'reaction', reaction: { message_id: 'b1', emoji: '' } });
    rerender([bot, said, event('u2', sent[0]!, 'reaction'), event('u3', sent[1]!, 'reaction_removed')]);
    expect(screen.queryByTestId('sim-reaction-badge')).toBeNull();
    expect(screen.getAllByTestId('sim-event')[1]!.textContent).toBe('Quitaste tu reacción a «¿Qué querés hacer hoy con tu pedido?» · no cuenta como respuesta');
  });

  it('edits a sent text in the composer: the bubble shows the new text marked «Editado», the transcript the event', () => {
    const { sent, rerender } = renderChat([bot, said]);
    fireEvent.click(screen.getByTestId('sim-edit'));
    expect(screen.getByTestId('sim-editing').textContent).toContain('Editando tu mensaje');
    const input = screen.getByTestId('sim-input') as HTMLInputElement;
    expect(input.value).toBe('holaa');
    expect(screen.queryByTestId('sim-attach')).toBeNull();
    expect(screen.getByTestId('sim-send').getAttribute('aria-label')).toBe('Guardar el cambio');
    fireEvent.change(input, { target: { value: 'hola, quiero pedir' } });
    fireEvent.submit(input.form!);
    expect(sent).toEqual([{ type: 'edit', edit: { original_message_id: 'u1', message: { type: 'text', text: { body: 'hola, quiero pedir' } } } }]);
    expect(screen.queryByTestId('sim-editing')).toBeNull();

    rerender([bot, said, event('u2', sent[0]!, 'edit')]);
    const bubble = screen.getByTestId('sim-user-message');
    expect(bubble.textContent).toContain('hola, quiero pedir');
    expect(bubble.textContent).not.toContain('holaa');
    expect(screen.getByTestId('sim-edited').textContent).toBe('Editado ');
    expect(screen.getByTestId('sim-event').textContent).toBe('Editaste tu mensaje: «hola, quiero pedir» · no cuenta como respuesta');
  });

  it('cancels an edit without sending anything', () => {
    const { sent } = renderChat([bot, said]);
    fireEvent.click(screen.getByTestId('sim-edit'));
    fireEvent.click(screen.getByTestId('sim-edit-cancel'));
    expect(screen.queryByTestId('sim-editing')).toBeNull();
    expect((screen.getByTestId('sim-input') as HTMLInputElement).value).toBe('');
    expect(sent).toEqual([]);
  });

  it('deletes a sent message: the bubble says so and offers nothing more', () => {
    const { sent, rerender } = renderChat([bot, said]);
    fireEvent.click(screen.getByTestId('sim-delete'));
    expect(sent).toEqual([{ type: 'revoke', revoke: { original_message_id: 'u1' } }]);
    rerender([bot, said, event('u2', sent[0]!, 'revoke')]);
    expect(screen.getByTestId('sim-user-message').textContent).toContain('Eliminaste este mensaje');
    expect(screen.getByTestId('sim-user-message').dataset.deleted).toBe('true');
    expect(screen.queryByTestId('sim-delete')).toBeNull();
    expect(screen.getByTestId('sim-event').textContent).toBe('Eliminaste tu mensaje «holaa» · no cuenta como respuesta');
  });

  it('opens the chat again from the "+" menu (request_welcome); starting the welcome, it is no event line of "not an answer"', () => {
    const { sent, rerender } = renderChat([bot, said]);
    fireEvent.click(screen.getByTestId('sim-attach'));
    expect(screen.getByTestId('sim-attach-welcome').textContent).toContain('Abrir el chat de nuevo');
    fireEvent.click(screen.getByTestId('sim-attach-welcome'));
    expect(sent).toEqual([{ type: 'request_welcome' }]);
    rerender([event('u0', sent[0]!), bot]);
    expect(screen.getByTestId('sim-event').textContent).toBe('Abriste el chat (request_welcome)');
    expect(screen.getByTestId('sim-event').dataset.nonAnswer).toBeUndefined();
  });

  it('holds the tools while the bot answers', () => {
    renderChat([bot, said], { busy: true });
    for (const id of ['sim-react', 'sim-edit', 'sim-delete']) expect((screen.getByTestId(id) as HTMLButtonElement).disabled).toBe(true);
  });

  it('words the actions and lines in Portuguese and English', () => {
    for (const [locale, words] of [['pt', ['Você reagiu 👍 a «holaa» · não conta como resposta', 'Reagir', 'Editar', 'Apagar']], ['en', ['You reacted 👍 to «holaa» · not taken as an answer', 'React', 'Edit', 'Delete']]] as const) {
      act(() => useLocale.getState().setLocale(locale));
      renderChat([bot, said, event('u2', inbound.reaction('u1', '👍'), 'reaction')]);
      expect(screen.getByTestId('sim-event').textContent).toBe(words[0]);
      expect(['sim-react', 'sim-edit', 'sim-delete'].map((id) => screen.getByTestId(id).getAttribute('aria-label'))).toEqual(words.slice(1));
      cleanup();
    }
  });

  it("marks a customer message the server took as not an answer (the live rule, by the turn's nonAnswer)", async () => {
    const turn = (nonAnswer?: string): SimulationTurn => ({
      messages: [], activeNodeId: 'menu', variables: {}, status: 'active', fired: [], clock: at, timers: [], undelivered: [], adaptations: [], trace: [], effects: [],
      ...(nonAnswer && { nonAnswer }),
    });
    const replies = [turn(), turn('reaction')];
    const api = {
      startSimulation: async () => ({ simulationId: 's1', flowId: 'f', source: 'draft' as const, messages: [menu], variables: {}, activeNodeId: 'menu', status: 'active' as const, clock: at, timers: [] }),
      sendSimulationMessage: async () => replies.shift()!,
      resolveSimulation: async () => turn(), advanceSimulation: async () => turn(), getVersion: async () => { throw new Error('unused'); },
    };
    let simulation!: ReturnType<typeof useSimulation>;
    function Probe() {
      simulation = useSimulation({
        api, flowId: 'f', draftDocument: async () => ({ schemaVersion: 1, id: 'f', name: 'F', startNodeId: 'menu', nodes: [], edges: [] }), onActiveNode: () => {},
        statusText: { ended: '', handoff: '', error: '' }, undeliveredText: () => '', adaptationText: () => '', advancedText: () => '',
      });
      return null;
    }
    render(<Probe />);
    await act(() => simulation.start('draft', inbound.text('hola')));
    await act(() => simulation.send(inbound.reaction('m1', '👍')));
    await waitFor(() => expect(simulation.view.entries.filter((entry) => entry.from === 'user').map((entry) => (entry as { nonAnswer?: string }).nonAnswer)).toEqual([undefined, 'reaction']));
  });
});
