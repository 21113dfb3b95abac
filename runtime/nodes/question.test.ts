import type { FlowDocument, NodeData } from '../../schema/index.ts';
import { conversation } from '../testing/conversation.ts';
import { HOSTILE_PATTERNS, HOSTILE_TEXT } from '../testing/hostile-patterns.ts';
import { testFlow } from '../testing/test-flow.ts';
import type { InboundEvent } from '../core/types.ts';

function questionFlow(data: NodeData<'question'>, language = 'es', extra: Partial<FlowDocument> = {}, done = 'Anotado: {{respuesta}}') {
  return testFlow(
    [{ id: 'pregunta', type: 'question', data }, { id: 'listo', type: 'end', data: { text: done } }, { id: 'mal', type: 'end', data: { text: 'Sin respuesta' } }],
    [['pregunta', 'next', 'listo'], ['pregunta', 'invalid', 'mal']],
    { language, ...extra },
  );
}

async function answer(data: Omit<NodeData<'question'>, 'text' | 'variable'>, event: InboundEvent | string, language = 'es') {
  const chat = conversation(questionFlow({ text: '¿Y?', variable: 'respuesta', ...data }, language), {
    contact: { waId: '5491155550123', name: 'Ana' },
  });
  await chat.send('hola');
  return chat.send(event);
}

