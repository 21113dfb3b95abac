import { readFileSync } from 'node:fs';
import type { FlowDocument } from '../../schema/index.ts';
import type { FlowAnalytics, NodeAnalytics, SeriesPoint } from '../api/types.ts';
import { deliveryRates, fillGaps, mainPathFunnel, pricingRows } from './dashboard-data.ts';

const tienda = JSON.parse(readFileSync(new URL('../../server/plugins/analytics/testdata/tienda.json', import.meta.url), 'utf8')) as FlowDocument;
const node = (figures: Partial<NodeAnalytics>): NodeAnalytics => ({
  entered: 0, exits: {}, dropped: 0, sent: 0, delivered: 0, read: 0, failed: 0, queued: 0, failedByCode: {},
  answers: { count: 0, average: null }, invalid: 0, invalidAnswers: [], priced: {}, billable: {}, ...figures,
});
const point = (at: string, figures: Partial<SeriesPoint> = {}): SeriesPoint => ({
  at, started: 0, completed: 0, handoff: 0, abandoned: 0, errored: 0, queued: 0, sent: 0, delivered: 0, read: 0, failed: 0,
  agentReplies: 0, agentFirstResponseMs: null, ...figures,
});
const report = (nodes: Record<string, NodeAnalytics>, pricing: FlowAnalytics['pricing'] = { priced: {}, billable: {} }) => ({ nodes, pricing }) as FlowAnalytics;

describe('dashboard data', () => {
  it('draws quiet hours as zeros between the counted ones', () => {
    const filled = fillGaps({ version: 1, bucket: 'hour', points: [point('2026-12-07T10:00:00.000Z', { started: 4 }), point('2026-12-07T13:00:00.000Z', { started: 1 })] });
    expect(filled.map((entry) => [entry.at.slice(11, 13), entry.started])).toEqual([['10', 4], ['11', 0], ['12', 0], ['13', 1]]);
    expect(fillGaps({ version: 1, bucket: 'day', points: [] })).toEqual([]);
  });

  it('rates delivery, reading and failure over the messages WhatsApp reported on', () => {
    expect(deliveryRates([point('a', { sent: 3, delivered: 2, read: 1, failed: 1 }), point('b')])).toEqual([
      { at: 'a', delivered: 0.5, read: 0.25, failed: 0.25 }, { at: 'b', delivered: null, read: null, failed: null },
    ]);
  });

  it('follows the output most conversations took from the start, and stops at a loop or a node nobody left', () => {
    const figures = report({
      hola: node({ entered: 5, exits: { next: 5 } }), menu: node({ entered: 5, exits: { pedido: 2, asesor: 1, invalid: 1 } }),
      nombre: node({ entered: 2, exits: { next: 1 } }), puntaje: node({ entered: 1, exits: { next: 1 } }), fin: node({ entered: 2 }),
      humano: node({ entered: 2, exits: { resolved: 1 } }),
    });
    expect(mainPathFunnel(tienda, figures)).toEqual([
      { nodeId: 'hola', entered: 5 }, { nodeId: 'menu', entered: 5 }, { nodeId: 'nombre', entered: 2 }, { nodeId: 'puntaje', entered: 1 }, { nodeId: 'fin', entered: 2 },
    ]);
    const looping = { ...tienda, edges: [...tienda.edges, { id: 'back', source: 'fin', sourceHandle: 'next', target: 'hola' }] };
    expect(mainPathFunnel(looping, report({ ...figures.nodes, fin: node({ entered: 2, exits: { next: 2 } }) })).map((step) => step.nodeId))
      .toEqual(['hola', 'menu', 'nombre', 'puntaje', 'fin']);
  });

  it('lists pricing categories by priced messages, billable beside them', () => {
    expect(pricingRows(report({}, { priced: { service: 2, utility: 3 }, billable: { utility: 1, marketing: 1 } }))).toEqual([
      { category: 'utility', priced: 3, billable: 1 }, { category: 'service', priced: 2, billable: 0 }, { category: 'marketing', priced: 0, billable: 1 },
    ]);
  });
});
