// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import type { FlowDocument } from '../../schema/index.ts';
import { ApiError } from '../api/api-error.ts';
import { useLocale } from '../i18n/index.ts';
import { ProblemsPanel } from '../problems/index.ts';
import { createEditorStore, EditorStoreProvider } from '../store/index.ts';
import { createAutosave } from './autosave.ts';
import { draftBackup } from './draft-backup.ts';
import { RestoreDraftDialog } from './restore-draft-dialog.tsx';
import { SaveIndicator } from './save-indicator.tsx';

const document: FlowDocument = {
  schemaVersion: 1, id: 'demo', name: 'Demo', startNodeId: 'hola',
  nodes: [{ id: 'hola', type: 'message', position: { x: 0, y: 0 }, data: { text: 'Hola' } }],
  edges: [],
};

beforeEach(() => { localStorage.clear(); useLocale.getState().setLocale('es'); });
afterEach(cleanup);

describe('save indicator', () => {
  it('an invalid draft says how many marked errors to fix and opens the problems panel on the first', () => {
    const store = createEditorStore({ document: { ...document, nodes: [{ ...document.nodes[0]!, data: { text: '' } }] } as FlowDocument });
    render(<EditorStoreProvider store={store}>
      <SaveIndicator status={{ state: 'invalid', errorCount: 2 }} />
      <ProblemsPanel />
    </EditorStoreProvider>);
    const indicator = screen.getByTestId('save-state');
    expect(indicator.dataset.state).toBe('invalid');
    expect(indicator.textContent).toBe('Sin guardar');
    expect(indicator.getAttribute('aria-label')).toBe('Sin guardar: corregí 2 errores marcados');
    fireEvent.click(indicator);
    expect(globalThis.document.activeElement?.className).toContain('problem--error');
    cleanup();
    render(<SaveIndicator status={{ state: 'invalid', errorCount: 1 }} />);
    expect(screen.getByTestId('save-state').getAttribute('aria-label')).toBe('Sin guardar: corregí el error marcado');
  });

  it("another failure gives its reason in the UI language, never the server's English", () => {
    const failure = new ApiError(500, 'internal_error', 'Something went wrong on the server');
    render(<SaveIndicator status={{ state: 'error', failure }} />);
    const indicator = screen.getByTestId('save-state');
    expect(indicator.textContent).toBe('No se pudo guardar');
    expect(indicator.title).toContain('Algo falló en el servidor.');
    act(() => useLocale.getState().setLocale('pt'));
    expect(indicator.title).toContain('Algo deu errado no servidor.');
    act(() => useLocale.getState().setLocale('es'));
  });
});

describe('restore draft dialog', () => {
  function open(revision: number) {
    const store = createEditorStore({ document, revision });
    const autosave = createAutosave({ store, flowId: 'demo', api: { saveFlow: async () => ({ id: 'demo', revision: revision + 1, problems: [], problemCounts: [] }), getFlow: async () => { throw new Error('unused'); } } });
    render(<EditorStoreProvider store={store}><RestoreDraftDialog autosave={autosave} /></EditorStoreProvider>);
    return store;
  }
  const kept = { ...document, nodes: [{ ...document.nodes[0]!, data: { text: 'Hola, sin guardar' } }] } as FlowDocument;

  it('offers the unsaved copy back; restoring puts it on the canvas as an undoable change', () => {
    draftBackup.write('demo', 4, kept);
    const store = open(4);
    expect(screen.getByTestId('restore-draft-dialog').textContent).not.toContain('revisión');
    fireEvent.click(screen.getByTestId('restore-draft-restore'));
    expect(screen.queryByTestId('restore-draft-dialog')).toBeNull();
    expect(store.getState().document).toEqual(kept);
    expect(store.getState().past).toHaveLength(1);
  });

  it('warns when the server draft moved on, and discarding forgets the copy', () => {
    draftBackup.write('demo', 4, kept);
    const store = open(6);
    expect(screen.getByTestId('restore-draft-dialog').textContent).toContain('revisión 4 → 6');
    fireEvent.click(screen.getByTestId('restore-draft-discard'));
    expect(store.getState().document).toEqual(document);
    expect(draftBackup.read('demo')).toBeNull();
    cleanup();
    open(6);
    expect(screen.queryByTestId('restore-draft-dialog')).toBeNull();
  });
});
