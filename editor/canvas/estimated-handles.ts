import { Position, type NodeHandle } from '@xyflow/react';
import { nodeOutputs, type FlowNode } from '../../schema/index.ts';
import { estimatedSize } from '../store/layout.ts';

/** Handle size from canvas.css. */
const HANDLE = 11;

/**
 * Where a card's handles will be before it is ever drawn: the input in the middle of the top edge,
 * the outputs evenly along the bottom edge (FlowNodeCard.tsx). React Flow draws every node once to
 * measure its handles unless told where they are; for a 1,000-node flow that first full draw is most
 * of the loading time. A card that scrolls into view is measured and its real handles replace these.
 */
export function estimatedHandles(node: FlowNode): { width: number; height: number; handles: NodeHandle[] } {
  const { width, height } = estimatedSize(node);
  const outputs = nodeOutputs(node);
  const half = HANDLE / 2;
  const handles: NodeHandle[] = [
    { id: 'in', type: 'target', position: Position.Top, x: width / 2 - half, y: -half, width: HANDLE, height: HANDLE },
    ...outputs.map((output, index): NodeHandle => ({
      id: output,
      type: 'source',
      position: Position.Bottom,
      x: (width * (index + 0.5)) / outputs.length - half,
      y: height - half,
      width: HANDLE,
      height: HANDLE,
    })),
  ];
  return { width, height, handles };
}
