import { conversation } from '../testing/conversation.ts';
import { testFlow } from '../testing/test-flow.ts';

const flow = testFlow([
  { id: 'agente', type: 'handoff', data: { text: 'Te paso con {{queue_name}}una persona', queue: 'ventas', note: 'Cliente {{contact.name}} ({{contact.phone}})' } },
  { id: 'despues', type: 'menu', data: { text: '¿Algo más?', options: [{ id: 'no', title: 'No' }] } },
], [['agente', 'resolved', 'despues']]);

describe('handoff node', () => {
  it('tells the user, opens a handoff as an effect and waits for an agent', async () => {
    const result = await conversation(flow).send('hola');
    expect(result.messages).toEqual([{ type: 'text', text: 'Te paso con una persona' }]);
    expect(result.effects).toEqual([{ type: 'handoff_started', nodeId: 'agente', queue: 'ventas', note: 'Cliente Ana (5491155550123)' }]);
    expect(result.session).toMatchObject({ status: 'handoff', nodeId: 'agente', handoff: { by: 'node', since: result.session.startedAt } });
  });

  it('gives no bot reply to user messages while in handoff, but remembers them', async () => {
    const chat = conversation(flow);
    await chat.send('hola');
    const quiet = await chat.send('¿siguen ahí?', 60_000);
    expect(quiet).toMatchObject({ messages: [], trace: [], effects: [] });
    expect(quiet.session).toMatchObject({ status: 'handoff', lastText: '¿siguen ahí?', lastUserMessageAt: chat.session!.startedAt + 60_000 });
    expect(quiet.session.handoff).toEqual({ by: 'node', since: chat.session!.startedAt });
    expect((await chat.send('menu')).messages).toEqual([]);
    expect((await chat.send('agente')).messages).toEqual([]);
  });

  it('continues through resolved when an agent hands the conversation back', async () => {
    const chat = conversation(flow);
    await chat.send('hola');
    const resolved = await chat.send({ type: 'handoff_resolved' });
    expect(resolved.trace[0]).toMatchObject({ nodeId: 'agente', output: 'resolved' });
    expect(resolved.messages).toEqual([expect.objectContaining({ type: 'buttons', body: '¿Algo más?' })]);
    expect(resolved.session).toMatchObject({ status: 'active', nodeId: 'despues' });
    expect(resolved.session.handoff).toBeUndefined();
  });

  it('ignores a resolve when no handoff is open', async () => {
    const chat = conversation(flow);
    await chat.send('hola');
    await chat.send({ type: 'handoff_resolved' });
    const again = await chat.send({ type: 'handoff_resolved' });
    expect(again).toMatchObject({ messages: [], trace: [], effects: [] });
    expect(again.session.nodeId).toBe('despues');
  });
});
