import type { NodeBehaviour } from './behaviour.ts';
import { next, wait } from './behaviour.ts';

/**
 * Pauses: asks the host to show the typing indicator, ends the turn and lets its timer continue
 * through `next`. A message the customer sends meanwhile ends the pause at once (it answers nothing:
 * no node was asking).
 */
export const delay = {
  enter(node, ctx) {
    ctx.effects.push({ type: 'typing_indicator', nodeId: node.id, seconds: node.data.seconds });
    return wait(`pausing ${node.data.seconds} s`);
  },
  receive: () => next('next', 'a message during the pause: going on at once'),
  timers: (node) => [{ output: 'next', afterMs: Math.round(node.data.seconds * 1000) }],
} satisfies NodeBehaviour<'delay'>;
