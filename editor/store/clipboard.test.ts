import type { FlowDocument } from '../../schema/index.ts';
import { CLIPBOARD_FORMAT } from './clipboard-payload.ts';
import { createEditorStore } from './create-editor-store.ts';

function flow(id: string): FlowDocument {
  return {
    schemaVersion: 1, id, name: id, startNodeId: 'hola',
    nodes: [
      { id: 'hola', type: 'message', position: { x: 0, y: 0 }, data: { text: 'Hola' } },
      { id: 'menu', type: 'menu', position: { x: 300, y: 50 }, data: { text: 'Elegí', options: [{ id: 'a', title: 'A' }] } },
      { id: 'fin', type: 'end', position: { x: 600, y: 0 }, data: {} },
    ],
    edges: [
      { id: 'e1', source: 'hola', sourceHandle: 'next', target: 'menu' },
      { id: 'e2', source: 'menu', sourceHandle: 'a', target: 'fin' },
    ],
  };
}

describe('copy and paste', () => {
  it('copies the selected nodes and only the edges between them, as JSON text', () => {
    const store = createEditorStore({ document: flow('uno') });
    store.getState().select(['hola', 'menu']);
    const payload = JSON.parse(store.getState().copySelection()!);
    expect(payload.format).toBe(CLIPBOARD_FORMAT);
    expect(payload.nodes.map((node: { id: string }) => node.id)).toEqual(['hola', 'menu']);
    expect(payload.edges.map((edge: { id: string }) => edge.id)).toEqual(['e1']);
  });

  it('pastes into the same flow under fresh node and edge ids, offset, selected', () => {
    const store = createEditorStore({ document: flow('uno') });
    store.getState().select(['hola', 'menu']);
    const text = store.getState().copySelection();
    const pasted = store.getState().paste(text);
    const { document, selectedNodeIds } = store.getState();
    expect(pasted).toEqual(['hola_2', 'menu_2']);
    expect(selectedNodeIds).toEqual(pasted);
    const copy = document.edges.at(-1)!;
    expect(copy).toMatchObject({ source: 'hola_2', sourceHandle: 'next', target: 'menu_2' });
    expect(['e1', 'e2']).not.toContain(copy.id);
    const at = (id: string) => document.nodes.find((node) => node.id === id)!.position;
    // Just below the originals (placement.test.ts has the rules), in the same arrangement.
    expect(at('menu_2')).toEqual({ x: at('hola_2').x + 300, y: at('hola_2').y + 50 });
    expect(at('hola_2').x).toBe(0);
    expect(at('hola_2').y).toBeGreaterThan(200);
    expect(store.getState().problems.filter((problem) => problem.code.startsWith('duplicate'))).toEqual([]);
  });

  it('pastes into another flow (another store) from the text, at a given point', () => {
    const source = createEditorStore({ document: flow('uno') });
    source.getState().select(['menu', 'fin']);
    const text = source.getState().copySelection();
    const target = createEditorStore({ document: flow('dos') });
    target.getState().paste(text, { x: 1000, y: 1000 });
    const added = target.getState().document.nodes.slice(3);
    expect(added.map((node) => [node.id, node.position])).toEqual([['menu_2', { x: 1000, y: 1050 }], ['fin_2', { x: 1300, y: 1000 }]]);
    expect(target.getState().document.edges.at(-1)).toMatchObject({ source: 'menu_2', sourceHandle: 'a', target: 'fin_2' });
  });

  it('falls back to the in-memory copy when the clipboard text is not ours or missing', () => {
    const store = createEditorStore({ document: flow('uno') });
    store.getState().select(['fin']);
    store.getState().copySelection();
    expect(store.getState().paste('just some text')).toEqual(['fin_2']);
    expect(store.getState().paste(null)).toEqual(['fin_3']);
  });

  it('the in-memory fallback also pastes into another flow', () => {
    const source = createEditorStore({ document: flow('uno') });
    source.getState().select(['fin']);
    source.getState().copySelection();
    const target = createEditorStore({ document: flow('dos') });
    expect(target.getState().paste(null)).toEqual(['fin_2']);
  });

  it('never pastes a malformed payload (the in-memory copy serves instead)', () => {
    const store = createEditorStore({ document: flow('uno') });
    const bad = JSON.stringify({ format: CLIPBOARD_FORMAT, version: 1, nodes: [{ id: 'x', type: 'nope', position: { x: 0, y: 0 }, data: {} }], edges: [] });
    store.getState().paste(bad);
    expect(store.getState().document.nodes.map((node) => node.type)).not.toContain('nope');
  });

  it('a paste is one undo step; duplicate copies without touching the clipboard', () => {
    const store = createEditorStore({ document: flow('uno') });
    store.getState().select(['hola']);
    expect(store.getState().duplicate()).toEqual(['hola_2']);
    expect(store.getState().clipboard).toBeNull();
    store.getState().undo();
    expect(store.getState().document.nodes).toHaveLength(3);
  });
});
