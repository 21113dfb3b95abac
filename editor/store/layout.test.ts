import type { FlowDocument, FlowEdge, FlowNode, NodeKind } from '../../schema/index.ts';
import { nodeOutputs } from '../../schema/index.ts';
import { createNodeData } from '../nodes/create-node-data.ts';
import { cardSize } from './card-size.ts';
import { createEditorStore } from './create-editor-store.ts';
import { LAYOUT_SPACING, layoutPositions } from './layout.ts';
import type { Box, Size } from './types.ts';

function node(id: string, kind: NodeKind, x = 0, y = 0): FlowNode {
  return { id, type: kind, position: { x, y }, data: createNodeData(kind, 'es') } as FlowNode;
}

function edge(source: FlowNode, output: number, target: string): FlowEdge {
  return { id: `${source.id}-${target}`, source: source.id, sourceHandle: nodeOutputs(source)[output]!, target };
}

/** The QA flow, built by hand: everything dropped near one spot, then connected, plus loose cards. */
function qaFlow(): FlowDocument {
  const greeting = node('saludo', 'message', 100, 100);
  const menu = node('menu', 'menu', 110, 120);
  (menu.data as { options: unknown[] }).options = [{ id: 'a', title: 'Consultar pedido' }, { id: 'b', title: 'Ver horarios' }, { id: 'c', title: 'Hablar con alguien' }];
  const question = node('pregunta', 'question', 120, 110);
  const api = node('api', 'api_call', 120, 110);
  const handoff = node('humano', 'handoff', 130, 140);
  const thanks = node('gracias', 'message', 140, 100);
  const loose = [node('suelto_1', 'message', 100, 100), node('suelto_2', 'condition', 100, 100), node('suelto_3', 'set', 100, 100)];
  return {
    schemaVersion: 1, id: 'qa', name: 'qa', startNodeId: 'saludo',
    nodes: [greeting, menu, question, api, handoff, thanks, ...loose],
    edges: [
      edge(greeting, 0, 'menu'), edge(menu, 0, 'pregunta'), edge(menu, 1, 'api'), edge(menu, 2, 'humano'),
      edge(question, 0, 'api'), edge(api, 0, 'gracias'),
    ],
  };
}

/**
 * Sizes as Chromium draws the cards at zoom 1: the first five measured in the QA flow (a menu of three
 * options has four outputs with “Respuesta inválida”, 4 × 92 px), the rest of the same build.
 */
const DRAWN: Record<string, Size> = {
  saludo: { width: 260, height: 113 }, menu: { width: 368, height: 141 }, pregunta: { width: 260, height: 123 },
  api: { width: 260, height: 125 }, humano: { width: 260, height: 113 }, gracias: { width: 260, height: 150 },
  suelto_1: { width: 260, height: 113 }, suelto_2: { width: 260, height: 152 }, suelto_3: { width: 260, height: 96 },
};

function boxes(document: FlowDocument, sizes: Record<string, Size>): Map<string, Box> {
  return new Map(document.nodes.map((card) => [card.id, { ...card.position, ...cardSize(card, sizes[card.id]) }]));
}

/** Pairs of cards closer than `gap`, by id. */
function crowded(all: Map<string, Box>, gap: number): string[] {
  const list = [...all.entries()];
  return list.flatMap(([id, a], i) => list.slice(i + 1).flatMap(([other, b]) =>
    a.x < b.x + b.width + gap && b.x < a.x + a.width + gap && a.y < b.y + b.height + gap && b.y < a.y + a.height + gap ? [`${id}/${other}`] : []));
}

function laidOut(document: FlowDocument, sizes: Record<string, Size>): FlowDocument {
  const store = createEditorStore({ document });
  store.getState().setMeasured(sizes);
  store.getState().layout();
  return store.getState().document;
}

