import { popoverPlacement } from './popover-placement.ts';

const rect = (top: number, bottom: number, right = 1400) => ({ top, bottom, right, left: right - 300, width: 300, height: bottom - top, x: right - 300, y: top, toJSON: () => ({}) }) as DOMRect;

describe('variable picker placement', () => {
  it('opens below the field tools when the window has room, as tall as it wants', () => {
    const placement = popoverPlacement(rect(100, 160), rect(160, 180), { width: 1440, height: 900 });
    expect(placement).toMatchObject({ side: 'below', offset: 184, maxHeight: 220, right: 40 });
  });

  it('flips above the field (never over it) when there is no room below', () => {
    const placement = popoverPlacement(rect(700, 760), rect(760, 780), { width: 1440, height: 900 });
    expect(placement.side).toBe('above');
    // Its bottom edge sits 4px above the field's top.
    expect(900 - placement.offset).toBe(696);
    expect(placement.maxHeight).toBe(220);
  });

  it('takes the larger side when neither fits, and shrinks to it', () => {
    const placement = popoverPlacement(rect(150, 250), rect(250, 270), { width: 1440, height: 400 });
    expect(placement).toMatchObject({ side: 'above', maxHeight: 142 });
  });
});
