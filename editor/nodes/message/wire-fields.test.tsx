// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import type { FlowDocument } from '../../../schema/index.ts';
import type { TemplateSummary } from '../../api/types.ts';
import { useLocale } from '../../i18n/index.ts';
import { Inspector } from '../../inspector/Inspector.tsx';
import { ProblemsPanel } from '../../problems/ProblemsPanel.tsx';
import { createEditorStore, EditorStoreProvider } from '../../store/index.ts';
import { renderInspector } from '../../testing/render-inspector.tsx';
import { useTemplates } from '../../templates/templates-store.ts';
import { MenuBody } from '../menu/Body.tsx';
import { MessageBody } from './Body.tsx';

/** The inspector fields of what a message node sends beyond its text, the menu's header media and the waiting nodes' fallback template. */
const synced: TemplateSummary[] = [
  {
    wabaId: '102290129340398', name: 'seguimos_aca', language: 'es_AR', category: 'UTILITY', status: 'APPROVED', fetchedAt: 1,
    components: [{ type: 'BODY', text: 'Hola {{1}}, ¿seguimos con tu pedido?' }, { type: 'BUTTONS', buttons: [{ type: 'URL', text: 'Ver pedido', url: 'https://x.test/{{1}}' }] }],
  },
  { wabaId: '102290129340398', name: 'promo', language: 'es_AR', category: 'MARKETING', status: 'PENDING', fetchedAt: 1, components: [{ type: 'BODY', text: 'Promo' }] },
];

beforeEach(() => {
  useLocale.getState().setLocale('es');
  useTemplates.setState({ templates: synced, status: 'ready', error: null, syncErrors: [] });
  localStorage.removeItem('charla.problems.collapsed');
});
afterEach(cleanup);

const change = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });

describe('message inspector: link, location, contacts, reaction', () => {
  it('adds a link button (cta_url) with its text and URL, and removes it', () => {
    const { data } = renderInspector('message', { text: 'Mirá el menú' });
    fireEvent.click(screen.getByTestId('field-link'));
    change('field-link.label', 'Ver menú');
    change('field-link.url', 'https://donpepe.example/menu');
    expect(data().link).toEqual({ label: 'Ver menú', url: 'https://donpepe.example/menu' });
    expect(screen.getByTestId('counter-link.label').textContent).toBe('8/20');
    // With a button the text is an interactive body: 1024 characters.
    expect(screen.getByTestId('counter-text').textContent).toBe('12/1024');
    fireEvent.click(screen.getByTestId('field-link'));
    expect(data().link).toBeUndefined();
  });

  it('asks for the location, and says a message carries one button only', () => {
    const { data } = renderInspector('message', { text: '¿Dónde estás?', link: { label: 'Ver', url: 'https://x.test' } });
    fireEvent.click(screen.getByTestId('field-requestLocation'));
    expect(data().requestLocation).toBe(true);
    expect(screen.getByText('Un mensaje lleva un solo botón: el enlace o el pedido de ubicación.')).toBeTruthy();
    fireEvent.click(screen.getByTestId('field-requestLocation'));
    expect(data().requestLocation).toBeUndefined();
  });

  it('sends a location: coordinates, name and address', () => {
    const { data } = renderInspector('message', { text: 'Estamos acá' });
    fireEvent.click(screen.getByTestId('field-location'));
    expect(data().location).toEqual({ latitude: -34.6037, longitude: -58.3816 });
    change('field-location.latitude', '-31.4201');
    change('field-location.longitude', '-64.1888');
    change('field-location.name', 'Pizzería Don Pepe');
    change('field-location.address', 'Av. Colón 1234, Córdoba');
    expect(data().location).toEqual({ latitude: -31.4201, longitude: -64.1888, name: 'Pizzería Don Pepe', address: 'Av. Colón 1234, Córdoba' });
    fireEvent.click(screen.getByTestId('field-location'));
    expect(data().location).toBeUndefined();
  });

  it('shares up to 5 contact cards; removing the last one leaves none', () => {
    const { data } = renderInspector('message', { text: 'Te paso el contacto' });
    fireEvent.click(screen.getByTestId('list-contacts-add'));
    change('field-contacts.0.name', 'Don Pepe');
    change('field-contacts.0.phone', '+5491155550123');
    change('field-contacts.0.email', 'pepe@donpepe.example');
    expect(data().contacts).toEqual([{ name: 'Don Pepe', phone: '+5491155550123', email: 'pepe@donpepe.example' }]);
    for (let added = 1; added < 5; added++) fireEvent.click(screen.getByTestId('list-contacts-add'));
    expect(data().contacts).toHaveLength(5);
    expect((screen.getByTestId('list-contacts-add') as HTMLButtonElement).disabled).toBe(true);
    for (let index = 4; index >= 0; index--) fireEvent.click(screen.getByTestId(`list-contacts-${index}-remove`));
    expect(data().contacts).toBeUndefined();
  });

  it('reacts to the customer\'s message with an emoji', () => {
    const { data } = renderInspector('message', { text: '' });
    change('field-reaction', '👍');
    expect(data().reaction).toBe('👍');
    change('field-reaction', '');
    expect(data().reaction).toBeUndefined();
  });

  it('says an uncaptioned image goes as the link\'s header', () => {
    renderInspector('message', { text: 'Mirá', link: { label: 'Ver', url: 'https://x.test' }, media: { kind: 'image', url: 'https://x.test/a.png' } });
    expect(screen.getByText(/va como encabezado del mensaje/)).toBeTruthy();
  });

  it('words its fields in Portuguese and English', () => {
    for (const [locale, words] of [['pt', ['Botão com link (cta_url)', 'Enviar uma localização', 'Reação à mensagem do cliente']], ['en', ['Link button (cta_url)', 'Send a location', 'Reaction to the customer\'s message']]] as const) {
      renderInspector('message', { text: 'x' });
      act(() => useLocale.getState().setLocale(locale));
      for (const word of words) expect(screen.getByText(word)).toBeTruthy();
      cleanup();
    }
  });
});