describe('automatic layout', () => {
  it('the QA flow (menu branches, loose cards) comes out with every card clear of the others, twice in a row', () => {
    const once = laidOut(qaFlow(), DRAWN);
    expect(crowded(boxes(once, DRAWN), LAYOUT_SPACING.node - 1)).toEqual([]);
    const twice = laidOut(once, DRAWN);
    expect(crowded(boxes(twice, DRAWN), LAYOUT_SPACING.node - 1)).toEqual([]);
  });

  it('cards never measured (off screen) are spaced by estimates at least as large as drawn cards', () => {
    const document = laidOut(qaFlow(), {});
    for (const card of document.nodes) {
      const estimate = cardSize(card, undefined);
      expect(estimate.width).toBeGreaterThanOrEqual(DRAWN[card.id]!.width);
      expect(estimate.height).toBeGreaterThanOrEqual(DRAWN[card.id]!.height);
    }
    // Laid out on estimates, drawn at their real sizes: still apart.
    expect(crowded(boxes(document, DRAWN), 0)).toEqual([]);
  });

  it('a stale measurement (a menu measured before it got its options) is raised to what the card needs', () => {
    const document = qaFlow();
    const sizes = { ...DRAWN, menu: { width: 260, height: 80 } };
    const menu = document.nodes.find((card) => card.id === 'menu')!;
    expect(cardSize(menu, sizes.menu).height).toBeGreaterThan(80);
    expect(crowded(boxes(laidOut(document, sizes), sizes), LAYOUT_SPACING.node - 1)).toEqual([]);
  });

  it('a menu of many options is as wide as its outputs, and its branches do not cover each other', () => {
    const menu = node('menu', 'menu');
    const options = Array.from({ length: 8 }, (_, i) => ({ id: `o${i}`, title: `Opción número ${i + 1}` }));
    (menu.data as { options: unknown[] }).options = options;
    const targets = options.map((_, i) => node(`t${i}`, 'message'));
    const document: FlowDocument = {
      schemaVersion: 1, id: 'm', name: 'm', startNodeId: 'menu', nodes: [menu, ...targets],
      edges: targets.map((target, i) => edge(menu, i, target.id)),
    };
    expect(cardSize(menu, undefined).width).toBeGreaterThanOrEqual(8 * 92);
    expect(crowded(boxes(laidOut(document, {}), {}), LAYOUT_SPACING.node - 1)).toEqual([]);
  });

  it('cards nothing connects go in a grid, not one endless row', () => {
    const nodes = Array.from({ length: 10 }, (_, i) => node(`n${i}`, 'message', 50, 50));
    const positions = layoutPositions({ schemaVersion: 1, id: 'g', name: 'g', startNodeId: 'n0', nodes, edges: [] }, {});
    const rows = new Set(Object.values(positions).map((position) => position.y));
    const columns = new Set(Object.values(positions).map((position) => position.x));
    expect(rows.size).toBe(3);
    expect(columns.size).toBe(4);
    expect(positions.n0).toEqual({ x: 0, y: 0 });
  });

  it('loose cards sit under the flow, and a second connected part beside it', () => {
    const document = qaFlow();
    const extra = [node('otro_1', 'message'), node('otro_2', 'end')];
    document.nodes.push(...extra);
    document.edges.push(edge(extra[0]!, 0, 'otro_2'));
    const positions = layoutPositions(document, DRAWN);
    const flowBottom = Math.max(...['saludo', 'menu', 'pregunta', 'api', 'humano', 'gracias'].map((id) => positions[id]!.y + DRAWN[id]!.height));
    const flowRight = Math.max(...['saludo', 'menu', 'pregunta', 'api', 'humano', 'gracias'].map((id) => positions[id]!.x + DRAWN[id]!.width));
    for (const id of ['suelto_1', 'suelto_2', 'suelto_3']) expect(positions[id]!.y).toBeGreaterThan(flowBottom);
    expect(positions.otro_1!.x).toBeGreaterThan(flowRight);
    expect(crowded(boxes({ ...document, nodes: document.nodes.map((card) => ({ ...card, position: positions[card.id]! })) }, DRAWN), LAYOUT_SPACING.node - 1)).toEqual([]);
  });
});
