import { sampleNodes } from '../../fixtures/generate-flow.ts';
import type { NodeOf } from '../registry.ts';
import { checkFlowJson } from './check-flow-json.ts';

type FlowJson = NodeOf<'form'>['data']['flowJson'];

function check(flowJson: FlowJson, form = { hasEndpoint: true }) {
  const found: Array<{ code: string; pointer: string }> = [];
  const facts = checkFlowJson(flowJson, { report: (code, pointer) => found.push({ code, pointer }) }, form);
  return { found, facts };
}
const delivery = (): FlowJson => sampleNodes.form('form', 0).data.flowJson;

describe('checkFlowJson', () => {
  it('accepts the delivery form and reports the fields it returns', () => {
    const { found, facts } = check(delivery());
    expect(found).toEqual([]);
    expect([...facts.screens]).toEqual(['ENVIO', 'HORARIO']);
    expect([...facts.returnedFields].sort()).toEqual(['direccion', 'flow_token', 'horario']);
  });

  it('does not measure text that is a ${data.x} binding, nor count a bound data-source', () => {
    const flowJson = delivery();
    const [, last] = flowJson.screens;
    last!.layout.children.unshift(
      { type: 'TextHeading', text: `\${data.${'titulo_muy_largo_'.repeat(6)}}` },
      { type: 'Dropdown', name: 'sucursal', label: 'Sucursal', 'data-source': '${data.sucursales}' },
    );
    expect(check(flowJson).found).toEqual([]);
  });

  it('counts components inside a Form wrapper, and names in it are the screen\'s inputs', () => {
    const flowJson = delivery();
    const form = flowJson.screens[0]!.layout.children[0] as { children: unknown[] };
    form.children.unshift(...Array.from({ length: 49 }, (_, i) => ({ type: 'TextBody', text: `Línea ${i}` })));
    expect(check(flowJson).found).toEqual([{ code: 'flow_json_too_many_components', pointer: '/flowJson/screens/0/layout/children' }]);
  });

  it('follows routing_model: a screen it routes on is not a dead end; unknown names are reported', () => {
    const flowJson = delivery();
    const footer = (flowJson.screens[0]!.layout.children[0] as { children: Array<Record<string, unknown>> }).children[1]!;
    footer['on-click-action'] = { name: 'data_exchange', payload: { direccion: '${form.direccion}' } };
    expect(check(flowJson).found).toEqual([{ code: 'flow_json_dead_end', pointer: '/flowJson/screens/0' }]);
    flowJson.routing_model = { ENVIO: ['HORARIO'], HORARIO: [], PAGO: ['HORARIO'] };
    expect(check(flowJson).found).toEqual([{ code: 'flow_json_unknown_screen', pointer: '/flowJson/routing_model/PAGO' }]);
  });

  it('refuses a Flow JSON version Meta does not publish, and data_exchange without a data endpoint', () => {
    const flowJson = delivery();
    flowJson.version = '4.0';
    const footer = (flowJson.screens[0]!.layout.children[0] as { children: Array<Record<string, unknown>> }).children[1]!;
    footer['on-click-action'] = { name: 'data_exchange', payload: {} };
    flowJson.routing_model = { ENVIO: ['HORARIO'], HORARIO: [] };
    expect(check(flowJson, { hasEndpoint: false }).found).toEqual([
      { code: 'flow_json_version', pointer: '/flowJson/version' },
      { code: 'flow_json_data_exchange_without_endpoint', pointer: '/flowJson/screens/0/layout/children/0/children/1/on-click-action/name' },
    ]);
    flowJson.version = '7.3';
    expect(check(flowJson, { hasEndpoint: true }).found).toEqual([]);
  });

  it('checks option lists, dates and input types of each component', () => {
    const flowJson = delivery();
    flowJson.screens[1]!.layout.children.unshift(
      { type: 'CheckboxGroup', name: 'extras', label: 'Extras', 'data-source': [{ id: 'a', title: 'Aceitunas negras y verdes de Mendoza' }, { title: 'Sin id' }] },
      { type: 'DatePicker', name: 'dia', label: 'Día', 'min-date': '01/02/2025' },
      { type: 'TextInput', name: 'tel', label: 'Teléfono', 'input-type': 'phone' },
    );
    expect(check(flowJson).found).toEqual([
      { code: 'flow_json_too_long', pointer: '/flowJson/screens/1/layout/children/0/data-source/0/title' },
      { code: 'flow_json_missing_property', pointer: '/flowJson/screens/1/layout/children/0/data-source/1' },
      { code: 'flow_json_invalid_value', pointer: '/flowJson/screens/1/layout/children/1/min-date' },
    ]);
  });
});
