import { OutboundLimitError } from '../../runtime/whatsapp/errors.ts';
import { translate } from '../i18n/index.ts';
import { messages } from './messages.ts';
import { undeliveredText } from './undelivered-text.ts';

describe('undelivered bot messages in the simulator', () => {
  it('say why by the runtime code in the UI language, naming the Graph API field', () => {
    const error = new OutboundLimitError('too_long', 'interactive.action.buttons.1.reply.title', 20, '25 characters');
    expect(undeliveredText({ code: error.code, message: error.message }, translate(messages, 'es')))
      .toBe('Un mensaje del bot no se enviaría: un texto es más largo de lo que WhatsApp permite. (interactive.action.buttons.1.reply.title)');
    expect(undeliveredText({ code: 'emoji', message: 'interactive.action.buttons.0.reply.id must not contain emoji' }, translate(messages, 'pt')))
      .toBe('Uma mensagem do bot não seria enviada: tem emojis onde o WhatsApp não os aceita. (interactive.action.buttons.0.reply.id)');
  });

  it("keep the runtime's words for a code the editor does not know", () => {
    expect(undeliveredText({ code: 'brand_new', message: 'something new' }, translate(messages, 'es'))).toBe('something new');
  });
});
