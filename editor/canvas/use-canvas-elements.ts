import { useMemo, useRef } from 'react';
import { nodeKindName, type FlowEdge, type FlowNode } from '../../schema/index.ts';
import { translate, useLocale } from '../i18n/index.ts';
import { useEditorStore } from '../store/index.ts';
import { estimatedHandles } from './estimated-handles.ts';
import { messages } from './messages.ts';
import type { CanvasEdge, CanvasNode } from './types.ts';

/**
 * Keeps each element's previous object while its source is unchanged: React Flow then skips
 * unchanged nodes (it compares them by identity), which keeps a 1,000-node flow responsive.
 */
function reuse<S, E>(cache: Map<string, { source: S; flag: boolean; extra: unknown; element: E }>) {
  const next = new Map<string, { source: S; flag: boolean; extra: unknown; element: E }>();
  return {
    get(id: string, source: S, flag: boolean, extra: unknown, build: () => E): E {
      const previous = cache.get(id);
      const element = previous && previous.source === source && previous.flag === flag && previous.extra === extra ? previous.element : build();
      next.set(id, { source, flag, extra, element });
      return element;
    },
    done: () => next,
  };
}

/**
 * The document as React Flow nodes and edges, with the selection and measured sizes folded in.
 * `estimate`: cards never drawn get estimated handles (large flows, see LARGE_FLOW).
 */
export function useCanvasElements(estimate: boolean): { nodes: CanvasNode[]; edges: CanvasEdge[] } {
  const document = useEditorStore((state) => state.document);
  const selectedNodeIds = useEditorStore((state) => state.selectedNodeIds);
  const selectedEdgeIds = useEditorStore((state) => state.selectedEdgeIds);
  const measured = useEditorStore((state) => state.measured);
  const locale = useLocale((state) => state.locale);
  const nodeCache = useRef(new Map<string, { source: FlowNode; flag: boolean; extra: unknown; element: CanvasNode }>());
  const edgeCache = useRef(new Map<string, { source: FlowEdge; flag: boolean; extra: unknown; element: CanvasEdge }>());

  // Nodes are named for screen readers in the UI language: another language rebuilds them all.
  const spoken = useRef(locale);
  if (spoken.current !== locale) {
    spoken.current = locale;
    nodeCache.current = new Map();
  }

  const nodes = useMemo(() => {
    const selected = new Set(selectedNodeIds);
    const t = translate(messages, locale);
    const pool = reuse(nodeCache.current);
    const list = document.nodes.map((node) => {
      const size = measured[node.id];
      return pool.get(node.id, node, selected.has(node.id), size ?? estimate, (): CanvasNode => {
        const base: CanvasNode = {
          id: node.id, type: node.type, position: node.position, data: { node }, selected: selected.has(node.id),
          ariaLabel: t('nodeLabel', { kind: nodeKindName(node.type, locale), name: node.label ?? node.id }),
          domAttributes: { 'aria-roledescription': t('node') },
        };
        if (size) return { ...base, measured: size };
        if (!estimate) return base;
        const guess = estimatedHandles(node);
        return { ...base, initialWidth: guess.width, initialHeight: guess.height, handles: guess.handles };
      });
    });
    nodeCache.current = pool.done();
    return list;
  }, [document.nodes, selectedNodeIds, measured, estimate, locale]);

  const edges = useMemo(() => {
    const selected = new Set(selectedEdgeIds);
    const t = translate(messages, locale);
    const names = new Map(document.nodes.map((node) => [node.id, node.label ?? node.id]));
    const pool = reuse(edgeCache.current);
    const list = document.edges.map((edge) => {
      // Announced in the UI language by the names the cards show (React Flow's default is English).
      const ariaLabel = t('edgeLabel', { source: names.get(edge.source) ?? edge.source, target: names.get(edge.target) ?? edge.target });
      return pool.get(edge.id, edge, selected.has(edge.id), ariaLabel, (): CanvasEdge => ({
        id: edge.id,
        type: 'charla',
        source: edge.source,
        sourceHandle: edge.sourceHandle,
        target: edge.target,
        targetHandle: 'in',
        selected: selected.has(edge.id),
        ariaLabel,
        domAttributes: { 'aria-roledescription': t('edge') },
      }));
    });
    edgeCache.current = pool.done();
    return list;
  }, [document.edges, document.nodes, selectedEdgeIds, locale]);

  return { nodes, edges };
}
