import type { NodeOf } from '../../schema/index.ts';
import type { TurnContext } from '../core/turn-context.ts';
import type { NodeBehaviour } from './behaviour.ts';
import { next, timeoutTimers, wait } from './behaviour.ts';
import { optionalText } from './optional-text.ts';
import { retryOrInvalid } from './retry.ts';

/**
 * Sends a WhatsApp Flows form with a fresh, unguessable flow_token (kept in the
 * session) and waits; the completed form with that token stores each output field.
 */
export const form = {
  enter(node, ctx) {
    ctx.session.flowToken = ctx.ports.newToken();
    sendForm(node, ctx);
    return wait();
  },
  receive(node, event, ctx) {
    const expected = ctx.session.flowToken;
    if (event.type === 'form_reply' && expected !== undefined && event.flowToken === expected) {
      const stored: string[] = [];
      for (const { field, variable } of node.data.outputs) {
        if (!Object.hasOwn(event.response, field)) continue;
        ctx.session.variables[variable] = event.response[field];
        stored.push(variable);
      }
      delete ctx.session.flowToken;
      return next('submitted', stored.length === 0 ? 'no output field in the reply' : `stored ${stored.join(', ')}`);
    }
    const detail = event.type === 'form_reply' ? 'the form reply carries another flow_token' : `a ${event.type} is not the form reply`;
    // A re-prompt re-sends the form with the same token, so the first one still works.
    return retryOrInvalid(ctx, {
      maxRetries: undefined,
      invalidText: ctx.texts.formInvalid,
      reprompt: () => sendForm(node, ctx),
      detail,
    });
  },
  timers: (node) => timeoutTimers(node.data),
} satisfies NodeBehaviour<'form'>;

function sendForm(node: NodeOf<'form'>, ctx: TurnContext): void {
  const { data } = node;
  ctx.send({
    type: 'form',
    body: ctx.render(data.text),
    ...optionalText('header', ctx.render(data.header)),
    ...optionalText('footer', ctx.render(data.footer)),
    cta: data.cta,
    flowToken: ctx.session.flowToken ?? '',
    ...(data.flowId === undefined ? {} : { flowId: data.flowId }),
    flowName: `${ctx.flow.id}-${node.id}`,
    screen: data.screen ?? data.flowJson.screens[0]?.id ?? '',
    nodeId: node.id,
  });
}
