import type { FlowDocument } from '../../../schema/index.ts';
import { loadFixtureFlow } from '../../../fixtures/index.ts';
import { MAX_FIRED_TIMERS } from '../../simulations/simulate-turn.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';

const MINUTE = 60_000;
// A Tuesday at 10:00 in Buenos Aires: the ferretería is open.
const START = Date.UTC(2026, 5, 2, 13, 0);

let realClock = START;
let t: TestApp;

// One app for the file: each test starts its own simulation with the clock back at START.
beforeAll(async () => {
  t = await createTestApp({}, { now: () => realClock });
  const created = await t.app.inject({ method: 'POST', url: '/api/flows', headers: t.auth(), payload: loadFixtureFlow('ferreteria') });
  expect(created.statusCode, created.body).toBe(201);
});
beforeEach(() => {
  realClock = START;
});
afterAll(() => t.close());

async function start(flowId = 'ferreteria'): Promise<string> {
  const response = await t.app.inject({ method: 'POST', url: `/api/flows/${flowId}/simulations`, headers: t.auth(), payload: { source: 'draft' } });
  expect(response.statusCode, response.body).toBe(201);
  expect(response.json()).toMatchObject({ clock: START, timers: [] });
  return (response.json() as { simulationId: string }).simulationId;
}

interface Turn {
  fired: Array<{ dueAt: number; kind: string; nodeId: string | null; output: string | null }>;
  stoppedAfter?: number;
  clock: number;
  timers: Turn['fired'];
  messages: Array<{ type: string; text?: { body: string }; interactive?: { body: { text: string } } }>;
  activeNodeId: string | null;
  status: string;
}

async function call(url: string, payload: object): Promise<Turn> {
  const response = await t.app.inject({ method: 'POST', url, headers: t.auth(), payload });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as Turn;
}

const say = (id: string, payload: object) => call(`/api/simulations/${id}/messages`, payload);
const advance = (id: string, payload: object) => call(`/api/simulations/${id}/advance`, payload);
const texts = (turn: Turn) => turn.messages.map((message) => message.text?.body ?? message.interactive?.body.text);

