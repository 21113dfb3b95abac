import { isWithinBusinessHours } from '../core/business-hours.ts';
import { flowIndex } from '../core/flow-index.ts';
import type { NodeBehaviour } from './behaviour.ts';
import { next } from './behaviour.ts';

/**
 * Tells the user (optional `text`), asks the edge to open a handoff (effect) and waits
 * for an agent: the user's messages meanwhile get no bot reply; `handoff_resolved`
 * continues through `resolved`. With `businessHoursOnly`, outside the flow's business hours it
 * leaves through `closed` instead; with `unansweredSeconds`, through `unanswered` when no agent
 * has written by then.
 */
export const handoff = {
  enter(node, ctx) {
    if (node.data.businessHoursOnly === true && !isWithinBusinessHours(flowIndex(ctx.flow).settings, ctx.now)) {
      return next('closed', 'outside business hours');
    }
    const text = ctx.render(node.data.text);
    if (text.trim() !== '') ctx.send({ type: 'text', text });
    const note = ctx.render(node.data.note);
    ctx.effects.push({
      type: 'handoff_started',
      nodeId: node.id,
      ...(node.data.queue === undefined ? {} : { queue: node.data.queue }),
      ...(note === '' ? {} : { note }),
    });
    return { type: 'handoff', detail: node.data.queue === undefined ? 'waiting for an agent' : `queue ${node.data.queue}` };
  },
  receive: (_node, event) => (event.type === 'handoff_resolved' ? next('resolved', 'resolved by an agent') : { type: 'handoff' }),
  // Until an agent writes to the customer; the core records that (`agent_replied`) in session.handoff.
  timers: (node, session) => (node.data.unansweredSeconds === undefined || session.handoff?.answeredAt !== undefined
    ? []
    : [{ output: 'unanswered', afterMs: Math.round(node.data.unansweredSeconds * 1000) }]),
} satisfies NodeBehaviour<'handoff'>;
