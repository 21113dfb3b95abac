import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps } from '@xyflow/react';
import { useShallow } from 'zustand/react/shallow';
import { markSnapshot, problemIndex } from '../problems/problem-index.ts';
import { useEditorStore } from '../store/index.ts';
import { ProblemBadge } from './ProblemBadge.tsx';
import type { CanvasEdge } from './types.ts';

/** A flow edge; shows a problem badge at its middle when validation names it. */
export function CharlaEdge({ id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, selected, markerEnd }: EdgeProps<CanvasEdge>) {
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  const mark = useEditorStore(useShallow((state) => markSnapshot(problemIndex(state.problems).edges.get(id))));
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd}
        className={['flow-edge', selected && 'flow-edge--selected', mark.severity && `flow-edge--${mark.severity}`].filter(Boolean).join(' ')} />
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
