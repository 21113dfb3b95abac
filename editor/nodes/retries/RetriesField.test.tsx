// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import type { FlowNode } from '../../../schema/index.ts';
import { useLocale } from '../../i18n/index.ts';
import { renderInspector } from '../../testing/render-inspector.tsx';
import { nodeEditors } from '../index.ts';

afterEach(cleanup);

const menu = { text: 'Elegí', options: [{ id: 'pizza', title: 'Pizza' }] };
const question = { text: '¿Tu email?', variable: 'email', input: 'email' as const };

/** Adds a node of `kind` (id `target`) and links the inspected node's `invalid` output to it. */
function linkInvalidTo(store: ReturnType<typeof renderInspector>['store'], kind: 'ai_intent' | 'message') {
  act(() => {
    const { document, commit, connect, endGesture } = store.getState();
    const target = { id: 'target', type: kind, position: { x: 0, y: 200 }, data: nodeEditors[kind].create('es') } as FlowNode;
    commit({ ...document, nodes: [...document.nodes, target] });
    connect({ source: 'n', sourceHandle: 'invalid', target: 'target' });
    endGesture();
  });
}

describe('retries field (menus and questions)', () => {
  it('says when the invalid output is taken, with the live count and its plural', () => {
    renderInspector('menu', menu);
    expect(screen.getByTestId('retries-hint').textContent).toBe(
      'Tras 2 reintentos, la respuesta va a la salida «Respuesta inválida». Con 0 reintentos, el texto libre va directo a esa salida — útil para mandarlo a una Intención IA.');
    fireEvent.change(screen.getByTestId('field-maxRetries'), { target: { value: '1' } });
    expect(screen.getByTestId('retries-hint').textContent).toMatch(/^Tras 1 reintento, /);
    fireEvent.change(screen.getByTestId('field-maxRetries'), { target: { value: '0' } });
    expect(screen.getByTestId('retries-hint').textContent).toMatch(/^Con 0 reintentos, la respuesta no válida va directo/);
  });

  it('is worded in the UI language', () => {
    renderInspector('question', question);
    act(() => useLocale.getState().setLocale('en'));
    expect(screen.getByTestId('retries-hint').textContent).toMatch(/^After 2 retries, the answer goes to the “Invalid answer” output/);
    act(() => useLocale.getState().setLocale('es'));
  });

  it('suggests sending free text straight to an AI intent, and does it in one undoable edit', () => {
    const { store, data } = renderInspector('menu', { ...menu, maxRetries: 3 });
    expect(screen.queryByTestId('retries-suggestion')).toBeNull();
    linkInvalidTo(store, 'ai_intent');
    expect(screen.getByTestId('retries-suggestion').textContent).toContain('se vuelve a preguntar 3 veces');
    fireEvent.click(screen.getByTestId('retries-send-direct'));
    expect(data().maxRetries).toBe(0);
    expect(screen.queryByTestId('retries-suggestion')).toBeNull();
    act(() => store.getState().undo());
    expect(data().maxRetries).toBe(3);
    expect(store.getState().document.edges).toHaveLength(1);
  });

  it('suggests it for a question with the default retries too, not when invalid leads elsewhere', () => {
    const { store, data } = renderInspector('question', question);
    linkInvalidTo(store, 'message');
    expect(screen.queryByTestId('retries-suggestion')).toBeNull();
    act(() => {
      const { document, commit } = store.getState();
      commit({ ...document, nodes: document.nodes.map((node) => node.id === 'target' ? { ...node, type: 'ai_intent', data: nodeEditors.ai_intent.create('es') } as FlowNode : node) });
    });
    expect(screen.getByTestId('retries-suggestion').textContent).toContain('2 veces');
    fireEvent.click(screen.getByTestId('retries-send-direct'));
    expect(data().maxRetries).toBe(0);
  });
});
