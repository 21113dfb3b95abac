import { generateFlow } from '../../fixtures/generate-flow.ts';
import { validateFlow } from './validate-flow.ts';

/** A small deterministic PRNG (mulberry32), so a failure always reproduces. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Every [container, key] pair in a JSON value. */
function slots(value: unknown, found: Array<[Record<string, unknown>, string]> = []): Array<[Record<string, unknown>, string]> {
  if (typeof value === 'object' && value !== null) {
    for (const key of Object.keys(value)) {
      found.push([value as Record<string, unknown>, key]);
      slots((value as Record<string, unknown>)[key], found);
    }
  }
  return found;
}

const replacements: unknown[] = [null, 0, -1, 1.5, '', 'x', 'SUCCESS', 'inicio', 'invalid', '{{', '${form.x}', [], [{}], {}, true, 'https://a', 'menu_1'];

it('never throws, whatever a document holds (400 seeded mutations)', () => {
  const next = random(20_240_601);
  for (let round = 0; round < 400; round++) {
    const document = generateFlow(17) as unknown;
    for (let change = 0; change < 1 + Math.floor(next() * 3); change++) {
      const all = slots(document);
      const [container, key] = all[Math.floor(next() * all.length)]!;
      if (next() < 0.2) delete container[key];
      else container[key] = replacements[Math.floor(next() * replacements.length)];
    }
    const { problems } = validateFlow(document);
    for (const problem of problems) expect(typeof problem.message).toBe('string');
  }
});
