// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { ADMIN_TOKEN_PRINCIPAL } from '../../schema/api/roles.ts';
import { ApiError } from '../api/api-error.ts';
import type { FlowDocument } from '../../schema/index.ts';
import type { FlowDiff, VersionSummary } from '../api/types.ts';
import { useLocale } from '../i18n/index.ts';
import { createEditorStore, EditorStoreProvider, type Problem } from '../store/index.ts';
import { PublishButton } from './publish-button.tsx';
import { VersionsPanel } from './versions-panel.tsx';

afterEach(cleanup);
beforeEach(() => useLocale.getState().setLocale('es'));

const document: FlowDocument = {
  schemaVersion: 1, id: 'demo', name: 'Demo', startNodeId: 'hola',
  nodes: [{ id: 'hola', type: 'message', position: { x: 0, y: 0 }, data: { text: 'Hola' } }], edges: [],
};
const versions: VersionSummary[] = [
  { version: 2, contentHash: 'b', author: 'ana', note: 'Promos de verano', createdAt: Date.UTC(2025, 0, 2), live: true },
  { version: 1, contentHash: 'a', author: 'ana', note: null, createdAt: Date.UTC(2025, 0, 1), live: false },
];
const diff: FlowDiff = {
  from: '2', to: 'draft', fields: [],
  nodes: { added: ['nuevo'], removed: [], changed: ['hola'], fields: { hola: ['data.text'] } },
  edges: { added: [], removed: [], changed: [], fields: {} },
};

function fakeApi(answers: { diff?: FlowDiff; publish?: () => Promise<{ version: number; contentHash: string }> } = {}) {
  const calls: string[] = [];
  return {
    calls,
    listVersions: async () => versions,
    setLive: async (_id: string, version: number) => { calls.push(`live ${version}`); return { id: 'demo', liveVersion: version }; },
    diff: async (_id: string, from: unknown, to: unknown) => { calls.push(`diff ${String(from)} ${String(to)}`); return answers.diff ?? diff; },
    publish: async (_id: string, note?: string) => { calls.push(`publish ${note}`); return answers.publish ? answers.publish() : { version: 3, contentHash: 'h3' }; },
    getVersion: async (_id: string, version: number) => { calls.push(`get ${version}`); return document; },
  };
}

const noDifferences: FlowDiff = {
  from: '2', to: 'draft', fields: [],
  nodes: { added: [], removed: [], changed: [], fields: {} },
  edges: { added: [], removed: [], changed: [], fields: {} },
};

