import '@xyflow/react/dist/style.css';
import './canvas.css';
import {
  Background, BackgroundVariant, Controls, MiniMap, Panel, ReactFlow, ReactFlowProvider, useReactFlow, type ReactFlowInstance, type Viewport,
} from '@xyflow/react';
import { useCallback, useRef, useState, type DragEvent } from 'react';
import { isNodeKind } from '../../schema/index.ts';
import { nodeEditor } from '../nodes/index.ts';
import { useEditorStore, useEditorStoreApi, type EditorState, type XY } from '../store/index.ts';
import { DEFAULT_NODE_SIZE } from '../store/layout.ts';
import { CanvasToolbar } from './CanvasToolbar.tsx';
import { edgeTypes, nodeTypes } from './element-types.ts';
import { FindBox } from './FindBox.tsx';
import { LARGE_FLOW } from './thresholds.ts';
import type { CanvasEdge, CanvasNode } from './types.ts';
import { NODE_KIND_MIME } from './types.ts';
import { useCanvasElements } from './use-canvas-elements.ts';
import { useChangeHandlers } from './use-change-handlers.ts';
import { useKeyboardShortcuts } from './use-keyboard-shortcuts.ts';
import { useReveal } from './use-reveal.ts';

function centreOnStart(state: EditorState, instance: ReactFlowInstance<CanvasNode, CanvasEdge>) {
  const start = state.document.nodes.find((node) => node.id === state.document.startNodeId) ?? state.document.nodes[0];
  if (start) void instance.setCenter(start.position.x + DEFAULT_NODE_SIZE.width * 2, start.position.y + DEFAULT_NODE_SIZE.height, { zoom: 0.8 });
}

/** Where a dropped card is held: the middle of its header. */
const DROP_GRIP = { x: 130, y: 16 };
const minimapColor = (node: CanvasNode) => nodeEditor(node.type ?? 'message').color;

function Canvas() {
  const store = useEditorStoreApi();
  const { screenToFlowPosition } = useReactFlow();
  const large = useEditorStore((state) => state.document.nodes.length > LARGE_FLOW);
  const { nodes, edges } = useCanvasElements(large);
  const handlers = useChangeHandlers();
  const readOnly = useEditorStore((state) => state.readOnly);
  const documentId = useEditorStore((state) => state.document.id);
  const [finding, setFinding] = useState(false);
  const pointer = useRef<XY | null>(null);
  const wrapper = useRef<HTMLDivElement>(null);

  useReveal();
  useKeyboardShortcuts({ openFind: () => setFinding(true), pointer: () => pointer.current });

  const updateViewCenter = useCallback((_: unknown, viewport: Viewport) => {
    const box = wrapper.current?.getBoundingClientRect();
    if (!box) return;
    store.getState().setViewCenter({
      x: (box.width / 2 - viewport.x) / viewport.zoom,
      y: (box.height / 2 - viewport.y) / viewport.zoom,
    });
  }, [store]);

  function onDrop(event: DragEvent) {
    const kind = event.dataTransfer.getData(NODE_KIND_MIME);
    if (!isNodeKind(kind)) return;
    event.preventDefault();
    const point = screenToFlowPosition({ x: event.clientX, y: event.clientY });
    // The card's header lands under the pointer, as if it was held there.
    store.getState().addNode(kind, { x: point.x - DROP_GRIP.x, y: point.y - DROP_GRIP.y });
  }

  return (
    <div className="flow-canvas" ref={wrapper} data-testid="flow-canvas"
      onMouseMove={(event) => { pointer.current = screenToFlowPosition({ x: event.clientX, y: event.clientY }); }}
      onMouseLeave={() => { pointer.current = null; }}>
      <ReactFlow<CanvasNode, CanvasEdge>
        key={documentId}
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={handlers.onNodesChange}
        onEdgesChange={handlers.onEdgesChange}
        onConnect={handlers.onConnect}
        onNodeDragStop={handlers.onNodeDragStop}
        onDrop={onDrop}
        onDragOver={(event) => { event.preventDefault(); event.dataTransfer.dropEffect = 'move'; }}
        onInit={(instance) => {
          if (large) centreOnStart(store.getState(), instance);
          updateViewCenter(null, instance.getViewport());
        }}
        onMoveEnd={updateViewCenter}
        nodesDraggable={!readOnly}
        nodesConnectable={!readOnly}
        deleteKeyCode={null}
        fitView={!large}
        fitViewOptions={{ maxZoom: 1 }}
        minZoom={0.1}
        onlyRenderVisibleElements
        defaultEdgeOptions={{ type: 'charla' }}
        proOptions={{ hideAttribution: true }}
      >
        <Background variant={BackgroundVariant.Dots} gap={20} size={1.2} />
        <MiniMap pannable zoomable nodeColor={minimapColor} nodeStrokeWidth={2} />
        <Controls showInteractive={false} />
        <Panel position="top-left"><CanvasToolbar onFind={() => setFinding(true)} /></Panel>
        {finding && <Panel position="top-center"><FindBox onClose={() => setFinding(false)} /></Panel>}
      </ReactFlow>
    </div>
  );
}

/**
 * The flow canvas, controlled by the editor store: drag from the palette, connect outputs, select,
 * move, delete, copy/paste, undo/redo, find (Ctrl/Cmd+F), automatic layout, minimap and zoom.
 * Must sit inside `<EditorStoreProvider>`; give it a sized parent (it fills it).
 */
export function FlowEditorCanvas() {
  return (
    <ReactFlowProvider>
      <Canvas />
    </ReactFlowProvider>
  );
}
