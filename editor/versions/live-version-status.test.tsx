// @vitest-environment jsdom
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import type { FlowDocument } from '../../schema/index.ts';
import type { FlowDiff } from '../api/types.ts';
import { useLocale } from '../i18n/index.ts';
import { createEditorStore, EditorStoreProvider, type EditorStore } from '../store/index.ts';
import { LiveVersionStatus } from './live-version-status.tsx';
import { NoticeToast } from './notice-toast.tsx';
import { PublishButton } from './publish-button.tsx';

afterEach(() => { cleanup(); vi.useRealTimers(); });
beforeEach(() => useLocale.getState().setLocale('es'));

const document: FlowDocument = {
  schemaVersion: 1, id: 'demo', name: 'Demo', startNodeId: 'hola',
  nodes: [{ id: 'hola', type: 'message', position: { x: 0, y: 0 }, data: { text: 'Hola' } }], edges: [],
};
const diffWith = (changed: string[]): FlowDiff => ({
  from: '1', to: 'draft', fields: [],
  nodes: { added: [], removed: [], changed, fields: {} },
  edges: { added: [], removed: [], changed: [], fields: {} },
});

/** A server whose diff answers only when the test says, with differences or not. */
function fakeServer() {
  const calls: string[] = [];
  const waiting: Array<(diff: FlowDiff) => void> = [];
  return {
    calls,
    answer: async (changed: boolean) => { await waitFor(() => expect(waiting.length).toBeGreaterThan(0)); await act(async () => { for (const reply of waiting.splice(0)) reply(diffWith(changed ? ['hola'] : [])); }); },
    api: {
      diff: (_id: string, from: unknown, to: unknown) => { calls.push(`diff ${String(from)} ${String(to)}`); return new Promise<FlowDiff>((resolve) => { waiting.push(resolve); }); },
      publish: async () => ({ version: 2, contentHash: 'h2' }),
      listVersions: async () => [],
    },
  };
}

function renderTopBar(store: EditorStore, server: ReturnType<typeof fakeServer>, liveVersion: number | null) {
  const bar = (live: number | null) => (
    <EditorStoreProvider store={store}>
      <LiveVersionStatus api={server.api} flowId="demo" liveVersion={live} />
      <PublishButton api={server.api} flowId="demo" liveVersion={live} saveDraft={async () => true} onPublished={() => {}} />
    </EditorStoreProvider>
  );
  const view = render(bar(liveVersion));
  return (live: number | null) => view.rerender(bar(live));
}

const unpublished = () => screen.queryByTestId('editor-unpublished');

describe('top bar live version', () => {
  it('says when the draft has unpublished changes, through edits, saves, publishing and rolling back', async () => {
    const store = createEditorStore({ document, revision: 4, validate: () => ({ problems: [] }) });
    const server = fakeServer();
    const setLive = renderTopBar(store, server, 1);
    expect(screen.getByTestId('editor-live').textContent).toBe('v1 en vivo');
    await server.answer(false);
    expect(unpublished()).toBeNull();
    // The top bar and the publish button ask the server once between them.
    expect(server.calls).toEqual(['diff 1 draft']);

    // An edit shows at once; after its save the server's answer is kept, without blinking while it is asked.
    act(() => store.getState().updateNodeData('hola', { text: 'Hola de nuevo' }));
    expect(unpublished()?.title).toBe('El borrador tiene cambios que todavía no están en vivo');
    expect(screen.getByText('Cambios sin publicar')).toBeTruthy();
    act(() => store.getState().markSaved(5));
    expect(unpublished()).toBeTruthy();
    await server.answer(true);
    expect(unpublished()).toBeTruthy();
    expect(server.calls).toEqual(['diff 1 draft', 'diff 1 draft']);

    setLive(2); // published
    expect(screen.getByTestId('editor-live').textContent).toBe('v2 en vivo');
    expect(unpublished()).toBeNull();
    await server.answer(false);
    expect(unpublished()).toBeNull();

    setLive(1); // rolled back: version 1 lacks the edit
    await server.answer(true);
    expect(unpublished()).toBeTruthy();
    expect(server.calls).toEqual(['diff 1 draft', 'diff 1 draft', 'diff 2 draft', 'diff 1 draft']);
  });

  it('a flow never published says so and asks nothing', () => {
    const server = fakeServer();
    renderTopBar(createEditorStore({ document }), server, null);
    expect(screen.getByTestId('editor-live').textContent).toBe('Sin publicar');
    expect(unpublished()).toBeNull();
    expect(server.calls).toEqual([]);
  });
});

describe('notice toast', () => {
  it('is announced politely and goes away by itself', () => {
    vi.useFakeTimers();
    const onDismiss = vi.fn();
    const view = render(<NoticeToast notice={null} onDismiss={onDismiss} />);
    const region = screen.getByRole('status');
    expect(region.getAttribute('aria-live')).toBe('polite');
    view.rerender(<NoticeToast notice="Versión 2 publicada y en vivo." onDismiss={() => onDismiss()} />);
    expect(region.textContent).toBe('Versión 2 publicada y en vivo.');
    // A new callback on every page render does not restart the clock.
    act(() => vi.advanceTimersByTime(3000));
    view.rerender(<NoticeToast notice="Versión 2 publicada y en vivo." onDismiss={() => onDismiss()} />);
    act(() => vi.advanceTimersByTime(2000));
    expect(onDismiss).toHaveBeenCalledTimes(1);
  });
});
