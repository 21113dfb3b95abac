import { translate } from '../../i18n/index.ts';
import type { ConversationMessage } from '../../api/types.ts';
import { conversationMessage } from '../../testing/conversations.ts';
import { historySummary } from './history-summary.ts';
import { previewLine } from './message-summary.ts';
import { messages } from './messages.ts';

const t = translate(messages, 'es');
const customer = (body: object): ConversationMessage => conversationMessage({ direction: 'in', body, createdAt: 0 });
const bot = (body: object): ConversationMessage => conversationMessage({ direction: 'bot', body: { messaging_product: 'whatsapp', to: '+5491155550123', ...body }, createdAt: 0 });
const line = (message: ConversationMessage) => previewLine(historySummary(message, t));

describe('inbox history summaries', () => {
  it('describes every inbound event shape by what the customer did, never by its type name', () => {
    expect(line(customer({ type: 'text', text: 'hola' }))).toBe('hola');
    expect(historySummary(customer({ type: 'button_reply', id: 'si', title: 'Sí' }), t)).toEqual({ icon: '↩', label: 'Tocó el botón', text: 'Sí' });
    expect(line(customer({ type: 'button_reply', id: 'si', title: 'Sí' }))).toBe('↩ Sí');
    expect(historySummary(customer({ type: 'list_reply', id: 'g', title: 'Grande', description: '8 porciones' }), t))
      .toEqual({ icon: '☰', label: 'Eligió de la lista', text: 'Grande', details: ['8 porciones'] });
    expect(line(customer({ type: 'template_button', payload: 'STOP', text: 'No me interesa' }))).toBe('↩ No me interesa');
    expect(historySummary(customer({ type: 'form_reply', flowToken: 'tok', response: { nombre: 'Sofía', toppings: ['jamón', 'morrón'], flow_token: 'tok' } }), t))
      .toEqual({ icon: '▤', label: 'Formulario enviado', details: ['nombre: Sofía', 'toppings: jamón, morrón'] });
    expect(line(customer({ type: 'form_reply', response: {} }))).toBe('▤ Formulario enviado: Sin respuestas');
    expect(line(customer({ type: 'media', media: 'image', mediaId: 'm1', caption: 'mi factura' }))).toBe('▣ mi factura');
    expect(line(customer({ type: 'media', media: 'audio', mediaId: 'm2' }))).toBe('♪ Audio');
    expect(line(customer({ type: 'media', media: 'sticker', mediaId: 'm3' }))).toBe('☺ Sticker');
    expect(historySummary(customer({ type: 'media', media: 'document', mediaId: 'm4', filename: 'dni.pdf', caption: 'mi DNI' }), t))
      .toEqual({ icon: '▤', label: 'Documento · dni.pdf', text: 'mi DNI' });
    expect(historySummary(customer({ type: 'media', media: 'video', mediaId: 'm5' }), t)).toEqual({ icon: '▶', label: 'Video' });
    const location = historySummary(customer({ type: 'location', latitude: -34.6037, longitude: -58.3816, name: 'Obelisco', address: 'Av. 9 de Julio s/n' }), t);
    expect(location).toMatchObject({ icon: '◎', label: 'Ubicación', text: 'Obelisco', details: ['Av. 9 de Julio s/n', '-34.60370, -58.38160'] });
    expect(location.link?.href).toContain('mlat=-34.6037&mlon=-58.3816');
    expect(line(customer({ type: 'location', latitude: 1.5, longitude: 2 }))).toBe('◎ Ubicación: 1.50000, 2.00000');
    expect(historySummary(customer({ type: 'contacts', contacts: [{ name: { formatted_name: 'Marta Gómez' }, phones: [{ phone: '+54 9 11 4444-1234', wa_id: '5491144441234' }] }] }), t))
      .toEqual({ icon: '☏', label: 'Contacto compartido', details: ['Marta Gómez · +54 9 11 4444-1234'] });
    expect(historySummary(customer({ type: 'contacts', contacts: [{ name: { first_name: 'Ana' } }, { phones: [{ wa_id: '5491100000000' }] }] }), t))
      .toMatchObject({ label: 'Contactos compartidos (2)', details: ['Ana', '+5491100000000'] });
    expect(line(customer({ type: 'reaction', messageId: 'wamid.X', emoji: '👍' }))).toBe('Reaccionó con 👍');
    expect(line(customer({ type: 'reaction', messageId: 'wamid.X', emoji: '' }))).toBe('Quitó su reacción');
    expect(line(customer({ type: 'unsupported', detail: 'order' }))).toBe('⚠ Mensaje no compatible: order');
    expect(line(customer({ type: 'system', body: 'El cliente cambió de número' }))).toBe('ⓘ El cliente cambió de número');
    expect(line(customer({ type: 'handoff_resolved' }))).toBe('Conversación devuelta al bot');
    expect(line(customer({ type: 'hologram' }))).toBe('Mensaje de tipo «hologram»');
  });

  it('shows bot messages by their text, with buttons, list rows and a form call to action compactly', () => {
    const buttons = historySummary(bot({
      type: 'interactive',
      interactive: { type: 'button', body: { text: '¿Seguimos?' }, action: { buttons: [{ type: 'reply', reply: { id: 's', title: 'Sí' } }, { type: 'reply', reply: { id: 'n', title: 'No' } }] } },
    }), t);
    expect(buttons).toEqual({ text: '¿Seguimos?', options: ['Sí', 'No'] });
    const list = historySummary(bot({
      type: 'interactive',
      interactive: {
        type: 'list', header: { type: 'text', text: 'Don Pepe' }, body: { text: '¿Qué pizza?' },
        action: { button: 'Ver pizzas', sections: [{ rows: [{ id: 'm', title: 'Muzzarella' }, { id: 'n', title: 'Napolitana' }] }] },
      },
    }), t);
    expect(list).toEqual({ icon: '☰', label: 'Ver pizzas', text: 'Don Pepe\n¿Qué pizza?', options: ['Muzzarella', 'Napolitana'] });
    expect(historySummary(bot({
      type: 'interactive',
      interactive: { type: 'flow', body: { text: 'Completá tus datos' }, action: { name: 'flow', parameters: { flow_token: 't', flow_cta: 'Abrir formulario' } } },
    }), t)).toEqual({ icon: '▤', label: 'Formulario', text: 'Completá tus datos', options: ['Abrir formulario'] });
    expect(line(bot({ type: 'text', text: { body: 'Te paso con una persona' } }))).toBe('Te paso con una persona');
    expect(line(bot({ type: 'image', image: { link: 'https://example.com/menu.png', caption: 'Nuestro menú' } }))).toBe('▣ Nuestro menú');
    expect(line(bot({ type: 'template', template: { name: 'recordatorio', language: { code: 'es' } } }))).toBe('❏ Plantilla «recordatorio»');
    expect(line(conversationMessage({ direction: 'agent', body: null, createdAt: 0 }))).toBe('Mensaje de tipo «?»');
  });

  it('speaks the page language', () => {
    const en = translate(messages, 'en');
    expect(previewLine(historySummary(customer({ type: 'form_reply', response: { name: 'Sofía' } }), en))).toBe('▤ Form sent: name: Sofía');
    expect(historySummary(customer({ type: 'button_reply', id: 'si', title: 'Yes' }), translate(messages, 'pt')).label).toBe('Tocou no botão');
  });
});
