import { conversation } from '../testing/conversation.ts';
import { testFlow } from '../testing/test-flow.ts';

describe('message node', () => {
  it('sends its rendered text and moves on', async () => {
    const flow = testFlow([
      { id: 'hola', type: 'message', data: { text: 'Hola {{contact.name}}, dijiste «{{message.text}}»' } },
      { id: 'chau', type: 'message', data: { text: 'Chau' } },
    ], [['hola', 'next', 'chau']]);
    const result = await conversation(flow).send('buenas');
    expect(result.messages).toEqual([
      { type: 'text', text: 'Hola Ana, dijiste «buenas»' },
      { type: 'text', text: 'Chau' },
    ]);
    expect(result.trace.map((entry) => [entry.nodeId, entry.output])).toEqual([['hola', 'next'], ['chau', 'next']]);
  });

  it('sends the text, then the media with its rendered caption and file name', async () => {
    const flow = testFlow([{
      id: 'guia', type: 'message',
      data: { text: 'Tu guía:', media: { kind: 'document', url: 'https://cdn.example/guia.pdf', caption: 'Para {{contact.name}}', filename: 'guia.pdf' } },
    }], []);
    const { messages } = await conversation(flow).send('hola');
    expect(messages).toEqual([
      { type: 'text', text: 'Tu guía:' },
      { type: 'media', media: { kind: 'document', url: 'https://cdn.example/guia.pdf', caption: 'Para Ana', filename: 'guia.pdf' } },
    ]);
  });

  it('sends only the media when the text is empty, and leaves out a blank caption', async () => {
    const flow = testFlow([{
      id: 'foto', type: 'message', data: { text: '', media: { kind: 'image', url: 'https://cdn.example/a.jpg', caption: '{{nada}}' } },
    }], []);
    const { messages } = await conversation(flow).send('hola');
    expect(messages).toEqual([{ type: 'media', media: { kind: 'image', url: 'https://cdn.example/a.jpg' } }]);
  });

  it('ends the conversation when its output has no edge', async () => {
    const flow = testFlow([{ id: 'solo', type: 'message', data: { text: 'Único mensaje' } }], []);
    const { session, effects } = await conversation(flow).send('hola');
    expect(session.status).toBe('ended');
    expect(session.nodeId).toBeNull();
    expect(effects).toEqual([{ type: 'conversation_ended', nodeId: 'solo' }]);
  });
});
