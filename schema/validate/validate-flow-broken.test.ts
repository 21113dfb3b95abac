import { chainFlow, sampleNodes } from '../../fixtures/generate-flow.ts';
import type { FlowDocument } from '../flow.ts';
import type { FlowNode } from '../registry.ts';
import { validateFlow } from './validate-flow.ts';

/** A flow with graph problems and WhatsApp limits beside one node an analyst is editing. */
function flowBeingEdited(): FlowDocument {
  const list: FlowNode = { ...sampleNodes.menu('pizzas', 1) };
  const pizzas = list as FlowNode & { type: 'menu' };
  pizzas.data.options[0]!.title = 'Napolitana con jamón crudo'; // 26 characters: a list row allows 24
  const question = sampleNodes.question('documento', 0);
  question.data.pattern = '([0-9]+';
  const flow = chainFlow([sampleNodes.message('hola', 0), sampleNodes.menu('menu', 0), list, question, sampleNodes.end('fin', 0)]);
  flow.nodes.push(sampleNodes.end('huerfano', 0));
  flow.edges = flow.edges.filter((edge) => !(edge.source === 'pizzas' && edge.sourceHandle === 'invalid'));
  return flow;
}

const summary = (document: unknown) => validateFlow(document).problems.map((problem) => `${problem.code} ${problem.pointer}`);

describe('validateFlow on a document that breaks the schema', () => {
  const graphProblems = [
    'list_row_title_too_long /nodes/2/data/options/0/title',
    'invalid_pattern /nodes/3/data/pattern',
    'unreachable_node /nodes/5',
    'unhandled_output /nodes/2',
  ];

  it('still reports graph problems and the limits of sound nodes, the same before and after the fix', () => {
    const flow = flowBeingEdited();
    expect(summary(flow)).toEqual(graphProblems);
    (flow.nodes[1]!.data as { text: string }).text = ''; // the analyst empties a menu's text
    expect(summary(flow)).toEqual(['too_short /nodes/1/data/text', ...graphProblems]);
  });

  it('runs a kind\'s checks only on nodes that pass its schema, but follows their edges and outputs', () => {
    const flow = flowBeingEdited();
    const pizzas = flow.nodes[2] as FlowNode & { type: 'menu' };
    pizzas.data.text = '';
    flow.edges = flow.edges.filter((edge) => !(edge.source === 'pizzas' && edge.sourceHandle === 'pizza_2'));
    expect(summary(flow)).toEqual([
      'too_short /nodes/2/data/text',
      'invalid_pattern /nodes/3/data/pattern',
      'unreachable_node /nodes/5',
      'dead_end /nodes/2',
      'unhandled_output /nodes/2',
    ]);
  });

  it('leaves out edges that break the schema, and keeps the rest', () => {
    const flow = chainFlow([sampleNodes.message('hola', 0), sampleNodes.message('sigue', 1), sampleNodes.end('fin', 0)]);
    (flow.edges[1] as { target: unknown }).target = 7;
    expect(summary(flow)).toEqual(['wrong_type /edges/1/target', 'unreachable_node /nodes/2', 'dead_end /nodes/1']);
  });

  it('reports only schema errors when the skeleton is not sound (a node without a known type)', () => {
    const flow = flowBeingEdited();
    (flow.nodes[1] as { type: string }).type = 'menú';
    expect(summary(flow)).toEqual(['unknown_node_type /nodes/1/type']);
  });

  it('does not report start_node_missing or unreachable nodes when startNodeId itself is broken', () => {
    const flow = { ...chainFlow([sampleNodes.message('hola', 0), sampleNodes.end('fin', 0)]), startNodeId: '' };
    expect(summary(flow)).toEqual(['too_short /startNodeId']);
  });

  it('reports duplicate intent ids while another intent is still being written (QA: two intents «reclamo»)', () => {
    const intents = sampleNodes.ai_intent('clasificar', 0);
    intents.data.intents = [
      { id: 'reclamo', description: 'Quiere reclamar', examples: ['no funciona'] },
      { id: 'reclamo', description: '', examples: [] },
    ];
    const flow = chainFlow([sampleNodes.message('hola', 0), intents, sampleNodes.end('fin', 0)]);
    expect(validateFlow(flow).problems.map((problem) => [problem.code, problem.pointer, problem.message])).toEqual([
      ['too_short', '/nodes/1/data/intents/1/description', 'Falta completar la descripción de la intención 2: necesita al menos 1 carácter(es).'],
      ['duplicate_intent_id', '/nodes/1/data/intents/1/id', 'Dos intenciones tienen el id «reclamo».'],
    ]);
  });

  it('reports duplicate ids of options and branches by the same rule, and ids taken by the node\'s own output', () => {
    const menu = sampleNodes.menu('menu', 0);
    menu.data.options[1]!.id = 'pedir';
    const condition = sampleNodes.condition('cond', 0);
    condition.data.branches[1]!.id = 'else';
    const flow = chainFlow([menu, condition, sampleNodes.end('fin', 0)]);
    expect(validateFlow(flow, { locale: 'en' }).problems.map((problem) => [problem.code, problem.pointer, problem.message])).toEqual([
      ['duplicate_option_id', '/nodes/0/data/options/1/id', 'Two menu options have the id "pedir".'],
      ['reserved_output_id', '/nodes/1/data/branches/1/id', 'The id "else" is taken by the node\'s own "Else" output; pick another.'],
    ]);
  });
});
