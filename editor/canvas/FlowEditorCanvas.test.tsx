// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import type { FlowDocument } from '../../schema/index.ts';
import { useLocale } from '../i18n/index.ts';
import { createEditorStore, EditorStoreProvider } from '../store/index.ts';
import { FlowEditorCanvas } from './FlowEditorCanvas.tsx';
import { jsdomLayout } from '../testing/jsdom-layout.ts';
import { Palette } from './Palette.tsx';
import { READABLE_ZOOM } from './readable-viewport.ts';
import { LARGE_FLOW } from './thresholds.ts';

beforeAll(() => {
  jsdomLayout();
  // The canvas fills 1000×800; the overlays (minimap, controls, toolbar) take no room, so placement has the whole view.
  HTMLElement.prototype.getBoundingClientRect = function (this: HTMLElement) {
    const size = this.closest('.react-flow__panel') ? 0 : 1;
    return { x: 0, y: 0, left: 0, top: 0, right: 1000 * size, bottom: 800 * size, width: 1000 * size, height: 800 * size, toJSON: () => ({}) };
  };
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

  it('opens at a readable zoom', async () => {
    renderCanvas();
    await screen.findByTestId('node-menu');
    const viewport = document.querySelector<HTMLElement>('.react-flow__viewport')!;
    await vi.waitFor(() => expect(viewport.style.transform).toMatch(/scale\(/));
    const zoom = Number(/scale\(([\d.]+)\)/.exec(viewport.style.transform)![1]);
    expect(zoom).toBeGreaterThanOrEqual(READABLE_ZOOM);
  });

  it('Shift+click, like Ctrl+click, adds a node to the selection', async () => {
    const store = renderCanvas();
    await screen.findByTestId('node-menu');
    const wrapperOf = (id: string) => document.querySelector(`.react-flow__node[data-id="${id}"]`)!;
    fireEvent.click(wrapperOf('hola'));
    expect(store.getState().selectedNodeIds).toEqual(['hola']);
    fireEvent.keyDown(window, { key: 'Shift', shiftKey: true });
    fireEvent.click(wrapperOf('menu'), { shiftKey: true });
    fireEvent.keyUp(window, { key: 'Shift' });
    expect([...store.getState().selectedNodeIds].sort()).toEqual(['hola', 'menu']);
    fireEvent.keyDown(window, { key: 'Control', ctrlKey: true });
    fireEvent.click(wrapperOf('rama'), { ctrlKey: true });
    fireEvent.keyUp(window, { key: 'Control' });
    expect(store.getState().selectedNodeIds).toHaveLength(3);
  });

  it('nodes take the keyboard focus, named for screen readers; Enter selects the focused one and Delete removes it', async () => {
    const store = renderCanvas();
    await screen.findByTestId('node-menu');
    const menu = document.querySelector<HTMLElement>('.react-flow__node[data-id="menu"]')!;
    expect(menu.tabIndex).toBe(0);
    expect(menu.getAttribute('aria-label')).toBe('Menú: menu');
    expect(menu.getAttribute('aria-roledescription')).toBe('nodo');
    act(() => menu.focus());
    fireEvent.keyDown(menu, { key: 'Enter' });
    expect(store.getState().selectedNodeIds).toEqual(['menu']);
    fireEvent.keyDown(menu, { key: 'Delete' });
    expect(store.getState().document.nodes.map((node) => node.id)).toEqual(['hola', 'rama']);
  });

  it('labels React Flow’s controls and minimap in the UI language', async () => {
    renderCanvas();
    await screen.findByTestId('node-menu');
    expect(screen.getByLabelText('Acercar')).toBeTruthy();
    expect(screen.getByLabelText('Alejar')).toBeTruthy();
    expect(screen.getAllByLabelText('Ver todo')).toHaveLength(2); // the controls' and the toolbar's
    expect(screen.getByLabelText('Minimapa')).toBeTruthy();
    act(() => useLocale.getState().setLocale('pt'));
    expect(screen.getByLabelText('Aproximar')).toBeTruthy();
    expect(screen.queryByLabelText('Zoom In')).toBeNull();
  });

  it('the selected node’s actions are named in the UI language', async () => {
    const store = renderCanvas();
    await screen.findByTestId('node-menu');
    act(() => store.getState().select(['menu']));
    expect((await screen.findByTestId('node-action-duplicate-menu')).getAttribute('aria-label')).toBe('Duplicar (Ctrl+D)');
    fireEvent.click(screen.getByTestId('node-action-duplicate-menu'));
    expect(store.getState().selectedNodeIds).toEqual(['menu_2']);
  });

  it('find matches kinds by their label, counts from 1, and Enter / Shift+Enter go through the matches', async () => {
    const store = renderCanvas();
    await screen.findByTestId('node-menu');
    fireEvent.keyDown(window, { key: 'f', ctrlKey: true });
    const input = await screen.findByTestId('find-input');
    // Under the toolbar, in the same corner: the fit button stays uncovered.
    expect(input.closest('.react-flow__panel')).toBe(screen.getByTestId('canvas-fit').closest('.react-flow__panel'));
    fireEvent.change(input, { target: { value: 'Condición' } });
    expect(screen.getByTestId('find-count').textContent).toBe('1 de 1');
    expect(store.getState().selectedNodeIds).toEqual(['rama']);
    fireEvent.change(input, { target: { value: 'e' } }); // Elegí, Tiene nombre, Mensaje…: every node
    expect(screen.getByTestId('find-count').textContent).toBe('1 de 3');
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(screen.getByTestId('find-count').textContent).toBe('2 de 3');
    expect(store.getState().selectedNodeIds).toEqual(['menu']);
    fireEvent.keyDown(input, { key: 'Enter', shiftKey: true });
    fireEvent.keyDown(input, { key: 'Enter', shiftKey: true });
    expect(screen.getByTestId('find-count').textContent).toBe('3 de 3');
    fireEvent.change(input, { target: { value: 'zzz' } });
    expect(screen.getByTestId('find-count').textContent).toBe('Sin resultados');
  });
});

