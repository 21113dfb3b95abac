import { renderTemplate, templateValue, type TemplateScope } from './template.ts';

const scope: TemplateScope = {
  variables: {
    nombre: 'Ana',
    pedido: { items: [{ nombre: 'Muzzarella', cantidad: 2 }], total: 12500 },
    disponible: false,
    cero: 0,
    nulo: null,
    tramposo: '{{secrets.API_KEY}}',
  },
  contact: { waId: '5491155550123', userId: 'AR.4491208655302741918', username: 'ana.p', name: 'Ana Pérez' },
  lastText: 'hola',
  secrets: undefined,
};

describe('renderTemplate', () => {
  it.each<[string, string]>([
    ['Hola {{nombre}}', 'Hola Ana'],
    ['{{ pedido.items.0.nombre }} x{{pedido.items.0.cantidad}}', 'Muzzarella x2'],
    ['{{contact.name}} / {{contact.phone}} / {{message.text}}', 'Ana Pérez / 5491155550123 / hola'],
    ['@{{contact.username}} {{contact.userId}}', '@ana.p '],
    ['[{{no_existe}}] [{{pedido.nada.mas}}] [{{nulo}}]', '[] [] []'],
    ['{{disponible}} {{cero}}', 'false 0'],
    ['{{pedido.items}}', '[{"nombre":"Muzzarella","cantidad":2}]'],
    ['{{constructor}}{{nombre.length}}{{__proto__}}{{toString}}', ''],
    ['{{secrets.API_KEY}}', ''],
    ['{{tramposo}}', '{{secrets.API_KEY}}'],
    ['{{process.env.HOME}} {{nombre + 1}}', ' '],
    ['sin plantillas {{}} ni {abierta', 'sin plantillas  ni {abierta'],
  ])('%s → %s', (template, expected) => {
    expect(renderTemplate(template, scope)).toBe(expected);
  });

  it('renders secrets only when the scope carries them', () => {
    const withSecrets = { ...scope, secrets: { API_KEY: 'k-123' } };
    expect(renderTemplate('Bearer {{secrets.API_KEY}}{{secrets.OTRA}}', withSecrets)).toBe('Bearer k-123');
  });
});

describe('templateValue', () => {
  it('keeps the type of a lone placeholder and renders anything else', () => {
    expect(templateValue('{{pedido.total}}', scope)).toBe(12500);
    expect(templateValue(' {{pedido.items.0}} ', scope)).toEqual({ nombre: 'Muzzarella', cantidad: 2 });
    expect(templateValue('{{disponible}}', scope)).toBe(false);
    expect(templateValue('{{no_existe}}', scope)).toBe('');
    expect(templateValue('${{pedido.total}}', scope)).toBe('$12500');
  });
});

describe('formats: {{value | format}}', () => {
  const variables = { turno: '2026-08-15', hora: '14:30', total: 1234.5, cuando: Date.UTC(2026, 7, 15, 2, 5), texto: 'no es fecha', entrada: '2026-08-15T02:05:00Z' };
  const formatted = (template: string, locale: string, currency?: string, timeZone = 'America/Argentina/Buenos_Aires') =>
    renderTemplate(template, { ...scope, variables, formatting: { locale, timeZone, currency } });

  it.each<[string, string, string | undefined, string]>([
    ['{{turno | fecha}}', 'es', undefined, '15 de agosto de 2026'],
    ['{{turno | data}}', 'pt-BR', undefined, '15 de agosto de 2026'],
    ['{{turno | date}}', 'en', undefined, 'August 15, 2026'],
    ['{{turno | fecha_corta}}', 'es-AR', undefined, '15/08/2026'],
    ['{{turno | dia_fecha}}', 'es', undefined, 'sábado, 15 de agosto de 2026'],
    ['{{hora | hora}}', 'es', undefined, '14:30'],
    ['{{total | numero}}', 'es', undefined, '1234,5'],
    ['{{total | número}}', 'pt', undefined, '1.234,5'],
    ['{{total | moneda}}', 'es-AR', 'ARS', '$\u00a01.234,50'],
    ['{{total | moeda}}', 'pt-BR', 'BRL', 'R$\u00a01.234,50'],
    ['{{total | moneda:USD}}', 'en', 'ARS', '$1,234.50'],
    ['{{ total|MONEDA : EUR }}', 'es', undefined, '1234,50\u00a0€'],
    // Instants are shown in the flow's zone: 02:05 UTC is still the 14th in Buenos Aires.
    ['{{cuando | fecha_hora}}', 'es', undefined, '14/08/2026, 23:05'],
    ['{{entrada | fecha}}', 'es', undefined, '14 de agosto de 2026'],
    // What a format cannot read is shown as it is; so is an unknown format (validation reports it).
    ['{{texto | fecha}} {{texto | moneda}} {{turno | mayusculas}}', 'es', 'ARS', 'no es fecha no es fecha 2026-08-15'],
  ])('%s (%s) → %s', (template, locale, currency, expected) => {
    expect(formatted(template, locale, currency)).toBe(expected);
  });

  it('is never evaluated: a value holding a placeholder stays text, and a lone formatted placeholder is a string', () => {
    expect(renderTemplate('{{tramposo | fecha}}', { ...scope, formatting: { locale: 'es', timeZone: 'UTC', currency: undefined } })).toBe('{{secrets.API_KEY}}');
    expect(templateValue('{{total | numero}}', { ...scope, variables, formatting: { locale: 'en', timeZone: 'UTC', currency: undefined } })).toBe('1,234.5');
    expect(templateValue('{{total}}', { ...scope, variables })).toBe(1234.5);
  });
});
