// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { FlowDocument } from '../../schema/index.ts';
import type { FlowDiff, VersionSummary } from '../api/types.ts';
import { useLocale } from '../i18n/index.ts';
import { createEditorStore, EditorStoreProvider, isDirty, type EditorStore } from '../store/index.ts';
import { diffGhosts } from './diff-ghosts.ts';
import { VersionsPanel } from './versions-panel.tsx';

afterEach(cleanup);
beforeEach(() => useLocale.getState().setLocale('es'));

// Version 1 had a goodbye after the greeting; the draft dropped it, reworded the greeting and added a menu.
const version1: FlowDocument = {
  schemaVersion: 1, id: 'demo', name: 'Demo', startNodeId: 'hola',
  nodes: [
    { id: 'hola', type: 'message', position: { x: 0, y: 0 }, data: { text: 'Hola' } },
    { id: 'chau', type: 'end', position: { x: 400, y: 80 }, label: 'Despedida', data: { text: 'Chau' } },
  ],
  edges: [{ id: 'e1', source: 'hola', sourceHandle: 'next', target: 'chau' }],
};
const draft: FlowDocument = {
  ...version1,
  nodes: [
    { id: 'hola', type: 'message', position: { x: 0, y: 0 }, data: { text: 'Hola de nuevo' } },
    { id: 'menu', type: 'menu', position: { x: 400, y: 0 }, data: { text: 'Elegí', options: [{ id: 'a', title: 'A' }] } },
  ],
  edges: [{ id: 'e2', source: 'hola', sourceHandle: 'next', target: 'menu' }],
};
const diff: FlowDiff = {
  from: '1', to: 'draft', fields: ['settings.maxStepsPerTurn'],
  nodes: { added: ['menu'], removed: ['chau'], changed: ['hola'], fields: { hola: ['data.text'] } },
  edges: { added: ['e2'], removed: ['e1'], changed: [], fields: {} },
};
const versions: VersionSummary[] = [{ version: 1, contentHash: 'a', author: 'ana', note: null, createdAt: Date.UTC(2025, 0, 1), live: true }];

function fakeApi(answer: () => Promise<FlowDiff> = async () => diff) {
  const calls: string[] = [];
  return {
    calls,
    listVersions: async () => versions,
    setLive: async () => ({ id: 'demo', liveVersion: 1 }),
    diff: async (_id: string, from: unknown, to: unknown) => { calls.push(`diff ${String(from)} ${String(to)}`); return answer(); },
    getVersion: async (_id: string, version: number) => { calls.push(`get ${version}`); return version1; },
  };
}

function renderPanel(store: EditorStore, api = fakeApi()) {
  const panel = (props: { liveVersion: number; versionsKey: number }) => (
    <EditorStoreProvider store={store}>
      <VersionsPanel api={api} flowId="demo" canPublish liveVersion={props.liveVersion} onLiveChange={() => {}} saveDraft={async () => true}
        versionsKey={props.versionsKey} />
    </EditorStoreProvider>
  );
  const view = render(panel({ liveVersion: 1, versionsKey: 0 }));
  return { api, rerender: (props: { liveVersion: number; versionsKey: number }) => view.rerender(panel(props)), unmount: view.unmount };
}

async function compare() {
  fireEvent.click(await screen.findByTestId('diff-compare'));
  await screen.findByTestId('diff-summary');
}

