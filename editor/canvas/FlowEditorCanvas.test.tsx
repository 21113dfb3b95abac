// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import type { FlowDocument } from '../../schema/index.ts';
import { useLocale } from '../i18n/index.ts';
import { createEditorStore, EditorStoreProvider } from '../store/index.ts';
import { FlowEditorCanvas } from './FlowEditorCanvas.tsx';
import { Palette } from './Palette.tsx';
import { LARGE_FLOW } from './thresholds.ts';

/** jsdom lays nothing out: give every element a size so React Flow measures and draws the cards. */
beforeAll(() => {
  globalThis.ResizeObserver = class {
    constructor(private callback: ResizeObserverCallback) {}
    observe(target: Element) { this.callback([{ target } as ResizeObserverEntry], this); }
    unobserve() {}
    disconnect() {}
  };
  (globalThis as unknown as { DOMMatrixReadOnly: unknown }).DOMMatrixReadOnly = class { m22 = 1; };
  Object.defineProperties(HTMLElement.prototype, {
    offsetWidth: { configurable: true, get() { return 1000; } },
    offsetHeight: { configurable: true, get() { return 800; } },
  });
  HTMLElement.prototype.getBoundingClientRect = () => ({ x: 0, y: 0, left: 0, top: 0, right: 1000, bottom: 800, width: 1000, height: 800, toJSON: () => ({}) });
});
afterEach(cleanup);
beforeEach(() => useLocale.getState().setLocale('es'));

const flow: FlowDocument = {
  schemaVersion: 1, id: 'c', name: 'C', startNodeId: 'hola',
  nodes: [
    { id: 'hola', type: 'message', position: { x: 0, y: 0 }, data: { text: 'Hola {{contact.name}}' } },
    { id: 'menu', type: 'menu', position: { x: 400, y: 0 }, data: { text: 'Elegí', options: [{ id: 'pizza', title: 'Pizza' }, { id: 'bebida', title: 'Una bebida demasiado larga' }] } },
    { id: 'rama', type: 'condition', position: { x: 800, y: 0 }, data: { branches: [{ id: 'si', label: 'Tiene nombre', match: 'all', rules: [{ left: '{{contact.name}}', op: 'is_not_empty' }] }] } },
  ],
  edges: [{ id: 'e1', source: 'hola', sourceHandle: 'next', target: 'menu' }],
};

function renderCanvas(options: { readOnly?: boolean } = {}) {
  const store = createEditorStore({ document: flow, readOnly: options.readOnly ?? false });
  render(<EditorStoreProvider store={store}><Palette /><div style={{ width: 1000, height: 800 }}><FlowEditorCanvas /></div></EditorStoreProvider>);
  return store;
}

