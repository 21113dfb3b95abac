// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import type { FlowDocument } from '../../schema/index.ts';
import { useLocale } from '../i18n/index.ts';
import { createEditorStore, EditorStoreProvider, isDirty } from '../store/index.ts';
import { FlowEditorCanvas } from './FlowEditorCanvas.tsx';
import { jsdomLayout } from '../testing/jsdom-layout.ts';

beforeAll(jsdomLayout);
afterEach(cleanup);
beforeEach(() => useLocale.getState().setLocale('es'));

const draft: FlowDocument = {
  schemaVersion: 1, id: 'g', name: 'G', startNodeId: 'hola',
  nodes: [{ id: 'hola', type: 'message', position: { x: 0, y: 0 }, data: { text: 'Hola' } }],
  edges: [],
};
const removed = { id: 'chau', type: 'end' as const, position: { x: 2400, y: 1600 }, data: { text: 'Hasta luego' } };

describe('diff ghosts', () => {
  it('draws a removed node read-only where it was, with its old edge, and centres it when revealed', async () => {
    const store = createEditorStore({ document: draft });
    render(<EditorStoreProvider store={store}><div style={{ width: 1000, height: 800 }}><FlowEditorCanvas /></div></EditorStoreProvider>);
    await screen.findByTestId('node-hola');
    act(() => store.getState().setDiffMarks({
      added: [], removed: ['chau'], changed: ['hola'],
      ghosts: { nodes: [removed], edges: [{ id: 'e1', source: 'hola', sourceHandle: 'next', target: 'chau' }] },
    }));

    const ghost = await screen.findByTestId('ghost-chau');
    expect(ghost.textContent).toContain('Quitado');
    expect(ghost.textContent).toContain('Hasta luego');
    expect(ghost.getAttribute('aria-label')).toBe('Nodo quitado chau (solo para ver)');
    expect(ghost.style.transform).toBe('translate(2400px, 1600px)');
    expect(ghost.closest('.react-flow__viewport')).toBeTruthy();
    expect(screen.getByTestId('ghost-edge-e1').getAttribute('d')).toMatch(/^M/);
    // Not a React Flow node: nothing selects, drags or deletes it, and the document never had it.
    expect(ghost.closest('.react-flow__node')).toBeNull();
    expect(screen.getByTestId('node-hola').className).toContain('flow-node--changed');
    expect(store.getState().document).toBe(draft);
    expect(isDirty(store.getState())).toBe(false);

    const viewport = document.querySelector<HTMLElement>('.react-flow__viewport')!;
    const before = viewport.style.transform;
    act(() => store.getState().reveal('chau'));
    await vi.waitFor(() => expect(viewport.style.transform).not.toBe(before));

    act(() => store.getState().setDiffMarks(null));
    expect(screen.queryByTestId('ghost-chau')).toBeNull();
    expect(screen.queryByTestId('diff-ghosts')).toBeNull();
  });
});
