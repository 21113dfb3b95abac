// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import type { FlowDocument } from '../../schema/index.ts';
import { useLocale } from '../i18n/index.ts';
import { createEditorStore, EditorStoreProvider } from '../store/index.ts';
import { Inspector } from './Inspector.tsx';

afterEach(cleanup);
beforeEach(() => useLocale.getState().setLocale('es'));

const flow: FlowDocument = {
  schemaVersion: 1, id: 'i', name: 'I', startNodeId: 'hola', variables: [{ name: 'cliente', type: 'string' }],
  nodes: [
    { id: 'hola', type: 'message', position: { x: 0, y: 0 }, data: { text: 'Hola' } },
    { id: 'pregunta', type: 'question', position: { x: 0, y: 0 }, data: { text: '¿DNI?', variable: 'dni', input: 'text' } },
  ],
  edges: [],
};

function renderWith(selected: string[], readOnly = false) {
  const store = createEditorStore({ document: flow, readOnly });
  store.getState().select(selected);
  render(<EditorStoreProvider store={store}><Inspector /></EditorStoreProvider>);
  return store;
}

describe('inspector panel', () => {
  it('asks for a selection, or says how many nodes are selected', () => {
    renderWith([]);
    expect(screen.getByTestId('inspector').textContent).toBe('Seleccioná un nodo para editarlo');
    cleanup();
    renderWith(['hola', 'pregunta']);
    expect(screen.getByTestId('inspector').textContent).toBe('2 nodos seleccionados');
  });

  it('asks a reader (tester) to select a node to see it, not to edit it', () => {
    renderWith([], true);
    expect(screen.getByTestId('inspector').textContent).toBe('Seleccioná un nodo para ver su contenido');
  });

  it('opens another node at its top, and keeps the place while the same node is edited', () => {
    const store = renderWith(['pregunta']);
    const inspector = screen.getByTestId('inspector');
    inspector.scrollTop = 240;
    fireEvent.change(screen.getByTestId('field-text'), { target: { value: '¿Tu DNI?' } });
    expect(inspector.scrollTop).toBe(240);
    act(() => store.getState().select(['hola']));
    expect(screen.getByTestId('inspector')).toBe(inspector);
    expect(inspector.dataset.nodeId).toBe('hola');
    expect(inspector.scrollTop).toBe(0);
  });

  it('names the node on the canvas, marks it as the start, deletes it', () => {
    const store = renderWith(['pregunta']);
    fireEvent.change(screen.getByTestId('field-label'), { target: { value: 'Pedir DNI' } });
    expect(store.getState().document.nodes[1]!.label).toBe('Pedir DNI');
    fireEvent.click(screen.getByTestId('inspector-set-start'));
    expect(store.getState().document.startNodeId).toBe('pregunta');
    expect(screen.getByTestId('inspector-is-start')).toBeTruthy();
    // It is the start now: deleting it asks first (the canvas shows the question).
    fireEvent.click(screen.getByTestId('inspector-delete'));
    expect(store.getState().startDeletionPending).toBe(true);
    act(() => store.getState().confirmStartDeletion(true));
    expect(store.getState().document.nodes.map((node) => node.id)).toEqual(['hola']);
  });

  it('opens the variable list when {{ is typed, and the pick takes the braces’ place', async () => {
    const store = renderWith(['hola']);
    const text = screen.getByTestId('field-text') as HTMLTextAreaElement;
    const typed = `${text.value} {{`;
    fireEvent.change(text, { target: { value: typed, selectionStart: typed.length } });
    const list = await screen.findByRole('listbox');
    fireEvent.click(within(list).getByText('{{cliente}}'));
    expect((store.getState().document.nodes[0]!.data as { text: string }).text).toBe(`${typed.slice(0, -2)}{{cliente}}`);
  });

  it('offers declared variables, variables nodes store and the built-in ones', () => {
    renderWith(['hola']);
    fireEvent.click(screen.getAllByRole('button', { name: 'Insertar variable' })[0]!);
    expect(within(screen.getByRole('listbox')).getAllByRole('option').map((option) => option.textContent))
      .toEqual(['{{cliente}}', '{{dni}}', '{{contact.name}}', '{{contact.phone}}', '{{contact.username}}', '{{message.text}}']);
  });

  it('closes the variable picker on Escape or a click elsewhere, giving the focus back to the field', () => {
    renderWith(['hola']);
    const field = screen.getByTestId('field-text');
    const picker = screen.getAllByRole('button', { name: 'Insertar variable' })[0]!;
    fireEvent.click(picker);
    expect(picker.getAttribute('aria-expanded')).toBe('true');
    fireEvent.keyDown(within(screen.getByRole('listbox')).getAllByRole('option')[0]!, { key: 'Escape' });
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(document.activeElement).toBe(field);
    fireEvent.click(picker);
    fireEvent.pointerDown(screen.getByTestId('field-label'));
    expect(screen.queryByRole('listbox')).toBeNull();
    // Picking one inserts it and closes the list.
    fireEvent.click(picker);
    fireEvent.click(within(screen.getByRole('listbox')).getAllByRole('option')[0]!);
    expect(screen.queryByRole('listbox')).toBeNull();
    expect((field as HTMLTextAreaElement).value).toContain('{{cliente}}');
  });

  it('typing then leaving a field is one undo step', () => {
    const store = renderWith(['hola']);
    const text = screen.getByTestId('field-text');
    for (const value of ['Hola!', 'Hola!!', 'Hola!!!']) fireEvent.change(text, { target: { value } });
    fireEvent.blur(text);
    fireEvent.change(text, { target: { value: 'Chau' } });
    store.getState().undo();
    expect((store.getState().document.nodes[0]!.data as { text: string }).text).toBe('Hola!!!');
    store.getState().undo();
    expect((store.getState().document.nodes[0]!.data as { text: string }).text).toBe('Hola');
  });
});
