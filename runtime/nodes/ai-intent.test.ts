import type { NodeData } from '../../schema/index.ts';
import { conversation } from '../testing/conversation.ts';
import { memoryPorts } from '../core/memory-ports.ts';
import { testFlow } from '../testing/test-flow.ts';
import type { IntentRequest, IntentResult } from '../core/types.ts';

const intents: NodeData<'ai_intent'>['intents'] = [
  { id: 'factura', description: 'Consultas de facturación', examples: ['me llegó mal la factura'] },
  { id: 'soporte', description: 'Problemas técnicos', examples: ['no tengo internet'] },
];

function intentFlow(data: Omit<NodeData<'ai_intent'>, 'intents'>) {
  return testFlow(
    [
      { id: 'clasificar', type: 'ai_intent', data: { intents, variable: 'motivo', ...data } },
      { id: 'f', type: 'end', data: { text: 'Factura' } },
      { id: 's', type: 'end', data: { text: 'Soporte' } },
      { id: 'humano', type: 'end', data: { text: 'Fallback' } },
    ],
    [['clasificar', 'factura', 'f'], ['clasificar', 'soporte', 's'], ['clasificar', 'fallback', 'humano']],
  );
}

function classifier(answer: (request: IntentRequest) => IntentResult | Promise<IntentResult>) {
  const seen: IntentRequest[] = [];
  const ports = memoryPorts({ classifyIntent: (request) => (seen.push(request), answer(request)) });
  return { ports, seen };
}

describe('ai_intent node', () => {
  it('with text: asks, waits, classifies the answer and stores the intent id', async () => {
    const { ports, seen } = classifier(() => ({ intent: 'soporte', confidence: 0.9, source: 'test' }));
    const chat = conversation(intentFlow({ text: '¿En qué te ayudo?' }), { ports });
    const asked = await chat.send('hola');
    expect(asked.messages).toEqual([{ type: 'text', text: '¿En qué te ayudo?' }]);
    expect(seen).toEqual([]);
    const answered = await chat.send('no tengo internet desde ayer');
    expect(seen[0]).toEqual({ text: 'no tengo internet desde ayer', intents, language: 'es' });
    expect(answered.trace[0]).toEqual({ nodeId: 'clasificar', type: 'ai_intent', output: 'soporte', detail: 'intent soporte, confidence 0.90 (test)' });
    expect(answered.session.variables.motivo).toBe('soporte');
    expect(answered.messages).toEqual([{ type: 'text', text: 'Soporte' }]);
  });

  it('without text: classifies the message that reached it at once', async () => {
    const { ports } = classifier(() => ({ intent: 'factura', confidence: 0.7, source: 'test' }));
    const { trace } = await conversation(intentFlow({}), { ports }).send('me cobraron dos veces');
    expect(trace[0]).toMatchObject({ output: 'factura' });
  });

  it.each<[string, () => IntentResult | Promise<IntentResult>]>([
    ['confidence below minConfidence', () => ({ intent: 'factura', confidence: 0.59, source: 'test' })],
    ['no intent', () => ({ intent: null, confidence: 0, source: 'test' })],
    ['an intent the node does not list', () => ({ intent: 'ventas', confidence: 0.99, source: 'test' })],
    ['a failing classifier', () => Promise.reject(new Error('model timed out'))],
  ])('takes fallback on %s, storing nothing and sending no generated text', async (_label, answer) => {
    const { ports } = classifier(answer);
    const { trace, session, messages } = await conversation(intentFlow({}), { ports }).send('algo');
    expect(trace[0]).toMatchObject({ output: 'fallback' });
    expect(session.variables.motivo).toBeUndefined();
    expect(messages).toEqual([{ type: 'text', text: 'Fallback' }]);
  });

  it('honours a custom minConfidence', async () => {
    const { ports } = classifier(() => ({ intent: 'factura', confidence: 0.5, source: 'test' }));
    const { trace } = await conversation(intentFlow({ minConfidence: 0.4 }), { ports }).send('factura');
    expect(trace[0]).toMatchObject({ output: 'factura' });
  });

  it('takes fallback without calling the classifier when the answer has no text', async () => {
    const { ports, seen } = classifier(() => ({ intent: 'factura', confidence: 1, source: 'test' }));
    const chat = conversation(intentFlow({ text: '¿Qué pasó?' }), { ports });
    await chat.send('hola');
    const { trace } = await chat.send({ type: 'media', media: 'sticker', mediaId: 's1' });
    expect(trace[0]).toMatchObject({ output: 'fallback', detail: 'no text to classify' });
    expect(seen).toEqual([]);
  });
});