describe('versions panel', () => {
  it('lists versions with the live marker, rolls back, and marks the diff on the canvas', async () => {
    const api = fakeApi();
    const store = createEditorStore({ document, revision: 1 });
    const onLiveChange = vi.fn();
    render(<EditorStoreProvider store={store}>
      <VersionsPanel api={api} flowId="demo" canPublish liveVersion={2} onLiveChange={onLiveChange} saveDraft={async () => true} versionsKey={0} />
    </EditorStoreProvider>);

    const live = await screen.findByTestId('version-2');
    expect(within(live).getByTestId('version-live')).toBeTruthy();
    expect(within(live).getByText('Promos de verano')).toBeTruthy();
    expect(screen.getByTestId('version-make-live-1').textContent).toBe('Volver a esta');
    fireEvent.click(screen.getByTestId('version-make-live-1'));
    // Nothing goes live before the confirmation, which says what happens to live traffic.
    const dialog = await screen.findByTestId('make-live-dialog');
    expect(dialog.textContent).toContain('la versión 1 atiende a los clientes que empiecen una conversación (en lugar de la 2)');
    expect(dialog.textContent).toContain('Las conversaciones en curso siguen en la versión en la que empezaron.');
    expect(api.calls).toEqual([]);
    fireEvent.click(screen.getByTestId('make-live-confirm'));
    await waitFor(() => expect(onLiveChange).toHaveBeenCalledWith(1));
    expect(screen.queryByTestId('make-live-dialog')).toBeNull();

    fireEvent.click(screen.getByTestId('diff-compare'));
    await screen.findByTestId('diff-summary');
    // Version 2's document, for the old values of what changed.
    expect(api.calls).toEqual(['live 1', 'diff 2 draft', 'get 2']);
    expect(store.getState().diffMarks).toEqual({ added: ['nuevo'], removed: [], changed: ['hola'] });
    // What changed, in words.
    expect(within(screen.getByTestId('diff-node-hola')).getByRole('button').textContent).toBe('Mensaje');
    expect(screen.getByTestId('diff-node-hola').querySelector('.diff-fields')!.textContent).toBe(' · texto');
  });

  it('offers no roll back to a role that may not publish', async () => {
    render(<EditorStoreProvider store={createEditorStore({ document })}>
      <VersionsPanel api={fakeApi()} flowId="demo" canPublish={false} liveVersion={2} onLiveChange={() => {}} saveDraft={async () => true} versionsKey={0} />
    </EditorStoreProvider>);
    await screen.findByTestId('version-1');
    expect(screen.queryByTestId('version-make-live-1')).toBeNull();
  });

  it('names the server-token admin in words and API tokens by the name they were given', async () => {
    const byAdmin = [{ ...versions[0]!, author: ADMIN_TOKEN_PRINCIPAL }, { ...versions[1]!, author: 'Tere (QA)' }];
    render(<EditorStoreProvider store={createEditorStore({ document })}>
      <VersionsPanel api={{ ...fakeApi(), listVersions: async () => byAdmin }} flowId="demo" canPublish liveVersion={2} onLiveChange={() => {}}
        saveDraft={async () => true} versionsKey={0} />
    </EditorStoreProvider>);
    expect((await screen.findAllByTestId('version-author')).map((author) => author.textContent))
      .toEqual(['por Administrador (token del servidor)', 'por Tere (QA)']);
    act(() => useLocale.getState().setLocale('en'));
    expect(screen.getAllByTestId('version-author')[0]!.textContent).toBe('by Administrator (server token)');
  });

  it('keeps the confirmation open with the reason when the server refuses the switch', async () => {
    const onLiveChange = vi.fn();
    const api = { ...fakeApi(), setLive: async () => { throw new ApiError(404, 'version_not_found', 'Version 1 not found'); } };
    render(<EditorStoreProvider store={createEditorStore({ document })}>
      <VersionsPanel api={api} flowId="demo" canPublish liveVersion={2} onLiveChange={onLiveChange} saveDraft={async () => true} versionsKey={0} />
    </EditorStoreProvider>);
    fireEvent.click(await screen.findByTestId('version-make-live-1'));
    fireEvent.click(screen.getByTestId('make-live-confirm'));
    expect((await screen.findByRole('alert')).textContent).toBe('Esa versión no existe.');
    expect(screen.getByTestId('make-live-dialog')).toBeTruthy();
    expect(onLiveChange).not.toHaveBeenCalled();
  });
});

describe('versions list after a roll back', () => {
  it('marks the versions newer than the live one, and only the live one as live', async () => {
    const rolledBack: VersionSummary[] = [
      { version: 3, contentHash: 'c', author: 'ana', note: 'Horarios nuevos', createdAt: Date.UTC(2025, 0, 3), live: false },
      { version: 2, contentHash: 'b', author: 'ana', note: null, createdAt: Date.UTC(2025, 0, 2), live: true },
      { version: 1, contentHash: 'a', author: 'ana', note: null, createdAt: Date.UTC(2025, 0, 1), live: false },
    ];
    const api = { ...fakeApi(), listVersions: async () => rolledBack };
    render(<EditorStoreProvider store={createEditorStore({ document, revision: 1 })}>
      <VersionsPanel api={api} flowId="demo" canPublish liveVersion={2} onLiveChange={() => {}} saveDraft={async () => true} versionsKey={0} />
    </EditorStoreProvider>);
    const newest = await screen.findByTestId('version-3');
    expect(within(newest).getByTestId('version-newer').textContent).toBe('Más nueva que la en vivo');
    expect(within(newest).getByTestId('version-newer').title).toContain('v2');
    expect(within(newest).queryByTestId('version-live')).toBeNull();
    expect(screen.getByTestId('version-make-live-3').textContent).toBe('Poner en vivo');
    const live = screen.getByTestId('version-2');
    expect(within(live).getByTestId('version-live').textContent).toBe('● En vivo');
    expect(live.getAttribute('aria-current')).toBe('true');
    expect(within(live).queryByTestId('version-newer')).toBeNull();
    expect(within(screen.getByTestId('version-1')).queryByTestId('version-newer')).toBeNull();
    expect(screen.getByTestId('version-make-live-1').textContent).toBe('Volver a esta');
    expect(screen.getAllByTestId('version-live')).toHaveLength(1);
  });
});

