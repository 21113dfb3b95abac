import { useReactFlow, useStoreApi } from '@xyflow/react';
import { useCallback } from 'react';
import { useEditorStoreApi } from '../store/index.ts';
import { boundingBox, nodeBox } from '../store/placement.ts';
import { readableViewport } from './readable-viewport.ts';
import type { CanvasEdge, CanvasNode } from './types.ts';

/**
 * Shows the flow at a readable zoom (readable-viewport.ts): on opening and after the automatic
 * layout. Works from the editor store's document and measured sizes, so it can run right after a
 * store action, before React Flow has the new positions. Resolves once the view has moved.
 */
export function useReadableView(): (options?: { duration?: number }) => Promise<void> {
  const store = useEditorStoreApi();
  const flow = useStoreApi<CanvasNode, CanvasEdge>();
  const { setViewport } = useReactFlow<CanvasNode, CanvasEdge>();
  return useCallback(async (options = {}) => {
    const { document, measured } = store.getState();
    const { width, height } = flow.getState();
    if (document.nodes.length === 0 || width === 0 || height === 0) return;
    const boxes = new Map(document.nodes.map((node) => [node.id, nodeBox(node, measured)]));
    const viewport = readableViewport(boundingBox([...boxes.values()]), boxes.get(document.startNodeId) ?? null, { width, height });
    await setViewport(viewport, { duration: options.duration ?? 0 });
  }, [store, flow, setViewport]);
}
