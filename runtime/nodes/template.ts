import { renderTemplateMessage } from '../core/template-message.ts';
import type { NodeBehaviour } from './behaviour.ts';
import { next, timeoutTimers, wait } from './behaviour.ts';
import { matchMenuOption } from './menu-match.ts';

/**
 * Sends the approved template with its parameters rendered (docs/templates.md §2). Without quick
 * replies it moves on through `next`; with them it waits: a tap arrives as a `button` message whose
 * payload is the button's label (Meta's default), typed text is matched like a menu's, anything else
 * leaves through `invalid` (a template is not re-sent to ask again).
 */
export const template = {
  enter(node, ctx) {
    ctx.send(renderTemplateMessage(node.data, (text) => ctx.render(text)));
    return (node.data.quickReplies?.length ?? 0) > 0 ? wait() : next('next');
  },
  receive(node, event) {
    const match = matchMenuOption(node.data.quickReplies ?? [], event);
    return match === undefined ? next('invalid', `no quick reply matches a ${event.type} answer`) : next(match.id, `chosen by ${match.by}`);
  },
  timers: (node) => timeoutTimers(node.data),
} satisfies NodeBehaviour<'template'>;
