import { conversation } from '../testing/conversation.ts';
import { testFlow } from '../testing/test-flow.ts';

describe('end node', () => {
  it('says goodbye, ends the conversation and reports it as an effect', async () => {
    const flow = testFlow([{ id: 'fin', type: 'end', data: { text: 'Gracias, {{contact.name}}' } }], []);
    const result = await conversation(flow).send('hola');
    expect(result.messages).toEqual([{ type: 'text', text: 'Gracias, Ana' }]);
    expect(result.session).toMatchObject({ status: 'ended', nodeId: null });
    expect(result.effects).toEqual([{ type: 'conversation_ended', nodeId: 'fin' }]);
    expect(result.trace).toEqual([{ nodeId: 'fin', type: 'end' }]);
  });

  it('ends silently without text, and the next message starts afresh', async () => {
    const flow = testFlow([{ id: 'fin', type: 'end', data: {} }], []);
    const chat = conversation(flow);
    expect((await chat.send('hola')).messages).toEqual([]);
    const again = await chat.send('hola de nuevo');
    expect(again.session.status).toBe('ended');
    expect(again.trace).toEqual([{ nodeId: 'fin', type: 'end' }]);
  });
});
