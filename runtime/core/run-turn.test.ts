import { conversation, CONVERSATION_EPOCH } from '../testing/conversation.ts';
import { memoryPorts } from './memory-ports.ts';
import { runTurn } from './run-turn.ts';
import { isSessionResumable, startSession } from './session.ts';
import { testFlow } from '../testing/test-flow.ts';
import type { Session } from './types.ts';

const HOUR = 3_600_000;

const flow = testFlow([
  { id: 'hola', type: 'message', data: { text: 'Hola {{contact.name}}' } },
  { id: 'nombre', type: 'question', data: { text: '¿Tu nombre?', variable: 'nombre', input: 'text' } },
  { id: 'color', type: 'menu', data: { text: '¿Color, {{nombre}}?', options: [{ id: 'rojo', title: 'Rojo' }, { id: 'azul', title: 'Azul' }] } },
  { id: 'fin', type: 'end', data: { text: 'Listo' } },
], [['hola', 'next', 'nombre'], ['nombre', 'next', 'color'], ['color', 'rojo', 'fin'], ['color', 'azul', 'fin']], {
  settings: { restartKeywords: ['menu', 'inicio'], handoffKeywords: ['agente', 'humano'] },
});

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

describe('runTurn', () => {
  it('starts a session on the first message, pinned to the given version', async () => {
    const ports = memoryPorts();
    const result = await runTurn({
      flow, session: null, event: { type: 'text', text: 'hola' }, contact: { waId: '5491155550123', name: 'Ana' },
      version: 7, now: CONVERSATION_EPOCH, ports,
    });
    expect(result.session).toEqual({
      flowId: 'prueba', version: 7, status: 'active', nodeId: 'nombre', retries: 0, variables: {},
      contact: { waId: '5491155550123', name: 'Ana' }, lastText: 'hola', startedAt: CONVERSATION_EPOCH, lastUserMessageAt: CONVERSATION_EPOCH, epoch: 1,
    });
    expect(result.messages).toEqual([{ type: 'text', text: 'Hola Ana' }, { type: 'text', text: '¿Tu nombre?' }]);
    expect(result.trace).toEqual([{ nodeId: 'hola', type: 'message', output: 'next' }, { nodeId: 'nombre', type: 'question' }]);
  });

  it('never changes the session it is given, and resumes from plain JSON', async () => {
    const chat = conversation(flow);
    await chat.send('hola');
    const stored = deepFreeze(JSON.parse(JSON.stringify(chat.session)) as Session);
    const result = await runTurn({ flow, session: stored, event: { type: 'text', text: 'Leo' }, contact: stored.contact, version: 1, now: stored.lastUserMessageAt + 1000, ports: memoryPorts() });
    expect(result.session).toMatchObject({ nodeId: 'color', variables: { nombre: 'Leo' }, version: 'draft' });
    expect(stored.variables).toEqual({});
  });

  describe('sessions', () => {
    const base = startSession({ flow, contact: { waId: '1' }, version: 1, now: 0 });
    it.each<[string, Partial<Session>, number, boolean]>([
      ['an active session within the timeout', {}, 24 * HOUR, true],
      ['a handoff within the timeout', { status: 'handoff' }, HOUR, true],
      ['a session past the timeout', {}, 24 * HOUR + 1, false],
      ['an ended session', { status: 'ended' }, 1, false],
      ['a failed session', { status: 'error' }, 1, false],
      ['a session on another flow', { flowId: 'otro' }, 1, false],
    ])('%s is resumable: %s', (_label, change, now, expected) => {
      expect(isSessionResumable({ ...base, ...change }, flow, now)).toBe(expected);
    });

    it('starts afresh after the timeout, forgetting variables', async () => {
      const chat = conversation(flow);
      await chat.send('hola');
      await chat.send('Leo');
      const later = await chat.send('rojo', 25 * HOUR);
      expect(later.trace[0]).toMatchObject({ nodeId: 'hola' });
      expect(later.session.variables).toEqual({});
      expect(later.session.startedAt).toBe(later.session.lastUserMessageAt);
    });

    it('starts afresh after the conversation ended', async () => {
      const chat = conversation(flow);
      for (const text of ['hola', 'Leo', 'azul']) await chat.send(text);
      expect(chat.session?.status).toBe('ended');
      const again = await chat.send('hola otra vez');
      expect(again.messages[0]).toEqual({ type: 'text', text: 'Hola Ana' });
    });

    it('starts afresh when the waiting node no longer exists in the flow', async () => {
      const chat = conversation(flow);
      await chat.send('hola');
      const moved = { ...chat.session!, nodeId: 'borrado' };
      const result = await runTurn({ flow, session: moved, event: { type: 'text', text: 'x' }, contact: moved.contact, version: 2, now: moved.lastUserMessageAt + 1, ports: memoryPorts() });
      expect(result.trace[0]?.nodeId).toBe('hola');
      expect(result.session.version).toBe(2);
    });
  });

  describe('keywords', () => {
    it('restarts at the start node from anywhere, ignoring case, accents and spaces', async () => {
      const chat = conversation(flow);
      await chat.send('hola');
      await chat.send('Leo');
      const restarted = await chat.send('  MENÚ ');
      expect(restarted.trace.map((entry) => entry.nodeId)).toEqual(['hola', 'nombre']);
      expect(restarted.session.variables).toEqual({});
      expect(restarted.session.retries).toBe(0);
    });

    it('treats a restart keyword inside a longer message as a normal answer', async () => {
      const chat = conversation(flow);
      await chat.send('hola');
      const answer = await chat.send('el menu de hoy');
      expect(answer.session.variables.nombre).toBe('el menu de hoy');
    });

    it('hands off from anywhere, then re-prompts the waiting node when resolved', async () => {
      const chat = conversation(flow);
      await chat.send('hola');
      await chat.send('Leo');
      const handed = await chat.send('Humano');
      expect(handed.messages).toEqual([{ type: 'text', text: 'Te comunico con una persona de nuestro equipo. Te responderá por aquí en breve.' }]);
      expect(handed.effects).toEqual([{ type: 'handoff_started', nodeId: 'color' }]);
      expect(handed.session).toMatchObject({ status: 'handoff', nodeId: 'color', handoff: { by: 'keyword', since: chat.now } });
      expect((await chat.send('inicio')).messages).toEqual([]);
      const back = await chat.send({ type: 'handoff_resolved' });
      expect(back.messages).toEqual([expect.objectContaining({ type: 'buttons', body: '¿Color, Leo?' })]);
      expect(back.session).toMatchObject({ status: 'active', nodeId: 'color', variables: { nombre: 'Leo' } });
    });

    it('hands off on the very first message and starts the flow when resolved', async () => {
      const chat = conversation(flow);
      const handed = await chat.send('agente');
      expect(handed.effects).toEqual([{ type: 'handoff_started', nodeId: 'hola' }]);
      expect(handed.session).toMatchObject({ status: 'handoff', nodeId: null });
      const back = await chat.send({ type: 'handoff_resolved' });
      expect(back.messages[0]).toEqual({ type: 'text', text: 'Hola Ana' });
    });
  });

  describe('maxStepsPerTurn', () => {
    const loop = (language: string) => testFlow([
      { id: 'sumar', type: 'set', data: { assignments: [{ variable: 'n', value: '1' }] } },
      { id: 'otra_vez', type: 'condition', data: { branches: [{ id: 'siempre', match: 'all', rules: [{ left: 'a', op: 'equals', right: 'a' }] }] } },
    ], [['sumar', 'next', 'otra_vez'], ['otra_vez', 'siempre', 'sumar']], { language, settings: { maxStepsPerTurn: 9 } });

    it('stops a runaway turn with a recorded error and a polite message', async () => {
      const result = await conversation(loop('es')).send('hola');
      expect(result.trace).toHaveLength(10);
      expect(result.trace[9]).toEqual({ nodeId: 'otra_vez', type: 'condition', detail: expect.stringMatching(/maxStepsPerTurn.*more than 9 nodes/) });
      expect(result.session).toMatchObject({ status: 'error', nodeId: 'otra_vez', error: { nodeId: 'otra_vez', code: 'max_steps_exceeded' } });
      expect(result.effects).toEqual([{ type: 'error', nodeId: 'otra_vez', code: 'max_steps_exceeded', message: expect.any(String) }]);
      expect(result.messages).toEqual([{ type: 'text', text: 'Lo sentimos, tuvimos un problema y no pudimos continuar. Por favor, escríbenos de nuevo en un rato.' }]);
    });

    it.each([
      ['pt-BR', 'Desculpe, tivemos um problema e não conseguimos continuar. Por favor, escreva de novo daqui a pouco.'],
      ['en', "Sorry, something went wrong and we couldn't continue. Please write to us again in a while."],
    ])('apologises in the flow language (%s)', async (language, text) => {
      expect((await conversation(loop(language)).send('hi')).messages).toEqual([{ type: 'text', text }]);
    });

    it('counts nodes across an API call that awaits its port', async () => {
      const apiLoop = testFlow([
        { id: 'consultar', type: 'api_call', data: { method: 'GET', url: 'https://api.example/estado' } },
        { id: 'otra_vez', type: 'set', data: { assignments: [{ variable: 'n', value: '1' }] } },
      ], [['consultar', 'success', 'otra_vez'], ['otra_vez', 'next', 'consultar']], { settings: { maxStepsPerTurn: 7 } });
      const ports = memoryPorts({ http: () => ({ ok: true, status: 200, json: {}, text: '{}' }) });
      const result = await conversation(apiLoop, { ports }).send('hola');
      expect(ports.requests).toHaveLength(4);
      expect(result.trace).toHaveLength(8);
      expect(result.session.error).toMatchObject({ nodeId: 'otra_vez', code: 'max_steps_exceeded' });
    });

    it('starts afresh on the next message after an error', async () => {
      const chat = conversation(loop('es'));
      await chat.send('hola');
      const again = await chat.send('hola');
      expect(again.trace[0]).toMatchObject({ nodeId: 'sumar' });
    });
  });

  it('records an edge to a missing node as an error, not a crash', async () => {
    const broken = testFlow([{ id: 'hola', type: 'message', data: { text: 'Hola' } }], [['hola', 'next', 'fantasma']]);
    const result = await conversation(broken).send('hola');
    expect(result.session.error).toMatchObject({ nodeId: 'hola', code: 'missing_node' });
    expect(result.messages.at(-1)?.type).toBe('text');
  });

  it('records a failing port as a node error, not a crash', async () => {
    const formFlow = testFlow([{
      id: 'form', type: 'form',
      data: { text: 'Datos', cta: 'Abrir', flowJson: { version: '7.3', screens: [{ id: 'A', layout: { type: 'SingleColumnLayout', children: [] } }] }, outputs: [] },
    }], []);
    const ports = { ...memoryPorts(), newToken: () => { throw new Error('no entropy'); } };
    const result = await conversation(formFlow, { ports }).send('hola');
    expect(result.session.error).toEqual({ nodeId: 'form', code: 'node_failed', message: 'The node failed unexpectedly: no entropy' });
  });
});
