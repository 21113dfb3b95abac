// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { useLocale } from '../../i18n/index.ts';
import { renderInspector } from '../../testing/render-inspector.tsx';
import { createForm } from './create.ts';

afterEach(cleanup);

describe('form inspector', () => {
  it('shows the form’s WhatsApp Flow at Meta per business account: the newest version’s, published or refused with Meta’s errors', async () => {
    const entry = { nodeId: 'n', metaFlowId: '1234567890', status: 'PUBLISHED' as const, validationErrors: [], updatedAt: Date.UTC(2026, 11, 7, 23, 0) };
    renderInspector('form', createForm(), {
      loadMetaFlows: async () => [
        { ...entry, version: 1, wabaId: '102290129340398', status: 'DEPRECATED' },
        { ...entry, version: 2, wabaId: '102290129340398' },
        { ...entry, version: 2, wabaId: '200300400500600', metaFlowId: '99', status: 'DRAFT', validationErrors: [{ error: 'INVALID_PROPERTY_VALUE', message: 'Invalid value for property "label"' }] },
        { ...entry, version: 2, wabaId: '102290129340398', nodeId: 'otro_form' },
      ],
    });
    const published = await screen.findByTestId('meta-flow-102290129340398');
    expect(published.dataset.status).toBe('published');
    expect(published.textContent).toContain('Publicado WABA 102290129340398 · v2');
    const refused = screen.getByTestId('meta-flow-200300400500600');
    expect(refused.dataset.status).toBe('error');
    expect(refused.textContent).toContain('Error de validación');
    expect(refused.textContent).toContain('INVALID_PROPERTY_VALUE: Invalid value for property "label"');
  });

  it('says a form not yet at Meta gets there on publishing with a connected number', async () => {
    renderInspector('form', createForm(), { loadMetaFlows: async () => [] });
    expect((await screen.findByTestId('meta-flow-none')).textContent).toContain('se crea y se publica al publicar el flujo');
  });

  it('edits the message and the call to action, with its 20-character limit', () => {
    const { data } = renderInspector('form', createForm());
    fireEvent.change(screen.getByTestId('field-text'), { target: { value: 'Completá tus datos' } });
    fireEvent.change(screen.getByTestId('field-cta'), { target: { value: 'Abrir el formulario ya' } });
    expect(data()).toMatchObject({ text: 'Completá tus datos', cta: 'Abrir el formulario ya' });
    expect(screen.getByTestId('counter-cta').className).toContain('insp-counter--over');
  });

  it('adds a screen: the first now navigates to it and the new one completes the form', () => {
    const { data } = renderInspector('form', createForm());
    fireEvent.click(screen.getByTestId('list-screens-add'));
    const [first, second] = data().flowJson.screens;
    expect(second).toMatchObject({ id: 'SCREEN_B', terminal: true });
    expect(first!.terminal).toBeUndefined();
    expect(first!.layout.children.at(-1)).toMatchObject({ 'on-click-action': { name: 'navigate', next: { name: 'SCREEN_B' } } });
    expect(data().flowJson.routing_model).toEqual({ SCREEN_A: ['SCREEN_B'], SCREEN_B: [] });
  });

  it('adds components of a chosen type; the outputs follow the fields', () => {
    const { data } = renderInspector('form', createForm());
    fireEvent.change(screen.getAllByTestId('form-component-type')[0]!, { target: { value: 'Dropdown' } });
    fireEvent.click(screen.getAllByTestId('form-component-add')[0]!);
    const added = data().flowJson.screens[0]!.layout.children[1]!;
    expect(added).toMatchObject({ type: 'Dropdown', name: 'campo_1', required: true });
    expect(data().outputs).toEqual([{ field: 'nombre', variable: 'nombre' }, { field: 'campo_1', variable: 'campo_1' }]);
    fireEvent.change(screen.getByTestId('field-screens.0.components.1.name'), { target: { value: 'Sabor Favorito' } });
    fireEvent.change(screen.getByTestId('field-outputs.1.variable'), { target: { value: 'sabor' } });
    expect(data().outputs[1]).toEqual({ field: 'sabor_favorito', variable: 'sabor' });
    fireEvent.click(screen.getByTestId('list-screens.0.components.1.data-source-add'));
    expect((data().flowJson.screens[0]!.layout.children[1]!['data-source'] as unknown[]).length).toBe(3);
  });

  it('sets a text input’s length bounds and clears them', () => {
    const { data } = renderInspector('form', createForm());
    fireEvent.change(screen.getByTestId('field-screens.0.components.0.max-chars'), { target: { value: '40' } });
    expect(data().flowJson.screens[0]!.layout.children[0]).toMatchObject({ type: 'TextInput', 'max-chars': 40 });
    fireEvent.change(screen.getByTestId('field-screens.0.components.0.max-chars'), { target: { value: '' } });
    expect('max-chars' in data().flowJson.screens[0]!.layout.children[0]!).toBe(false);
  });

  it('names the text input’s data types in the UI language and writes the WhatsApp value', () => {
    useLocale.getState().setLocale('es');
    const { data } = renderInspector('form', createForm());
    const select = screen.getByTestId('field-screens.0.components.0.input-type') as HTMLSelectElement;
    expect([...select.options].map((option) => option.textContent)).toEqual(['Texto', 'Número', 'Correo electrónico', 'Contraseña', 'Código numérico', 'Teléfono']);
    fireEvent.change(select, { target: { value: 'email' } });
    expect(data().flowJson.screens[0]!.layout.children[0]).toMatchObject({ 'input-type': 'email' });
    act(() => useLocale.getState().setLocale('pt'));
    expect(select.selectedOptions[0]!.textContent).toBe('E-mail');
    act(() => useLocale.getState().setLocale('es'));
  });

  it('reorders and removes components and edits labels with their limits', () => {
    const { data } = renderInspector('form', createForm());
    fireEvent.change(screen.getAllByTestId('form-component-type')[0]!, { target: { value: 'TextHeading' } });
    fireEvent.click(screen.getAllByTestId('form-component-add')[0]!);
    fireEvent.click(screen.getByTestId('list-screens.0.components-1-up'));
    expect(data().flowJson.screens[0]!.layout.children.map((child) => child.type)).toEqual(['TextHeading', 'TextInput', 'Footer']);
    fireEvent.change(screen.getByTestId('field-screens.0.components.1.label'), { target: { value: 'Tu nombre completo, por favor' } });
    expect(screen.getByTestId('counter-screens.0.components.1.label').textContent).toBe('29/20');
    fireEvent.click(screen.getByTestId('list-screens.0.components-1-remove'));
    expect(data().outputs).toEqual([]);
  });
});

describe('form inspector entry screen', () => {
  it('forgets the entry screen when it is removed', () => {
    const { data } = renderInspector('form', { ...createForm(), screen: 'SCREEN_A' });
    fireEvent.click(screen.getByTestId('list-screens-add'));
    expect(data().screen).toBe('SCREEN_A');
    fireEvent.click(screen.getByTestId('list-screens-0-remove'));
    expect(data().screen).toBeUndefined();
    expect(data().flowJson.screens.map((entry) => entry.id)).toEqual(['SCREEN_B']);
  });
});
