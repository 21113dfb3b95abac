import type { KnowledgeEntry, NodeData } from '../../schema/index.ts';
import { conversation } from '../testing/conversation.ts';
import { memoryPorts } from '../core/memory-ports.ts';
import { testFlow } from '../testing/test-flow.ts';
import type { AnswerRequest, AnswerResult } from '../core/types.ts';
import { answerOffline } from '../adapters/knowledge-offline.ts';

const knowledge: KnowledgeEntry[] = [
  { id: 'horarios', title: 'Horarios de atención', text: 'Abrimos de lunes a sábado de 8 a 22 y los domingos de 9 a 14.' },
  { id: 'medios-de-pago', title: 'Medios de pago', text: 'Aceptamos efectivo, tarjetas de débito y crédito, Mercado Pago y Pix.' },
];

function answerFlow(data: NodeData<'ai_answer'>, withKnowledge = true) {
  return testFlow(
    [
      { id: 'responder', type: 'ai_answer', data: { variable: 'respuesta', ...data } },
      { id: 'listo', type: 'end', data: { text: '¿Algo más?' } },
      { id: 'humano', type: 'handoff', data: { text: 'Te paso con una persona.' } },
    ],
    [['responder', 'answered', 'listo'], ['responder', 'unknown', 'humano']],
    withKnowledge ? { knowledge } : {},
  );
}

function answerer(answer: (request: AnswerRequest) => AnswerResult | Promise<AnswerResult>) {
  const seen: AnswerRequest[] = [];
  const ports = memoryPorts({ answerFromKnowledge: (request) => (seen.push(request), answer(request)) });
  return { ports, seen };
}

describe('ai_answer node', () => {
  it('with text: asks, waits, answers from the knowledge, cites the entry in the trace and stores the answer', async () => {
    const { ports, seen } = answerer(answerOffline);
    const chat = conversation(answerFlow({ text: '¿Qué querés saber?' }), { ports });
    expect((await chat.send('hola')).messages).toEqual([{ type: 'text', text: '¿Qué querés saber?' }]);
    expect(seen).toEqual([]);
    const answered = await chat.send('¿abren los domingos?');
    expect(seen[0]).toEqual({ question: '¿abren los domingos?', knowledge, language: 'es' });
    expect(answered.messages).toEqual([{ type: 'text', text: knowledge[0]!.text }, { type: 'text', text: '¿Algo más?' }]);
    expect(answered.trace[0]).toMatchObject({ nodeId: 'responder', type: 'ai_answer', output: 'answered', cited: [{ id: 'horarios', title: 'Horarios de atención' }] });
    expect(answered.trace[0]!.detail).toMatch(/^entry horarios, confidence \d\.\d\d \(offline\)$/);
    expect(answered.session.variables.respuesta).toBe(knowledge[0]!.text);
  });

  it('without text: answers the message that reached it at once', async () => {
    const { ports } = answerer(answerOffline);
    const { trace } = await conversation(answerFlow({}), { ports }).send('¿aceptan pix?');
    expect(trace[0]).toMatchObject({ output: 'answered', cited: [{ id: 'medios-de-pago' }] });
  });

  it.each<[string, () => AnswerResult | Promise<AnswerResult>]>([
    ['confidence below minConfidence', () => ({ answer: 'Abrimos a las 8.', entryIds: ['horarios'], confidence: 0.44, source: 'test' })],
    ['no answer', () => ({ answer: null, entryIds: [], confidence: 0, source: 'test' })],
    ['an answer citing no entry', () => ({ answer: 'Claro, te escribo un poema.', entryIds: [], confidence: 0.99, source: 'test' })],
    ['an answer citing an entry the flow does not have', () => ({ answer: 'La clave es 1234.', entryIds: ['secretos'], confidence: 0.99, source: 'test' })],
    ['a failing answerer', () => Promise.reject(new Error('model timed out'))],
  ])('takes unknown on %s, sending and storing nothing of it', async (_label, answer) => {
    const { ports } = answerer(answer);
    const { trace, session, messages } = await conversation(answerFlow({}), { ports }).send('¿a qué hora abren?');
    expect(trace[0]).toMatchObject({ output: 'unknown' });
    expect(trace[0]!.cited).toBeUndefined();
    expect(session.variables.respuesta).toBeUndefined();
    expect(messages).toEqual([{ type: 'text', text: 'Te paso con una persona.' }]);
  });

  it('takes unknown without asking anyone when the flow has no knowledge', async () => {
    const { ports, seen } = answerer(answerOffline);
    const { trace } = await conversation(answerFlow({}, false), { ports }).send('¿abren el domingo?');
    expect(trace[0]).toMatchObject({ output: 'unknown', detail: 'the flow has no knowledge' });
    expect(seen).toEqual([]);
  });

  it('honours its own minConfidence', async () => {
    const { ports } = answerer(() => ({ answer: 'Abrimos a las 8.', entryIds: ['horarios'], confidence: 0.3, source: 'test' }));
    const { trace } = await conversation(answerFlow({ minConfidence: 0.2 }), { ports }).send('¿a qué hora abren?');
    expect(trace[0]).toMatchObject({ output: 'answered' });
  });
});
