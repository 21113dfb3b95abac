import fc from 'fast-check';
import { chainFlow, sampleNodes } from '../../fixtures/generate-flow.ts';
import type { FlowDocument, FlowEdge, FlowNode } from '../index.ts';
import { validateFlow } from './validate-flow.ts';

/**
 * variable_reused names, for each waiting node that stores an answer another one stored earlier on a
 * path to it, the first such node. Found in one walk per variable name (a walk per asking node was
 * quadratic: 1,000 questions storing one name took about 300 ms); checked here against that
 * straightforward walk on random graphs.
 */
function question(id: string, variable: string): FlowNode {
  return { ...sampleNodes.question(id, 0), data: { text: '¿Cómo te llamás?', variable, input: 'text' } } as FlowNode;
}

function reused(document: FlowDocument) {
  return validateFlow(document).problems.filter((problem) => problem.code === 'variable_reused')
    .map((problem) => ({ nodeId: problem.nodeId, message: problem.message }));
}

/** The definition, walked from every question in turn (answered outputs only: `invalid` asks again). */
function reusedByDefinition(document: FlowDocument) {
  const expected = validateFlow(document).problems.filter((problem) => problem.code === 'variable_reused');
  const found: Array<{ nodeId: string; first: string }> = [];
  const reported = new Set<string>();
  const questions = document.nodes as Array<FlowNode & { data: { variable: string } }>;
  for (const first of questions) {
    const pending = document.edges.filter((edge) => edge.source === first.id && edge.sourceHandle !== 'invalid').map((edge) => edge.target);
    const after = new Set(pending);
    for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
      for (const edge of document.edges) {
        if (edge.source === node && !after.has(edge.target)) {
          after.add(edge.target);
          pending.push(edge.target);
        }
      }
    }
    for (const later of questions) {
      if (later === first || !after.has(later.id) || later.data.variable !== first.data.variable || reported.has(later.id)) continue;
      reported.add(later.id);
      found.push({ nodeId: later.id, first: first.id });
    }
  }
  return { found, expected };
}

describe('variable_reused', () => {
  it('names the earliest question that stored the name before, never the question itself', () => {
    const chain = chainFlow([question('q1', 'nombre'), question('q2', 'nombre'), question('q3', 'nombre'), sampleNodes.end('fin', 0)]);
    expect(reused(chain).map((problem) => problem.nodeId)).toEqual(['q2', 'q3']);
    expect(reused(chain).every((problem) => problem.message.includes('«q1»'))).toBe(true);

    // Asking again after an invalid answer, or its own loop, is not a reuse.
    const alone = chainFlow([question('q1', 'nombre'), sampleNodes.end('fin', 0)]);
    alone.edges.push({ id: 'otra', source: 'fin', sourceHandle: 'next', target: 'q1' });
    expect(reused(alone)).toEqual([]);
  });

  it('1,000 questions storing one name: each but the first names the first', () => {
    const questions = Array.from({ length: 999 }, (_, i) => question(`q${i}`, 'nombre'));
    const problems = reused(chainFlow([...questions, sampleNodes.end('fin', 0)]));
    expect(problems).toHaveLength(998);
    expect(problems.every((problem) => problem.message.includes('«q0»'))).toBe(true);
  });

  it('agrees with walking from every question on random graphs', () => {
    const graph = fc.integer({ min: 2, max: 7 }).chain((size) => fc.record({
      variables: fc.array(fc.constantFrom('a', 'b'), { minLength: size, maxLength: size }),
      edges: fc.array(fc.record({ from: fc.nat(size - 1), output: fc.constantFrom('next', 'invalid'), to: fc.nat(size - 1) }), { maxLength: size * 2 }),
    }));
    fc.assert(fc.property(graph, ({ variables, edges }) => {
      const nodes = variables.map((variable, i) => question(`q${i}`, variable));
      const seen = new Set<string>();
      const flowEdges: FlowEdge[] = edges.filter(({ from, output }) => !seen.has(`${from}.${output}`) && seen.add(`${from}.${output}`))
        .map(({ from, output, to }, i) => ({ id: `e${i}`, source: `q${from}`, sourceHandle: output, target: `q${to}` }));
      const document: FlowDocument = { ...chainFlow(nodes), edges: flowEdges };
      const { found, expected } = reusedByDefinition(document);
      expect(expected.map((problem) => problem.nodeId)).toEqual(found.map((problem) => problem.nodeId));
      expected.forEach((problem, i) => expect(problem.message).toContain(`«${found[i]!.first}»`));
    }), { numRuns: 300 });
  });
});
