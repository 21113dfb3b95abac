import { loadFixtureFlow } from '../../fixtures/index.ts';
import type { FlowDocument } from '../../schema/index.ts';
import { LAYOUT_SPACING } from './layout.ts';
import { createEditorStore } from './create-editor-store.ts';
import { hasErrors, isDirty } from './selectors.ts';

function twoNodeFlow(): FlowDocument {
  return {
    schemaVersion: 1, id: 'demo', name: 'Demo', startNodeId: 'hola',
    nodes: [
      { id: 'hola', type: 'message', position: { x: 0, y: 0 }, data: { text: 'Hola' } },
      { id: 'menu', type: 'menu', position: { x: 300, y: 0 }, data: { text: '¿Qué querés?', options: [{ id: 'a', title: 'A' }, { id: 'b', title: 'B' }] } },
    ],
    edges: [{ id: 'e1', source: 'hola', sourceHandle: 'next', target: 'menu' }],
  };
}

describe('document actions', () => {
  it('adds a node with fresh ids and the default data of its kind, selected, start set on an empty flow', () => {
    const store = createEditorStore();
    const first = store.getState().addNode('message', { x: 10.4, y: 20.6 });
    const second = store.getState().addNode('message', { x: 0, y: 0 });
    const state = store.getState();
    expect([first, second]).toEqual(['message_1', 'message_2']);
    expect(state.document.nodes[0]).toEqual({ id: 'message_1', type: 'message', position: { x: 10, y: 21 }, data: { text: '¡Hola! ¿En qué te ayudo?' } });
    expect(state.document.startNodeId).toBe('message_1');
    expect(state.selectedNodeIds).toEqual(['message_2']);
  });

  it('connects an output, and connecting it again replaces its edge', () => {
    const store = createEditorStore({ document: twoNodeFlow() });
    store.getState().addNode('end', { x: 600, y: 0 });
    const first = store.getState().connect({ source: 'menu', sourceHandle: 'a', target: 'end_1' });
    const second = store.getState().connect({ source: 'menu', sourceHandle: 'a', target: 'hola' });
    const fromA = store.getState().document.edges.filter((edge) => edge.source === 'menu' && edge.sourceHandle === 'a');
    expect(first).not.toBeNull();
    expect(fromA).toEqual([{ id: second, source: 'menu', sourceHandle: 'a', target: 'hola' }]);
  });

  it('adds a node already connected from an output, its input where the connection was let go, as one undo step', () => {
    const store = createEditorStore({ document: twoNodeFlow() });
    const id = store.getState().addConnectedNode('question', { source: 'menu', sourceHandle: 'b' }, { x: 430, y: 400 });
    const state = store.getState();
    const node = state.document.nodes.find((candidate) => candidate.id === id)!;
    expect(node.position.y).toBe(400);
    expect(state.document.edges.at(-1)).toMatchObject({ source: 'menu', sourceHandle: 'b', target: id });
    expect(state.selectedNodeIds).toEqual([id]);
    state.undo();
    expect(store.getState().document).toEqual(twoNodeFlow());
  });

  it('gives a new node variable names no other node stores, and warns when one is reused', () => {
    const store = createEditorStore();
    const first = store.getState().addNode('question', { x: 0, y: 0 })!;
    const second = store.getState().addConnectedNode('question', { source: first, sourceHandle: 'next' }, { x: 0, y: 300 })!;
    const variableOf = (id: string) => (store.getState().document.nodes.find((node) => node.id === id)!.data as { variable: string }).variable;
    expect([variableOf(first), variableOf(second)]).toEqual(['nombre', 'nombre_2']);
    store.getState().updateNodeData(second, { variable: 'nombre' });
    expect(store.getState().problems.filter((problem) => problem.code === 'variable_reused'))
      .toEqual([expect.objectContaining({ nodeId: second, pointer: '/nodes/1/data/variable', severity: 'warning' })]);
  });

  it('refuses an edge from an output the node does not have', () => {
    const store = createEditorStore({ document: twoNodeFlow() });
    expect(store.getState().connect({ source: 'menu', sourceHandle: 'zzz', target: 'hola' })).toBeNull();
    expect(store.getState().connect({ source: 'menu', sourceHandle: 'a', target: 'missing' })).toBeNull();
    expect(store.getState().document.edges).toHaveLength(1);
  });

  it('deleting a node deletes its edges too', () => {
    const store = createEditorStore({ document: twoNodeFlow() });
    store.getState().select(['menu']);
    store.getState().deleteSelection();
    const { document, selectedNodeIds } = store.getState();
    expect(document.nodes.map((node) => node.id)).toEqual(['hola']);
    expect(document.edges).toEqual([]);
    expect(selectedNodeIds).toEqual([]);
  });

  it('asks before deleting the start node; other deletes go at once', () => {
    const store = createEditorStore({ document: twoNodeFlow() });
    store.getState().select(['menu']);
    store.getState().requestDeleteSelection();
    expect(store.getState().document.nodes.map((node) => node.id)).toEqual(['hola']);
    store.getState().undo();
    store.getState().select(['hola', 'menu']);
    store.getState().requestDeleteSelection();
    expect(store.getState().startDeletionPending).toBe(true);
    expect(store.getState().document.nodes).toHaveLength(2);
    store.getState().confirmStartDeletion(false);
    expect(store.getState().startDeletionPending).toBe(false);
    expect(store.getState().document.nodes).toHaveLength(2);
    store.getState().requestDeleteSelection();
    store.getState().confirmStartDeletion(true);
    expect(store.getState().document.nodes).toEqual([]);
  });

  it('deletes selected edges and disconnects by id', () => {
    const store = createEditorStore({ document: twoNodeFlow() });
    store.getState().select([], ['e1']);
    store.getState().deleteSelection();
    expect(store.getState().document.edges).toEqual([]);
    store.getState().undo();
    store.getState().disconnect('e1');
    expect(store.getState().document.edges).toEqual([]);
  });

  it('removing a menu option removes the edge that left through it', () => {
    const store = createEditorStore({ document: twoNodeFlow() });
    store.getState().connect({ source: 'menu', sourceHandle: 'b', target: 'hola' });
    store.getState().updateNodeData('menu', { options: [{ id: 'a', title: 'A' }] });
    expect(store.getState().document.edges.map((edge) => edge.sourceHandle)).toEqual(['next']);
  });

  it('updateNodeData drops fields patched to undefined', () => {
    const store = createEditorStore({ document: twoNodeFlow() });
    store.getState().updateNodeData('menu', { footer: 'pie' });
    store.getState().updateNodeData('menu', { footer: undefined });
    expect(Object.keys(store.getState().document.nodes[1]!.data)).toEqual(['text', 'options']);
  });

  it('moves nodes, sets the start node and names nodes', () => {
    const store = createEditorStore({ document: twoNodeFlow() });
    store.getState().moveNodes({ menu: { x: 5, y: 6 } });
    store.getState().setStartNode('menu');
    store.getState().setNodeLabel('menu', 'Principal');
    const menu = store.getState().document.nodes[1]!;
    expect(menu.position).toEqual({ x: 5, y: 6 });
    expect(menu.label).toBe('Principal');
    expect(store.getState().document.startNodeId).toBe('menu');
  });

  it('lays the flow out top to bottom with dagre, spaced by the measured sizes, as one undo step', () => {
    const store = createEditorStore({ document: loadFixtureFlow('pizzeria') });
    // A tall card (as the canvas measured it): the next rank starts below it, not below a default height.
    store.getState().setMeasured({ bienvenida: { width: 300, height: 400 } });
    store.getState().layout();
    const { document } = store.getState();
    const at = (id: string) => document.nodes.find((node) => node.id === id)!.position;
    for (const edge of document.edges.filter((candidate) => candidate.source === 'bienvenida')) {
      expect(at(edge.target).y).toBeGreaterThanOrEqual(at('bienvenida').y + 400 + LAYOUT_SPACING.rank);
    }
    // The order's main path reads down the page.
    const path = ['bienvenida', 'menu_principal', 'menu_pizzas', 'menu_tamano', 'pregunta_nombre', 'formulario_envio', 'consultar_precio'];
    const heights = path.map((id) => at(id).y);
    expect(heights).toEqual([...heights].sort((a, b) => a - b));
    expect(new Set(heights).size).toBe(path.length);
    // A menu's branches sit left to right in the order of its options, none overlapping.
    const branches = document.edges.filter((edge) => edge.source === 'menu_pizzas' && edge.sourceHandle !== 'invalid').map((edge) => at(edge.target).x);
    expect(branches).toEqual([...branches].sort((a, b) => a - b));
    for (let i = 1; i < branches.length; i++) expect(branches[i]! - branches[i - 1]!).toBeGreaterThanOrEqual(260 + LAYOUT_SPACING.node);
    expect(store.getState().past).toHaveLength(1);
    store.getState().undo();
    expect(store.getState().document).toEqual(loadFixtureFlow('pizzeria'));
  });

  it('validates live: a node with an empty text reports an error until it is typed', () => {
    const store = createEditorStore({ document: twoNodeFlow() });
    expect(hasErrors(store.getState())).toBe(false);
    store.getState().updateNodeData('menu', { text: '' });
    expect(store.getState().problems.some((problem) => problem.nodeId === 'menu' && problem.severity === 'error')).toBe(true);
    expect(hasErrors(store.getState())).toBe(true);
    store.getState().updateNodeData('menu', { text: 'Elegí' });
    expect(hasErrors(store.getState())).toBe(false);
  });

  it('tracks dirtiness against the saved version, so edits during a save stay dirty', () => {
    const store = createEditorStore({ document: twoNodeFlow(), revision: 4 });
    expect(isDirty(store.getState())).toBe(false);
    store.getState().moveNodes({ hola: { x: 1, y: 1 } });
    const sent = store.getState().documentVersion;
    store.getState().moveNodes({ hola: { x: 2, y: 2 } }, { coalesce: 'other' });
    store.getState().markSaved(5, sent);
    expect(store.getState().revision).toBe(5);
    expect(isDirty(store.getState())).toBe(true);
    store.getState().markSaved(6);
    expect(isDirty(store.getState())).toBe(false);
  });

  it('read-only mode refuses every edit but still loads documents', () => {
    const store = createEditorStore({ document: twoNodeFlow(), readOnly: true });
    expect(store.getState().addNode('end', { x: 0, y: 0 })).toBeNull();
    store.getState().select(['menu']);
    store.getState().deleteSelection();
    store.getState().updateNodeData('hola', { text: 'x' });
    expect(store.getState().document).toEqual(twoNodeFlow());
    store.getState().loadDocument({ ...twoNodeFlow(), name: 'Otro' }, 9);
    expect(store.getState().document.name).toBe('Otro');
  });
});
