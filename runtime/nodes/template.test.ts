import { oracle } from '../whatsapp/testdata/oracle.ts';
import { toGraphMessageBody } from '../whatsapp/outbound.ts';
import { conversation } from '../testing/conversation.ts';
import { testFlow } from '../testing/test-flow.ts';

const reminder = {
  name: 'recordatorio_turno', language: 'es_AR', headerParameter: '{{dia}}',
  bodyParameters: { '1': '{{contact.name}}', '2': '{{dia}} {{hora}}' },
  quickReplies: [{ id: 'confirma', title: 'Confirmo' }, { id: 'reprograma', title: 'Reprogramar' }],
};

function reminderFlow() {
  return testFlow([
    { id: 'datos', type: 'set', data: { assignments: [{ variable: 'dia', value: 'martes' }, { variable: 'hora', value: '10 h' }] } },
    { id: 'recordatorio', type: 'template', data: reminder },
    { id: 'ok', type: 'end', data: { text: '¡Te esperamos!' } },
    { id: 'otro', type: 'end', data: { text: 'Te escribe alguien del equipo.' } },
    { id: 'no_entendi', type: 'end', data: { text: 'No entendí.' } },
  ], [['datos', 'next', 'recordatorio'], ['recordatorio', 'confirma', 'ok'], ['recordatorio', 'reprograma', 'otro'], ['recordatorio', 'invalid', 'no_entendi']]);
}

describe('template node', () => {
  it('sends the template with header and body parameters rendered, in a body Meta\'s schema accepts, and waits for a quick reply', async () => {
    const chat = conversation(reminderFlow());
    const first = await chat.send('hola');
    expect(first.messages).toEqual([{
      type: 'template', name: 'recordatorio_turno', language: 'es_AR', headerParameter: 'martes', bodyParameters: { '1': 'Ana', '2': 'martes 10 h' },
    }]);
    expect(chat.session?.nodeId).toBe('recordatorio');
    const body = toGraphMessageBody(first.messages[0]!, '5491155550123');
    expect(oracle('Message')(body), JSON.stringify(oracle('Message').errors)).toBe(true);
    expect(body).toMatchObject({ type: 'template', template: { components: [
      { type: 'header', parameters: [{ type: 'text', text: 'martes' }] },
      { type: 'body', parameters: [{ type: 'text', text: 'Ana' }, { type: 'text', text: 'martes 10 h' }] },
    ] } });
  });

  it('a quick-reply tap (Meta\'s `button` message, its label as payload) takes that button\'s output', async () => {
    const chat = conversation(reminderFlow());
    await chat.send('hola');
    const tapped = await chat.send({ type: 'template_button', payload: 'Reprogramar', text: 'Reprogramar' });
    expect(tapped.messages).toEqual([{ type: 'text', text: 'Te escribe alguien del equipo.' }]);
    expect(tapped.trace[0]).toMatchObject({ nodeId: 'recordatorio', output: 'reprograma' });
  });

  it('typed text is matched like a menu\'s; anything else leaves through invalid', async () => {
    const typed = conversation(reminderFlow());
    await typed.send('hola');
    expect((await typed.send('confirmo')).messages).toEqual([{ type: 'text', text: '¡Te esperamos!' }]);
    const other = conversation(reminderFlow());
    await other.send('hola');
    expect((await other.send('¿dónde queda?')).messages).toEqual([{ type: 'text', text: 'No entendí.' }]);
  });

  it('without quick replies it moves on through next; named parameters go by name', async () => {
    const flow = testFlow([
      { id: 'aviso', type: 'template', data: { name: 'pedido_enviado', language: 'es_AR', bodyParameters: { first_name: '{{contact.name}}', order_id: '123' }, buttonParameters: { '0': '123' } } },
      { id: 'fin', type: 'end', data: { text: 'Chau' } },
    ], [['aviso', 'next', 'fin']]);
    const result = await conversation(flow).send('hola');
    expect(result.trace.map((entry) => [entry.nodeId, entry.output])).toEqual([['aviso', 'next'], ['fin', undefined]]);
    const body = toGraphMessageBody(result.messages[0]!, '5491155550123');
    expect(oracle('Message')(body), JSON.stringify(oracle('Message').errors)).toBe(true);
    expect(body).toMatchObject({ template: { components: [
      { type: 'body', parameters: [{ type: 'text', text: 'Ana', parameter_name: 'first_name' }, { type: 'text', text: '123', parameter_name: 'order_id' }] },
      { type: 'button', sub_type: 'url', index: '0', parameters: [{ type: 'text', text: '123' }] },
    ] } });
  });
});
