import type { FlowDocument } from '../../schema/index.ts';
import { createEditorStore } from './create-editor-store.ts';
import { canRedo, canUndo } from './selectors.ts';

const flow: FlowDocument = {
  schemaVersion: 1, id: 'demo', name: 'Demo', startNodeId: 'hola',
  nodes: [{ id: 'hola', type: 'message', position: { x: 0, y: 0 }, data: { text: '' } }],
  edges: [],
};
const text = (store: ReturnType<typeof createEditorStore>) => (store.getState().document.nodes[0]!.data as { text: string }).text;

describe('undo and redo per gesture', () => {
  it('a drag (many position changes) is one step', () => {
    const store = createEditorStore({ document: flow });
    for (let x = 1; x <= 20; x++) store.getState().moveNodes({ hola: { x, y: x } }, { coalesce: 'drag' });
    store.getState().endGesture();
    store.getState().moveNodes({ hola: { x: 100, y: 100 } }, { coalesce: 'drag' });
    store.getState().undo();
    expect(store.getState().document.nodes[0]!.position).toEqual({ x: 20, y: 20 });
    store.getState().undo();
    expect(store.getState().document.nodes[0]!.position).toEqual({ x: 0, y: 0 });
    expect(canUndo(store.getState())).toBe(false);
  });

  it('typing in one field coalesces; blurring it (endGesture) starts a new step', () => {
    const store = createEditorStore({ document: flow });
    for (const typed of ['H', 'Ho', 'Hol', 'Hola']) store.getState().updateNodeData('hola', { text: typed });
    store.getState().endGesture();
    store.getState().updateNodeData('hola', { text: 'Hola!' });
    store.getState().undo();
    expect(text(store)).toBe('Hola');
    store.getState().undo();
    expect(text(store)).toBe('');
  });

  it('typing in another field is another step', () => {
    const store = createEditorStore({ document: flow });
    store.getState().updateNodeData('hola', { text: 'a' });
    store.getState().setNodeLabel('hola', 'Saludo');
    store.getState().updateNodeData('hola', { text: 'ab' });
    store.getState().undo();
    expect(text(store)).toBe('a');
    expect(store.getState().document.nodes[0]!.label).toBe('Saludo');
  });

  it('redo replays undone steps and a new change clears them', () => {
    const store = createEditorStore({ document: flow });
    store.getState().addNode('end', { x: 0, y: 0 });
    store.getState().addNode('end', { x: 0, y: 0 });
    store.getState().undo();
    store.getState().undo();
    expect(store.getState().document.nodes).toHaveLength(1);
    store.getState().redo();
    expect(store.getState().document.nodes).toHaveLength(2);
    expect(canRedo(store.getState())).toBe(true);
    store.getState().moveNodes({ hola: { x: 9, y: 9 } });
    expect(canRedo(store.getState())).toBe(false);
  });

  it('selection, highlights and viewport are never recorded', () => {
    const store = createEditorStore({ document: flow });
    store.getState().select(['hola']);
    store.getState().setHighlightedNode('hola');
    store.getState().setVisibleAreaReader(() => ({ bounds: { x: 5, y: 5, width: 100, height: 100 }, reserved: [] }));
    store.getState().setMeasured({ hola: { width: 1, height: 1 } });
    expect(store.getState().past).toHaveLength(0);
    expect(store.getState().documentVersion).toBe(1);
  });

  it('undo and redo count as document changes for autosave', () => {
    const store = createEditorStore({ document: flow });
    store.getState().updateNodeData('hola', { text: 'x' });
    const before = store.getState().documentVersion;
    store.getState().undo();
    expect(store.getState().documentVersion).toBe(before + 1);
  });

  it('loading a document clears the history', () => {
    const store = createEditorStore({ document: flow });
    store.getState().updateNodeData('hola', { text: 'x' });
    store.getState().loadDocument(flow, 2);
    expect(canUndo(store.getState())).toBe(false);
  });
});

describe('validation of large flows', () => {
  afterEach(() => vi.useRealTimers());

  it('waits for a pause in the edits, then validates once', async () => {
    const { IMMEDIATE_VALIDATION_LIMIT, DEFERRED_VALIDATION_MS } = await import('./store-deps.ts');
    vi.useFakeTimers();
    const nodes = Array.from({ length: IMMEDIATE_VALIDATION_LIMIT + 1 }, (_, i) => ({
      id: `n${i}`, type: 'end' as const, position: { x: 0, y: 0 }, data: {},
    }));
    let runs = 0;
    const store = createEditorStore({
      document: { ...flow, startNodeId: 'n0', nodes },
      validate: (document) => { runs++; return { problems: document.nodes.some((node) => node.label === 'bad') ? [{ severity: 'error', code: 'too_long', message: 'x', pointer: '' }] : [] }; },
    });
    runs = 0;
    store.getState().setNodeLabel('n1', 'ba');
    store.getState().setNodeLabel('n1', 'bad');
    expect(runs).toBe(0);
    expect(store.getState().problems).toEqual([]);
    vi.advanceTimersByTime(DEFERRED_VALIDATION_MS);
    expect(runs).toBe(1);
    expect(store.getState().problems).toHaveLength(1);
  });
});
