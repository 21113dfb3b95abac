import { separateBoxes } from './separate-boxes.ts';

describe('separateBoxes', () => {
  it('leaves boxes already apart where they are', () => {
    const boxes = new Map([['a', { x: 0, y: 0, width: 260, height: 120 }], ['b', { x: 320, y: 0, width: 260, height: 120 }]]);
    expect(separateBoxes(boxes, 60)).toEqual({ a: { x: 0, y: 0 }, b: { x: 320, y: 0 } });
  });

  it('a menu grown wider over its neighbour pushes it the shorter way (here below it), with the gap', () => {
    const boxes = new Map([['menu', { x: 0, y: 0, width: 828, height: 141 }], ['next', { x: 320, y: 10, width: 260, height: 120 }]]);
    expect(separateBoxes(boxes, 60).next).toEqual({ x: 320, y: 201 });
  });

  it('cards dropped on one spot end up apart from each other', () => {
    const boxes = new Map(Array.from({ length: 6 }, (_, i) => [`n${i}`, { x: 100 + i, y: 100, width: 260, height: 140 }] as const));
    const placed = separateBoxes(boxes, 60);
    const list = Object.values(placed);
    for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) {
      const a = list[i]!, b = list[j]!;
      expect(Math.abs(a.x - b.x) >= 320 || Math.abs(a.y - b.y) >= 200).toBe(true);
    }
  });
});