describe('menu inspector: header media', () => {
  it('puts an image, video or document above the buttons by URL', () => {
    const { data } = renderInspector('menu', { text: 'Elegí', options: [{ id: 'a', title: 'A' }] });
    change('field-headerMedia.kind', 'video');
    change('field-headerMedia.url', 'https://x.test/v.mp4');
    expect(data().headerMedia).toEqual({ kind: 'video', url: 'https://x.test/v.mp4' });
    expect([...(screen.getByTestId('field-headerMedia.kind') as HTMLSelectElement).options].map((option) => option.value)).toEqual(['none', 'image', 'video', 'document']);
    change('field-headerMedia.kind', 'none');
    expect(data().headerMedia).toBeUndefined();
  });
});

describe('fallback template of a waiting node', () => {
  it.each(['menu', 'question'] as const)('%s: picks a synced template, fills its placeholders, and clears it', (kind) => {
    const base = kind === 'menu' ? { text: 'Elegí', options: [{ id: 'a', title: 'A' }] } : { text: '¿Tu nombre?', variable: 'nombre', input: 'text' as const };
    const { data } = renderInspector(kind, base);
    const select = screen.getByTestId('field-fallbackTemplate') as HTMLSelectElement;
    expect([...select.options].map((option) => option.textContent)).toEqual([
      'Ninguna: lo que diga queda retenido', 'seguimos_aca · es_AR — Aprobada', 'promo · es_AR — En revisión',
    ]);
    change('field-fallbackTemplate', 'seguimos_aca|es_AR');
    expect(data().fallbackTemplate).toEqual({ name: 'seguimos_aca', language: 'es_AR', bodyParameters: { '1': '' }, buttonParameters: { '0': '' } });
    change('field-fallbackTemplate.bodyParameters.1', '{{contact.name}}');
    change('field-fallbackTemplate.buttonParameters.0', '{{pedido_id}}');
    expect(data().fallbackTemplate).toEqual({ name: 'seguimos_aca', language: 'es_AR', bodyParameters: { '1': '{{contact.name}}' }, buttonParameters: { '0': '{{pedido_id}}' } });
    expect(screen.getByText('Final del enlace del botón «Ver pedido»')).toBeTruthy();
    change('field-fallbackTemplate', '');
    expect(data().fallbackTemplate).toBeUndefined();
  });

  it('keeps a template Charla has not read from Meta, saying so', () => {
    renderInspector('question', { text: '¿Tu nombre?', variable: 'nombre', input: 'text', fallbackTemplate: { name: 'vieja', language: 'es' } });
    expect((screen.getByTestId('field-fallbackTemplate') as HTMLSelectElement).selectedOptions[0]!.textContent).toBe('vieja · es (no está entre las leídas de Meta)');
  });
});

