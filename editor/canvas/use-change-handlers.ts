import { useStoreApi, type EdgeChange, type NodeChange, type OnConnect } from '@xyflow/react';
import { useMemo } from 'react';
import type { XY } from '../store/index.ts';
import { useEditorStoreApi } from '../store/index.ts';
import { DETAIL_ZOOM } from './thresholds.ts';
import type { CanvasEdge, CanvasNode } from './types.ts';

/**
 * Turns React Flow's change events into store intents: a drag becomes one `moveNodes` gesture,
 * selection and measured sizes go to the view state. Removal is ours (the Delete key), not React Flow's.
 */
export function useChangeHandlers() {
  const store = useEditorStoreApi();
  const flow = useStoreApi<CanvasNode, CanvasEdge>();
  return useMemo(() => ({
    onNodesChange(changes: NodeChange<CanvasNode>[]) {
      const positions: Record<string, XY> = {};
      const selection: Record<string, boolean> = {};
      const sizes: Record<string, { width: number; height: number }> = {};
      for (const change of changes) {
        if (change.type === 'position' && change.position) positions[change.id] = change.position;
        else if (change.type === 'select') selection[change.id] = change.selected;
        else if (change.type === 'dimensions' && change.dimensions) sizes[change.id] = change.dimensions;
      }
      const state = store.getState();
      if (Object.keys(sizes).length > 0) state.setMeasured(sizes, flow.getState().transform[2] >= DETAIL_ZOOM);
      if (Object.keys(selection).length > 0) state.setSelected({ nodes: selection });
      if (Object.keys(positions).length > 0) state.moveNodes(positions, { coalesce: 'drag' });
    },
    onEdgesChange(changes: EdgeChange<CanvasEdge>[]) {
      const selection: Record<string, boolean> = {};
      for (const change of changes) if (change.type === 'select') selection[change.id] = change.selected;
      if (Object.keys(selection).length > 0) store.getState().setSelected({ edges: selection });
    },
    onConnect: ((connection) => {
      if (connection.sourceHandle) {
        store.getState().connect({ source: connection.source, sourceHandle: connection.sourceHandle, target: connection.target });
      }
    }) satisfies OnConnect,
    /** A drag is one undo step: the next move starts another. */
    onNodeDragStop() {
      store.getState().endGesture();
    },
  }), [store, flow]);
}
