// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import type { FlowDocument } from '../../../schema/index.ts';
import { useLocale } from '../../i18n/index.ts';
import { Inspector } from '../../inspector/index.ts';
import { FlowSettingsSlot } from '../../settings/index.ts';
import { createEditorStore, EditorStoreProvider } from '../../store/index.ts';
import { RightSlot } from './right-slot.tsx';
import { useRightSlot } from './use-right-slot.ts';

afterEach(cleanup);
beforeEach(() => {
  useLocale.getState().setLocale('es');
  localStorage.clear();
});

const flow: FlowDocument = {
  schemaVersion: 1, id: 's', name: 'S', startNodeId: 'hola',
  nodes: [{ id: 'hola', type: 'message', position: { x: 0, y: 0 }, data: { text: 'Hola' } }],
  edges: [],
};

/** Stands for the simulator: a conversation is state that must survive the inspector tab. */
function FakeSimulator() {
  const [sent, setSent] = useState(0);
  return <button type="button" data-testid="fake-sim" onClick={() => setSent(sent + 1)}>{sent}</button>;
}

function Page() {
  const slot = useRightSlot(null);
  return (
    <>
      <button type="button" data-testid="toggle-simulator" onClick={() => slot.toggle('simulator')} />
      <RightSlot slot={slot} panelLabel="Simulador" panel={slot.panel && <FakeSimulator />}
        inspector={<FlowSettingsSlot><Inspector /></FlowSettingsSlot>} />
    </>
  );
}

function renderPage() {
  const store = createEditorStore({ document: flow });
  render(<EditorStoreProvider store={store}><Page /></EditorStoreProvider>);
  return store;
}

const visible = (testId: string) => screen.getByTestId(testId).closest('[hidden]') === null;

describe('the right slot', () => {
  it('shows the inspector alone until a panel opens; the panel then takes the slot, one at a time', () => {
    renderPage();
    expect(screen.queryByRole('tablist')).toBeNull();
    expect(visible('inspector')).toBe(true);
    fireEvent.click(screen.getByTestId('toggle-simulator'));
    expect(visible('fake-sim')).toBe(true);
    expect(visible('inspector')).toBe(false);
    expect(screen.getByTestId('right-slot').dataset.view).toBe('simulator');
  });

  it('keeps the simulator when a node is selected; the inspector tab shows it and the conversation survives', () => {
    const store = renderPage();
    fireEvent.click(screen.getByTestId('toggle-simulator'));
    fireEvent.click(screen.getByTestId('fake-sim'));
    act(() => store.getState().select(['hola']));
    expect(visible('fake-sim')).toBe(true);
    expect(screen.getByTestId('slot-tab-inspector').querySelector('.right-slot-dot')).not.toBeNull();
    fireEvent.click(screen.getByTestId('slot-tab-inspector'));
    expect(visible('inspector')).toBe(true);
    expect(screen.getByTestId('inspector').dataset.nodeId).toBe('hola');
    // The toolbar button brings the hidden simulator back rather than closing it; pressed again, it closes.
    fireEvent.click(screen.getByTestId('toggle-simulator'));
    expect(visible('fake-sim')).toBe(true);
    expect(screen.getByTestId('fake-sim').textContent).toBe('1');
    fireEvent.click(screen.getByTestId('toggle-simulator'));
    expect(screen.queryByTestId('fake-sim')).toBeNull();
    expect(visible('inspector')).toBe(true);
  });

  it('brings the inspector tab forward when asked for on purpose: flow settings, a problem clicked', () => {
    const store = renderPage();
    fireEvent.click(screen.getByTestId('toggle-simulator'));
    act(() => store.getState().openSettings());
    expect(visible('settings-panel')).toBe(true);
    expect(screen.getByTestId('slot-tab-inspector').textContent).toBe('Ajustes del flujo');
    fireEvent.click(screen.getByTestId('slot-tab-panel'));
    act(() => {
      store.getState().select(['hola']);
      store.getState().focusField('hola', 'text');
    });
    expect(visible('inspector')).toBe(true);
  });

  it('has one width whatever it shows, resizable from its edge and remembered', () => {
    renderPage();
    const slot = screen.getByTestId('right-slot');
    expect(slot.style.width).toBe('380px');
    fireEvent.keyDown(screen.getByTestId('slot-resizer'), { key: 'ArrowLeft' });
    expect(slot.style.width).toBe('396px');
    fireEvent.click(screen.getByTestId('toggle-simulator'));
    expect(slot.style.width).toBe('396px');
    expect(localStorage.getItem('charla.rightSlot.width')).toBe('396');
    cleanup();
    renderPage();
    expect(screen.getByTestId('right-slot').style.width).toBe('396px');
  });
});
