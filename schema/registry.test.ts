import type { Static } from '@sinclair/typebox';
import { sampleNodes } from '../fixtures/generate-flow.ts';
import { flowValidators } from './ajv.ts';
import type { FlowDocument, FlowDocumentSchema } from './flow.ts';
import { NODE_KINDS, nodeKinds, nodeOutputs, nodeWaits, type FlowNode, type NodeKind } from './registry.ts';
import { validateFlow } from './validate/validate-flow.ts';

/**
 * The TypeScript types are `Static<>` of the same TypeBox schemas ajv compiles, so they cannot
 * drift by construction. These tests pin the seams: the registry's keys are the schemas' `type`
 * constants, typed sample nodes pass the JSON Schema, and each kind's `outputs`/`waits` read the
 * data the document holds.
 */
const expected: Record<NodeKind, { outputs: string[]; waits: boolean }> = {
  message: { outputs: ['next'], waits: false },
  menu: { outputs: ['pedir', 'estado', 'volver', 'invalid'], waits: true },
  question: { outputs: ['next', 'invalid'], waits: true },
  condition: { outputs: ['con_saldo', 'sin_saldo', 'else'], waits: false },
  set: { outputs: ['next'], waits: false },
  form: { outputs: ['submitted', 'invalid'], waits: true },
  ai_intent: { outputs: ['factura', 'tecnico', 'fallback'], waits: true },
  ai_answer: { outputs: ['answered', 'unknown'], waits: true },
  api_call: { outputs: ['success', 'error'], waits: false },
  handoff: { outputs: ['resolved'], waits: true },
  end: { outputs: [], waits: false },
  delay: { outputs: ['next'], waits: true },
  template: { outputs: ['next'], waits: false },
};

describe('node kind registry', () => {
  it('is keyed by each schema\'s `type` constant', () => {
    for (const [key, spec] of Object.entries(nodeKinds)) expect(spec.schema.properties.type.const).toBe(key);
    expect(NODE_KINDS).toEqual(Object.keys(expected));
  });

  it.each(NODE_KINDS)('%s: a typed node passes the JSON Schema, and outputs/waits read its data', (kind) => {
    const node = sampleNodes[kind](`${kind}_0`, 0) as FlowNode;
    const document = { schemaVersion: 1, id: 'sample', name: 'Sample', startNodeId: node.id, nodes: [node], edges: [] };
    expect(flowValidators().fast(document), JSON.stringify(flowValidators().fast.errors)).toBe(true);
    expect(nodeOutputs(node)).toEqual(expected[kind].outputs);
    expect(nodeWaits(node)).toBe(expected[kind].waits);
    // An edge on every output is accepted by the graph checks: the document and `outputs` agree.
    const target = sampleNodes.end('fin', 1);
    const edges = nodeOutputs(node).map((output, i) => ({ id: `e${i}`, source: node.id, sourceHandle: output, target: 'fin' }));
    const { problems } = validateFlow({ ...document, nodes: [node, target], edges, variables: [{ name: 'intento', type: 'number' }] });
    expect(problems.filter((problem) => problem.severity === 'error')).toEqual([]);
  });

  it('an ai_intent without a question classifies the last message and does not wait', () => {
    const node = sampleNodes.ai_intent('clasificar', 0);
    const { text: _question, ...data } = node.data;
    expect(nodeWaits({ ...node, data })).toBe(false);
  });

  it('types agree at compile time (checked by `npm run typecheck`)', () => {
    expectTypeOf<FlowNode['type']>().toEqualTypeOf<NodeKind>();
    expectTypeOf<Omit<Static<typeof FlowDocumentSchema>, 'nodes'>>().toEqualTypeOf<Omit<FlowDocument, 'nodes'>>();
  });
});
