import { loadFixtureFlow } from '../../fixtures/index.ts';
import { CONVERSATION_EPOCH, conversation } from '../testing/conversation.ts';
import { businessHoursStatus, isWithinBusinessHours, localTime } from './business-hours.ts';
import { runTurn } from './run-turn.ts';
import { memoryPorts } from './memory-ports.ts';
import { testFlow } from '../testing/test-flow.ts';
import type { OutboundMessage, TurnResult } from './types.ts';

const texts = (results: TurnResult[]): string[] => results.flatMap((result) => result.messages.map(textOf));
const textOf = (message: OutboundMessage): string => (message.type === 'text' ? message.text : 'body' in message ? message.body : message.type);

/** A question that waits 2 s, reminds once, then closes: the reminder pattern. */
const reminderFlow = testFlow([
  { id: 'nombre', type: 'question', data: { text: '¿Cómo te llamás?', variable: 'nombre', input: 'text', timeoutSeconds: 2 } },
  { id: 'recordatorio', type: 'message', data: { text: '¿Seguís ahí?' } },
  { id: 'nombre_otra_vez', type: 'question', data: { text: 'Decime tu nombre', variable: 'nombre', input: 'text', timeoutSeconds: 60 } },
  { id: 'gracias', type: 'end', data: { text: 'Gracias {{nombre}}' } },
  { id: 'chau', type: 'end', data: { text: 'Cierro por ahora' } },
], [
  ['nombre', 'next', 'gracias'], ['nombre', 'timeout', 'recordatorio'], ['recordatorio', 'next', 'nombre_otra_vez'],
  ['nombre_otra_vez', 'next', 'gracias'], ['nombre_otra_vez', 'timeout', 'chau'],
]);

describe('timers in the core', () => {
  it('returns a waiting node\'s timeout and the session expiry as data, tied to the state', async () => {
    const chat = conversation(reminderFlow);
    const first = await chat.send('hola');
    const epoch = first.session.epoch!;
    expect(first.timers).toEqual([
      { type: 'cancel_timers', epoch: epoch - 1 },
      { type: 'schedule_timer', timer: { dueAt: chat.now + 2000, epoch, action: { type: 'leave', nodeId: 'nombre', output: 'timeout' } } },
      { type: 'schedule_timer', timer: { dueAt: chat.now + 1440 * 60_000 + 1, epoch, action: { type: 'expire' } } },
    ]);
  });

  it('a timeout sends the reminder with no message from the customer; a second one closes', async () => {
    const chat = conversation(reminderFlow);
    await chat.send('hola');
    expect(texts(await chat.wait(1999))).toEqual([]);
    const reminded = await chat.wait(1);
    expect(texts(reminded)).toEqual(['¿Seguís ahí?', 'Decime tu nombre']);
    expect(reminded[0]!.trace[0]).toEqual({ nodeId: 'nombre', type: 'question', output: 'timeout', detail: 'timer: timeout' });
    expect(texts(await chat.wait(60_000))).toEqual(['Cierro por ahora']);
    expect(chat.session?.status).toBe('ended');
    expect(chat.timers).toEqual([]);
  });

  it('an answer cancels the timers of the state it leaves; a stale timer fired anyway does nothing', async () => {
    const chat = conversation(reminderFlow);
    const asked = await chat.send('hola');
    const timeout = asked.timers.flatMap((effect) => (effect.type === 'schedule_timer' ? [effect.timer] : []))[0]!;
    await chat.send('Ana', 500);
    expect(chat.session?.status).toBe('ended');
    const stale = await runTurn({
      flow: reminderFlow, session: chat.session, event: { type: 'timer', timer: timeout }, contact: { waId: '5491155550123' },
      version: 'draft', now: timeout.dueAt, ports: memoryPorts(),
    });
    expect(stale).toMatchObject({ messages: [], trace: [], effects: [], timers: [] });
    expect(stale.session).toBe(chat.session);
  });

  it('a retry re-arms the timeout from the retry; a restart or a handoff keyword drops it', async () => {
    const numberFlow = testFlow([
      { id: 'edad', type: 'question', data: { text: '¿Edad?', variable: 'edad', input: 'number', timeoutSeconds: 10 } },
      { id: 'fin', type: 'end', data: {} },
    ], [['edad', 'next', 'fin'], ['edad', 'timeout', 'fin']]);
    const chat = conversation(numberFlow);
    await chat.send('hola');
    await chat.send('no sé', 8000);
    expect(chat.timers.map((timer) => timer.dueAt - chat.now)).toEqual([10_000, expect.any(Number)]);
    await chat.send('agente');
    expect(chat.session?.status).toBe('handoff');
    expect(chat.timers).toEqual([]);
  });

  it('an expired session ends by its timer, and the next message starts afresh', async () => {
    const flow = { ...reminderFlow, nodes: reminderFlow.nodes.map((node) => (node.id === 'nombre' ? { ...node, data: { ...node.data, timeoutSeconds: undefined } } : node)) };
    const quiet = conversation(flow as typeof reminderFlow);
    await quiet.send('hola');
    const [expired] = await quiet.wait(1440 * 60_000 + 1);
    expect(expired!.effects).toEqual([{ type: 'conversation_ended', nodeId: 'nombre' }]);
    expect(quiet.session?.status).toBe('ended');
    expect(quiet.timers).toEqual([]);
    expect((await quiet.send('hola de nuevo')).trace[0]).toEqual({ nodeId: 'nombre', type: 'question' });
  });

  it('holds a timer turn\'s messages once the customer\'s 24-hour window has closed', async () => {
    const lateFlow = testFlow([
      { id: 'encuesta', type: 'question', data: { text: '¿Qué tal?', variable: 'nota', input: 'text', timeoutSeconds: 25 * 3600 } },
      { id: 'recordatorio', type: 'end', data: { text: '¿Nos dejás tu opinión?' } },
    ], [['encuesta', 'timeout', 'recordatorio']], { settings: { sessionTimeoutMinutes: 48 * 60 } });
    const chat = conversation(lateFlow);
    await chat.send('hola');
    const [late] = await chat.wait(25 * 3_600_000);
    expect(late!.messages).toEqual([]);
    expect(late!.effects).toContainEqual({ type: 'window_closed', nodeId: null, count: 1, withheld: [expect.objectContaining({ type: 'text', text: '¿Nos dejás tu opinión?' })] });
    expect(late!.trace.at(-1)?.detail).toBe('the customer\'s 24-hour window has closed: 1 message(s) not sent');
  });
});

