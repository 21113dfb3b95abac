// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import type { FlowDocument } from '../../schema/index.ts';
import { useLocale } from '../i18n/index.ts';
import { canUndo } from '../store/index.ts';
import { renderSettingsEditor } from './render-settings.tsx';

afterEach(cleanup);
beforeEach(() => useLocale.getState().setLocale('es'));

const flow: FlowDocument = {
  schemaVersion: 1, id: 'pedidos', name: 'Pedidos', startNodeId: 'hola',
  nodes: [{ id: 'hola', type: 'message', position: { x: 0, y: 0 }, data: { text: 'Hola' } }],
  edges: [],
};

const renderEditor = (document: FlowDocument = flow, readOnly = false) => renderSettingsEditor(document, readOnly);
const field = (path: string) => screen.getByTestId(`field-${path}`) as HTMLInputElement;
const openSettings = () => fireEvent.click(screen.getByTestId('toggle-settings'));

describe('flow settings panel', () => {
  it('opens from the toolbar in the inspector’s place, with the defaults as placeholders and a hint for each setting', () => {
    const store = renderEditor();
    openSettings();
    const panel = screen.getByTestId('settings-panel');
    expect(screen.queryByTestId('inspector')).toBeNull();
    expect(field('settings.sessionTimeoutMinutes').placeholder).toBe('1440');
    expect(field('settings.maxStepsPerTurn').placeholder).toBe('50');
    expect(field('settings.restartKeywords').placeholder).toBe('Predeterminadas: menu, inicio');
    expect(field('settings.handoffKeywords').placeholder).toBe('Predeterminadas: agente, humano');
    expect(panel.textContent).toContain('vuelve al nodo inicial');
    expect(panel.textContent).toContain('pasa a una persona');
    expect(panel.textContent).toContain('Por defecto: 1440 (24 h)');
    act(() => store.getState().select(['hola']));
    expect(screen.queryByTestId('settings-panel')).toBeNull();
    expect(screen.getByTestId('inspector').dataset.nodeId).toBe('hola');
  });

  it('edits name, description, language and numbers through the store: one undo step per field', () => {
    const store = renderEditor();
    openSettings();
    for (const typed of ['V', 'Ve', 'Ventas']) fireEvent.change(field('description'), { target: { value: typed } });
    fireEvent.blur(field('description'));
    fireEvent.change(field('settings.maxStepsPerTurn'), { target: { value: '8' } });
    fireEvent.change(field('settings.maxStepsPerTurn'), { target: { value: '80' } });
    fireEvent.blur(field('settings.maxStepsPerTurn'));
    fireEvent.change(field('language'), { target: { value: 'pt' } });
    fireEvent.change(field('name'), { target: { value: 'Pedidos BR' } });
    expect(store.getState().document).toMatchObject({ name: 'Pedidos BR', description: 'Ventas', language: 'pt', settings: { maxStepsPerTurn: 80 } });
    // A node dropped now speaks the flow's language.
    let menu: string | null = null;
    act(() => { menu = store.getState().addNode('menu', { x: 0, y: 0 }); });
    expect(store.getState().document.nodes.find((node) => node.id === menu)!.data).toMatchObject({ text: 'Como posso ajudar?' });
    act(() => { for (let step = 0; step < 3; step++) store.getState().undo(); });
    expect(store.getState().document).toMatchObject({ description: 'Ventas', settings: { maxStepsPerTurn: 80 } });
    expect(store.getState().document.language).toBeUndefined();
    act(() => { store.getState().undo(); store.getState().undo(); });
    expect(store.getState().document).toEqual(flow);
    expect(canUndo(store.getState())).toBe(false);
  });

  it('sets the burst gathering time and turns the typing indicator off and on again (on by default)', () => {
    const store = renderEditor();
    openSettings();
    expect(field('settings.burstMilliseconds').placeholder).toBe('0');
    fireEvent.change(field('settings.burstMilliseconds'), { target: { value: '3000' } });
    fireEvent.blur(field('settings.burstMilliseconds'));
    expect(field('settings.typingIndicator').checked).toBe(true);
    fireEvent.click(field('settings.typingIndicator'));
    expect(store.getState().document.settings).toEqual({ burstMilliseconds: 3000, typingIndicator: false });
    expect(screen.getByTestId('settings-panel').textContent).toContain('hasta 25 s');
    fireEvent.click(field('settings.typingIndicator'));
    expect(store.getState().document.settings?.typingIndicator).toBe(true);
  });

  it('clearing a number goes back to the default', () => {
    const store = renderEditor({ ...flow, settings: { sessionTimeoutMinutes: 30 } });
    openSettings();
    expect(field('settings.sessionTimeoutMinutes').value).toBe('30');
    fireEvent.change(field('settings.sessionTimeoutMinutes'), { target: { value: '' } });
    expect(store.getState().document.settings).toBeUndefined();
  });

  it('edits keywords as chips: Enter and comma add, a repeat is refused, Backspace and × remove, none left means the defaults', () => {
    const store = renderEditor();
    openSettings();
    const input = field('settings.restartKeywords');
    fireEvent.change(input, { target: { value: 'Menú' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    fireEvent.change(input, { target: { value: 'volver, empezar' } });
    expect(store.getState().document.settings?.restartKeywords).toEqual(['Menú', 'volver', 'empezar']);
    fireEvent.change(input, { target: { value: ' MENU ' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(screen.getByRole('status').textContent).toBe('«MENU» ya está en la lista.');
    expect(store.getState().document.settings?.restartKeywords).toHaveLength(3);
    fireEvent.change(input, { target: { value: '' } });
    fireEvent.keyDown(input, { key: 'Backspace' });
    fireEvent.click(screen.getByTestId('chip-settings.restartKeywords-0-remove'));
    expect(store.getState().document.settings?.restartKeywords).toEqual(['volver']);
    expect(within(screen.getByTestId('chips-settings.restartKeywords')).getAllByTestId(/^chip-settings\.restartKeywords-\d+$/).map((chip) => chip.firstChild?.textContent))
      .toEqual(['volver']);
    fireEvent.keyDown(input, { key: 'Backspace' });
    expect(store.getState().document.settings).toBeUndefined();
    expect(field('settings.restartKeywords').placeholder).toBe('Predeterminadas: menu, inicio');
    // Each chip added or removed was its own step.
    act(() => store.getState().undo());
    expect(store.getState().document.settings?.restartKeywords).toEqual(['volver']);
  });

  it('declares variables: the new name is focused, a bad name is flagged, the variable picker offers them', () => {
    const store = renderEditor();
    openSettings();
    fireEvent.click(screen.getByTestId('list-variables-add'));
    expect(document.activeElement).toBe(field('variables.0.name'));
    fireEvent.change(field('variables.0.name'), { target: { value: '1cliente' } });
    expect(screen.getByRole('alert').textContent).toContain('sin empezar por dígito');
    expect(store.getState().problems.some((problem) => problem.code === 'invalid_variable_name')).toBe(true);
    fireEvent.change(field('variables.0.name'), { target: { value: 'cliente' } });
    fireEvent.blur(field('variables.0.name'));
    fireEvent.change(field('variables.0.type'), { target: { value: 'object' } });
    fireEvent.change(field('variables.0.description'), { target: { value: 'Lo que trae el CRM' } });
    expect(screen.queryByRole('alert')).toBeNull();
    expect(store.getState().document.variables).toEqual([{ name: 'cliente', type: 'object', description: 'Lo que trae el CRM' }]);
    fireEvent.click(screen.getByTestId('list-variables-add'));
    fireEvent.change(field('variables.1.name'), { target: { value: 'cliente' } });
    expect(screen.getAllByRole('alert').map((alert) => alert.textContent)).toEqual(['Ya hay otra variable con este nombre.', 'Ya hay otra variable con este nombre.']);
    fireEvent.click(screen.getByTestId('list-variables-1-remove'));
    expect(store.getState().document.variables).toHaveLength(1);

    act(() => store.getState().select(['hola']));
    fireEvent.click(screen.getByRole('button', { name: 'Insertar variable' }));
    expect(screen.getAllByRole('option').map((option) => option.textContent)).toContain('{{cliente}}');
  });

  it('a problem in the settings or the variables opens the panel on its field', () => {
    const broken: FlowDocument = {
      ...flow,
      settings: { maxStepsPerTurn: 0, handoffKeywords: [''] },
      variables: [{ name: 'ok', type: 'string' }, { name: 'mal nombre', type: 'string' }],
    };
    const store = renderEditor(broken);
    act(() => store.getState().select(['hola']));
    fireEvent.click(screen.getByTestId('problem-invalid_variable_name'));
    expect(store.getState().selectedNodeIds).toEqual([]);
    expect(document.activeElement).toBe(field('variables.1.name'));
    fireEvent.click(screen.getByTestId('problem-out_of_range'));
    expect(document.activeElement).toBe(field('settings.maxStepsPerTurn'));
    fireEvent.click(screen.getByTestId('problem-too_short'));
    expect(document.activeElement).toBe(field('settings.handoffKeywords'));
  });

  it('a node problem clicked while the settings are open brings the node inspector back on its field', () => {
    const store = renderEditor({ ...flow, nodes: [{ id: 'hola', type: 'message', position: { x: 0, y: 0 }, data: { text: 'x'.repeat(5000) } }] });
    openSettings();
    fireEvent.click(screen.getByTestId('problem-text_too_long'));
    expect(store.getState().settingsOpen).toBe(false);
    expect(document.activeElement).toBe(field('text'));
  });

  it('is read-only for testers: it shows the settings, nothing edits them', () => {
    renderEditor({ ...flow, settings: { restartKeywords: ['menu'] }, variables: [{ name: 'cliente', type: 'string' }] }, true);
    openSettings();
    expect(screen.getByTestId('settings-readonly')).toBeTruthy();
    expect((screen.getByTestId('settings-panel').querySelector('fieldset') as HTMLFieldSetElement).disabled).toBe(true);
    expect(screen.getByTestId('chip-settings.restartKeywords-0').textContent).toBe('menu');
    expect(screen.queryByTestId('chip-settings.restartKeywords-0-remove')).toBeNull();
    expect(screen.queryByTestId('list-variables-add')).toBeNull();
    expect(screen.queryByTestId('list-variables-0-remove')).toBeNull();
  });
});