describe('problems on these fields open on them', () => {
  const flow: FlowDocument = {
    schemaVersion: 1, id: 'p', name: 'P', startNodeId: 'hola',
    nodes: [
      { id: 'hola', type: 'message', position: { x: 0, y: 0 }, data: { text: 'Hola', link: { label: 'Ver', url: 'ftp://x.test' }, requestLocation: true } },
      { id: 'donde', type: 'message', position: { x: 0, y: 200 }, data: { text: 'Acá', location: { latitude: 123, longitude: 0 } } },
      { id: 'menu', type: 'menu', position: { x: 300, y: 0 }, data: { text: 'Elegí', options: [{ id: 'a', title: 'A' }], headerMedia: { kind: 'image', url: 'foto.png' } } },
    ],
    edges: [{ id: 'e1', source: 'hola', sourceHandle: 'next', target: 'donde' }, { id: 'e2', source: 'donde', sourceHandle: 'next', target: 'menu' }],
  };

  it.each([
    ['hola', 'problem-url_not_http', 'field-link.url'],
    ['hola', 'problem-message_two_buttons', 'field-requestLocation'],
    ['menu', 'problem-url_not_http', 'field-headerMedia.url'],
  ])('%s: %s focuses %s', (nodeId, problem, field) => {
    const store = createEditorStore({ document: flow });
    render(<EditorStoreProvider store={store}><ProblemsPanel /><Inspector /></EditorStoreProvider>);
    const group = screen.getByTestId(`problems-group-${nodeId}`);
    fireEvent.click(group.querySelector(`[data-testid="${problem}"]`)!);
    expect(store.getState().selectedNodeIds).toEqual([nodeId]);
    expect(document.activeElement).toBe(screen.getByTestId(field));
  });

  it('an out-of-range latitude focuses its field', () => {
    const store = createEditorStore({ document: flow });
    render(<EditorStoreProvider store={store}><ProblemsPanel /><Inspector /></EditorStoreProvider>);
    const group = screen.getByTestId('problems-group-donde');
    fireEvent.click(group.querySelector('[data-testid^="problem-"]')!);
    expect(document.activeElement).toBe(screen.getByTestId('field-location.latitude'));
  });
});

describe('cards show what else a node sends', () => {
  it('a message: its link, location request, pin, contacts and reaction; a menu: its header media and fallback template', () => {
    render(<MessageBody data={{ text: 'Hola', link: { label: 'Ver la carta', url: 'https://x.test' }, requestLocation: true, location: { latitude: 0, longitude: 0, name: 'Local' }, contacts: [{ name: 'Pepe' }], reaction: '👍' }} />);
    expect([...screen.getByTestId('message-sends').children].map((chip) => chip.textContent)).toEqual([
      '↗ Ver la carta', '◎ Pide la ubicación', '◉ Local', '☏ Contactos: 1', 'Reacciona 👍',
    ]);
    cleanup();
    render(<MenuBody data={{ text: 'Elegí', options: [{ id: 'a', title: 'A' }], headerMedia: { kind: 'image', url: 'https://x.test/a.png' }, fallbackTemplate: { name: 'retomar_pedido', language: 'es_AR' } }} />);
    expect(screen.getByText('▣ Imagen')).toBeTruthy();
    expect(screen.getByText('❏ retomar_pedido').getAttribute('title')).toBe('Plantilla si se cerró la ventana de 24 h');
  });
});
