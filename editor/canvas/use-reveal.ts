import { useReactFlow } from '@xyflow/react';
import { useEffect, useRef } from 'react';
import { DEFAULT_NODE_SIZE } from '../store/layout.ts';
import { useEditorStore, useEditorStoreApi } from '../store/index.ts';

/**
 * Centres the canvas on the node named by the latest `reveal` request (find box, problems panel);
 * `onMoved` runs once the view has arrived.
 */
export function useReveal(onMoved?: () => void) {
  const store = useEditorStoreApi();
  const request = useEditorStore((state) => state.revealRequest);
  const { setCenter, getZoom } = useReactFlow();
  const moved = useRef(onMoved);
  moved.current = onMoved;
  useEffect(() => {
    if (!request) return;
    const { document, measured } = store.getState();
    const node = document.nodes.find((candidate) => candidate.id === request.nodeId);
    if (!node) return;
    const size = measured[node.id] ?? DEFAULT_NODE_SIZE;
    void setCenter(node.position.x + size.width / 2, node.position.y + size.height / 2, { zoom: Math.max(getZoom(), 0.9), duration: 300 })
      .then(() => moved.current?.());
  }, [request, store, setCenter, getZoom]);
}
