import type { NodeOf } from '../../schema/index.ts';
import type { TurnContext } from '../core/turn-context.ts';
import type { NodeBehaviour } from './behaviour.ts';
import { next, timeoutTimers, wait } from './behaviour.ts';
import { matchMenuOption } from './menu-match.ts';
import { optionalText } from './optional-text.ts';
import { retryOrInvalid } from './retry.ts';

/** Up to this many options go out as reply buttons; more as a list (docs/whatsapp.md). */
const MAX_REPLY_BUTTONS = 3;

/** Shows the options and waits; a matching answer leaves through that option's output. */
export const menu = {
  enter(node, ctx) {
    sendMenu(node, ctx);
    return wait();
  },
  receive(node, event, ctx) {
    const match = matchMenuOption(node.data.options, event);
    if (match !== undefined) return next(match.id, `chosen by ${match.by}`);
    return retryOrInvalid(ctx, {
      maxRetries: node.data.maxRetries,
      invalidText: ctx.render(node.data.invalidText) || ctx.texts.menuInvalid,
      reprompt: () => sendMenu(node, ctx),
      detail: `no option matches a ${event.type} answer`,
    });
  },
  timers: (node) => timeoutTimers(node.data),
} satisfies NodeBehaviour<'menu'>;

function sendMenu(node: NodeOf<'menu'>, ctx: TurnContext): void {
  const { data } = node;
  const frame = {
    body: ctx.render(data.text),
    ...optionalText('header', ctx.render(data.header)),
    ...optionalText('footer', ctx.render(data.footer)),
  };
  if (data.options.length <= MAX_REPLY_BUTTONS) {
    ctx.send({ type: 'buttons', ...frame, ...(data.headerMedia ? { headerMedia: data.headerMedia } : {}), buttons: data.options.map(({ id, title }) => ({ id, title })) });
    return;
  }
  // A list's header can only be text: its media goes first, as a message of its own.
  if (data.headerMedia) ctx.send({ type: 'media', media: { kind: data.headerMedia.kind, url: data.headerMedia.url } });
  ctx.send({
    type: 'list',
    ...frame,
    button: data.listButton || ctx.texts.listButton,
    rows: data.options.map(({ id, title, description }) => (description ? { id, title, description } : { id, title })),
  });
}
