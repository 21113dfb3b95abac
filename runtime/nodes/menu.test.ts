import type { NodeData } from '../../schema/index.ts';
import { conversation } from '../testing/conversation.ts';
import { testFlow } from '../testing/test-flow.ts';
import type { InboundEvent } from '../core/types.ts';

const sizes: NodeData<'menu'> = {
  text: '¿Qué tamaño?',
  header: 'Tamaños',
  footer: 'Precios finales',
  options: [
    { id: 'chica', title: 'Chica' },
    { id: 'mediana', title: 'Mediana' },
    { id: 'grande', title: 'Grande' },
  ],
  invalidText: 'Elegí un tamaño, {{contact.name}}.',
};

const pizzas: NodeData<'menu'> = {
  text: 'Elegí tu pizza',
  listButton: 'Ver pizzas',
  options: [
    { id: 'muzzarella', title: 'Muzzarella', description: 'Clásica' },
    { id: 'napolitana', title: 'Napolitana' },
    { id: 'fugazzeta', title: 'Fugazzeta' },
    { id: 'calabresa', title: 'Calabresa' },
    { id: 'cuatro_quesos', title: 'Cuatro quesos' },
    { id: 'especial', title: 'Especial de la casa' },
  ],
};

function menuFlow(data: NodeData<'menu'>) {
  return testFlow(
    [{ id: 'menu', type: 'menu', data }],
    [],
  );
}

async function choose(data: NodeData<'menu'>, event: InboundEvent | string) {
  const chat = conversation(menuFlow(data));
  await chat.send('hola');
  return chat.send(event);
}