describe('delay', () => {
  it('shows typing, ends the turn, and its timer sends what follows', async () => {
    const chat = conversation(loadFixtureFlow('ferreteria'));
    const greeted = await chat.send('hola');
    expect(texts([greeted])).toEqual(['¡Hola Ana! Soy el asistente de Ferretería El Tornillo 🔩']);
    expect(greeted.effects).toEqual([{ type: 'typing_indicator', nodeId: 'pausa', seconds: 2 }]);
    expect(texts(await chat.wait(2000))).toEqual(['¿En qué te ayudo?']);
  });

  it('a message during the pause goes on at once', async () => {
    const chat = conversation(loadFixtureFlow('ferreteria'));
    await chat.send('hola');
    const early = await chat.send('hola??', 500);
    expect(texts([early])).toEqual(['¿En qué te ayudo?']);
    expect(texts(await chat.wait(5000))).toEqual([]);
  });
});

describe('business hours', () => {
  const flow = loadFixtureFlow('ferreteria');
  const settings = { timeZone: 'America/Argentina/Buenos_Aires', businessHours: flow.settings!.businessHours };
  // CONVERSATION_EPOCH is Monday 2026-03-02 12:00 UTC = 09:00 in Buenos Aires (UTC-3).
  it.each([
    ['Monday 09:00 (opens)', true, CONVERSATION_EPOCH],
    ['Monday 08:59', false, CONVERSATION_EPOCH - 60_000],
    ['Monday 13:00 (lunch)', false, CONVERSATION_EPOCH + 4 * 3_600_000],
    ['Monday 17:59', true, CONVERSATION_EPOCH + 9 * 3_600_000 - 60_000],
    ['Saturday 10:00', true, CONVERSATION_EPOCH + 5 * 86_400_000 + 3_600_000],
    ['Sunday 10:00', false, CONVERSATION_EPOCH + 6 * 86_400_000 + 3_600_000],
    ['Tuesday 2026-03-24, a holiday', false, Date.UTC(2026, 2, 24, 14)],
  ])('%s: open %s', (_name, open, at) => {
    expect(isWithinBusinessHours(settings, at)).toBe(open);
  });

  it('reads the wall clock in the flow\'s zone', () => {
    expect(localTime(CONVERSATION_EPOCH, 'America/Argentina/Buenos_Aires')).toEqual({ weekday: 'monday', date: '2026-03-02', minutes: 540 });
    expect(localTime(CONVERSATION_EPOCH, 'Asia/Tokyo')).toEqual({ weekday: 'monday', date: '2026-03-02', minutes: 21 * 60 });
  });

  it('says when they next close or open, agreeing with isWithinBusinessHours', () => {
    const at = (hours: number) => CONVERSATION_EPOCH + hours * 3_600_000;
    const change = (hoursFromEpoch: number) => {
      const { open, next } = businessHoursStatus(settings, at(hoursFromEpoch));
      expect(open).toBe(isWithinBusinessHours(settings, at(hoursFromEpoch)));
      return next && { open, weekday: next.weekday, date: next.date, at: `${Math.floor(next.minutes / 60)}:${String(next.minutes % 60).padStart(2, '0')}`, daysAhead: next.daysAhead };
    };
    expect(change(1)).toEqual({ open: true, weekday: 'monday', date: '2026-03-02', at: '13:00', daysAhead: 0 });
    expect(change(4.5)).toEqual({ open: false, weekday: 'monday', date: '2026-03-02', at: '14:00', daysAhead: 0 });
    expect(change(10)).toEqual({ open: false, weekday: 'tuesday', date: '2026-03-03', at: '9:00', daysAhead: 1 });
    // Saturday 13:00 closes until Monday 09:00.
    expect(change(5 * 24 + 5)).toEqual({ open: false, weekday: 'monday', date: '2026-03-09', at: '9:00', daysAhead: 2 });
    // Monday 2026-03-23 evening: Tuesday the 24th is a holiday, so Wednesday.
    expect(businessHoursStatus(settings, Date.UTC(2026, 2, 23, 23)).next).toMatchObject({ weekday: 'wednesday', date: '2026-03-25', minutes: 540, daysAhead: 2 });
  });

  it('joins back-to-back intervals and a night that runs past midnight into one stretch', () => {
    const night = { timeZone: 'UTC', businessHours: { weekly: { monday: [{ from: '20:00', to: '22:00' }, { from: '22:00', to: '24:00' }], tuesday: [{ from: '00:00', to: '02:00' }] } } };
    expect(businessHoursStatus(night, Date.UTC(2026, 2, 2, 21))).toEqual({ open: true, next: { weekday: 'tuesday', date: '2026-03-03', minutes: 120, daysAhead: 1 } });
    expect(businessHoursStatus({ timeZone: 'UTC', businessHours: { weekly: {} } }, CONVERSATION_EPOCH)).toEqual({ open: false });
    expect(businessHoursStatus({ timeZone: 'UTC' }, CONVERSATION_EPOCH)).toEqual({ open: true });
  });

  it('a flow without business hours is always open', () => {
    expect(isWithinBusinessHours({ timeZone: 'UTC' }, CONVERSATION_EPOCH)).toBe(true);
  });

  it('a condition branches on them and a handoff outside them takes `closed`', async () => {
    const chat = conversation(flow, { gapMs: 14 * 3_600_000 }); // the first message at 23:00
    await chat.send('hola');
    await chat.wait(2000);
    const closed = await chat.send({ type: 'button_reply', id: 'horarios', title: 'Horarios' }, 1000);
    expect(texts([closed])[0]).toMatch(/^Ahora estamos cerrados/);
    const noAgent = await chat.send({ type: 'button_reply', id: 'asesor', title: 'Hablar con alguien' }, 1000);
    expect(noAgent.trace.map((entry) => entry.output)).toContain('closed');
    expect(texts([noAgent])[0]).toMatch(/^Ahora no hay nadie en el mostrador/);
  });
});

describe('handoff unanswered', () => {
  const flow = loadFixtureFlow('ferreteria');
  async function inHandoff() {
    const chat = conversation(flow);
    await chat.send('hola');
    await chat.wait(2000);
    await chat.send({ type: 'button_reply', id: 'asesor', title: 'Hablar con alguien' });
    expect(chat.session?.status).toBe('handoff');
    return chat;
  }

  it('takes `unanswered` when no agent writes in time, and the bot is in charge again', async () => {
    const chat = await inHandoff();
    expect(texts([await chat.send('¿hola?', 60_000)])).toEqual([]);
    const late = await chat.wait(240_000);
    expect(texts(late)).toEqual(['Perdón la demora: el mostrador está a full. Te escribimos apenas se libere alguien.', '¡Gracias por escribirnos!']);
  });

  it('an agent\'s reply stops the clock', async () => {
    const chat = await inHandoff();
    const answered = await chat.send({ type: 'agent_replied' }, 60_000);
    expect(answered.trace).toEqual([{ nodeId: 'asesor', type: 'handoff', detail: 'an agent answered' }]);
    expect(texts(await chat.wait(3_600_000))).toEqual([]);
    expect(chat.session?.status).toBe('handoff');
  });
});
