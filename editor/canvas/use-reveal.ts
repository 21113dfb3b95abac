import { useReactFlow } from '@xyflow/react';
import { useEffect } from 'react';
import { DEFAULT_NODE_SIZE } from '../store/layout.ts';
import { useEditorStore, useEditorStoreApi } from '../store/index.ts';

/** Centres the canvas on the node named by the latest `reveal` request (find box, problems panel, a paste out of view). */
export function useReveal() {
  const store = useEditorStoreApi();
  const request = useEditorStore((state) => state.revealRequest);
  const { setCenter, getZoom } = useReactFlow();
  useEffect(() => {
    if (!request) return;
    const { document, measured } = store.getState();
    const node = document.nodes.find((candidate) => candidate.id === request.nodeId);
    if (!node) return;
    const size = measured[node.id] ?? DEFAULT_NODE_SIZE;
    void setCenter(node.position.x + size.width / 2, node.position.y + size.height / 2, { zoom: Math.max(getZoom(), 0.9), duration: 300 });
  }, [request, store, setCenter, getZoom]);
}
