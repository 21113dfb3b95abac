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

  it('reacts, then sends its text with a link button (an uncaptioned image as its header), a location and contact cards', async () => {
    const flow = testFlow([{
      id: 'pedido', type: 'message',
      data: {
        text: 'Listo {{contact.name}}, tu pedido sale en 30 minutos', reaction: '👍',
        media: { kind: 'image', url: 'https://cdn.example/moto.jpg' },
        link: { label: 'Seguir pedido', url: 'https://donpepe.example/p/{{contact.phone}}' },
        location: { latitude: -34.6037, longitude: -58.3816, name: 'Don Pepe', address: 'Av. Corrientes 1234' },
        contacts: [{ name: 'Reparto {{contact.name}}', phone: '+54 9 11 5555-0100' }],
      },
    }], []);
    const { messages } = await conversation(flow).send('¿ya sale?');
    expect(messages).toEqual([
      { type: 'reaction', emoji: '👍' },
      {
        type: 'link', body: 'Listo Ana, tu pedido sale en 30 minutos', headerMedia: { kind: 'image', url: 'https://cdn.example/moto.jpg' },
        label: 'Seguir pedido', url: 'https://donpepe.example/p/5491155550123',
      },
      { type: 'location', latitude: -34.6037, longitude: -58.3816, name: 'Don Pepe', address: 'Av. Corrientes 1234' },
      { type: 'contacts', contacts: [{ name: 'Reparto Ana', phone: '+54 9 11 5555-0100' }] },
    ]);
  });

  it('asks for the location with WhatsApp\'s button; a captioned image goes on its own', async () => {
    const flow = testFlow([{
      id: 'donde', type: 'message',
      data: { text: '¿Dónde te lo llevamos?', requestLocation: true, media: { kind: 'image', url: 'https://cdn.example/zona.png', caption: 'Zona de reparto' } },
    }], []);
    const { messages } = await conversation(flow).send('hola');
    expect(messages).toEqual([
      { type: 'location_request', body: '¿Dónde te lo llevamos?' },
      { type: 'media', media: { kind: 'image', url: 'https://cdn.example/zona.png', caption: 'Zona de reparto' } },
    ]);
  });

  it('reads a catalog order as {{order.*}}', async () => {
    const flow = testFlow([{ id: 'pedido', type: 'message', data: { text: '{{order.item_count}} productos, total {{order.total}} {{order.currency}}: «{{order.text}}»' } }], []);
    const { messages, session } = await conversation(flow).send({
      type: 'order', catalogId: '1234567890', text: 'sin aceitunas',
      items: [{ productRetailerId: 'muzza-grande', quantity: 2, itemPrice: 9000, currency: 'ARS' }, { productRetailerId: 'faina', quantity: 1, itemPrice: 1500, currency: 'ARS' }],
    });
    expect(messages).toEqual([{ type: 'text', text: '3 productos, total 19500 ARS: «sin aceitunas»' }]);
    expect((session.variables.order as { items: unknown[] }).items).toEqual([
      { product_retailer_id: 'muzza-grande', quantity: 2, item_price: 9000, currency: 'ARS' }, { product_retailer_id: 'faina', quantity: 1, item_price: 1500, currency: 'ARS' },
    ]);
  });
});
