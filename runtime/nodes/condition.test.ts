import type { NodeData } from '../../schema/index.ts';
import { memoryPorts } from '../core/memory-ports.ts';
import { runTurn } from '../core/run-turn.ts';
import { startSession } from '../core/session.ts';
import { HOSTILE_PATTERNS, HOSTILE_TEXT } from '../testing/hostile-patterns.ts';
import { testFlow } from '../testing/test-flow.ts';
import { compare, type ComparisonOperator } from './compare.ts';

type Rule = NodeData<'condition'>['branches'][number]['rules'][number];

describe('compare', () => {
  it.each<[string, ComparisonOperator, string, boolean]>([
    ['10', 'equals', '10.0', true],
    ['Sí', 'equals', ' si ', true],
    ['false', 'equals', 'false', true],
    ['a', 'not_equals', 'b', true],
    ['1500', 'greater_than', '999', true],
    ['999', 'less_than', '1500', true],
    ['b', 'greater_than', 'a', true],
    ['2026-12-24', 'less_than', '2027-01-01', true],
    ['', 'greater_than', '0', false],
    ['', 'less_than', '0', false],
    ['Quiero un REEMBOLSO ya', 'contains', 'reembolso', true],
    ['5491155550123', 'starts_with', '54', true],
    ['Árbol', 'starts_with', 'arb', true],
    ['  ', 'is_empty', '', true],
    ['x', 'is_not_empty', '', true],
    ['Llamen por favor', 'matches', '[Ll]l[aá]m(en|ar|ame)', true],
    ['abc', 'matches', '^[0-9]+$', false],
    ['aaaaaaaaaaaaaaaaaaaaaaaaaaaa!', 'matches', '^(a+)+$', false],
    ['abc', 'matches', '(', false],
  ])('%j %s %j is %s', (left, op, right, expected) => {
    expect(compare(left, op, right)).toBe(expected);
  });
});

describe('condition node', () => {
  const flow = testFlow([{
    id: 'decidir', type: 'condition',
    data: {
      branches: [
        { id: 'grande', match: 'all', rules: [{ left: '{{total}}', op: 'greater_than', right: '1000' }, { left: '{{pais}}', op: 'equals', right: 'AR' }] },
        { id: 'alguno', match: 'any', rules: [{ left: '{{total}}', op: 'is_empty' }, { left: '{{total}}', op: 'greater_than', right: '100' }] },
        { id: 'tambien', match: 'any', rules: [{ left: '{{total}}', op: 'greater_than', right: '100' }] },
      ],
    },
  }], []);
  const contact = { waId: '5491155550123' };

  async function decide(variables: Record<string, unknown>) {
    const session = { ...startSession({ flow, contact, version: 'draft', now: 0 }), variables };
    const result = await runTurn({ flow, session, event: { type: 'text', text: 'x' }, contact, version: 'draft', now: 1, ports: memoryPorts() });
    return result.trace[0];
  }

  it('takes the first branch whose rules all hold', async () => {
    expect(await decide({ total: 1500, pais: 'ar' })).toEqual({ nodeId: 'decidir', type: 'condition', output: 'grande', detail: 'branch grande matched' });
  });

  it('takes an any-branch when one rule holds, before a later branch that also holds', async () => {
    expect((await decide({ total: 500, pais: 'UY' }))?.output).toBe('alguno');
    expect((await decide({}))?.output).toBe('alguno');
  });

  it('matches a customer-written pattern (a template) against a 1,000-character customer text in linear time', async () => {
    const matching = testFlow([{
      id: 'decidir', type: 'condition',
      data: { branches: [{ id: 'coincide', match: 'all', rules: [{ left: '{{texto}}', op: 'matches', right: '{{patron}}' }] }] },
    }], []);
    for (const patron of HOSTILE_PATTERNS) {
      const session = { ...startSession({ flow: matching, contact, version: 'draft', now: 0 }), variables: { patron, texto: HOSTILE_TEXT } };
      const result = await runTurn({ flow: matching, session, event: { type: 'text', text: 'x' }, contact, version: 'draft', now: 1, ports: memoryPorts() });
      expect(result.trace[0]?.output).toBe(new RegExp(patron).test('aaaa!') ? 'coincide' : 'else');
    }
  });

  it('takes else when no branch holds', async () => {
    expect((await decide({ total: 50 }))?.output).toBe('else');
  });
});
