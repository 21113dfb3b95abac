import { findCycles } from './find-cycles.ts';

const graphOf = (edges: Record<string, string[]>) => (id: string) => edges[id] ?? [];

describe('findCycles', () => {
  it('lists each loop once, members in the given order, and ignores unknown targets', () => {
    const next = graphOf({ a: ['b'], b: ['c', 'x'], c: ['a'], d: ['d'], e: ['a'] });
    expect(findCycles(['e', 'd', 'c', 'b', 'a'], next)).toEqual([['d'], ['c', 'b', 'a']]);
    expect(findCycles(['a', 'b'], graphOf({ a: ['b'] }))).toEqual([]);
  });

  it('walks a 20,000-node chain without overflowing the stack', () => {
    const ids = Array.from({ length: 20_000 }, (_, i) => `n${i}`);
    const next = (id: string) => (id === 'n19999' ? ['n0'] : [`n${Number(id.slice(1)) + 1}`]);
    expect(findCycles(ids, next)[0]).toHaveLength(20_000);
  });
});
