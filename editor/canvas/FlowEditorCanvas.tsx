import '@xyflow/react/dist/style.css';
import './canvas.css';
import { Background, BackgroundVariant, Panel, ReactFlow, ReactFlowProvider, useNodesInitialized, useReactFlow, type OnConnectEnd } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import { isNodeKind, type NodeKind } from '../../schema/index.ts';
import { translate, useLocale } from '../i18n/index.ts';
import { useEditorStore, useEditorStoreApi, type Size, type XY } from '../store/index.ts';
import { newCardSpot } from '../store/placement.ts';
import { ariaLabels } from './aria-labels.ts';
import { CanvasMinimap } from './CanvasMinimap.tsx';
import { CanvasToolbar } from './CanvasToolbar.tsx';
import { DiffGhosts } from './DiffGhosts.tsx';
import { edgeTypes, nodeTypes } from './element-types.ts';
import { FindBox } from './FindBox.tsx';
import { NodePicker, NodePickerContext, type PickerRequest } from './NodePicker.tsx';
import { StartDeletionDialog } from './StartDeletionDialog.tsx';
import { messages } from './messages.ts';
import { LARGE_FLOW } from './thresholds.ts';
import type { CanvasEdge, CanvasNode } from './types.ts';
import { NODE_KIND_MIME } from './types.ts';
import { useCanvasElements } from './use-canvas-elements.ts';
import { useChangeHandlers } from './use-change-handlers.ts';
import { useKeyboardShortcuts } from './use-keyboard-shortcuts.ts';
import { useReadableView } from './use-readable-view.ts';
import { useReveal } from './use-reveal.ts';
import { visibleAreaOf } from './visible-area.ts';

/** Where a dropped card is held: the middle of its header, this far below its top edge. */
const DROP_GRIP_Y = 16;
/** The node picker's largest size (canvas.css). */
const PICKER_SIZE = { width: 220, height: 320 };
/** Shift (like most editors) as well as Ctrl/Cmd adds a clicked node to the selection; Shift+drag still draws a selection box. */
const MULTI_SELECT_KEYS = ['Shift', 'Meta', 'Control'];

