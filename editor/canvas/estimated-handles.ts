import { Position, type NodeHandle } from '@xyflow/react';
import { nodeOutputs, type FlowNode } from '../../schema/index.ts';
import { estimatedSize } from '../store/layout.ts';

/** Handle geometry from canvas.css: 11 px handles, the input 18 px from the top, output rows ~24 px, 6 px below. */
const HANDLE = 11;
const INPUT_Y = 18;
const OUTPUT_ROW = 24;
const OUTPUTS_BOTTOM = 6;

/**
 * Where a card's handles will be before it is ever drawn. React Flow draws every node once to
 * measure its handles unless told where they are; for a 1,000-node flow that first full draw is most
 * of the loading time. A card that scrolls into view is measured and its real handles replace these.
 */
export function estimatedHandles(node: FlowNode): { width: number; height: number; handles: NodeHandle[] } {
  const { width, height } = estimatedSize(node);
  const outputs = nodeOutputs(node);
  const half = HANDLE / 2;
  const handles: NodeHandle[] = [
    { id: 'in', type: 'target', position: Position.Left, x: -half, y: INPUT_Y - half, width: HANDLE, height: HANDLE },
    ...outputs.map((output, index): NodeHandle => ({
      id: output,
      type: 'source',
      position: Position.Right,
      x: width - half,
      y: height - OUTPUTS_BOTTOM - (outputs.length - index - 0.5) * OUTPUT_ROW - half,
      width: HANDLE,
      height: HANDLE,
    })),
  ];
  return { width, height, handles };
}
