import { readdirSync, readFileSync } from 'node:fs';
import { chainFlow, sampleNodes } from '../../fixtures/generate-flow.ts';
import { flowValidators } from '../ajv.ts';
import type { FlowNode } from '../registry.ts';
import { DEFAULT_LIST_BUTTON, WHATSAPP_LIMITS } from '../whatsapp-limits.ts';
import { validateFlow } from './validate-flow.ts';

const codes = (document: unknown) => validateFlow(document).problems.map((problem) => problem.code);
const message = (id: string, text: string): FlowNode => ({ ...sampleNodes.message(id, 0), data: { text } });
const menuOf = (titles: string[]): FlowNode => ({
  ...sampleNodes.menu('menu', 0),
  data: { text: 'Elegí', options: titles.map((title, i) => ({ id: `o${i}`, title })) },
});

describe('validateFlow', () => {
  it('finds no problem in the fixture bots', () => {
    const folder = new URL('../../fixtures/flows/', import.meta.url);
    for (const file of readdirSync(folder).filter((name) => name.endsWith('.json'))) {
      expect(validateFlow(JSON.parse(readFileSync(new URL(file, folder), 'utf8'))).problems, file).toEqual([]);
    }
  });

  it('runs the all-errors validator only when the quick one fails', () => {
    const full = vi.spyOn(flowValidators(), 'full');
    validateFlow(chainFlow([sampleNodes.message('hola', 0), sampleNodes.end('fin', 1)]));
    expect(full).not.toHaveBeenCalled();
    validateFlow({ nodes: 'no' });
    expect(full).toHaveBeenCalledOnce();
    full.mockRestore();
  });

  it('translates every schema error of a document, naming node, field and what is wrong', () => {
    const flow = chainFlow([sampleNodes.message('hola', 0), sampleNodes.api_call('api', 0), sampleNodes.end('fin', 1)]) as unknown as {
      nodes: Array<Record<string, unknown> & { data: Record<string, unknown> }>;
    };
    flow.nodes[0]!.type = 'mensaje';
    flow.nodes[1]!.data.method = 'FETCH';
    flow.nodes[1]!.data.timeoutMs = 'rápido';
    const { problems } = validateFlow(flow, { locale: 'en' });
    expect(problems).toEqual([
      expect.objectContaining({ code: 'unknown_node_type', nodeId: 'hola', pointer: '/nodes/0/type', message: expect.stringContaining('Valid types: message, menu, question') }),
      { severity: 'error', code: 'not_allowed_value', nodeId: 'api', pointer: '/nodes/1/data/method', message: 'The method has a value that is not allowed. Valid values: GET, POST, PUT, PATCH, DELETE.' },
      { severity: 'error', code: 'wrong_type', nodeId: 'api', pointer: '/nodes/1/data/timeoutMs', message: 'The timeout (ms) must be a whole number.' },
    ]);
  });

  it('reports a document that is not an object, or a node without a type, once', () => {
    expect(validateFlow([]).problems).toEqual([expect.objectContaining({ code: 'wrong_type', pointer: '' })]);
    const flow = chainFlow([sampleNodes.end('fin', 0)]) as unknown as { nodes: Array<Record<string, unknown>> };
    delete flow.nodes[0]!.type;
    expect(validateFlow(flow).problems).toEqual([expect.objectContaining({ code: 'missing_field', nodeId: 'fin', pointer: '/nodes/0/type' })]);
  });

  it('speaks Spanish by default, Portuguese and English on request', () => {
    const flow = { ...chainFlow([sampleNodes.end('fin', 0)]), startNodeId: 'inicio' };
    expect(validateFlow(flow).problems[0]!.message).toBe('El nodo inicial «inicio» no existe.');
    expect(validateFlow(flow, { locale: 'pt' }).problems[0]!.message).toBe('O nó inicial «inicio» não existe.');
    expect(validateFlow(flow, { locale: 'en' }).problems[0]!.message).toBe('The start node "inicio" does not exist.');
  });

  it('counts characters as WhatsApp does, an emoji being one', () => {
    const title = `${'a'.repeat(19)}🍕`;
    expect(title.length).toBe(21);
    expect(codes(chainFlow([menuOf([title, 'Salir']), sampleNodes.end('fin', 0)]))).not.toContain('button_title_too_long');
  });

  it('applies the button limit up to 3 options and the list limit from 4', () => {
    const title = 'Pizza de la casa grande'; // 23 characters
    expect(codes(chainFlow([menuOf([title, 'b', 'c']), sampleNodes.end('fin', 0)]))).toContain('button_title_too_long');
    expect(codes(chainFlow([menuOf([title, 'b', 'c', 'd']), sampleNodes.end('fin', 0)]))).not.toContain('list_row_title_too_long');
  });

  it('has default list button labels that fit', () => {
    for (const label of Object.values(DEFAULT_LIST_BUTTON)) expect(label.length).toBeLessThanOrEqual(WHATSAPP_LIMITS.listButton);
  });

  it('checks the literal scheme of a URL, not one that starts with a template', () => {
    const withUrl = (url: string) => chainFlow([{ ...sampleNodes.api_call('api', 0), data: { method: 'GET', url } }, sampleNodes.end('fin', 0)]);
    expect(codes(withUrl('{{base_url}}/saldo'))).not.toContain('url_not_http');
    expect(codes(withUrl('https://{{host}}/saldo'))).not.toContain('url_not_http');
    expect(codes(withUrl('www.banco.example/saldo'))).toContain('url_not_http');
    expect(codes(withUrl('javascript:alert(1)'))).toContain('url_not_http');
  });

  it('checks literal `matches` patterns of conditions, not templated ones', () => {
    const rule = (right: string) => chainFlow([{ id: 'cond', type: 'condition', position: { x: 0, y: 0 }, data: { branches: [{ id: 'si', match: 'all', rules: [{ left: '{{message.text}}', op: 'matches', right }] }] } }, sampleNodes.end('fin', 0)]);
    expect(validateFlow(rule('(sí|si')).problems).toEqual([expect.objectContaining({ code: 'invalid_pattern', pointer: '/nodes/0/data/branches/0/rules/0/right' })]);
    expect(codes(rule('^{{respuesta}}$'))).toEqual(['undefined_variable']);
  });

  it('warns about variables nothing sets, by their first name, and knows the built-ins', () => {
    const flow = chainFlow([
      message('hola', 'Hola {{contact.name}} ({{contact.phone}}): {{message.text}} {{secrets.TOKEN}} {{contact.email}}'),
      sampleNodes.question('doc', 7),
      message('usa', '{{documento_7}} {{pedido.items.0.nombre}} {{ pedido.total }} {{declarada}}'),
      sampleNodes.end('fin', 0),
    ]);
    flow.variables = [{ name: 'declarada', type: 'string' }];
    const problems = validateFlow(flow).problems.filter((problem) => problem.code === 'undefined_variable');
    expect(problems.map((problem) => [problem.nodeId, problem.pointer, problem.message])).toEqual([
      ['hola', '/nodes/0/data/text', 'Ningún nodo asigna la variable «contact.email» y no está declarada; se mostrará vacía.'],
      ['usa', '/nodes/2/data/text', 'Ningún nodo asigna la variable «pedido.items.0.nombre» y no está declarada; se mostrará vacía.'],
      ['usa', '/nodes/2/data/text', 'Ningún nodo asigna la variable «pedido.total» y no está declarada; se mostrará vacía.'],
    ]);
  });

  it('checks formats in templates: known names in any language, money needs a currency', () => {
    const flow = chainFlow([
      sampleNodes.question('doc', 7),
      message('usa', '{{documento_7 | fecha}} {{documento_7|DATA_CURTA}} {{ documento_7 | número }} {{documento_7 | currency:USD}}'),
      message('mal', '{{documento_7 | mayusculas}} {{documento_7 | moneda}} {{documento_7 | moneda:pesos}}'),
      sampleNodes.end('fin', 0),
    ]);
    const found = validateFlow(flow).problems.map((problem) => [problem.code, problem.nodeId, problem.pointer, problem.message]);
    expect(found).toEqual([
      ['unknown_format', 'mal', '/nodes/2/data/text', '«mayusculas» no es un formato: usá fecha, fecha_corta, dia_fecha, hora, fecha_hora, numero o moneda (por ejemplo {{total | moneda}}).'],
      ['currency_needed', 'mal', '/nodes/2/data/text', expect.stringContaining('falta la moneda')],
      ['currency_needed', 'mal', '/nodes/2/data/text', expect.stringContaining('falta la moneda')],
    ]);
    flow.settings = { currency: 'ARS' };
    expect(codes(flow)).toEqual(['unknown_format', 'currency_needed']);
  });

  it('refuses a date question whose earliest date is after its latest', () => {
    const ask: FlowNode = { ...sampleNodes.question('cuando', 0), data: { text: '¿Qué día?', variable: 'dia', input: 'date', earliest: '2026-05-01', latest: '2026-04-01' } };
    const problems = validateFlow(chainFlow([ask, sampleNodes.end('fin', 0)])).problems;
    expect(problems.map((problem) => [problem.code, problem.pointer])).toContainEqual(['question_min_above_max', '/nodes/0/data/earliest']);
  });

  it('allows a loop through a node that waits, not one among nodes that never wait', () => {
    const throughMenu = chainFlow([sampleNodes.message('hola', 0), sampleNodes.menu('menu', 0), sampleNodes.set('marcar', 0), sampleNodes.end('fin', 0)]);
    throughMenu.edges.find((edge) => edge.source === 'marcar')!.target = 'hola';
    throughMenu.edges.find((edge) => edge.source === 'menu' && edge.sourceHandle === 'volver')!.target = 'fin';
    expect(codes(throughMenu)).toEqual([]);
    const { text: _question, ...classifyLastMessage } = sampleNodes.ai_intent('clasificar', 0).data;
    const spinning = chainFlow([sampleNodes.message('hola', 0), { ...sampleNodes.ai_intent('clasificar', 0), data: classifyLastMessage }, sampleNodes.end('fin', 0)]);
    spinning.edges.find((edge) => edge.sourceHandle === 'fallback')!.target = 'hola';
    expect(validateFlow(spinning).problems).toEqual([expect.objectContaining({ code: 'loop_without_wait', nodeId: 'hola', message: expect.stringContaining('hola, clasificar') })]);
  });

  it('does not call every node unreachable when the start node is missing', () => {
    expect(codes({ ...chainFlow([sampleNodes.message('hola', 0), sampleNodes.end('fin', 0)]), startNodeId: 'otro' })).toEqual(['start_node_missing']);
  });

  it('accepts an API body that is JSON once templates are filled in', () => {
    const withBody = (body: string) => chainFlow([{ ...sampleNodes.api_call('api', 0), data: { method: 'POST', url: 'https://x.example', body } }, sampleNodes.end('fin', 0)]);
    expect(codes(withBody('{"doc": "{{contact.phone}}", "n": {{contact.phone}}, "items": []}'))).toEqual([]);
    expect(codes(withBody("{'doc': 1}"))).toEqual(['api_body_not_json']);
  });

  it('reports a message node that would send nothing: no text and no media', () => {
    const withData = (data: Record<string, unknown>) => chainFlow([{ ...sampleNodes.message('hola', 0), data } as FlowNode, sampleNodes.end('fin', 0)]);
    expect(validateFlow(withData({ text: ' \n ' })).problems).toEqual([
      { severity: 'error', code: 'message_empty', nodeId: 'hola', pointer: '/nodes/0/data/text', message: 'El mensaje no tiene texto ni archivo: no enviaría nada.' },
    ]);
    expect(codes(withData({ text: '', media: { kind: 'image', url: 'https://cdn.example/menu.jpg' } }))).toEqual([]);
    expect(codes(withData({ text: '{{contact.name}}' }))).toEqual([]);
  });

  it('reports a form screen without components, and only that', () => {
    const flow = chainFlow([sampleNodes.form('form', 0), sampleNodes.end('fin', 0)]);
    const form = flow.nodes[0] as FlowNode & { type: 'form' };
    form.data.flowJson.screens[0]!.layout.children = [{ type: 'Form', name: 'envio', children: [] }];
    form.data.flowJson.routing_model = { ENVIO: ['HORARIO'], HORARIO: [] };
    form.data.outputs = [{ field: 'horario', variable: 'horario' }];
    expect(validateFlow(flow, { locale: 'en' }).problems).toEqual([
      { severity: 'error', code: 'flow_json_empty_screen', nodeId: 'form', pointer: '/nodes/0/data/flowJson/screens/0/layout/children', message: 'Screen "ENVIO" has no components; WhatsApp does not accept empty screens.' },
    ]);
  });

  it('escapes pointer segments', () => {
    const flow = chainFlow([sampleNodes.form('form', 0), sampleNodes.end('fin', 0)]);
    const form = flow.nodes[0] as FlowNode & { type: 'form' };
    form.data.flowJson.routing_model = { 'ENVIO/X': ['HORARIO'] };
    expect(validateFlow(flow).problems).toEqual([expect.objectContaining({ code: 'flow_json_unknown_screen', pointer: '/nodes/0/data/flowJson/routing_model/ENVIO~1X' })]);
  });
});
