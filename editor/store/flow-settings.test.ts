import type { FlowDocument } from '../../schema/index.ts';
import { createEditorStore } from './create-editor-store.ts';
import { canUndo, isDirty } from './selectors.ts';

const flow: FlowDocument = {
  schemaVersion: 1, id: 'demo', name: 'Demo', startNodeId: 'hola',
  nodes: [{ id: 'hola', type: 'message', position: { x: 0, y: 0 }, data: { text: 'Hola' } }],
  edges: [],
};
const open = () => createEditorStore({ document: flow });

describe('flow settings actions', () => {
  it('typing the description is one undo step until the field blurs; emptying it removes the field', () => {
    const store = open();
    for (const typed of ['P', 'Pe', 'Ped', 'Pedidos']) store.getState().updateFlowInfo({ description: typed });
    store.getState().endGesture();
    store.getState().updateFlowInfo({ description: '' });
    expect('description' in store.getState().document).toBe(false);
    store.getState().undo();
    expect(store.getState().document.description).toBe('Pedidos');
    store.getState().undo();
    expect(store.getState().document).toEqual(flow);
    expect(canUndo(store.getState())).toBe(false);
  });

  it('renames and changes the language, each its own step, and marks the draft dirty for autosave', () => {
    const store = open();
    store.getState().updateFlowInfo({ name: 'Pizzería' });
    store.getState().updateFlowInfo({ language: 'pt' });
    expect(isDirty(store.getState())).toBe(true);
    expect(store.getState().document).toMatchObject({ name: 'Pizzería', language: 'pt' });
    store.getState().undo();
    expect(store.getState().document).toMatchObject({ name: 'Pizzería' });
    expect(store.getState().document.language).toBeUndefined();
    store.getState().redo();
    expect(store.getState().document.language).toBe('pt');
  });

  it('merges settings; clearing one falls back to its default, clearing all drops `settings`', () => {
    const store = open();
    store.getState().updateSettings({ sessionTimeoutMinutes: 60 });
    store.getState().updateSettings({ restartKeywords: ['menú', 'volver'] });
    expect(store.getState().document.settings).toEqual({ sessionTimeoutMinutes: 60, restartKeywords: ['menú', 'volver'] });
    store.getState().updateSettings({ sessionTimeoutMinutes: undefined });
    store.getState().updateSettings({ restartKeywords: undefined });
    expect('settings' in store.getState().document).toBe(false);
    store.getState().undo();
    expect(store.getState().document.settings).toEqual({ restartKeywords: ['menú', 'volver'] });
  });

  it('typing a number setting coalesces; another setting is another step', () => {
    const store = open();
    store.getState().updateSettings({ maxStepsPerTurn: 1 });
    store.getState().updateSettings({ maxStepsPerTurn: 12 });
    store.getState().updateSettings({ handoffKeywords: ['asesor'] });
    store.getState().undo();
    expect(store.getState().document.settings).toEqual({ maxStepsPerTurn: 12 });
    store.getState().undo();
    expect(store.getState().document.settings).toBeUndefined();
  });

  it('declares, edits and removes variables; invalid names are stored and reported by validation', () => {
    const store = open();
    expect(store.getState().addVariable()).toBe(0);
    expect(store.getState().addVariable()).toBe(1);
    expect(store.getState().document.variables).toEqual([{ name: 'variable_1', type: 'string' }, { name: 'variable_2', type: 'string' }]);
    store.getState().updateVariable(0, { name: 'pedido', type: 'object', description: 'El pedido en curso' });
    store.getState().updateVariable(1, { name: '2mal' });
    const problem = store.getState().problems.find((candidate) => candidate.pointer === '/variables/1/name');
    expect(problem?.code).toBe('invalid_variable_name');
    store.getState().updateVariable(0, { description: '' });
    expect(store.getState().document.variables![0]).toEqual({ name: 'pedido', type: 'object' });
    store.getState().removeVariable(1);
    store.getState().removeVariable(0);
    expect('variables' in store.getState().document).toBe(false);
    store.getState().undo();
    expect(store.getState().document.variables).toEqual([{ name: 'pedido', type: 'object' }]);
  });

  it('a declared variable silences the undefined-variable warning of a template', () => {
    const store = open();
    store.getState().updateNodeData('hola', { text: 'Hola {{cliente}}' });
    expect(store.getState().problems.map((problem) => problem.code)).toContain('undefined_variable');
    store.getState().addVariable({ name: 'cliente', type: 'string' });
    expect(store.getState().problems.map((problem) => problem.code)).not.toContain('undefined_variable');
  });

  it('read-only refuses every flow-level edit', () => {
    const store = createEditorStore({ document: flow, readOnly: true });
    store.getState().updateFlowInfo({ name: 'Otro' });
    store.getState().updateSettings({ maxStepsPerTurn: 5 });
    expect(store.getState().addVariable()).toBeNull();
    expect(store.getState().document).toEqual(flow);
  });

  it('opening the settings clears the node selection and asks for a field; selecting a node closes them', () => {
    const store = open();
    store.getState().select(['hola']);
    store.getState().openSettings('settings.maxStepsPerTurn');
    expect(store.getState()).toMatchObject({ settingsOpen: true, selectedNodeIds: [], settingsFocusRequest: { field: 'settings.maxStepsPerTurn' } });
    store.getState().setSelected({ nodes: { hola: true } });
    expect(store.getState().settingsOpen).toBe(false);
    store.getState().openSettings();
    store.getState().closeSettings();
    expect(store.getState().settingsOpen).toBe(false);
  });
});
