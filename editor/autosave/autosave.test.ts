// @vitest-environment jsdom
import type { FlowDocument } from '../../schema/index.ts';
import { ApiError } from '../api/api-error.ts';
import type { FlowDraft } from '../api/types.ts';
import { createEditorStore } from '../store/index.ts';
import { createAutosave } from './autosave.ts';
import { draftBackup } from './draft-backup.ts';

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
      return { id: 'demo', revision: server.revision, problems: [], problemCounts: [] };
    },
    async getFlow(): Promise<FlowDraft> {
      return { id: 'demo', name: 'Demo', revision: server.revision, liveVersion: null, updatedAt: 0, updatedBy: null, document: server.document, problems: [], problemCounts: [] };
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

beforeEach(() => { vi.useFakeTimers(); localStorage.clear(); });
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

  it('a draft the server refuses (422 flow_invalid) is invalid with its error count, kept in this browser, and retried on the next change', async () => {
    const { server, store, autosave, type } = setup();
    const problems = [
      { severity: 'error', code: 'missing_field', message: 'Falta el texto', pointer: '/nodes/0/data/text' },
      { severity: 'error', code: 'missing_field', message: 'Falta otro', pointer: '/name' },
      { severity: 'warning', code: 'dead_end', message: 'Sin salida', pointer: '/nodes/0' },
    ];
    server.failNext = new ApiError(422, 'flow_invalid', 'The document breaks the flow JSON Schema', { problems });
    type('');
    await vi.advanceTimersByTimeAsync(500);
    expect(autosave.getStatus()).toEqual({ state: 'invalid', errorCount: 2 });
    expect(draftBackup.read('demo')).toMatchObject({ flowId: 'demo', revision: 4, document: store.getState().document });

    server.failNext = new ApiError(422, 'flow_invalid', 'The document breaks the flow JSON Schema', { problems: problems.slice(0, 1) });
    type('H');
    expect(autosave.getStatus().state).toBe('invalid'); // still says what to fix while the retry waits
    await vi.advanceTimersByTimeAsync(500);
    expect(autosave.getStatus()).toEqual({ state: 'invalid', errorCount: 1 });
    expect((draftBackup.read('demo')?.document.nodes[0]!.data as { text: string }).text).toBe('H');
    await vi.advanceTimersByTimeAsync(5000);
    expect(server.puts).toHaveLength(2); // no retry without a change

    type('Hola de nuevo');
    await vi.advanceTimersByTimeAsync(500);
    expect(server.puts.at(-1)).toEqual({ text: 'Hola de nuevo', revision: 4 });
    expect(autosave.getStatus().state).toBe('saved');
    expect(draftBackup.read('demo')).toBeNull();
  });

  it('undoing the breaking change saves again and ends the invalid state', async () => {
    const { server, store, autosave, type } = setup();
    server.failNext = new ApiError(422, 'flow_invalid', 'The document breaks the flow JSON Schema', { problems: [] });
    type('');
    await vi.advanceTimersByTimeAsync(500);
    expect(autosave.getStatus()).toEqual({ state: 'invalid', errorCount: 1 });
    store.getState().undo();
    await vi.advanceTimersByTimeAsync(500);
    expect(server.puts.at(-1)).toEqual({ text: 'Hola', revision: 4 });
    expect(autosave.getStatus().state).toBe('saved');
    expect(draftBackup.read('demo')).toBeNull();
  });

  it('reports other failures with the error itself, keeps a copy, and saves again on the next change', async () => {
    const { server, autosave, type } = setup();
    const down = new ApiError(0, 'network_error', 'The server could not be reached');
    server.failNext = down;
    type('sin red');
    await vi.advanceTimersByTimeAsync(500);
    expect(autosave.getStatus()).toEqual({ state: 'error', failure: down });
    expect(draftBackup.read('demo')?.revision).toBe(4);
    type('con red');
    await vi.advanceTimersByTimeAsync(500);
    expect(server.puts.at(-1)).toEqual({ text: 'con red', revision: 4 });
    expect(autosave.getStatus().state).toBe('saved');
  });

  it('offers back the draft a previous visit could not save; restoring is one undoable change that autosave saves', async () => {
    const kept = { ...document, nodes: [{ ...document.nodes[0]!, data: { text: 'sin guardar' } }] } as FlowDocument;
    draftBackup.write('demo', 4, kept, 1_700_000_000_000);
    const { server, store, autosave } = setup();
    const backup = autosave.restorable();
    expect(backup).toMatchObject({ revision: 4, savedAt: 1_700_000_000_000 });
    autosave.restore(backup!);
    await vi.advanceTimersByTimeAsync(500);
    expect(server.puts).toEqual([{ text: 'sin guardar', revision: 4 }]);
    expect(draftBackup.read('demo')).toBeNull();
    store.getState().undo();
    expect((store.getState().document.nodes[0]!.data as { text: string }).text).toBe('Hola');

    draftBackup.write('demo', 4, store.getState().document);
    expect(setup().autosave.restorable()).toBeNull(); // the same as the loaded draft: nothing to offer, and forgotten
    expect(draftBackup.read('demo')).toBeNull();
  });

  it('keeps a copy when the editor closes unsaved, and reloading the server draft drops it', async () => {
    const { server, autosave, type, stop } = setup();
    server.failNext = new ApiError(422, 'flow_invalid', 'The document breaks the flow JSON Schema');
    type('');
    stop();
    await vi.advanceTimersByTimeAsync(0);
    expect(draftBackup.read('demo')).not.toBeNull();
    server.revision = 9;
    await autosave.reload();
    expect(draftBackup.read('demo')).toBeNull();
  });
});
