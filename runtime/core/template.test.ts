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
  contact: { waId: '5491155550123', name: 'Ana Pérez' },
  lastText: 'hola',
  secrets: undefined,
};

describe('renderTemplate', () => {
  it.each<[string, string]>([
    ['Hola {{nombre}}', 'Hola Ana'],
    ['{{ pedido.items.0.nombre }} x{{pedido.items.0.cantidad}}', 'Muzzarella x2'],
    ['{{contact.name}} / {{contact.phone}} / {{message.text}}', 'Ana Pérez / 5491155550123 / hola'],
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