describe('menu node', () => {
  it('sends up to three options as reply buttons with header and footer', async () => {
    const { messages, session } = await conversation(menuFlow(sizes)).send('hola');
    expect(messages).toEqual([{
      type: 'buttons', body: '¿Qué tamaño?', header: 'Tamaños', footer: 'Precios finales',
      buttons: [{ id: 'chica', title: 'Chica' }, { id: 'mediana', title: 'Mediana' }, { id: 'grande', title: 'Grande' }],
    }]);
    expect(session).toMatchObject({ status: 'active', nodeId: 'menu', retries: 0 });
  });

  it('sends four to ten options as a list, with the list button label or a Spanish default', async () => {
    const { messages } = await conversation(menuFlow(pizzas)).send('hola');
    expect(messages[0]).toMatchObject({ type: 'list', body: 'Elegí tu pizza', button: 'Ver pizzas' });
    expect(messages[0]).toHaveProperty('rows.0', { id: 'muzzarella', title: 'Muzzarella', description: 'Clásica' });
    expect(messages[0]).toHaveProperty('rows.1', { id: 'napolitana', title: 'Napolitana' });
    const { listButton: _, ...withoutLabel } = pizzas;
    const fallback = await conversation(menuFlow(withoutLabel)).send('hola');
    expect(fallback.messages[0]).toMatchObject({ type: 'list', button: 'Ver opciones' });
  });

  it.each<[string, InboundEvent | string, string]>([
    ['a tapped button', { type: 'button_reply', id: 'mediana', title: 'Mediana' }, 'mediana'],
    ['a template button payload', { type: 'template_button', payload: 'grande', text: 'Grande' }, 'grande'],
    ['a typed number', ' 2 ', 'mediana'],
    ['a typed number with punctuation', '3.', 'grande'],
    ['the title in capitals', 'GRANDE', 'grande'],
    ['the id', 'chica', 'chica'],
    ['the title with punctuation and spaces', '  ¡Mediana!  ', 'mediana'],
    ['a one-letter typo', 'Grnade', 'grande'],
  ])('accepts %s', async (_label, event, output) => {
    const { trace } = await choose(sizes, event);
    expect(trace[0]).toMatchObject({ nodeId: 'menu', output });
  });

  it.each<[string, InboundEvent | string, string]>([
    ['a tapped list row', { type: 'list_reply', id: 'calabresa', title: 'Calabresa' }, 'calabresa'],
    ['a title without its accent marks or case', 'cuatro QUESOS', 'cuatro_quesos'],
    ['an id with underscores typed with spaces', 'cuatro quesos', 'cuatro_quesos'],
    ['two typos in a long title', 'muzarela', 'muzzarella'],
    ['a swapped pair of letters', 'napolitaan', 'napolitana'],
    ['a sixth option by number', '6', 'especial'],
  ])('accepts %s in a list', async (_label, event, output) => {
    const { trace } = await choose(pizzas, event);
    expect(trace[0]).toMatchObject({ nodeId: 'menu', output });
  });

  it('matches the words of a numbered title, exactly or with a typo', async () => {
    const data: NodeData<'menu'> = { text: '¿Puntaje?', options: [{ id: 'p1', title: '1 - Muy mala' }, { id: 'p4', title: '4) Buena' }] };
    expect((await choose(data, 'muy mala')).trace[0]).toMatchObject({ output: 'p1', detail: 'chosen by title' });
    expect((await choose(data, 'bueana')).trace[0]).toMatchObject({ output: 'p4', detail: 'chosen by typo' });
  });

  it('refuses a typo that is as close to two options', async () => {
    const data: NodeData<'menu'> = { text: '¿Cuál?', options: [{ id: 'casa', title: 'Casa' }, { id: 'cosa', title: 'Cosa' }] };
    const { trace } = await choose(data, 'cusa');
    expect(trace[0]?.output).toBeUndefined();
  });

  it.each<[string, InboundEvent | string]>([
    ['other text', 'quiero una empanada'],
    ['a number out of range', '4'],
    ['an image', { type: 'media', media: 'image', mediaId: 'm1' }],
    ['a sticker', { type: 'media', media: 'sticker', mediaId: 'm2' }],
    ['a reaction', { type: 'reaction', messageId: 'wamid.1', emoji: '👍' }],
    ['a location', { type: 'location', latitude: -34.6, longitude: -58.4 }],
    ['a tap on an option of another menu', { type: 'button_reply', id: 'otra', title: 'Otra' }],
  ])('answers %s with invalidText and the menu again', async (_label, event) => {
    const { messages, session, trace } = await choose(sizes, event);
    expect(messages[0]).toEqual({ type: 'text', text: 'Elegí un tamaño, Ana.', quotesCustomer: true });
    expect(messages[1]).toMatchObject({ type: 'buttons', body: '¿Qué tamaño?' });
    expect(session).toMatchObject({ nodeId: 'menu', retries: 1, status: 'active' });
    expect(trace[0]?.detail).toMatch(/retry 1 of 2/);
  });

  it('uses a default Spanish text without invalidText, and takes invalid after maxRetries', async () => {
    const { invalidText: _, ...data } = { ...sizes, maxRetries: 1 };
    const flow = testFlow(
      [{ id: 'menu', type: 'menu', data }, { id: 'humano', type: 'end', data: { text: 'Te paso con alguien' } }],
      [['menu', 'invalid', 'humano']],
    );
    const chat = conversation(flow);
    await chat.send('hola');
    const first = await chat.send('???');
    expect(first.messages[0]).toEqual({ type: 'text', text: 'No entendí tu respuesta. Elige una de las opciones, por favor.', quotesCustomer: true });
    const second = await chat.send('sigo sin saber');
    expect(second.trace[0]).toMatchObject({ nodeId: 'menu', output: 'invalid' });
    expect(second.messages).toEqual([{ type: 'text', text: 'Te paso con alguien' }]);
  });

  it('says the default text with vos when the flow asks for that register', async () => {
    const { invalidText: _, ...data } = sizes;
    const flow = { ...testFlow([{ id: 'menu', type: 'menu', data }], []), settings: { register: 'vos' as const } };
    const chat = conversation(flow);
    await chat.send('hola');
    expect((await chat.send('???')).messages[0]).toEqual({ type: 'text', text: 'No entendí tu respuesta. Elegí una de las opciones, por favor.', quotesCustomer: true });
  });

  it('counts retries from zero again when the menu is reached again', async () => {
    const flow = testFlow(
      [{ id: 'menu', type: 'menu', data: { ...sizes, maxRetries: 1 } }, { id: 'otra_vez', type: 'message', data: { text: 'Otra vez' } }],
      [['menu', 'chica', 'otra_vez'], ['otra_vez', 'next', 'menu']],
    );
    const chat = conversation(flow);
    await chat.send('hola');
    await chat.send('no sé');
    expect(chat.session?.retries).toBe(1);
    await chat.send('chica');
    expect(chat.session).toMatchObject({ nodeId: 'menu', retries: 0 });
  });
});