describe('publish button', () => {
  const error: Problem = { severity: 'error', code: 'start_node_missing', message: 'x', pointer: '/startNodeId' };

  it('is disabled while the draft has errors', () => {
    const store = createEditorStore({ document, validate: () => ({ problems: [error] }) });
    render(<EditorStoreProvider store={store}><PublishButton api={fakeApi()} flowId="demo" liveVersion={null} saveDraft={async () => true} onPublished={() => {}} /></EditorStoreProvider>);
    expect((screen.getByTestId('publish') as HTMLButtonElement).disabled).toBe(true);
  });

  it('saves the draft, then publishes with the note', async () => {
    const api = fakeApi();
    const saved = vi.fn(async () => true);
    const onPublished = vi.fn();
    render(<EditorStoreProvider store={createEditorStore({ document, validate: () => ({ problems: [] }) })}>
      <PublishButton api={api} flowId="demo" liveVersion={null} saveDraft={saved} onPublished={onPublished} />
    </EditorStoreProvider>);
    fireEvent.click(screen.getByTestId('publish'));
    await screen.findByText(/versión 3/);
    fireEvent.change(screen.getByTestId('publish-note'), { target: { value: 'Nuevo menú' } });
    fireEvent.click(screen.getByTestId('publish-confirm'));
    await waitFor(() => expect(onPublished).toHaveBeenCalledWith(3));
    expect(saved).toHaveBeenCalled();
    expect(api.calls).toEqual(['publish Nuevo menú']);
  });
  it('is disabled with a tooltip while the draft is the live version unchanged, and enabled again by an edit', async () => {
    const api = fakeApi({ diff: noDifferences });
    const store = createEditorStore({ document, revision: 4, validate: () => ({ problems: [] }) });
    render(<EditorStoreProvider store={store}>
      <PublishButton api={api} flowId="demo" liveVersion={2} saveDraft={async () => true} onPublished={() => {}} />
    </EditorStoreProvider>);
    const button = screen.getByTestId('publish') as HTMLButtonElement;
    await waitFor(() => expect(button.disabled).toBe(true));
    expect(button.title).toBe('El borrador es igual a la versión 2, que ya está en vivo: no hay nada nuevo para publicar');
    expect(api.calls).toEqual(['diff 2 draft']);
    // An unsaved edit is something new: publishing saves it first.
    act(() => store.getState().updateNodeData('hola', { text: 'Hola de nuevo' }));
    expect(button.disabled).toBe(false);
    expect(button.title).toBe('');
  });

  it('stays enabled while the draft differs from the live version, or before anything was published', async () => {
    const api = fakeApi();
    render(<EditorStoreProvider store={createEditorStore({ document, validate: () => ({ problems: [] }) })}>
      <PublishButton api={api} flowId="demo" liveVersion={2} saveDraft={async () => true} onPublished={() => {}} />
    </EditorStoreProvider>);
    await waitFor(() => expect(api.calls).toEqual(['diff 2 draft']));
    expect((screen.getByTestId('publish') as HTMLButtonElement).disabled).toBe(false);
  });

  it('shows the 409 draft_unchanged refusal, worded by its code in the UI language, when it happens anyway', async () => {
    const refusal = new ApiError(409, 'draft_unchanged', 'The draft is the same as version 2, which is live: change something before publishing', { liveVersion: 2 });
    const api = fakeApi({ publish: async () => { throw refusal; } });
    const onPublished = vi.fn();
    render(<EditorStoreProvider store={createEditorStore({ document, validate: () => ({ problems: [] }) })}>
      <PublishButton api={api} flowId="demo" liveVersion={2} saveDraft={async () => true} onPublished={onPublished} />
    </EditorStoreProvider>);
    fireEvent.click(screen.getByTestId('publish'));
    fireEvent.click(await screen.findByTestId('publish-confirm'));
    expect((await screen.findByRole('alert')).textContent).toBe('El borrador es igual a la versión 2, que ya está publicada: no hay nada nuevo para publicar.');
    expect(onPublished).not.toHaveBeenCalled();
    expect(screen.getByTestId('publish-dialog')).toBeTruthy();
  });
});
