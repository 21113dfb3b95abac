// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { generateFlowWithProblems } from '../../fixtures/generate-flow.ts';
import type { FlowDocument } from '../../schema/index.ts';
import { useLocale } from '../i18n/index.ts';
import { Inspector } from '../inspector/Inspector.tsx';
import { createEditorStore, EditorStoreProvider, hasErrors } from '../store/index.ts';
import { pointerField, settingsField } from './pointer-field.ts';
import { ProblemsPanel } from './ProblemsPanel.tsx';
import { showProblems } from './show-problems.ts';

afterEach(cleanup);
beforeEach(() => {
  useLocale.getState().setLocale('es');
  localStorage.removeItem('charla.problems.collapsed');
});

const flow: FlowDocument = {
  schemaVersion: 1, id: 'p', name: 'P', startNodeId: 'hola',
  nodes: [
    { id: 'hola', type: 'message', position: { x: 0, y: 0 }, data: { text: 'Hola' } },
    { id: 'menu', type: 'menu', position: { x: 300, y: 0 }, data: { text: 'Elegí', options: [{ id: 'a', title: 'Una opción demasiado larga' }] } },
  ],
  edges: [{ id: 'e1', source: 'hola', sourceHandle: 'next', target: 'menu' }],
};

function renderPanel() {
  const store = createEditorStore({ document: flow });
  render(<EditorStoreProvider store={store}><ProblemsPanel /><Inspector /></EditorStoreProvider>);
  return store;
}

