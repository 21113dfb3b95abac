// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import type { FlowDocument } from '../../schema/index.ts';
import { useLocale } from '../i18n/index.ts';
import { Inspector } from '../inspector/Inspector.tsx';
import { FlowSettingsButton } from '../settings/FlowSettingsButton.tsx';
import { FlowSettingsSlot } from '../settings/FlowSettingsSlot.tsx';
import { createEditorStore, EditorStoreProvider } from '../store/index.ts';

afterEach(cleanup);

const flow: FlowDocument = {
  schemaVersion: 1, id: 'farmacia', name: 'Farmacia', startNodeId: 'hola',
  nodes: [{ id: 'hola', type: 'message', position: { x: 0, y: 0 }, data: { text: 'Hola' } }],
  edges: [],
  knowledge: [{ id: 'medios-de-pago', title: 'Medios de pago', text: 'Aceptamos efectivo, tarjetas y transferencia.' }],
};

function renderKnowledge(locale: 'es' | 'pt' | 'en' = 'es') {
  useLocale.getState().setLocale(locale);
  const store = createEditorStore({ document: flow });
  render(
    <EditorStoreProvider store={store}>
      <FlowSettingsButton />
      <FlowSettingsSlot><Inspector /></FlowSettingsSlot>
    </EditorStoreProvider>,
  );
  fireEvent.click(screen.getByTestId('toggle-settings'));
  return store;
}
const tagsInput = () => screen.getByTestId('field-knowledge.0.tags') as HTMLInputElement;

describe('knowledge editor: the other words customers use (tags)', () => {
  it('adds tags as chips to the entry and drops the field when the last one goes', () => {
    const store = renderKnowledge();
    expect(screen.getByTestId('knowledge-editor').textContent).toContain('Otras palabras de tus clientes');
    expect(tagsInput().placeholder).toBe('Ninguna');
    fireEvent.change(tagsInput(), { target: { value: 'amex, posnet,' } });
    expect(store.getState().document.knowledge![0]).toEqual({ ...flow.knowledge![0], tags: ['amex', 'posnet'] });
    fireEvent.click(screen.getByTestId('chip-knowledge.0.tags-1-remove'));
    fireEvent.click(screen.getByTestId('chip-knowledge.0.tags-0-remove'));
    expect(store.getState().document.knowledge![0]).toEqual(flow.knowledge![0]);
    expect('tags' in store.getState().document.knowledge![0]!).toBe(false);
  });

  it.each([['pt', 'Outras palavras dos seus clientes'], ['en', 'Other words your customers use']] as const)('speaks %s', (locale, label) => {
    renderKnowledge(locale);
    expect(screen.getByTestId('knowledge-editor').textContent).toContain(label);
  });
});
