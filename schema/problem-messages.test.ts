import { chainFlow, sampleNodes } from '../fixtures/generate-flow.ts';
import { fieldLabel } from './field-labels.ts';
import { componentTerm, fieldAt, outputTerm, problemMessage, propertyTerm, PROBLEM_CODES, type ProblemLocale } from './problems.ts';
import { NODE_KINDS, nodeKindOutputName, nodeKinds } from './registry.ts';
import { validateFlow } from './validate/validate-flow.ts';

const messages = (document: unknown, locale: ProblemLocale = 'es') => validateFlow(document, { locale }).problems.map((problem) => problem.message);

describe('problem messages speak the analyst\'s words', () => {
  it('names fields as the inspector does, item numbers counted from 1', () => {
    expect(fieldLabel('/nodes/3/data/intents/0/description', 'es')).toBe('la descripción de la intención 1');
    expect(fieldLabel('/nodes/3/data/intents/0/description', 'pt')).toBe('a descrição de a intenção 1');
    expect(fieldLabel('/nodes/3/data/intents/0/description', 'en')).toBe('the description of intent 1');
    expect(fieldLabel('/nodes/0/data/branches/1/rules/0/right', 'es')).toBe('el valor de la derecha de la regla 1 de la rama 2');
    expect(fieldLabel('/nodes/0/data/text', 'es')).toBe('el texto');
    expect(fieldLabel('/nodes/0/label', 'es')).toBe('el nombre del nodo');
    expect(fieldLabel('/edges/4/sourceHandle', 'en')).toBe('the connection output');
    expect(fieldLabel('/settings/maxStepsPerTurn', 'es')).toBe('el máximo de pasos por turno');
    expect(fieldLabel('/variables/1/name', 'en')).toBe('the name of declared variable 2');
    expect(fieldLabel('/startNodeId', 'pt')).toBe('o nó inicial');
    expect(fieldLabel('', 'es')).toBe('el documento');
  });

  it('keeps keys it does not know as written, quoted, under the part it does know', () => {
    expect(fieldLabel('/nodes/0/data/flowJson/screens/0/layout/type', 'en')).toBe('the type of screen 1 of the form');
    expect(fieldLabel('/nodes/0/data/flowJson/screens/0/{x}', 'es')).toBe('«x» de la pantalla 1 de el formulario');
    expect(fieldLabel('/nodes/0/data/media/extra/x', 'es')).toBe('«extra.x» de el archivo multimedia');
  });

  it('contracts a preposition with a field\'s article (del, da, nas), never inside the document\'s own text', () => {
    const menu = sampleNodes.menu('menu', 0);
    const flow = chainFlow([menu, sampleNodes.end('fin', 0)]);
    menu.data.options = [];
    menu.data.header = 'Menú de el día';
    expect(messages(flow, 'pt')[0]).toBe('Faltam itens nas opções: é preciso pelo menos 1.');
    expect(problemMessage('too_long', { field: fieldAt('/nodes/0/data/media/caption'), max: 9 }, 'es')).toBe('El pie de foto del archivo multimedia admite como máximo 9 caracteres.');
    expect(problemMessage('too_short', { field: fieldAt('/nodes/0/data/intents/1/description'), min: 1 }, 'pt')).toBe('Falta preencher a descrição da intenção 2: precisa de pelo menos 1 caractere(s).');
    expect(problemMessage('duplicate_option_title', { title: 'de el', other: 'De El' }, 'es')).toContain('«de el» y «De El»');
  });

  it('translates schema errors field by field', () => {
    const flow = chainFlow([sampleNodes.message('hola', 0), sampleNodes.menu('menu', 0), sampleNodes.end('fin', 0)]) as unknown as {
      nodes: Array<{ data: Record<string, unknown> }>; settings?: unknown;
    };
    delete flow.nodes[1]!.data.text;
    (flow.nodes[1]!.data.options as Array<Record<string, unknown>>)[0]!.color = 'rojo';
    flow.nodes[0]!.data.extra = true;
    flow.settings = { maxStepsPerTurn: 5000 };
    expect(messages(flow)).toEqual([
      'El máximo de pasos por turno debe ser <= 1000.',
      'El nodo no admite el campo «extra».',
      'Falta un dato obligatorio: el texto.',
      'La opción 1 no admite el campo «color».',
    ]);
  });

  it('names outputs by the editor\'s labels, also in the list of a node\'s outputs', () => {
    const flow = chainFlow([sampleNodes.question('doc', 0), sampleNodes.end('fin', 0)]);
    flow.edges.push({ id: 'x', source: 'doc', sourceHandle: 'otra', target: 'fin' });
    expect(messages(flow)).toEqual(['El nodo no tiene la salida «otra». Salidas: «Siguiente», «Respuesta inválida».']);
    flow.edges.push({ id: 'y', source: 'doc', sourceHandle: 'invalid', target: 'fin' });
    flow.edges.splice(2, 1);
    expect(messages(flow, 'en')).toEqual(['The output "Invalid answer" already has the edge "e1"; each output takes one edge.']);
    expect(problemMessage('unhandled_output', { output: outputTerm('fallback') }, 'es')).toContain('«Sin coincidencia»');
  });

  it('names each kind\'s own outputs exactly as its manifest (and so the canvas) labels them', () => {
    for (const locale of ['es', 'pt', 'en'] as const) {
      for (const kind of NODE_KINDS) {
        for (const output of Object.keys(nodeKinds[kind].manifest.outputs)) {
          const label = nodeKindOutputName(kind, output, locale)!;
          expect(problemMessage('dead_end', { output: outputTerm(output, kind) }, locale), `${locale} ${kind} ${output}`).toContain(label);
          // Without the kind (a reserved item id), any kind's label for that output: they agree.
          expect(problemMessage('dead_end', { output: outputTerm(output) }, locale), `${locale} ${output}`).toContain(label);
        }
      }
    }
  });

  it('names Flow JSON components and their properties as the form editor does', () => {
    const form = sampleNodes.form('datos', 0);
    const fields = form.data.flowJson.screens[0]!.layout.children[0]!.children as Array<Record<string, unknown>>;
    delete fields[0]!.label;
    expect(messages(chainFlow([form, sampleNodes.end('fin', 0)]))).toEqual(['El componente «Texto corto» necesita «Etiqueta».']);
    expect(messages(chainFlow([form, sampleNodes.end('fin', 0)]), 'pt')).toEqual(['O componente «Texto curto» precisa de «Rótulo».']);
    expect(problemMessage('flow_json_too_long', { component: componentTerm('choice'), property: propertyTerm('title'), max: 30, length: 31 }, 'en'))
      .toBe('"Title" of "List choice" allows 30 characters; it has 31.');
  });

  it('leaves no field name or output id raw in any message template', () => {
    for (const code of PROBLEM_CODES) {
      for (const locale of ['es', 'pt', 'en'] as const) {
        const text = problemMessage(code, {}, locale);
        expect(text, `${code} ${locale}`).not.toMatch(/«(text|pattern|invalid|fallback|error|next)»|"(text|pattern)"/);
      }
    }
  });
});
