// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { FlowDocument } from '../../schema/index.ts';
import { useLocale } from '../i18n/index.ts';
import { ProblemsPanel } from '../problems/index.ts';
import { createEditorStore, EditorStoreProvider, type Problem } from '../store/index.ts';
import { PublishButton } from './publish-button.tsx';

afterEach(cleanup);
beforeEach(() => { useLocale.getState().setLocale('es'); sessionStorage.clear(); localStorage.clear(); });

const document: FlowDocument = {
  schemaVersion: 1, id: 'demo', name: 'Demo', startNodeId: 'hola',
  nodes: [
    { id: 'hola', type: 'message', position: { x: 0, y: 0 }, data: { text: 'Hola' } },
    { id: 'menu', type: 'menu', label: 'Menú principal', position: { x: 0, y: 200 }, data: { text: 'Elegí', options: [{ id: 'a', title: 'A' }] } },
  ],
  edges: [],
};
const warning = (nodeId: string | undefined, message: string): Problem => ({
  severity: 'warning', code: 'unreachable_node', message, pointer: nodeId ? `/nodes/${nodeId}` : '/variables', ...(nodeId && { nodeId }),
});
const api = {
  listVersions: async () => [],
  diff: async () => { throw new Error('not asked before the first version'); },
  publish: async () => ({ version: 1, contentHash: 'h1' }),
};

function renderWith(problems: Problem[]) {
  const store = createEditorStore({ document, validate: () => ({ problems }) });
  const onPublished = vi.fn();
  render(<EditorStoreProvider store={store}>
    <PublishButton api={api} flowId="demo" liveVersion={null} saveDraft={async () => true} onPublished={onPublished} />
    <ProblemsPanel />
  </EditorStoreProvider>);
  fireEvent.click(screen.getByTestId('publish'));
  return { onPublished };
}

describe('publish dialog warnings', () => {
  it('names the open warnings (node name and message, the first three), and publishing stays allowed', async () => {
    const { onPublished } = renderWith([
      warning('menu', 'La salida «Respuesta inválida» no tiene conexión'),
      warning('hola', 'Nadie llega a este nodo'),
      warning(undefined, 'La variable {{x}} no se declara'),
      warning('hola', 'Otra advertencia'),
    ]);
    const box = await screen.findByTestId('publish-warnings');
    expect(within(box).getByText('⚠ Hay 4 advertencias')).toBeTruthy();
    expect(within(box).getAllByTestId('publish-warning').map((item) => item.textContent)).toEqual([
      'Menú principal: La salida «Respuesta inválida» no tiene conexión',
      'Mensaje: Nadie llega a este nodo',
      'Flujo: La variable {{x}} no se declara',
    ]);
    expect(within(box).getByText('y 1 más')).toBeTruthy();
    fireEvent.click(screen.getByTestId('publish-confirm'));
    await waitFor(() => expect(onPublished).toHaveBeenCalledWith(1));
  });

  it('uses the singular for one warning and shows nothing without warnings', async () => {
    renderWith([warning('hola', 'Nadie llega a este nodo')]);
    const box = await screen.findByTestId('publish-warnings');
    expect(within(box).getByText('⚠ Hay 1 advertencia')).toBeTruthy();
    expect(screen.queryByText(/más$/)).toBeNull();
    cleanup();
    renderWith([]);
    await screen.findByTestId('publish-dialog');
    expect(screen.queryByTestId('publish-warnings')).toBeNull();
  });

  it('“Ver problemas” closes the dialog and opens the folded problems panel on the first warning', async () => {
    // Folded by the analyst (the panel keeps that choice in one of the two storages).
    sessionStorage.setItem('charla.problems.collapsed', 'true');
    localStorage.setItem('charla.problems.collapsed', 'true');
    renderWith([warning('hola', 'Nadie llega a este nodo')]);
    expect(screen.getByTestId('problems-toggle').getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(await screen.findByTestId('publish-show-problems'));
    expect(screen.queryByTestId('publish-dialog')).toBeNull();
    await waitFor(() => expect(screen.getByTestId('problems-toggle').getAttribute('aria-expanded')).toBe('true'));
    await waitFor(() => expect(globalThis.document.activeElement).toBe(screen.getByTestId('problem-unreachable_node')));
  });
});
