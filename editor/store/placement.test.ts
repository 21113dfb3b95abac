import type { FlowDocument } from '../../schema/index.ts';
import { createEditorStore } from './create-editor-store.ts';
import { estimatedSize } from './layout.ts';
import { newCardSpot, PLACEMENT_MARGIN } from './placement.ts';
import type { Box, Size, VisibleArea } from './types.ts';

/** Two cards side by side in the middle of a 1000×800 view at zoom 1; the minimap in the bottom-right corner. */
const CARD: Size = { width: 260, height: 150 };
const VIEW: VisibleArea = {
  bounds: { x: 0, y: 0, width: 1000, height: 800 },
  reserved: [{ x: 785, y: 635, width: 200, height: 150 }],
};

function flow(): FlowDocument {
  return {
    schemaVersion: 1, id: 'p', name: 'p', startNodeId: 'hola',
    nodes: [
      { id: 'hola', type: 'message', position: { x: 370, y: 325 }, data: { text: 'Hola' } },
      { id: 'menu', type: 'menu', position: { x: 700, y: 325 }, data: { text: 'Elegí', options: [{ id: 'a', title: 'A' }] } },
    ],
    edges: [{ id: 'e1', source: 'hola', sourceHandle: 'next', target: 'menu' }],
  };
}

function setUp() {
  const store = createEditorStore({ document: flow() });
  store.getState().setMeasured({ hola: CARD, menu: CARD });
  store.getState().setVisibleAreaReader(() => (VIEW));
  return store;
}

function boxOf(store: ReturnType<typeof setUp>, id: string): Box {
  const node = store.getState().document.nodes.find((candidate) => candidate.id === id)!;
  // A pasted copy (`hola_2`) is drawn as large as its original.
  const { measured } = store.getState();
  return { ...node.position, ...(measured[id] ?? measured[id.replace(/_\d+$/, '')] ?? estimatedSize(node)) };
}

function apart(a: Box, b: Box, gap: number): boolean {
  return a.x + a.width + gap <= b.x || b.x + b.width + gap <= a.x || a.y + a.height + gap <= b.y || b.y + b.height + gap <= a.y;
}

function within(box: Box, area: Box): boolean {
  return box.x >= area.x && box.y >= area.y && box.x + box.width <= area.x + area.width && box.y + box.height <= area.y + area.height;
}

/** Clear of every other card and of the minimap, inside the view. */
function expectWellPlaced(store: ReturnType<typeof setUp>, id: string) {
  const box = boxOf(store, id);
  for (const other of store.getState().document.nodes.filter((node) => node.id !== id)) {
    expect(apart(box, boxOf(store, other.id), PLACEMENT_MARGIN - 1)).toBe(true);
  }
  expect(apart(box, VIEW.reserved[0]!, 0)).toBe(true);
  expect(within(box, VIEW.bounds)).toBe(true);
}

describe('where new nodes land', () => {
  it('a click in the palette adds the node in the middle of an empty view', () => {
    const store = createEditorStore({ document: { ...flow(), nodes: [], edges: [], startNodeId: '' } });
    store.getState().setVisibleAreaReader(() => (VIEW));
    const id = store.getState().addNodeInView('message')!;
    const box = boxOf(store, id);
    expect(Math.abs(box.x + box.width / 2 - 500)).toBeLessThan(2);
    expect(Math.abs(box.y + 150 / 2 - 400)).toBeLessThan(60);
  });

  it('a click-added node moves to the nearest free spot instead of covering a card, again and again', () => {
    const store = setUp();
    const added = ['message', 'menu', 'question', 'condition', 'end'].map((kind) => store.getState().addNodeInView(kind as 'message')!);
    for (const id of added) expectWellPlaced(store, id);
    expect(store.getState().selectedNodeIds).toEqual([added.at(-1)]);
  });

  it('cards dropped one after another at the same spot each move to the nearest free one', () => {
    const store = setUp();
    const pointer = { x: 420, y: 300 };
    const dropped = ['message', 'menu', 'question', 'api_call'].map((kind) => {
      const state = store.getState();
      return state.addNode(kind as 'message', newCardSpot(state, kind as 'message', (size: Size) => ({ x: pointer.x - size.width / 2, y: pointer.y })))!;
    });
    // The view gets crowded: the last ones may stand closer than the full margin, but never on a card.
    const ids = store.getState().document.nodes.map((node) => node.id);
    for (const id of dropped) {
      for (const other of ids.filter((candidate) => candidate !== id)) expect(apart(boxOf(store, id), boxOf(store, other), 0)).toBe(true);
      expect(within(boxOf(store, id), VIEW.bounds)).toBe(true);
    }
    expect(boxOf(store, dropped[0]!).y).toBeLessThan(300); // the first moved only as far as the nearest free spot
  });

  it('a duplicate lands clear of its original (at least its height away) and of the other cards', () => {
    const store = setUp();
    store.getState().select(['hola']);
    const [copy] = store.getState().duplicate();
    expectWellPlaced(store, copy!);
    const original = boxOf(store, 'hola');
    const moved = boxOf(store, copy!);
    expect(Math.max(Math.abs(moved.x - original.x), Math.abs(moved.y - original.y))).toBeGreaterThanOrEqual(CARD.height);
  });

  it('a multi-node paste keeps its arrangement and lands in view, clear of the cards and the minimap', () => {
    const store = setUp();
    store.getState().select(['hola', 'menu']);
    const text = store.getState().copySelection();
    // Pointed at the minimap's corner: the group moves into the free part of the view.
    const pasted = store.getState().paste(text, { x: 760, y: 600 });
    expect(pasted).toEqual(['hola_2', 'menu_2']);
    const [first, second] = pasted.map((id) => boxOf(store, id));
    expect({ x: second!.x - first!.x, y: second!.y - first!.y }).toEqual({ x: 330, y: 0 });
    for (const id of pasted) {
      for (const other of ['hola', 'menu']) expect(apart(boxOf(store, id), boxOf(store, other), PLACEMENT_MARGIN - 1)).toBe(true);
      expect(apart(boxOf(store, id), VIEW.reserved[0]!, 0)).toBe(true);
      expect(within(boxOf(store, id), VIEW.bounds)).toBe(true);
    }
  });

  it('a paste of nodes copied far away (another flow) comes into view', () => {
    const store = setUp();
    const text = JSON.stringify({ format: 'charla/nodes', version: 1, edges: [],
      nodes: [{ id: 'lejos', type: 'end', position: { x: 9000, y: -7000 }, data: {} }] });
    const [id] = store.getState().paste(text);
    expectWellPlaced(store, id!);
  });

  it('a view with no room left: the node goes to the nearest free spot outside it and the canvas is asked to show it', () => {
    const store = setUp();
    store.getState().setVisibleAreaReader(() => ({ bounds: { x: 360, y: 300, width: 600, height: 200 }, reserved: [] }));
    const id = store.getState().addNodeInView('message')!;
    for (const other of ['hola', 'menu']) expect(apart(boxOf(store, id), boxOf(store, other), PLACEMENT_MARGIN - 1)).toBe(true);
    expect(store.getState().revealRequest?.nodeId).toBe(id);
  });

  it('is one undo step, like any other addition', () => {
    const store = setUp();
    store.getState().addNodeInView('message');
    store.getState().undo();
    expect(store.getState().document.nodes).toHaveLength(2);
  });
});
