import { conversation } from '../testing/conversation.ts';
import { testFlow } from '../testing/test-flow.ts';

describe('set node', () => {
  it('assigns rendered templates in order, keeping the type of a lone placeholder', async () => {
    const flow = testFlow([
      { id: 'api', type: 'set', data: { assignments: [{ variable: 'pedido', value: '{{message.text}}' }] } },
      {
        id: 'asignar', type: 'set',
        data: {
          assignments: [
            { variable: 'saludo', value: 'Hola {{contact.name}}' },
            { variable: 'copia', value: '{{saludo}}!' },
            { variable: 'precio', value: '1250.5' },
            { variable: 'disponible', value: 'TRUE' },
            { variable: 'precio_copia', value: '{{precio}}' },
            { variable: 'nada', value: '{{no_existe}}' },
            { variable: 'secreto', value: '{{secrets.CLAVE}}' },
            { variable: 'texto', value: '42' },
          ],
        },
      },
    ], [['api', 'next', 'asignar']], {
      variables: [{ name: 'precio', type: 'number' }, { name: 'disponible', type: 'boolean' }],
    });
    const { session } = await conversation(flow, { secrets: { CLAVE: 'super-secreta' } }).send('dos muzzas');
    expect(session.variables).toEqual({
      pedido: 'dos muzzas',
      saludo: 'Hola Ana',
      copia: 'Hola Ana!',
      precio: 1250.5,
      disponible: true,
      precio_copia: 1250.5,
      nada: '',
      secreto: '',
      texto: '42',
    });
  });
});
