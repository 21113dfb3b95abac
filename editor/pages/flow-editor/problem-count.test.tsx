// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import type { FlowDocument } from '../../../schema/index.ts';
import { useLocale } from '../../i18n/index.ts';
import { createEditorStore, EditorStoreProvider } from '../../store/index.ts';
import { ProblemCount } from './problem-count.tsx';

afterEach(cleanup);
afterEach(() => act(() => useLocale.getState().setLocale('es')));

const flow = (nodes: FlowDocument['nodes']): FlowDocument => ({ schemaVersion: 1, id: 'p', name: 'P', startNodeId: 'a', nodes, edges: [] });
const message = (id: string, text: string, y = 0) => ({ id, type: 'message', position: { x: 0, y }, data: { text } }) as FlowDocument['nodes'][number];

function renderCount(document: FlowDocument) {
  const store = createEditorStore({ document });
  render(<EditorStoreProvider store={store}><ProblemCount /></EditorStoreProvider>);
  return screen.getByTestId('error-count');
}

describe('problem count in the editor header', () => {
  it('counts errors and warnings with the plural each number takes, in every language', () => {
    // An empty message (an error) that leads nowhere (a warning), and a loose one (two warnings).
    const pill = renderCount(flow([message('a', ''), message('b', 'Suelto', 200)]));
    expect(pill.dataset.count).toBe('1');
    expect(pill.dataset.warnings).toBe('3');
    expect(pill.title).toBe('1 error · 3 advertencias');
    expect(pill.className).toContain('pill-error');
    act(() => useLocale.getState().setLocale('pt'));
    expect(pill.title).toBe('1 erro · 3 avisos');
    act(() => useLocale.getState().setLocale('en'));
    expect(pill.title).toBe('1 error · 3 warnings');
  });

  it('shows warnings alone in the warning colour', () => {
    const pill = renderCount(flow([message('a', 'Hola')]));
    expect(pill.title).toBe('1 advertencia');
    expect(pill.className).toContain('pill-warn');
  });

  it('says there is nothing to fix when the flow is clean', () => {
    const pill = renderCount({ ...flow([message('a', 'Hola'), { id: 'fin', type: 'end', position: { x: 0, y: 200 }, data: {} } as FlowDocument['nodes'][number]]),
      edges: [{ id: 'a-fin', source: 'a', sourceHandle: 'next', target: 'fin' }] } as FlowDocument);
    expect(pill.dataset.count).toBe('0');
    expect(pill.title).toBe('Sin errores');
    expect(pill.className).toContain('pill-ok');
  });
});
