import './ghosts.css';
import { Position, ViewportPortal, getBezierPath, useInternalNode, useReactFlow, type InternalNode } from '@xyflow/react';
import { useEffect, useMemo, type ComponentType, type CSSProperties } from 'react';
import type { FlowEdge, FlowNode } from '../../schema/index.ts';
import { useT } from '../i18n/index.ts';
import { nodeEditor, nodeMessages } from '../nodes/index.ts';
import { useEditorStore, useEditorStoreApi } from '../store/index.ts';
import type { DiffGhosts as Ghosts } from '../store/types.ts';
import { ghostMessages } from './ghost-messages.ts';

/** A ghost is as wide as a card (canvas.css `.flow-node`); edges meet it at the height of a card's input handle. */
const GHOST_WIDTH = 260;
const HANDLE_Y = 18;
const NO_GHOSTS: Ghosts = { nodes: [], edges: [] };

type Point = { x: number; y: number };

/** Where an edge meets a node: a ghost at its sides, a card at its handle (its side when the handle is gone). */
function endpoint(ghost: FlowNode | undefined, card: InternalNode | undefined, side: 'source' | 'target', handleId: string): Point | null {
  const origin = ghost?.position ?? card?.internals.positionAbsolute;
  if (!origin) return null;
  const handle = card?.internals.handleBounds?.[side]?.find((bounds) => bounds.id === handleId);
  if (handle) return { x: origin.x + handle.x + (side === 'source' ? handle.width : 0), y: origin.y + handle.y + handle.height / 2 };
  const width = ghost ? GHOST_WIDTH : card?.measured.width ?? GHOST_WIDTH;
  return { x: origin.x + (side === 'source' ? width : 0), y: origin.y + HANDLE_Y };
}

function GhostEdge({ edge, ghosts }: { edge: FlowEdge; ghosts: Map<string, FlowNode> }) {
  const sourceCard = useInternalNode(edge.source);
  const targetCard = useInternalNode(edge.target);
  const source = endpoint(ghosts.get(edge.source), sourceCard, 'source', edge.sourceHandle);
  const target = endpoint(ghosts.get(edge.target), targetCard, 'target', 'in');
  if (!source || !target) return null;
  const [path] = getBezierPath({
    sourceX: source.x, sourceY: source.y, sourcePosition: Position.Right, targetX: target.x, targetY: target.y, targetPosition: Position.Left,
  });
  return <path className="ghost-edge" d={path} data-testid={`ghost-edge-${edge.id}`} />;
}

function GhostNode({ node }: { node: FlowNode }) {
  const t = useT(ghostMessages);
  const tn = useT(nodeMessages);
  const editor = nodeEditor(node.type);
  // Each kind's Body takes its own data; the node carries the matching pair.
  const Body = editor.Body as ComponentType<{ data: FlowNode['data'] }>;
  const style = { width: GHOST_WIDTH, transform: `translate(${node.position.x}px, ${node.position.y}px)`, '--node-color': editor.color } as CSSProperties;
  return (
    <div className="ghost-node" style={style} data-testid={`ghost-${node.id}`} aria-label={t('label', { id: node.id })}>
      <header className="flow-node-head">
        <span className="flow-node-icon" aria-hidden>{editor.icon}</span>
        <span className="flow-node-title">{node.label ?? tn(editor.label)}</span>
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
  const store = useEditorStoreApi();
  const ghosts = useEditorStore((state) => state.diffMarks?.ghosts ?? NO_GHOSTS);
  const documentNodes = useEditorStore((state) => state.document.nodes);
  const request = useEditorStore((state) => state.revealRequest);
  const { setCenter, getZoom } = useReactFlow();
  // A node back in the document (an undone delete) is drawn as itself, not as its ghost.
  const shown = useMemo(() => {
    const inDocument = new Set(documentNodes.map((node) => node.id));
    return new Map(ghosts.nodes.filter((node) => !inDocument.has(node.id)).map((node) => [node.id, node]));
  }, [ghosts, documentNodes]);

  useEffect(() => {
    const ghost = request && store.getState().diffMarks?.ghosts?.nodes.find((node) => node.id === request.nodeId);
    if (!ghost || store.getState().document.nodes.some((node) => node.id === ghost.id)) return;
    void setCenter(ghost.position.x + GHOST_WIDTH / 2, ghost.position.y + HANDLE_Y * 4, { zoom: Math.max(getZoom(), 0.9), duration: 300 });
  }, [request, store, setCenter, getZoom]);

  if (shown.size === 0 && ghosts.edges.length === 0) return null;
  return (
    <ViewportPortal>
      <div className="diff-ghosts" data-testid="diff-ghosts">
        <svg className="ghost-edges" aria-hidden>
          {ghosts.edges.map((edge) => <GhostEdge key={edge.id} edge={edge} ghosts={shown} />)}
        </svg>
        {[...shown.values()].map((node) => <GhostNode key={node.id} node={node} />)}
      </div>
    </ViewportPortal>
  );
}
