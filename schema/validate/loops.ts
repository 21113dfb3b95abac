import { findCycles } from './find-cycles.ts';
import type { FlowOutline } from './flow-outline.ts';
import type { FlowGraph } from './graph.ts';
import type { ProblemList } from './problem-list.ts';

/**
 * A loop among nodes that never wait would spin through `maxStepsPerTurn` in one turn: it is
 * reported before publishing, at the first of its nodes in document order. A loop through a
 * waiting node (a menu, a question) is fine: it pauses there for the user.
 */
export function checkLoops(flow: FlowOutline, graph: FlowGraph, problems: ProblemList): void {
  const running: string[] = [];
  for (const [id, index] of graph.nodeAt) if (!flow.nodes[index]!.waits) running.push(id);
  // findCycles ignores targets outside `running`: the loop must stay among nodes that never wait.
  for (const cycle of findCycles(running, (id) => graph.next.get(id) ?? [])) {
    const first = cycle[0]!;
    problems.add('loop_without_wait', { pointer: `/nodes/${graph.nodeAt.get(first)!}`, nodeId: first }, { path: cycle.join(', ') });
  }
}
