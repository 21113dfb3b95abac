import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps } from '@xyflow/react';
import { useShallow } from 'zustand/react/shallow';
import { markSnapshot, problemIndex } from '../problems/problem-index.ts';
import { useEditorStore } from '../store/index.ts';
import { EdgeCount, useEdgeOverlay } from './NodeOverlay.tsx';
import { ProblemBadge } from './ProblemBadge.tsx';
import type { CanvasEdge } from './types.ts';

/** A flow edge; shows a problem badge at its middle when validation names it, its count in analytics mode, lit on a past conversation's path. */
export function CharlaEdge({ id, source, sourceHandleId, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, selected, markerEnd }: EdgeProps<CanvasEdge>) {
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  const mark = useEditorStore(useShallow((state) => markSnapshot(problemIndex(state.problems).edges.get(id))));
  const overlay = useEdgeOverlay(id, source, sourceHandleId);
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd}
        className={['flow-edge', selected && 'flow-edge--selected', overlay.lit && 'flow-edge--lit', mark.severity && `flow-edge--${mark.severity}`].filter(Boolean).join(' ')} />
      {overlay.count !== null && !mark.severity && (
        <EdgeLabelRenderer>
          <div className="flow-edge-badge nodrag nopan" style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}>
            <EdgeCount id={id} count={overlay.count} />
          </div>
        </EdgeLabelRenderer>
      )}
      {mark.severity && (
        <EdgeLabelRenderer>
          <div className="flow-edge-badge nodrag nopan" style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}>
            <ProblemBadge testId={`edge-badge-${id}`} severity={mark.severity} messages={mark.messages} />
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
}
