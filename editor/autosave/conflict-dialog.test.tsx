// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import type { FlowDocument } from '../../schema/index.ts';
import { ApiError } from '../api/api-error.ts';
import { useLocale } from '../i18n/index.ts';
import { createEditorStore } from '../store/index.ts';
import { createAutosave } from './autosave.ts';
import { ConflictDialog } from './conflict-dialog.tsx';

const document: FlowDocument = {
  schemaVersion: 1, id: 'demo', name: 'Demo', startNodeId: 'hola',
  nodes: [{ id: 'hola', type: 'message', position: { x: 0, y: 0 }, data: { text: 'Hola' } }],
  edges: [],
};

/** An autosave whose first save meets a 409 with the body `details` (the server sends `currentRevision`). */
async function conflicted(details: Record<string, unknown>) {
  const store = createEditorStore({ document, revision: 4 });
  const calls: string[] = [];
  const api = {
    async saveFlow() {
      calls.push('save');
      if (calls.length === 1) throw new ApiError(409, 'revision_conflict', 'The draft changed since you loaded it', details);
      return { id: 'demo', revision: 8, problems: [], problemCounts: [] };
    },
    async getFlow() {
      calls.push('get');
      return { id: 'demo', name: 'Demo', revision: 7, liveVersion: null, updatedAt: 0, updatedBy: null, document, problems: [], problemCounts: [] };
    },
  };
  const autosave = createAutosave({ store, flowId: 'demo', api, delayMs: 0 });
  store.getState().updateNodeData('hola', { text: 'mío' });
  await act(() => autosave.flush());
  expect(autosave.getStatus().state).toBe('conflict');
  return { autosave, calls };
}

beforeEach(() => { localStorage.clear(); useLocale.getState().setLocale('es'); });
afterEach(cleanup);

describe('conflict dialog', () => {
  it('says plainly what happened, naming the revision the 409 gives', async () => {
    const { autosave } = await conflicted({ currentRevision: 7 });
    render(<ConflictDialog autosave={autosave} />);
    expect(screen.getByTestId('conflict-what').textContent)
      .toBe('Alguien guardó otra versión de este borrador (revisión 7) mientras editabas.');
  });

  it('names who saved the draft and when, as the 409 tells', async () => {
    const updatedAt = new Date(2026, 11, 7, 23, 41).getTime();
    vi.useFakeTimers({ now: updatedAt + 2 * 60_000, toFake: ['Date'] });
    try {
      const { autosave } = await conflicted({ currentRevision: 7, updatedAt, updatedBy: 'Laura' });
      render(<ConflictDialog autosave={autosave} />);
      expect(screen.getByTestId('conflict-what').textContent)
        .toBe('Laura guardó otra versión de este borrador (revisión 7) hace 2 min, a las 23:41, mientras editabas.');
    } finally {
      vi.useRealTimers();
    }
  });

  it('without a revision in the 409 it still says what happened', async () => {
    const { autosave } = await conflicted({});
    render(<ConflictDialog autosave={autosave} />);
    expect(screen.getByTestId('conflict-what').textContent).toBe('Alguien guardó otra versión de este borrador mientras editabas.');
  });

  it('makes reloading the primary, focused choice and overwriting a secondary danger button', async () => {
    const { autosave, calls } = await conflicted({ currentRevision: 7 });
    render(<ConflictDialog autosave={autosave} />);
    const reload = screen.getByTestId('conflict-reload');
    const overwrite = screen.getByTestId('conflict-overwrite');
    expect(reload.textContent).toBe('Recargar la versión guardada');
    expect(reload.className).toContain('btn-primary');
    expect(globalThis.document.activeElement).toBe(reload);
    expect(overwrite.className).toContain('btn-danger');
    expect(overwrite.className).not.toContain('btn-primary');
    await act(async () => { fireEvent.click(reload); });
    expect(calls).toEqual(['save', 'get']);
    expect(autosave.getStatus().state).toBe('saved');
  });

  it('is worded in the UI language', async () => {
    const { autosave } = await conflicted({ currentRevision: 3 });
    useLocale.getState().setLocale('pt');
    render(<ConflictDialog autosave={autosave} />);
    expect(screen.getByTestId('conflict-what').textContent).toContain('(revisão 3)');
    expect(screen.getByTestId('conflict-reload').textContent).toBe('Recarregar a versão salva');
  });
});