function Canvas() {
  const store = useEditorStoreApi();
  const locale = useLocale((state) => state.locale);
  const { screenToFlowPosition, getViewport } = useReactFlow();
  const large = useEditorStore((state) => state.document.nodes.length > LARGE_FLOW);
  const { nodes, edges } = useCanvasElements(large);
  const handlers = useChangeHandlers();
  const readOnly = useEditorStore((state) => state.readOnly);
  const documentId = useEditorStore((state) => state.document.id);
  const [finding, setFinding] = useState(false);
  const pointer = useRef<XY | null>(null);
  const wrapper = useRef<HTMLDivElement>(null);
  const showReadable = useReadableView();
  const initialized = useNodesInitialized();
  const opened = useRef<string | null>(null);
  const aria = useMemo(() => ariaLabels(translate(messages, locale)), [locale]);
  const [picker, setPicker] = useState<PickerRequest | null>(null);
  const openPicker = useCallback((request: PickerRequest) => { if (!store.getState().readOnly) setPicker(request); }, [store]);

  useKeyboardShortcuts({ openFind: () => setFinding(true), pointer: () => pointer.current });

  // Placement reads what the canvas shows when it needs it (store/placement.ts).
  useEffect(() => {
    const state = store.getState();
    state.setVisibleAreaReader(() => wrapper.current && visibleAreaOf(wrapper.current, getViewport()));
    return () => state.setVisibleAreaReader(() => null);
  }, [store, getViewport]);
  useReveal();

  // Opening a flow: once its cards are measured (large flows: estimated at once), show it readable.
  useEffect(() => {
    if (!initialized || opened.current === documentId) return;
    opened.current = documentId;
    void showReadable();
  }, [initialized, documentId, showReadable]);

  function onDrop(event: DragEvent) {
    const kind = event.dataTransfer.getData(NODE_KIND_MIME);
    if (!isNodeKind(kind)) return;
    event.preventDefault();
    const point = screenToFlowPosition({ x: event.clientX, y: event.clientY });
    // The card's header lands under the pointer, as if it was held there, unless that covers another
    // card: then the nearest free spot, as a palette click (store/placement.ts).
    const state = store.getState();
    state.addNode(kind, newCardSpot(state, kind, (size: Size) => ({ x: point.x - size.width / 2, y: point.y - DROP_GRIP_Y })));
  }

  // A connection let go on empty canvas (not on a card or handle) opens the node picker there.
  const onConnectEnd: OnConnectEnd = (event, connection) => {
    const onPane = event.target instanceof Element && event.target.classList.contains('react-flow__pane');
    if (connection.isValid || !onPane || connection.fromHandle?.type !== 'source' || !connection.fromHandle.id || !connection.fromNode) return;
    const { clientX, clientY } = 'changedTouches' in event ? event.changedTouches[0]! : event;
    openPicker({ source: connection.fromNode.id, sourceHandle: connection.fromHandle.id, client: { x: clientX, y: clientY } });
  };

  function pick(kind: NodeKind) {
    if (!picker) return;
    setPicker(null);
    store.getState().addConnectedNode(kind, { source: picker.source, sourceHandle: picker.sourceHandle }, screenToFlowPosition(picker.client));
  }

  const pickerAt = (request: PickerRequest) => {
    // Kept inside the canvas: near its right or bottom edge the picker opens to the left or above.
    const box = wrapper.current!.getBoundingClientRect();
    return {
      x: Math.max(0, Math.min(request.client.x - box.left, box.width - PICKER_SIZE.width)),
      y: Math.max(0, Math.min(request.client.y - box.top, box.height - PICKER_SIZE.height)),
    };
  };

  return (
    <NodePickerContext.Provider value={openPicker}>
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
        onConnectEnd={onConnectEnd}
        onNodeDragStop={handlers.onNodeDragStop}
        onDrop={onDrop}
        onDragOver={(event) => { event.preventDefault(); event.dataTransfer.dropEffect = 'move'; }}
        nodesDraggable={!readOnly}
        nodesConnectable={!readOnly}
        nodesFocusable
        deleteKeyCode={null}
        multiSelectionKeyCode={MULTI_SELECT_KEYS}
        selectionKeyCode="Shift"
        ariaLabelConfig={aria}
        minZoom={0.1}
        onlyRenderVisibleElements
        defaultEdgeOptions={{ type: 'charla' }}
        proOptions={{ hideAttribution: true }}
      >
        <Background variant={BackgroundVariant.Dots} gap={20} size={1.2} />
        <DiffGhosts />
        <CanvasMinimap />
        <Panel position="top-left">
          <div className="canvas-top">
            <CanvasToolbar onFind={() => setFinding(true)} showReadable={showReadable} />
            {finding && <FindBox onClose={() => setFinding(false)} />}
          </div>
        </Panel>
      </ReactFlow>
      {picker && <NodePicker at={pickerAt(picker)} onPick={pick} onClose={() => setPicker(null)} />}
      <StartDeletionDialog />
    </div>
    </NodePickerContext.Provider>
  );
}

/**
 * The flow canvas, controlled by the editor store: drag from the palette, connect outputs, select,
 * multi-select (Shift or Ctrl/Cmd+click, Shift+drag), move, delete, copy/paste, undo/redo, find
 * (Ctrl/Cmd+F), automatic layout, minimap and zoom; nodes reachable with Tab, selected with Enter/Space.
 * Opens at a readable zoom (readable-viewport.ts). Must sit inside `<EditorStoreProvider>`; give it
 * a sized parent (it fills it).
 */
export function FlowEditorCanvas() {
  return (
    <ReactFlowProvider>
      <Canvas />
    </ReactFlowProvider>
  );
}