describe('travelling in time in the simulator', () => {
  it('lists the pending timers, fires them in order as the clock is advanced, and keeps the clock for later turns', async () => {
    const id = await start();
    const greeted = await say(id, { type: 'text', text: { body: 'hola' } });
    expect(texts(greeted)).toEqual(['¡Hola Simulador! Soy el asistente de Ferretería El Tornillo 🔩']);
    expect(greeted.timers).toEqual([
      { dueAt: START + 2000, kind: 'leave', nodeId: 'pausa', output: 'next' },
      { dueAt: START + 1440 * MINUTE + 1, kind: 'expire', nodeId: null, output: null },
    ]);

    const paused = await advance(id, { until: 'next_timer' });
    expect(paused.fired).toEqual([{ dueAt: START + 2000, kind: 'leave', nodeId: 'pausa', output: 'next' }]);
    expect(texts(paused)).toEqual(['¿En qué te ayudo?']);
    expect(paused).toMatchObject({ clock: START + 2000, activeNodeId: 'menu_principal' });
    expect(paused.timers[0]).toEqual({ dueAt: START + 2000 + 900_000, kind: 'leave', nodeId: 'menu_principal', output: 'timeout' });

    const asked = await say(id, { type: 'interactive', interactive: { type: 'button_reply', button_reply: { id: 'presupuesto', title: 'Pedir presupuesto' } } });
    expect(asked.activeNodeId).toBe('material');
    expect(asked.timers[0]).toMatchObject({ dueAt: START + 2000 + 600_000, nodeId: 'material', output: 'timeout' });

    const quiet = await advance(id, { seconds: 60 });
    expect(quiet).toMatchObject({ fired: [], messages: [], clock: START + 62_000, activeNodeId: 'material' });

    // An hour later: the 10-minute reminder fired at its own time; the second wait (an hour from then) is still pending.
    const reminded = await advance(id, { seconds: 3600 });
    expect(reminded.fired).toEqual([{ dueAt: START + 602_000, kind: 'leave', nodeId: 'material', output: 'timeout' }]);
    expect(texts(reminded)).toEqual([
      '¿Seguís ahí, Simulador? Contame qué material necesitás y te paso el precio.',
      'Escribime el material cuando puedas (por ejemplo: 10 tornillos de 6 mm).',
    ]);
    expect(reminded).toMatchObject({ clock: START + 3_662_000, activeNodeId: 'material_otra_vez', status: 'active' });
    expect(reminded.timers[0]).toMatchObject({ dueAt: START + 602_000 + 3_600_000, nodeId: 'material_otra_vez' });

    // The clock stays advanced: real time moving a second moves it a second.
    realClock += 1000;
    const answered = await say(id, { type: 'text', text: { body: '10 tornillos de 6 mm' } });
    expect(answered).toMatchObject({ fired: [], clock: START + 3_663_000, status: 'ended', timers: [] });
  });

  it('fires what fell due in real time before answering the next message, as live traffic would', async () => {
    const id = await start();
    await say(id, { type: 'text', text: { body: 'hola' } });
    realClock += 5000;
    const turn = await say(id, { type: 'interactive', interactive: { type: 'button_reply', button_reply: { id: 'horarios', title: 'Horarios' } } });
    expect(turn.fired).toEqual([{ dueAt: START + 2000, kind: 'leave', nodeId: 'pausa', output: 'next' }]);
    expect(texts(turn)[0]).toBe('¿En qué te ayudo?');
    expect(texts(turn)[1]).toMatch(/^Ahora estamos abiertos/);
  });

  it('a day without answers ends the conversation through both timeouts; with nothing pending, "next timer" moves nothing', async () => {
    const id = await start();
    await say(id, { type: 'text', text: { body: 'hola' } });
    await advance(id, { until: 'next_timer' });
    const closed = await advance(id, { seconds: 24 * 3600 });
    expect(closed.fired.map((timer) => `${timer.nodeId}→${timer.output}`)).toEqual(['menu_principal→timeout']);
    expect(closed).toMatchObject({ status: 'ended', timers: [], clock: START + 2000 + 24 * 3_600_000 });
    const idle = await advance(id, { until: 'next_timer' });
    expect(idle).toMatchObject({ fired: [], messages: [], clock: closed.clock });
  });

  it('stops after a hundred timers when a flow keeps setting them, with the clock at the last', async () => {
    const loop: FlowDocument = {
      schemaVersion: 1, id: 'insiste', name: 'Insiste', startNodeId: 'pregunta',
      nodes: [
        { id: 'pregunta', type: 'question', position: { x: 0, y: 0 }, data: { text: '¿Tu nombre?', variable: 'nombre', input: 'text', timeoutSeconds: 1 } },
        { id: 'otra_vez', type: 'message', position: { x: 0, y: 100 }, data: { text: '¿Seguís ahí?' } },
        { id: 'gracias', type: 'end', position: { x: 0, y: 200 }, data: { text: 'Gracias' } },
      ],
      edges: [
        { id: 'e1', source: 'pregunta', sourceHandle: 'timeout', target: 'otra_vez' },
        { id: 'e2', source: 'otra_vez', sourceHandle: 'next', target: 'pregunta' },
        { id: 'e3', source: 'pregunta', sourceHandle: 'next', target: 'gracias' },
      ],
    } as unknown as FlowDocument;
    const created = await t.app.inject({ method: 'POST', url: '/api/flows', headers: t.auth(), payload: loop });
    expect(created.statusCode, created.body).toBe(201);
    const id = await start('insiste');
    await say(id, { type: 'text', text: { body: 'hola' } });
    const long = await advance(id, { seconds: 3600 });
    expect(long.stoppedAfter).toBe(MAX_FIRED_TIMERS);
    expect(long.fired).toHaveLength(MAX_FIRED_TIMERS);
    expect(long.clock).toBe(START + MAX_FIRED_TIMERS * 1000);
    expect(long.timers[0]).toMatchObject({ dueAt: START + (MAX_FIRED_TIMERS + 1) * 1000, nodeId: 'pregunta' });
  });

  it('refuses an advance that names no amount, or a simulation that does not exist', async () => {
    const id = await start();
    for (const payload of [{}, { seconds: 0 }, { seconds: 1.5 }, { until: 'tomorrow' }, { seconds: 10, until: 'next_timer' }]) {
      const response = await t.app.inject({ method: 'POST', url: `/api/simulations/${id}/advance`, headers: t.auth(), payload });
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.json()).toMatchObject({ code: 'bad_request' });
    }
    const missing = await t.app.inject({
      method: 'POST', url: '/api/simulations/00000000-0000-4000-8000-000000000000/advance', headers: t.auth(), payload: { seconds: 60 },
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: 'simulation_not_found' });
  });
});
