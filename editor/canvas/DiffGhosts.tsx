import './ghosts.css';
import { Position, ViewportPortal, getBezierPath, useInternalNode, useReactFlow, type InternalNode } from '@xyflow/react';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type ComponentType, type CSSProperties } from 'react';
import type { FlowEdge, FlowNode } from '../../schema/index.ts';
import { useT } from '../i18n/index.ts';
import { nodeEditor, useNodeTitle } from '../nodes/index.ts';
import { useEditorStore } from '../store/index.ts';
import { DEFAULT_NODE_SIZE, estimatedSize } from '../store/layout.ts';
import type { Box, DiffGhosts as Ghosts } from '../store/types.ts';
import { ghostMessages } from './ghost-messages.ts';

const NO_GHOSTS: Ghosts = { nodes: [], edges: [] };

type Point = { x: number; y: number; position: Position };

/** The middle of a box's side, as React Flow anchors edges on handles. */
function sideOf(box: Box, position: Position): Point {
  switch (position) {
    case Position.Top: return { x: box.x + box.width / 2, y: box.y, position };
    case Position.Bottom: return { x: box.x + box.width / 2, y: box.y + box.height, position };
    case Position.Left: return { x: box.x, y: box.y + box.height / 2, position };
    case Position.Right: return { x: box.x + box.width, y: box.y + box.height / 2, position };
    default: {
      const unknown: never = position;
      throw new Error(`unknown side ${String(unknown)}`);
    }
  }
}

/**
 * Where an edge meets a node: a card at its handle, else (a ghost, a card whose handle is gone or not
 * drawn yet) at the middle of its top edge going in and of its bottom edge going out, like the cards' handles.
 */
function endpoint(ghost: Box | undefined, card: InternalNode | undefined, side: 'source' | 'target', handleId: string): Point | null {
  const fallback = side === 'source' ? Position.Bottom : Position.Top;
  if (ghost) return sideOf(ghost, fallback);
  if (!card) return null;
  const origin = card.internals.positionAbsolute;
  const handle = card.internals.handleBounds?.[side]?.find((bounds) => bounds.id === handleId);
  if (handle) return sideOf({ x: origin.x + handle.x, y: origin.y + handle.y, width: handle.width, height: handle.height }, handle.position);
  return sideOf({ ...origin, width: card.measured.width ?? DEFAULT_NODE_SIZE.width, height: card.measured.height ?? DEFAULT_NODE_SIZE.height }, fallback);
}

function GhostEdge({ edge, ghosts }: { edge: FlowEdge; ghosts: Map<string, Box> }) {
  const sourceCard = useInternalNode(edge.source);
  const targetCard = useInternalNode(edge.target);
  const source = endpoint(ghosts.get(edge.source), sourceCard, 'source', edge.sourceHandle);
  const target = endpoint(ghosts.get(edge.target), targetCard, 'target', 'in');
  if (!source || !target) return null;
  const [path] = getBezierPath({
    sourceX: source.x, sourceY: source.y, sourcePosition: source.position, targetX: target.x, targetY: target.y, targetPosition: target.position,
  });
  return <path className="ghost-edge" d={path} data-testid={`ghost-edge-${edge.id}`} />;
}

function GhostNode({ node, width, onHeight }: { node: FlowNode; width: number; onHeight(id: string, height: number): void }) {
  const t = useT(ghostMessages);
  const title = useNodeTitle();
  const editor = nodeEditor(node.type);
  // Each kind's Body takes its own data; the node carries the matching pair.
  const Body = editor.Body as ComponentType<{ data: FlowNode['data'] }>;
  const element = useRef<HTMLDivElement>(null);
  // Its old edges leave from its bottom edge: its height as laid out (offsetHeight ignores the zoom).
  useLayoutEffect(() => { if (element.current) onHeight(node.id, element.current.offsetHeight); }, [node, onHeight]);
  const style = { width, transform: `translate(${node.position.x}px, ${node.position.y}px)`, '--node-color': editor.color } as CSSProperties;
  return (
    <div ref={element} className="ghost-node" style={style} data-testid={`ghost-${node.id}`} aria-label={t('label', { id: node.id })}>
      <header className="flow-node-head">
        <span className="flow-node-icon" aria-hidden>{editor.icon}</span>
        <span className="flow-node-title">{title(node)}</span>
      </header>
      <div className="flow-node-diff flow-node-diff--removed">{t('tag')} · {node.id}</div>
      <div className="flow-node-body"><Body data={node.data} /></div>
    </div>
  );
}

/**
 * The versions diff's removed nodes, drawn read-only where they were (dashed, faded) with their old
 * edges, under the cards. They live in the view state (`diffMarks.ghosts`), never in the document;
 * a `reveal` of a ghost's id centres it. Must sit inside `<ReactFlow>`.
 */
export function DiffGhosts() {
  const ghosts = useEditorStore((state) => state.diffMarks?.ghosts ?? NO_GHOSTS);
  const documentNodes = useEditorStore((state) => state.document.nodes);
  const request = useEditorStore((state) => state.revealRequest);
  const { setCenter, getZoom } = useReactFlow();
  const [heights, setHeights] = useState<Record<string, number>>({});
  const onHeight = useCallback((id: string, height: number) => {
    setHeights((known) => (known[id] === height ? known : { ...known, [id]: height }));
  }, []);
  // A node back in the document (an undone delete) is drawn as itself, not as its ghost.
  const shown = useMemo(() => {
    const inDocument = new Set(documentNodes.map((node) => node.id));
    return ghosts.nodes.filter((node) => !inDocument.has(node.id));
  }, [ghosts, documentNodes]);
  const boxes = useMemo(() => new Map(shown.map((node) => {
    const size = estimatedSize(node);
    return [node.id, { ...node.position, width: size.width, height: heights[node.id] ?? size.height }];
  })), [shown, heights]);

  // Each reveal of a ghost centres it once (a ghost measured later does not move the view again).
  const revealed = useRef(0);
  useEffect(() => {
    const box = request && request.nonce !== revealed.current && boxes.get(request.nodeId);
    if (!box) return;
    revealed.current = request.nonce;
    void setCenter(box.x + box.width / 2, box.y + box.height / 2, { zoom: Math.max(getZoom(), 0.9), duration: 300 });
  }, [request, boxes, setCenter, getZoom]);

  if (shown.length === 0 && ghosts.edges.length === 0) return null;
  return (
    <ViewportPortal>
      <div className="diff-ghosts" data-testid="diff-ghosts">
        <svg className="ghost-edges" aria-hidden>
          {ghosts.edges.map((edge) => <GhostEdge key={edge.id} edge={edge} ghosts={boxes} />)}
        </svg>
        {shown.map((node) => <GhostNode key={node.id} node={node} width={boxes.get(node.id)?.width ?? DEFAULT_NODE_SIZE.width} onHeight={onHeight} />)}
      </div>
    </ViewportPortal>
  );
}
