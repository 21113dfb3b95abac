import { chainFlow, sampleNodes } from '../../fixtures/generate-flow.ts';
import type { FlowDocument } from '../flow.ts';
import type { ProblemLocale } from '../problems.ts';
import { validateFlow } from './validate-flow.ts';

/** The warnings about outputs left without an edge, as [code, node, message]. */
function looseOutputs(flow: FlowDocument, locale: ProblemLocale = 'es'): string[][] {
  return validateFlow(flow, { locale }).problems
    .filter((problem) => problem.code === 'dead_end' || problem.code === 'unhandled_output')
    .map((problem) => [problem.code, problem.nodeId!, problem.message]);
}

/** `flow` without the edges leaving `source` through `outputs`. */
function cut(flow: FlowDocument, source: string, ...outputs: string[]): FlowDocument {
  return { ...flow, edges: flow.edges.filter((edge) => edge.source !== source || !outputs.includes(edge.sourceHandle)) };
}

describe('outputs without an edge', () => {
  it('warns about a menu option whose target was deleted, naming it by its title', () => {
    const menu = sampleNodes.menu('menu', 0);
    menu.data.options[1] = { id: 'promos', title: 'Ver promos' };
    const flow = cut(chainFlow([menu, sampleNodes.end('fin', 0)]), 'menu', 'promos');
    expect(validateFlow(flow).problems).toEqual([{
      severity: 'warning', code: 'dead_end', nodeId: 'menu', pointer: '/nodes/0',
      message: 'La salida «Ver promos» no lleva a ningún nodo: si el usuario llega por ahí, la conversación se corta sin aviso.',
    }]);
    expect(looseOutputs(flow, 'pt')[0]![2]).toBe('A saída «Ver promos» não leva a nenhum nó: se o usuário chegar por ali, a conversa termina sem aviso.');
    expect(looseOutputs(flow, 'en')[0]![2]).toBe('The "Ver promos" output leads nowhere: a user who takes it is left without an answer.');
  });

  it('names fixed outputs as the editor labels them, and keeps the unhappy paths under unhandled_output', () => {
    const flow = cut(
      chainFlow([sampleNodes.message('hola', 0), sampleNodes.question('doc', 0), sampleNodes.api_call('api', 0), sampleNodes.form('datos', 0), sampleNodes.end('fin', 0)]),
      'hola', 'next',
    );
    const open = cut(cut(cut(flow, 'doc', 'invalid'), 'api', 'success', 'error'), 'datos', 'submitted');
    expect(looseOutputs(open)).toEqual([
      ['dead_end', 'hola', expect.stringContaining('La salida «Siguiente» no lleva')],
      ['unhandled_output', 'doc', 'La salida «Respuesta inválida» no tiene conexión: si ocurre, la conversación termina aquí.'],
      ['dead_end', 'api', expect.stringContaining('«Éxito»')],
      ['unhandled_output', 'api', expect.stringContaining('«Error»')],
      ['dead_end', 'datos', expect.stringContaining('«Enviado»')],
    ]);
    expect(looseOutputs(open, 'en').map((found) => found[2]!.split(' output')[0])).toEqual(['The "Next"', 'The "Invalid answer"', 'The "Success"', 'The "Error"', 'The "Submitted"']);
  });

  it('names branches by their label (or place) and intents by their description, like the canvas', () => {
    const condition = sampleNodes.condition('cond', 0);
    condition.data.branches[0]!.label = 'Tiene saldo';
    const intents = sampleNodes.ai_intent('clasificar', 0);
    const flow = cut(cut(chainFlow([condition, intents, sampleNodes.end('fin', 0)]), 'cond', 'con_saldo', 'sin_saldo', 'else'), 'clasificar', 'tecnico', 'fallback');
    flow.edges.push({ id: 'a', source: 'cond', sourceHandle: 'con_saldo', target: 'clasificar' });
    const withoutFirst = cut(flow, 'cond', 'con_saldo');
    expect(looseOutputs(withoutFirst, 'en').map((found) => found[2]!.split(' output')[0])).toEqual([
      'The "Tiene saldo"', 'The "#2"', 'The "Else"', 'The "Problemas con el servicio"', 'The "No match"',
    ]);
  });

  it('lets a handoff end when an agent resolves it, and an end node has nothing to connect', () => {
    const flow = cut(chainFlow([sampleNodes.message('hola', 0), sampleNodes.handoff('humano', 0)]), 'humano', 'resolved');
    flow.nodes.push(sampleNodes.end('fin', 0));
    flow.edges.push({ id: 'x', source: 'humano', sourceHandle: 'resolved', target: 'fin' });
    expect(looseOutputs(flow)).toEqual([]);
    expect(looseOutputs(cut(flow, 'humano', 'resolved'))).toEqual([]);
  });
});