describe('problems panel', () => {
  it('lists errors before warnings, with counts', () => {
    const store = renderPanel();
    expect(hasErrors(store.getState())).toBe(true);
    const items = screen.getAllByRole('button').filter((button) => button.dataset.testid?.startsWith('problem-'));
    expect(items[0]!.dataset.testid).toBe('problem-button_title_too_long');
    expect(screen.getByTestId('problems-errors').textContent).toBe('1 error');
  });

  it('clicking a problem selects its node, asks the canvas to centre it and focuses the field', () => {
    const store = renderPanel();
    fireEvent.click(screen.getByTestId('problem-button_title_too_long'));
    expect(store.getState().selectedNodeIds).toEqual(['menu']);
    expect(store.getState().revealRequest?.nodeId).toBe('menu');
    expect(document.activeElement).toBe(screen.getByTestId('field-options.0.title'));
  });

  it('says so when there is nothing left to fix', () => {
    const store = renderPanel();
    fireEvent.click(screen.getByTestId('problem-button_title_too_long'));
    fireEvent.change(screen.getByTestId('field-options.0.title'), { target: { value: 'Corta' } });
    expect(hasErrors(store.getState())).toBe(false);
    expect(screen.queryByTestId('problem-button_title_too_long')).toBeNull();
  });

  it('groups problems under the node they belong to, named as on the canvas, groups with errors first', () => {
    const store = createEditorStore({ document: {
      ...flow,
      nodes: [...flow.nodes, { id: 'suelto', type: 'message', label: 'Despedida', position: { x: 0, y: 300 }, data: { text: '' } }],
    } });
    render(<EditorStoreProvider store={store}><ProblemsPanel /></EditorStoreProvider>);
    const groups = screen.getAllByTestId(/^problems-group-/);
    expect(groups.map((group) => group.dataset.testid)).toEqual(['problems-group-menu', 'problems-group-suelto']);
    // A node without a name shows its kind's name; a named one its name; both with the id beside.
    expect(within(groups[0]!).getByRole('heading').textContent).toBe('Menúmenu');
    expect(within(groups[1]!).getByRole('heading').textContent).toBe('Despedidasuelto');
    const suelto = within(groups[1]!).getAllByRole('button').map((button) => button.dataset.testid);
    expect(suelto[0]).toBe('problem-message_empty');
    expect(suelto.slice(1).every((id) => id !== 'problem-message_empty')).toBe(true);
  });

  it('colours the counts by what they count: neutral at zero, red errors, amber warnings', () => {
    const store = renderPanel();
    expect(screen.getByTestId('problems-errors').className).toContain('problems-count--error');
    // The menu's option leads nowhere: a warning.
    expect(screen.getByTestId('problems-warnings').className).toContain('problems-count--warning');
    fireEvent.click(screen.getByTestId('problem-button_title_too_long'));
    fireEvent.change(screen.getByTestId('field-options.0.title'), { target: { value: 'Corta' } });
    expect(hasErrors(store.getState())).toBe(false);
    expect(screen.getByTestId('problems-errors').className).toContain('problems-count--zero');
    expect(screen.getByTestId('problems-errors').textContent).toBe('0 errores');
    cleanup();
    const clean: FlowDocument = {
      ...flow,
      nodes: [flow.nodes[0]!, { id: 'fin', type: 'end', position: { x: 300, y: 0 }, data: {} }],
      edges: [{ id: 'e1', source: 'hola', sourceHandle: 'next', target: 'fin' }],
    };
    render(<EditorStoreProvider store={createEditorStore({ document: clean })}><ProblemsPanel /></EditorStoreProvider>);
    expect(screen.getByTestId('problems-none')).toBeTruthy();
    expect(screen.getByTestId('problems-errors').className).toContain('problems-count--zero');
    expect(screen.getByTestId('problems-warnings').className).toContain('problems-count--zero');
  });

  it('collapses to its header bar, and remembers it across flows and visits', () => {
    renderPanel();
    const toggle = screen.getByTestId('problems-toggle');
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(screen.getByTestId('problem-button_title_too_long').closest('[hidden]')).not.toBeNull();
    // The counts stay in sight on the bar.
    expect(screen.getByTestId('problems-errors').textContent).toBe('1 error');
    cleanup();
    renderPanel();
    expect(screen.getByTestId('problems-toggle').getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(screen.getByTestId('problems-toggle'));
    expect(localStorage.getItem('charla.problems.collapsed')).toBe('false');
  });

  it('stays collapsed when new problems appear or the editor is opened again; the error count opens it', () => {
    const store = renderPanel();
    fireEvent.click(screen.getByTestId('problems-toggle'));
    act(() => store.getState().updateNodeData('hola', { text: '' }));
    expect(screen.getByTestId('problems-toggle').getAttribute('aria-expanded')).toBe('false');
    cleanup();
    renderPanel();
    expect(screen.getByTestId('problems-toggle').getAttribute('aria-expanded')).toBe('false');
    act(() => showProblems());
    expect(screen.getByTestId('problems-toggle').getAttribute('aria-expanded')).toBe('true');
  });

  it('lists the first 20 problems of each code and counts the rest per code, in es, pt and en', () => {
    // 60 nodes, no edges: 59 unreachable, 92 dead ends, 27 unhandled outputs, 18 empty messages.
    render(<EditorStoreProvider store={createEditorStore({ document: generateFlowWithProblems(60) })}><ProblemsPanel /></EditorStoreProvider>);
    expect(screen.getByTestId('problems-warnings').textContent).toBe('178 advertencias');
    expect(screen.getAllByTestId('problem-dead_end')).toHaveLength(20);
    expect(screen.getAllByTestId('problem-message_empty')).toHaveLength(18);
    const more = screen.getByTestId('problems-more');
    expect(within(more).getByRole('heading').textContent).toBe('Sin listar (se muestran los primeros 20 de cada tipo)');
    expect(within(more).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'Advertencia72 más de dead_end (92 en total)', 'Advertencia39 más de unreachable_node (59 en total)', 'Advertencia7 más de unhandled_output (27 en total)',
    ]);
    act(() => useLocale.getState().setLocale('pt'));
    expect(screen.getByTestId('problems-more-dead_end').textContent).toBe('Avisomais 72 de dead_end (92 no total)');
    act(() => useLocale.getState().setLocale('en'));
    expect(screen.getByTestId('problems-more-unhandled_output').textContent).toBe('Warning7 more unhandled_output (27 in all)');
  });

  it('turns pointers into inspector field paths', () => {
    expect(pointerField('/nodes/3/data/options/1/title')).toBe('options.1.title');
    expect(pointerField('/nodes/0/data/media~1x')).toBe('media/x');
    expect(pointerField('/startNodeId')).toBeNull();
    expect(pointerField('/nodes/2/label')).toBe('label');
  });

  it('turns pointers outside the nodes into flow settings field paths', () => {
    expect(settingsField('/settings/restartKeywords/0')).toBe('settings.restartKeywords.0');
    expect(settingsField('/variables/2/name')).toBe('variables.2.name');
    expect(settingsField('/name')).toBe('name');
    expect(settingsField('/startNodeId')).toBeNull();
    expect(settingsField('/nodes/0/data/text')).toBeNull();
  });
});