describe('flow canvas', () => {
  it('draws each node with its content, the start marker and one handle per output', async () => {
    renderCanvas();
    const menu = await screen.findByTestId('node-menu');
    expect(menu.textContent).toContain('Elegí');
    expect(screen.getByTestId('start-hola')).toBeTruthy();
    for (const handle of ['handle-menu-pizza', 'handle-menu-bebida', 'handle-menu-invalid', 'handle-rama-si', 'handle-rama-else', 'handle-hola-next']) {
      expect(screen.getByTestId(handle)).toBeTruthy();
    }
    expect(screen.getByTestId('node-rama').textContent).toContain('Tiene nombre');
  });

  it('shows validation badges on nodes and updates them live', async () => {
    const store = renderCanvas();
    const badge = await screen.findByTestId('badge-menu');
    expect(badge.dataset.severity).toBe('error');
    act(() => store.getState().updateNodeData('menu', { options: [{ id: 'pizza', title: 'Pizza' }, { id: 'bebida', title: 'Bebida' }] }));
    expect(screen.getByTestId('badge-menu').dataset.severity).toBe('warning'); // its outputs still lead nowhere
  });

  it('Delete removes the selection; Ctrl+Z and Ctrl+Shift+Z undo and redo it', async () => {
    const store = renderCanvas();
    await screen.findByTestId('node-menu');
    act(() => store.getState().select(['menu']));
    fireEvent.keyDown(window, { key: 'Delete' });
    expect(screen.queryByTestId('node-menu')).toBeNull();
    expect(store.getState().document.edges).toEqual([]);
    fireEvent.keyDown(window, { key: 'z', ctrlKey: true });
    expect(await screen.findByTestId('node-menu')).toBeTruthy();
    fireEvent.keyDown(window, { key: 'Z', ctrlKey: true, shiftKey: true });
    expect(screen.queryByTestId('node-menu')).toBeNull();
  });

  it('keys typed in a field are not canvas shortcuts', async () => {
    const store = renderCanvas();
    await screen.findByTestId('node-menu');
    act(() => store.getState().select(['menu']));
    const input = document.createElement('input');
    document.body.append(input);
    fireEvent.keyDown(input, { key: 'Backspace' });
    expect(store.getState().document.nodes).toHaveLength(3);
    input.remove();
  });

  it('copies to and pastes from the clipboard events', async () => {
    const store = renderCanvas();
    await screen.findByTestId('node-menu');
    act(() => store.getState().select(['hola', 'menu']));
    let copied = '';
    const copy = new Event('copy', { bubbles: true }) as ClipboardEvent;
    Object.defineProperty(copy, 'clipboardData', { value: { setData: (_: string, text: string) => { copied = text; } } });
    document.dispatchEvent(copy);
    expect(JSON.parse(copied).nodes).toHaveLength(2);
    const paste = new Event('paste', { bubbles: true }) as ClipboardEvent;
    Object.defineProperty(paste, 'clipboardData', { value: { getData: () => copied } });
    act(() => { document.dispatchEvent(paste); });
    expect(await screen.findByTestId('node-menu_2')).toBeTruthy();
    expect(store.getState().document.edges.at(-1)).toMatchObject({ source: 'hola_2', target: 'menu_2' });
  });

  it('the palette adds a node of each kind where the view is', async () => {
    const store = renderCanvas();
    fireEvent.click(screen.getByTestId('palette-question'));
    expect(await screen.findByTestId('node-question_1')).toBeTruthy();
    expect(store.getState().selectedNodeIds).toEqual(['question_1']);
  });

  it('marks the simulator’s active node and the versions diff', async () => {
    const store = renderCanvas();
    await screen.findByTestId('node-menu');
    act(() => {
      store.getState().setHighlightedNode('menu');
      store.getState().setDiffMarks({ added: ['rama'], removed: [], changed: ['hola'] });
    });
    expect(screen.getByTestId('node-menu').className).toContain('flow-node--active');
    expect(screen.getByTestId('node-rama').className).toContain('flow-node--added');
    expect(screen.getByTestId('node-hola').className).toContain('flow-node--changed');
  });

  it('a large flow opens on its start node and draws only the cards in view', async () => {
    const nodes = Array.from({ length: LARGE_FLOW + 50 }, (_, i) => ({
      id: `n${i}`, type: 'message' as const, position: { x: (i % 20) * 320, y: Math.floor(i / 20) * 260 }, data: { text: `Paso ${i}` },
    }));
    const edges = nodes.slice(1).map((node, i) => ({ id: `e${i}`, source: `n${i}`, sourceHandle: 'next', target: node.id }));
    const store = createEditorStore({ document: { ...flow, startNodeId: 'n0', nodes, edges } });
    render(<EditorStoreProvider store={store}><FlowEditorCanvas /></EditorStoreProvider>);
    await screen.findByTestId('node-n0');
    expect(document.querySelectorAll('.react-flow__node').length).toBeLessThan(40);
    // Every drawn card reports its size: React Flow would otherwise draw (and measure) all of them once.
    expect(Object.keys(store.getState().measured).length).toBeLessThan(40);
    expect(screen.queryByTestId(`node-n${LARGE_FLOW + 49}`)).toBeNull();
  });

  it('read-only: no palette, shortcuts change nothing', async () => {
    const store = renderCanvas({ readOnly: true });
    await screen.findByTestId('node-menu');
    expect(screen.queryByTestId('palette-message')).toBeNull();
    expect(screen.getByTestId('canvas-readonly')).toBeTruthy();
    act(() => store.getState().select(['menu']));
    fireEvent.keyDown(window, { key: 'Delete' });
    expect(store.getState().document.nodes).toHaveLength(3);
  });
});
