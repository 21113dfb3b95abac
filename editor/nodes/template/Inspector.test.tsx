// @vitest-environment jsdom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import type { TemplateSummary } from '../../api/types.ts';
import { renderInspector } from '../../testing/render-inspector.tsx';
import { useTemplates } from '../../templates/templates-store.ts';

const synced: TemplateSummary[] = [
  {
    wabaId: '102290129340398', name: 'recordatorio_turno', language: 'es_AR', category: 'UTILITY', status: 'APPROVED', fetchedAt: 1,
    components: [
      { type: 'HEADER', format: 'TEXT', text: 'Turno del {{1}}' },
      { type: 'BODY', text: 'Hola {{1}}, te esperamos el {{2}}. ¿Confirmás?' },
      { type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'Confirmo' }, { type: 'QUICK_REPLY', text: 'Reprogramar' }] },
    ],
  },
  {
    wabaId: '102290129340398', name: 'promo_invierno', language: 'es_AR', category: 'MARKETING', status: 'PENDING', fetchedAt: 1,
    components: [{ type: 'BODY', text: 'Llegó el invierno.' }],
  },
];

beforeEach(() => {
  useTemplates.setState({ templates: synced, status: 'ready', error: null, syncErrors: [] });
});
afterEach(cleanup);

describe('template inspector', () => {
  it('picks a synced template: a field per placeholder, its quick replies as outputs, its status shown', () => {
    const { data } = renderInspector('template', { name: 'hello_world', language: 'en_US' });
    expect(screen.getByTestId('template-not-synced').textContent).toMatch(/no está entre las leídas de Meta/);
    const select = screen.getByTestId('field-template') as HTMLSelectElement;
    expect([...select.options].map((option) => option.textContent)).toEqual([
      'Elegí una plantilla…', 'recordatorio_turno · es_AR — Aprobada', 'promo_invierno · es_AR — En revisión',
    ]);
    fireEvent.change(select, { target: { value: 'recordatorio_turno|es_AR' } });
    expect(data()).toEqual({
      name: 'recordatorio_turno', language: 'es_AR', headerParameter: '', bodyParameters: { '1': '', '2': '' },
      quickReplies: [{ id: 'confirmo', title: 'Confirmo' }, { id: 'reprogramar', title: 'Reprogramar' }],
    });
    expect(screen.getByTestId('template-status').textContent).toBe('Aprobada · UTILITY');
    expect(screen.getByTestId('template-preview').textContent).toBe('Hola {{1}}, te esperamos el {{2}}. ¿Confirmás?');
    fireEvent.change(screen.getByTestId('field-bodyParameters.1'), { target: { value: '{{contact.name}}' } });
    expect(data().bodyParameters).toEqual({ '1': '{{contact.name}}', '2': '' });
  });

  it('warns that a template Meta has not approved will not publish', () => {
    renderInspector('template', { name: 'promo_invierno', language: 'es_AR' });
    expect(screen.getByTestId('template-status').textContent).toMatch(/^En revisión — Solo se envían plantillas aprobadas/);
  });

  it('is read-only for testers', () => {
    renderInspector('template', { name: 'recordatorio_turno', language: 'es_AR' }, { readOnly: true });
    expect((screen.getByTestId('field-template') as HTMLSelectElement).disabled).toBe(true);
    expect((screen.getByTestId('templates-refresh') as HTMLButtonElement).disabled).toBe(true);
  });
});
