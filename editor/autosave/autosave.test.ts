import type { FlowDocument } from '../../schema/index.ts';
import { ApiError } from '../api/api-error.ts';
import type { FlowDraft } from '../api/types.ts';
import { createEditorStore } from '../store/index.ts';
import { createAutosave } from './autosave.ts';

const document: FlowDocument = {
  schemaVersion: 1, id: 'demo', name: 'Demo', startNodeId: 'hola',
  nodes: [{ id: 'hola', type: 'message', position: { x: 0, y: 0 }, data: { text: 'Hola' } }],
  edges: [],
};

/** A server draft in memory with the same optimistic locking as PUT /api/flows/:id. */
function fakeServer() {
  const server = { document, revision: 4, puts: [] as Array<{ text: string; revision: number }>, failNext: null as ApiError | null };
  const api = {
    async saveFlow(_id: string, next: FlowDocument, revision: number) {
      server.puts.push({ text: (next.nodes[0]!.data as { text: string }).text, revision });
      const failure = server.failNext;
      server.failNext = null;
      if (failure) throw failure;
      if (revision !== server.revision) throw new ApiError(409, 'revision_conflict', 'The draft changed since you loaded it');
      server.document = next;
      server.revision += 1;
      return { revision: server.revision };
    },
    async getFlow(): Promise<FlowDraft> {
      return { id: 'demo', name: 'Demo', revision: server.revision, liveVersion: null, document: server.document, problems: [] };
    },
  };
  return { server, api };
}

function setup() {
  const { server, api } = fakeServer();
  const store = createEditorStore({ document, revision: 4 });
  const autosave = createAutosave({ store, flowId: 'demo', api, delayMs: 500 });
  const stop = autosave.start();
  const type = (text: string) => store.getState().updateNodeData('hola', { text });
  return { server, store, autosave, type, stop };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('autosave', () => {
  it('saves once after the typing stops, with the loaded revision, then tracks the new one', async () => {
    const { server, store, autosave, type } = setup();
    type('Hola!');
    type('Hola!!');
    expect(autosave.getStatus().state).toBe('pending');
    await vi.advanceTimersByTimeAsync(499);
    expect(server.puts).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(server.puts).toEqual([{ text: 'Hola!!', revision: 4 }]);
    expect(store.getState().revision).toBe(5);
    expect(autosave.getStatus().state).toBe('saved');
    type('Chau');
    await vi.advanceTimersByTimeAsync(500);
    expect(server.puts.at(-1)).toEqual({ text: 'Chau', revision: 5 });
  });

  it('saves a pending change when the editor closes before the debounce', async () => {
    const { server, type, stop } = setup();
    type('antes de salir');
    stop();
    await vi.advanceTimersByTimeAsync(0);
    expect(server.puts).toEqual([{ text: 'antes de salir', revision: 4 }]);
  });

  it('flush saves at once', async () => {
    const { server, autosave, type } = setup();
    type('ya');
    expect(await autosave.flush()).toBe(true);
    expect(server.puts).toEqual([{ text: 'ya', revision: 4 }]);
  });

  it('stops on a 409 and keeps the local change until the user reloads or overwrites', async () => {
    const first = setup();
    first.server.revision = 7; // someone else saved twice
    first.type('mío');
    await vi.advanceTimersByTimeAsync(500);
    expect(first.autosave.getStatus().state).toBe('conflict');
    first.type('mío, más');
    await vi.advanceTimersByTimeAsync(2000);
    expect(first.server.puts).toHaveLength(1); // no blind retries while in conflict
    expect(first.autosave.isDirty()).toBe(true);

    await first.autosave.overwrite();
    expect(first.server.puts.at(-1)).toEqual({ text: 'mío, más', revision: 7 });
    expect(first.autosave.getStatus().state).toBe('saved');

    const second = setup();
    second.server.revision = 9;
    second.type('perdido');
    await vi.advanceTimersByTimeAsync(500);
    await second.autosave.reload();
    expect(second.store.getState().revision).toBe(9);
    expect((second.store.getState().document.nodes[0]!.data as { text: string }).text).toBe('Hola');
    expect(second.autosave.isDirty()).toBe(false);
  });

  it('reports other failures with the server message and saves again on the next change', async () => {
    const { server, autosave, type } = setup();
    server.failNext = new ApiError(422, 'flow_invalid', 'text must not be empty');
    type('');
    await vi.advanceTimersByTimeAsync(500);
    expect(autosave.getStatus()).toEqual({ state: 'error', error: 'text must not be empty' });
    type('Hola de nuevo');
    await vi.advanceTimersByTimeAsync(500);
    expect(server.puts.at(-1)).toEqual({ text: 'Hola de nuevo', revision: 4 });
    expect(autosave.getStatus().state).toBe('saved');
  });
});
