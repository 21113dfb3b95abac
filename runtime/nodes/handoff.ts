import type { NodeBehaviour } from './behaviour.ts';
import { next } from './behaviour.ts';

/**
 * Tells the user (optional `text`), asks the edge to open a handoff (effect) and waits
 * for an agent: the user's messages meanwhile get no bot reply; `handoff_resolved`
 * continues through `resolved`.
 */
export const handoff = {
  enter(node, ctx) {
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
} satisfies NodeBehaviour<'handoff'>;
