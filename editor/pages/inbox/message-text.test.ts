import { messageText } from './message-text.ts';

const labels = { media: (kind: string) => `[${kind}]`, formSent: '[form]' };

describe('inbox message text', () => {
  it('summarises inbound messages, Graph API bodies and agent replies, JSON text or not', () => {
    expect(messageText({ type: 'text', text: { body: 'hola' } }, labels)).toBe('hola');
    expect(messageText(JSON.stringify({ type: 'text', text: { body: 'hola' } }), labels)).toBe('hola');
    expect(messageText({ text: 'respuesta del agente' }, labels)).toBe('respuesta del agente');
    expect(messageText({ type: 'interactive', interactive: { type: 'button_reply', button_reply: { id: 'a', title: 'Sí' } } }, labels)).toBe('Sí');
    expect(messageText({ type: 'interactive', interactive: { type: 'nfm_reply', nfm_reply: { response_json: '{}' } } }, labels)).toBe('[form]');
    expect(messageText({
      type: 'interactive',
      interactive: { type: 'button', body: { text: '¿Seguimos?' }, action: { buttons: [{ reply: { id: 's', title: 'Sí' } }, { reply: { id: 'n', title: 'No' } }] } },
    }, labels)).toBe('¿Seguimos? [Sí | No]');
    expect(messageText({ type: 'image', image: { id: 'm1', caption: 'mi factura' } }, labels)).toBe('[image] mi factura');
    expect(messageText('texto suelto', labels)).toBe('texto suelto');
  });
});