describe('question node', () => {
  it('asks its rendered text and waits', async () => {
    const chat = conversation(questionFlow({ text: '¿Tu nombre, {{contact.name}}?', variable: 'respuesta', input: 'text' }));
    const { messages, session } = await chat.send('hola');
    expect(messages).toEqual([{ type: 'text', text: '¿Tu nombre, Ana?' }]);
    expect(session).toMatchObject({ nodeId: 'pregunta', status: 'active' });
  });

  it.each<[string, Omit<NodeData<'question'>, 'text' | 'variable'>, InboundEvent | string, unknown]>([
    ['trimmed text', { input: 'text' }, '  Laura Gómez ', 'Laura Gómez'],
    ['a tapped button title as text', { input: 'text' }, { type: 'button_reply', id: 'x', title: 'Sí' }, 'Sí'],
    ['a number with thousands and decimal comma', { input: 'number' }, '1.500,50', 1500.5],
    ['a number with a decimal point', { input: 'number' }, '1500.5', 1500.5],
    ['a number with a currency sign', { input: 'number' }, '$ 2.300', 2300],
    ['a negative number', { input: 'number' }, '-3', -3],
    ['an email, lower-cased', { input: 'email' }, ' Ana.Perez@Gmail.COM ', 'ana.perez@gmail.com'],
    ['a local phone, with the contact country code', { input: 'phone' }, '11 5555-0123', '541155550123'],
    ['an international phone', { input: 'phone' }, '+55 (11) 91234-5678', '5511912345678'],
    ['a phone with 00', { input: 'phone' }, '0034 612 345 678', '34612345678'],
    ['a date d/m/y', { input: 'date' }, '24/12/2026', '2026-12-24'],
    ['a date d-m-y', { input: 'date' }, '24-12-2026', '2026-12-24'],
    ['an ISO date', { input: 'date' }, '2026-12-24', '2026-12-24'],
    ['a date in Spanish words', { input: 'date' }, '24 de diciembre de 2026', '2026-12-24'],
    ['a date in Portuguese words', { input: 'date' }, '3 de março de 1990', '1990-03-03'],
    ['a two-digit birth year', { input: 'date' }, '23/04/85', '1985-04-23'],
    ['a regex match', { input: 'regex', pattern: '^\\d{7,8}$' }, '30123456', '30123456'],
    ['a number within min and max', { input: 'number', min: 0, max: 10 }, '10', 10],
    ['text within a length range', { input: 'text', min: 2, max: 5 }, 'Ana', 'Ana'],
  ])('stores %s', async (_label, data, event, value) => {
    const { session, trace } = await answer(data, event);
    expect(trace[0]).toMatchObject({ nodeId: 'pregunta', output: 'next' });
    expect(session.variables.respuesta).toEqual(value);
  });

  it('reads 1,500 as fifteen hundred in an English flow', async () => {
    const { session } = await answer({ input: 'number' }, '1,500', 'en');
    expect(session.variables.respuesta).toBe(1500);
  });

  it.each<[string, Omit<NodeData<'question'>, 'text' | 'variable'>, InboundEvent | string, string]>([
    ['words for a number', { input: 'number' }, 'mil quinientos', 'Escribe un número, por ejemplo 25.'],
    ['a number above max', { input: 'number', max: 10 }, '11', 'Escribe un número, por ejemplo 25.'],
    ['a number below min', { input: 'number', min: 1 }, '0', 'Escribe un número, por ejemplo 25.'],
    ['an email without domain', { input: 'email' }, 'ana@', 'Ese correo no parece válido. Escríbelo así: nombre@ejemplo.com'],
    ['letters as a phone', { input: 'phone' }, 'no tengo', 'Ese número no parece válido. Escríbelo con código de área, por ejemplo 11 2345 6789.'],
    ['a too short phone', { input: 'phone' }, '123', 'Ese número no parece válido. Escríbelo con código de área, por ejemplo 11 2345 6789.'],
    ['an impossible date', { input: 'date' }, '31/02/2026', 'No pude leer la fecha. Escríbela así: 24/12/2026'],
    ['a regex mismatch', { input: 'regex', pattern: '^\\d{7,8}$' }, '30.123.456', 'El formato no es el esperado. ¿Puedes escribirlo de nuevo?'],
    ['text that is too short', { input: 'text', min: 3 }, 'a', 'No entendí tu respuesta. ¿Puedes escribirla de nuevo?'],
    ['an image', { input: 'text' }, { type: 'media', media: 'image', mediaId: 'm1' }, 'No entendí tu respuesta. ¿Puedes escribirla de nuevo?'],
    ['a location', { input: 'text' }, { type: 'location', latitude: 1, longitude: 2 }, 'No entendí tu respuesta. ¿Puedes escribirla de nuevo?'],
  ])('re-asks on %s with a default text for the input', async (_label, data, event, text) => {
    const { messages, session } = await answer(data, event);
    expect(messages).toEqual([{ type: 'text', text, quotesCustomer: true }, { type: 'text', text: '¿Y?' }]);
    expect(session).toMatchObject({ nodeId: 'pregunta', retries: 1 });
    expect(session.variables.respuesta).toBeUndefined();
  });

  describe('dates', () => {
    // The conversation's clock starts on Monday 2 March 2026, 12:00 UTC.
    const ask = async (data: Omit<NodeData<'question'>, 'text' | 'variable' | 'input'>, text: string, language = 'es', extra: Partial<FlowDocument> = {}) => {
      const chat = conversation(questionFlow({ text: '¿Qué día?', variable: 'respuesta', input: 'date', ...data }, language, extra, 'Te esperamos el {{respuesta | dia_fecha}}'));
      await chat.send('hola');
      return chat.send(text);
    };

    it.each([
      ['mañana', 'es', 'Te esperamos el martes, 3 de marzo de 2026'],
      ['el lunes', 'es', 'Te esperamos el lunes, 9 de marzo de 2026'],
      ['amanhã', 'pt', 'Te esperamos el terça-feira, 3 de março de 2026'],
      ['segunda', 'pt', 'Te esperamos el segunda-feira, 9 de março de 2026'],
    ])('reads %s (%s) and confirms it in words', async (text, language, confirmation) => {
      const { messages, session } = await ask({}, text, language);
      expect(messages).toEqual([{ type: 'text', text: confirmation }]);
      expect(session.variables.respuesta).toMatch(/^2026-03-0[39]$/);
    });

    it('refuses past dates when futureOnly, saying from when, with today in the flow time zone', async () => {
      expect((await ask({ futureOnly: true }, '01/03/2026')).messages[0]).toEqual({ type: 'text', text: 'Esa fecha no está disponible: tiene que ser a partir del 2 de marzo de 2026.', quotesCustomer: true });
      expect((await ask({ futureOnly: true }, 'hoy')).session.variables.respuesta).toBe('2026-03-02');
      // At 12:00 UTC it is already 3 March on Kiritimati (UTC+14): "today" is the 3rd, the 2nd is past.
      const kiritimati = { settings: { timeZone: 'Pacific/Kiritimati' } };
      expect((await ask({ futureOnly: true }, 'hoy', 'es', kiritimati)).session.variables.respuesta).toBe('2026-03-03');
      expect((await ask({ futureOnly: true }, '2/3/2026', 'es', kiritimati)).session.retries).toBe(1);
    });

    it('keeps answers within earliest and latest', async () => {
      const limits = { earliest: '2026-03-10', latest: '2026-03-31' };
      expect((await ask(limits, '9/3/2026')).messages[0]).toEqual({ type: 'text', text: 'Esa fecha no está disponible: tiene que ser a partir del 10 de marzo de 2026.', quotesCustomer: true });
      expect((await ask(limits, '1 de abril', 'pt')).messages[0]).toEqual({ type: 'text', text: 'Essa data não está disponível: precisa ser até 31 de março de 2026.', quotesCustomer: true });
      expect((await ask(limits, '31/3')).session.variables.respuesta).toBe('2026-03-31');
      expect((await ask({ ...limits, invalidText: 'Solo en marzo' }, '9/3/2026')).messages[0]).toEqual({ type: 'text', text: 'Solo en marzo', quotesCustomer: true });
    });
  });

  it('runs a pattern that backtracks exponentially in JavaScript in linear time (RE2)', async () => {
    expect((await answer({ input: 'regex', pattern: '^(a+)+$' }, 'aaaa')).trace[0]).toMatchObject({ output: 'next' });
    const hostile = await answer({ input: 'regex', pattern: HOSTILE_PATTERNS[0] }, HOSTILE_TEXT);
    expect(hostile.trace[0]?.detail).toMatch(/does not match/);
  });

  it('treats a pattern RE2 cannot run (backreference) as a mismatch', async () => {
    const { trace } = await answer({ input: 'regex', pattern: '^(\\d)\\1$' }, '11');
    expect(trace[0]?.detail).toMatch(/does not match/);
  });

  it('uses invalidText, then takes invalid after maxRetries', async () => {
    const chat = conversation(questionFlow({ text: '¿Edad?', variable: 'respuesta', input: 'number', invalidText: 'Solo números', maxRetries: 1 }));
    await chat.send('hola');
    expect((await chat.send('treinta')).messages).toEqual([{ type: 'text', text: 'Solo números', quotesCustomer: true }, { type: 'text', text: '¿Edad?' }]);
    const last = await chat.send('treinta y dos');
    expect(last.trace[0]).toMatchObject({ output: 'invalid' });
    expect(last.messages).toEqual([{ type: 'text', text: 'Sin respuesta' }]);
  });
});
