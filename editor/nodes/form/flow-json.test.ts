import { loadFixtureFlow } from '../../../fixtures/index.ts';
import { validateFlow, type FlowDocument, type NodeData } from '../../../schema/index.ts';
import { formFields, freshScreenId, readScreens, screensPatch, syncOutputs, writeFlowJson, type FormScreen } from './flow-json.ts';
import { createForm } from './create.ts';

function formFlow(data: NodeData<'form'>): FlowDocument {
  return {
    schemaVersion: 1, id: 'f', name: 'F', startNodeId: 'form',
    nodes: [{ id: 'form', type: 'form', position: { x: 0, y: 0 }, data }, { id: 'fin', type: 'end', position: { x: 0, y: 0 }, data: {} }],
    edges: [
      { id: 'e1', source: 'form', sourceHandle: 'submitted', target: 'fin' },
      { id: 'e2', source: 'form', sourceHandle: 'invalid', target: 'fin' },
    ],
  };
}

describe('form Flow JSON', () => {
  it('reads the pizzeria form back and writes the same document', () => {
    const pizzeria = loadFixtureFlow('pizzeria').nodes.find((node) => node.type === 'form')!;
    const data = pizzeria.data as NodeData<'form'>;
    expect(writeFlowJson(readScreens(data.flowJson))).toEqual({ ...data.flowJson, routing_model: { DATOS_ENVIO: ['PAGO'], PAGO: [] } });
  });

  it('a new form is valid Flow JSON', () => {
    expect(validateFlow(formFlow({ ...createForm(), text: 'Completá' })).problems).toEqual([]);
  });

  it('carries earlier screens’ fields forward and completes with all of them on the terminal screen', () => {
    const screens: FormScreen[] = [
      { id: 'DATOS', title: 'Datos', footerLabel: 'Seguir', components: [{ type: 'TextInput', name: 'nombre', label: 'Nombre' }] },
      { id: 'OPCIONES', title: 'Opciones', footerLabel: 'Enviar', components: [
        { type: 'CheckboxGroup', name: 'extras', label: 'Extras', 'data-source': [{ id: 'a', title: 'A' }] },
        { type: 'OptIn', name: 'acepta', label: 'Acepto' },
      ] },
    ];
    const json = writeFlowJson(screens);
    const [first, last] = json.screens;
    expect(first!.layout.children.at(-1)).toEqual({ type: 'Footer', label: 'Seguir',
      'on-click-action': { name: 'navigate', next: { type: 'screen', name: 'OPCIONES' }, payload: { nombre: '${form.nombre}' } } });
    expect(last).toMatchObject({ terminal: true, success: true, data: { nombre: { type: 'string', __example__: '' } } });
    expect(last!.layout.children.at(-1)).toMatchObject({ 'on-click-action': { name: 'complete',
      payload: { nombre: '${data.nombre}', extras: '${form.extras}', acepta: '${form.acepta}' } } });
    expect(formFields(screens)).toEqual(['nombre', 'extras', 'acepta']);
    const data = { ...createForm(), text: 'Hola', ...screensPatch(createForm(), screens) };
    expect(validateFlow(formFlow(data)).problems).toEqual([]);
  });

  it('keeps chosen variables, names new ones after the field, drops removed fields', () => {
    expect(syncOutputs([{ field: 'a', variable: 'va' }, { field: 'gone', variable: 'x' }], ['a', 'b']))
      .toEqual([{ field: 'a', variable: 'va' }, { field: 'b', variable: 'b' }]);
  });

  it('unwraps a Form component and names screens with letters only', () => {
    const screens = readScreens({ version: '7.3', screens: [{ id: 'A', layout: { type: 'SingleColumnLayout', children: [
      { type: 'Form', name: 'f', children: [{ type: 'TextInput', name: 'x', label: 'X' }, { type: 'Footer', label: 'Ok' }] },
    ] } }] });
    expect(screens[0]).toMatchObject({ components: [{ type: 'TextInput', name: 'x' }], footerLabel: 'Ok' });
    expect(freshScreenId([{ ...screens[0]!, id: 'SCREEN_A' }])).toBe('SCREEN_B');
  });
});
