import type { NodeBehaviour } from './behaviour.ts';

/** Says its optional goodbye and ends the conversation. */
export const end = {
  enter(node, ctx) {
    const text = ctx.render(node.data.text);
    if (text.trim() !== '') ctx.send({ type: 'text', text });
    return { type: 'end' };
  },
} satisfies NodeBehaviour<'end'>;
