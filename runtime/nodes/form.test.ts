import type { NodeData } from '../../schema/index.ts';
import { conversation } from '../testing/conversation.ts';
import { testFlow } from '../testing/test-flow.ts';

const data: NodeData<'form'> = {
  text: 'Completá tus datos, {{contact.name}}',
  header: 'Envío',
  cta: 'Completar',
  flowJson: { version: '7.3', screens: [{ id: 'DATOS', layout: { type: 'SingleColumnLayout', children: [] } }] },
  outputs: [{ field: 'direccion', variable: 'direccion' }, { field: 'piso', variable: 'piso' }],
};

const flow = testFlow(
  [{ id: 'envio', type: 'form', data }, { id: 'ok', type: 'end', data: { text: 'Enviamos a {{direccion}} {{piso}}' } }, { id: 'mal', type: 'end', data: {} }],
  [['envio', 'submitted', 'ok'], ['envio', 'invalid', 'mal']],
);

describe('form node', () => {
  it('sends a form with a fresh flow token kept in the session, on the first screen', async () => {
    const { messages, session } = await conversation(flow).send('hola');
    expect(messages).toEqual([{
      type: 'form', body: 'Completá tus datos, Ana', header: 'Envío', cta: 'Completar', flowToken: 'token-1',
      flowName: 'prueba-envio', screen: 'DATOS', nodeId: 'envio',
    }]);
    expect(session).toMatchObject({ nodeId: 'envio', flowToken: 'token-1' });
  });

  it('sends the registered flowId and the chosen screen when the node has them', async () => {
    const registered = testFlow([{ id: 'envio', type: 'form', data: { ...data, flowId: '1234567890', screen: 'OTRA' } }], []);
    const { messages } = await conversation(registered).send('hola');
    expect(messages[0]).toMatchObject({ flowId: '1234567890', screen: 'OTRA' });
  });

  it('stores each output field from a reply carrying the token, and takes submitted', async () => {
    const chat = conversation(flow);
    await chat.send('hola');
    const result = await chat.send({ type: 'form_reply', flowToken: 'token-1', response: { direccion: 'Corrientes 1234', piso: '3B', extra: 'x', flow_token: 'token-1' } });
    expect(result.trace[0]).toMatchObject({ nodeId: 'envio', output: 'submitted' });
    expect(result.session.variables).toEqual({ direccion: 'Corrientes 1234', piso: '3B' });
    expect(result.session.flowToken).toBeUndefined();
    expect(result.messages).toEqual([{ type: 'text', text: 'Enviamos a Corrientes 1234 3B' }]);
  });

  it('re-sends the same form on a reply with another token or on text, then takes invalid', async () => {
    const chat = conversation(flow);
    await chat.send('hola');
    const wrongToken = await chat.send({ type: 'form_reply', flowToken: 'forged', response: { direccion: 'X' } });
    expect(wrongToken.messages).toEqual([
      { type: 'text', text: 'Para seguir, completa el formulario del mensaje anterior.', quotesCustomer: true },
      expect.objectContaining({ type: 'form', flowToken: 'token-1' }),
    ]);
    expect(wrongToken.session.variables).toEqual({});
    await chat.send('ya te mandé la dirección');
    const last = await chat.send({ type: 'form_reply', response: { direccion: 'X' } });
    expect(last.trace[0]).toMatchObject({ nodeId: 'envio', output: 'invalid' });
  });
});
