import type { OutboundMessage } from '../../runtime/core/types.ts';
import { OutboundLimitError } from '../../runtime/whatsapp/errors.ts';
import { toGraphMessageBody } from '../../runtime/whatsapp/outbound.ts';
import { GraphBodyCache } from './graph-body-cache.ts';

const messages: OutboundMessage[] = [
  { type: 'text', text: '¡Hola! Mirá https://donpepe.example "comillas" y \\ barra' },
  { type: 'media', media: { kind: 'image', url: 'https://cdn.donpepe.example/a.jpg', caption: 'Pizza' } },
  { type: 'buttons', body: '¿Qué querés?', buttons: [{ id: 'a', title: 'Pedido' }, { id: 'b', title: 'Promos' }] },
  { type: 'list', body: 'Elegí', button: 'Ver', rows: [{ id: 'm', title: 'Muzza', description: 'La clásica' }] },
];

describe('GraphBodyCache', () => {
  it('gives the same JSON as serialising toGraphMessageBody, for every recipient (phone or BSUID), before and after caching', () => {
    const cache = new GraphBodyCache();
    for (const waId of ['5491155550123', 'US.13491208655302741918', '1', 'AR.ENT.9x8y7z', '5491155550124']) {
      for (const message of messages) {
        expect(cache.serialize(message, waId)).toBe(JSON.stringify(toGraphMessageBody(message, waId)));
      }
    }
  });

  it('still refuses a bad recipient once the message is known', () => {
    const cache = new GraphBodyCache();
    cache.serialize(messages[0]!, '5491155550123');
    expect(() => cache.serialize(messages[0]!, '+54 9 11')).toThrow(OutboundLimitError);
  });

  it('throws for a message over a limit every time', () => {
    const cache = new GraphBodyCache();
    const tooLong: OutboundMessage = { type: 'text', text: 'x'.repeat(5000) };
    expect(() => cache.serialize(tooLong, '5491155550123')).toThrow(OutboundLimitError);
    expect(() => cache.serialize(tooLong, '5491155550123')).toThrow(OutboundLimitError);
  });

  it('forgets the oldest message beyond its capacity and stays correct', () => {
    const cache = new GraphBodyCache(2);
    const texts = ['uno', 'dos', 'tres', 'uno'].map((text): OutboundMessage => ({ type: 'text', text }));
    for (const message of texts) expect(cache.serialize(message, '42')).toBe(JSON.stringify(toGraphMessageBody(message, '42')));
  });
});
