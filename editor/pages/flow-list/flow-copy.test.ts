import type { FlowDocument } from '../../../schema/index.ts';
import type { FlowSummary } from '../../api/types.ts';
import { flowCopy, flowIdFromName, freeFlowId } from './flow-copy.ts';

const document = { schemaVersion: 1, id: 'banco-saldo', name: 'Banco saldo', language: 'es', startNodeId: 'a', nodes: [], edges: [] } as unknown as FlowDocument;
const summary = (id: string, name: string): FlowSummary => ({ id, name, revision: 1, liveVersion: null, updatedAt: 0, updatedBy: null });

describe('flow copies', () => {
  it('numbers an id in the separator style it already has, and keeps a free one as is', () => {
    expect(freeFlowId('banco-saldo', new Set())).toBe('banco-saldo');
    expect(freeFlowId('banco-saldo', new Set(['banco-saldo']))).toBe('banco-saldo-2');
    expect(freeFlowId('banco-saldo', new Set(['banco-saldo', 'banco-saldo-2']))).toBe('banco-saldo-3');
    expect(freeFlowId('banco-saldo-2', new Set(['banco-saldo', 'banco-saldo-2']))).toBe('banco-saldo-3');
    expect(freeFlowId('menu_principal', new Set(['menu_principal']))).toBe('menu_principal_2');
    expect(freeFlowId('Menú Principal', new Set(['menu_principal']))).toBe('menu_principal_2');
    expect(freeFlowId('pizzeria', new Set(['pizzeria']))).toBe('pizzeria_2');
  });

  it('imports over an existing id as a distinct flow: numbered id, "(importado)" name, numbered again the second time', () => {
    const flows = [summary('banco-saldo', 'Banco saldo')];
    const first = flowCopy(document, flows, { name: 'Banco saldo', idBase: 'banco-saldo', label: 'importado' });
    expect(first).toMatchObject({ id: 'banco-saldo-2', name: 'Banco saldo (importado)', nodes: [] });
    const second = flowCopy(document, [...flows, summary(first.id, first.name)], { name: 'Banco saldo', idBase: 'banco-saldo', label: 'importado' });
    expect(second).toMatchObject({ id: 'banco-saldo-3', name: 'Banco saldo (importado 2)' });
  });

  it('keeps an imported file as it is when neither its id nor its name is taken', () => {
    expect(flowCopy(document, [summary('pizzeria', 'Pizzería')], { name: 'Banco saldo', idBase: 'banco-saldo', label: 'importado' }))
      .toMatchObject({ id: 'banco-saldo', name: 'Banco saldo' });
  });

  it('always labels a duplicate, and a copy of a copy counts on instead of stacking labels', () => {
    const flows = [summary('banco-saldo', 'Banco saldo')];
    const copy = flowCopy(document, flows, { name: 'Banco saldo', idBase: 'banco-saldo', label: 'copia', alwaysLabel: true });
    expect(copy).toMatchObject({ id: 'banco-saldo-2', name: 'Banco saldo (copia)' });
    const again = flowCopy(document, [...flows, summary(copy.id, copy.name)], { name: copy.name, idBase: copy.id, label: 'copia', alwaysLabel: true });
    expect(again).toMatchObject({ id: 'banco-saldo-3', name: 'Banco saldo (copia 2)' });
  });

  it('leaves a typed name alone and derives a new flow’s id from it', () => {
    expect(flowCopy(document, [summary('mi_bot', 'Mi bot')], { name: 'Mi bot', idBase: 'Mi bot' })).toMatchObject({ id: 'mi_bot_2', name: 'Mi bot' });
  });
});

it('makes a new flow id from its name with hyphens, like the sample bots', () => {
  expect(flowIdFromName('Turnos Peluquería')).toBe('turnos-peluqueria');
  expect(flowIdFromName('Prueba E2E')).toBe('prueba-e2e');
});