describe('versions diff marks', () => {
  it('draws removed nodes as ghosts from the older version, outside the document, its history and autosave', async () => {
    const store = createEditorStore({ document: draft, revision: 3 });
    const { api } = renderPanel(store);
    await compare();
    expect(api.calls).toEqual(['diff 1 draft', 'get 1']);
    const marks = store.getState().diffMarks;
    expect(marks).toMatchObject({ added: ['menu'], removed: ['chau'], changed: ['hola'] });
    expect(marks?.ghosts).toEqual({ nodes: [version1.nodes[1]], edges: [version1.edges[0]] });
    const state = store.getState();
    expect(state.document).toBe(draft);
    expect(state.past).toEqual([]);
    expect(isDirty(state)).toBe(false);

    // The list names each node, says what changed in words, and a removed node centres its ghost.
    expect(screen.getByTestId('diff-node-chau').textContent).toBe('Despedida chau');
    expect(screen.getByTestId('diff-node-hola').textContent).toBe('Mensaje hola · textotextoHolaHola de nuevo');
    // The old text and the new, side by side.
    const text = screen.getByTestId('diff-value-hola-data.text');
    expect(within(text).getByLabelText('Antes').textContent).toBe('Hola');
    expect(within(text).getByLabelText('Después').textContent).toBe('Hola de nuevo');
    expect(screen.getByText('Otros campos: ajustes')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Despedida' }));
    expect(store.getState().revealRequest?.nodeId).toBe('chau');
  });

  it('clears the marks on a publish, a roll back and closing the panel; the clear button shows while any are on', async () => {
    const store = createEditorStore({ document: draft });
    const { rerender, unmount } = renderPanel(store);
    await compare();
    expect(screen.getByTestId('diff-clear')).toBeTruthy();
    rerender({ liveVersion: 2, versionsKey: 1 }); // published version 2
    expect(store.getState().diffMarks).toBeNull();
    expect(screen.queryByTestId('diff-clear')).toBeNull();

    await compare();
    rerender({ liveVersion: 1, versionsKey: 1 }); // rolled back to version 1
    expect(store.getState().diffMarks).toBeNull();
    expect(screen.queryByTestId('diff-summary')).toBeNull();

    act(() => store.getState().setDiffMarks({ added: [], removed: [], changed: ['hola'] }));
    fireEvent.click(screen.getByTestId('diff-clear'));
    expect(store.getState().diffMarks).toBeNull();

    await compare();
    unmount(); // the panel closed
    expect(store.getState().diffMarks).toBeNull();
  });

  it('a comparison answered after the panel closed marks nothing', async () => {
    let answer!: (value: FlowDiff) => void;
    const store = createEditorStore({ document: draft });
    const { unmount } = renderPanel(store, fakeApi(() => new Promise((resolve) => { answer = resolve; })));
    fireEvent.click(await screen.findByTestId('diff-compare'));
    await waitFor(() => expect(answer).toBeDefined());
    unmount();
    await act(async () => answer(diff));
    expect(store.getState().diffMarks).toBeNull();
  });

  it('restores a version into the draft as one undoable edit, after asking; nothing goes live', async () => {
    const store = createEditorStore({ document: draft, revision: 3 });
    const { api } = renderPanel(store);
    fireEvent.click(await screen.findByTestId('version-restore-1'));
    expect(screen.getByTestId('restore-version-dialog').textContent).toContain('¿Restaurar la versión 1 en el borrador?');
    await act(async () => { fireEvent.click(screen.getByTestId('restore-version-confirm')); });
    expect(store.getState().document).toEqual(version1);
    expect(isDirty(store.getState())).toBe(true);
    expect(screen.getByTestId('version-restored').textContent).toBe('Borrador restaurado desde la versión 1.');
    expect(api.calls).toEqual(['get 1']);
    act(() => store.getState().undo());
    expect(store.getState().document).toBe(draft);
  });

  it('offers no restore on a read-only canvas (testers)', async () => {
    renderPanel(createEditorStore({ document: draft, readOnly: true }));
    await screen.findByTestId('version-1');
    expect(screen.queryByTestId('version-restore-1')).toBeNull();
  });

  it('ghosts only what the canvas lacks: a removed node still in the document is marked, not drawn twice', () => {
    const ghosts = diffGhosts(version1, diff, version1);
    expect(ghosts).toEqual({ nodes: [], edges: [] });
    // An old edge to a node that is gone from both sides cannot be drawn.
    const edgeOnly = diffGhosts(version1, { ...diff, nodes: { ...diff.nodes, removed: [] } }, draft);
    expect(edgeOnly).toEqual({ nodes: [], edges: [] });
  });
});
