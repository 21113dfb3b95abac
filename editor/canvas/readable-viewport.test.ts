import { READABLE_ZOOM, readableViewport } from './readable-viewport.ts';

const VIEW = { width: 1000, height: 800 };
const CARD = { width: 260, height: 140 };

/** Where a flow point lands on screen under a viewport. */
function onScreen(viewport: { x: number; y: number; zoom: number }, point: { x: number; y: number }) {
  return { x: point.x * viewport.zoom + viewport.x, y: point.y * viewport.zoom + viewport.y };
}

describe('the view a flow opens at', () => {
  it('fits a small flow whole, centred, never blown up past 100%', () => {
    const viewport = readableViewport({ x: 0, y: 0, width: 600, height: 300 }, { x: 0, y: 0, ...CARD }, VIEW);
    expect(viewport.zoom).toBe(1);
    expect(onScreen(viewport, { x: 300, y: 150 })).toEqual({ x: 500, y: 400 });
  });

  it('fits a mid-sized flow at the zoom that shows it all, when that is still readable', () => {
    const viewport = readableViewport({ x: 0, y: 0, width: 1200, height: 700 }, null, VIEW);
    expect(viewport.zoom).toBeCloseTo((1000 - 80) / 1200);
    expect(viewport.zoom).toBeGreaterThanOrEqual(READABLE_ZOOM);
  });

  it('a big flow opens at the readable zoom with its start in view, no empty canvas beyond its top-left edge', () => {
    const start = { x: 0, y: 0, ...CARD };
    const viewport = readableViewport({ x: 0, y: 0, width: 4000, height: 3000 }, start, VIEW);
    expect(viewport.zoom).toBe(READABLE_ZOOM);
    const corner = onScreen(viewport, start);
    expect(corner.x).toBeCloseTo(40);
    expect(corner.y).toBeCloseTo(40);
  });

  it('a start in the middle of a wide flow is centred', () => {
    const start = { x: 1870, y: 0, ...CARD };
    const viewport = readableViewport({ x: 0, y: 0, width: 4000, height: 3000 }, start, VIEW);
    expect(onScreen(viewport, { x: 2000, y: 0 }).x).toBeCloseTo(500);
  });
});
