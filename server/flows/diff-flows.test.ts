import { loadFixtureFlow } from '../../fixtures/index.ts';
import { contentHash } from './content-hash.ts';
import { diffFlows } from './diff-flows.ts';

const base = loadFixtureFlow('pizzeria');

describe('diffFlows', () => {
  it('reports edge fields, settings keys and nothing for identical documents', () => {
    const [edge, ...edges] = base.edges;
    const changed = {
      ...base,
      settings: { ...base.settings, maxStepsPerTurn: 20 },
      edges: [{ ...edge!, target: 'fin' }, ...edges],
    };
    expect(diffFlows(base, changed)).toEqual({
      fields: ['settings.maxStepsPerTurn'],
      nodes: { added: [], removed: [], changed: [], fields: {} },
      edges: { added: [], removed: [], changed: [edge!.id], fields: { [edge!.id]: ['target'] } },
    });
    expect(diffFlows(base, structuredClone(base))).toEqual({
      fields: [],
      nodes: { added: [], removed: [], changed: [], fields: {} },
      edges: { added: [], removed: [], changed: [], fields: {} },
    });
  });
});

describe('contentHash', () => {
  it('ignores key order and sees any value change', () => {
    expect(contentHash({ a: 1, b: [1, { c: 2, d: 3 }] })).toBe(contentHash({ b: [1, { d: 3, c: 2 }], a: 1 }));
    expect(contentHash({ a: 1 })).not.toBe(contentHash({ a: 2 }));
    expect(contentHash(base)).toMatch(/^[0-9a-f]{64}$/);
  });
});
