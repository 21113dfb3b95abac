import { adaptToLimits } from '../../runtime/whatsapp/adapt.ts';
import { translate } from '../i18n/index.ts';
import { adaptationText } from './adaptation-text.ts';
import { messages } from './messages.ts';

describe('adapted bot messages in the simulator', () => {
  it('say what was changed to fit WhatsApp, in each UI language, naming the field', () => {
    const { adaptations } = adaptToLimits({ type: 'buttons', body: 'x '.repeat(600), buttons: [{ id: 'a', title: 'Un título demasiado largo' }] });
    expect(adaptations.map((adaptation) => adaptationText(adaptation, translate(messages, 'es')))).toEqual([
      'Adaptado para WhatsApp: el texto del mensaje interactivo era demasiado largo; el comienzo sale antes como texto (1 mensaje/s) (interactive.body.text)',
      'Adaptado para WhatsApp: un título superaba los 20 caracteres y se recortó con «…» (la respuesta se reconoce igual) (interactive.action.buttons.0.reply.title)',
    ]);
    expect(adaptationText({ kind: 'split', field: 'text.body', parts: 3 }, translate(messages, 'pt')))
      .toBe('Adaptado para o WhatsApp: o texto passava de 4096 caracteres e sai em 3 mensagens, cortado entre palavras (text.body)');
    expect(adaptationText({ kind: 'split', field: 'text.body', parts: 3 }, translate(messages, 'en')))
      .toBe('Adapted for WhatsApp: the text was over 4096 characters and goes out as 3 messages, split between words (text.body)');
  });
});
