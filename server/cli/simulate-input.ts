import { parseDuration } from '../../runtime/core/duration.ts';
import type { OutboundMessage } from '../../runtime/core/types.ts';
import type { WebhookMessage } from '../../runtime/whatsapp/webhook-types.ts';

/** What the bot last offered, so a typed `#button:ID` carries the title WhatsApp would send. */
export interface LastOffer {
  buttons: Array<{ id: string; title: string }>;
  rows: Array<{ id: string; title: string; description?: string }>;
  /** The flow_token of the last form sent: a `#form:` reply without one gets it. */
  flowToken?: string;
}

export type SimulatorInput =
  | { kind: 'message'; message: WebhookMessage }
  /** `#resolve`: an agent hands the conversation back to the bot. */
  | { kind: 'resolve' }
  /** `#wait:DURATION`: the clock moves on that much with no message; timers falling due fire. */
  | { kind: 'wait'; ms: number }
  | { kind: 'skip' }
  | { kind: 'error'; error: string };

/** Remembers what a bot message offered the user. */
export function rememberOffer(offer: LastOffer, message: OutboundMessage): void {
  if (message.type === 'buttons') offer.buttons = message.buttons;
  if (message.type === 'list') offer.rows = message.rows;
  if (message.type === 'form') offer.flowToken = message.flowToken;
}

/**
 * One stdin line as the webhook `messages[]` item WhatsApp would deliver: plain
 * text, `#button:ID`, `#list:ID`, `#form:{json}`, `#image[:caption]`,
 * `#location:LAT,LON`, `#resolve`, or `#wait:DURATION` (`90s`, `30m`, `2h`, `1d`). Any other line,
 * `#` or not, is text.
 * @example simulatorInput('#location:-34.6,-58.4', offer, { from: '549…', id: 'wamid.sim.1', timestamp: '1764000000' })
 */
export function simulatorInput(line: string, offer: LastOffer, base: Pick<WebhookMessage, 'from' | 'id' | 'timestamp'>): SimulatorInput {
  const text = line.trim();
  if (text === '') return { kind: 'skip' };
  if (text === '#resolve') return { kind: 'resolve' };
  if (text.startsWith('#wait:')) {
    const ms = parseDuration(text.slice('#wait:'.length));
    return ms === undefined ? { kind: 'error', error: `#wait needs a duration like 90s, 30m, 2h or 1d, got "${text.slice(6)}"` } : { kind: 'wait', ms };
  }
  const [command, argument = ''] = splitCommand(text);
  switch (command) {
    case '#button': {
      const title = offer.buttons.find((button) => button.id === argument)?.title ?? argument;
      return message({ ...base, type: 'interactive', interactive: { type: 'button_reply', button_reply: { id: argument, title } } });
    }
    case '#list': {
      const row = offer.rows.find((candidate) => candidate.id === argument);
      const reply = { id: argument, title: row?.title ?? argument, ...(row?.description === undefined ? {} : { description: row.description }) };
      return message({ ...base, type: 'interactive', interactive: { type: 'list_reply', list_reply: reply } });
    }
    case '#form':
      return formReply(argument, offer, base);
    case '#image':
      return message({
        ...base, type: 'image',
        image: { id: `sim-media-${base.id}`, mime_type: 'image/jpeg', ...(argument === '' ? {} : { caption: argument }) },
      });
    case '#location': {
      const [latitude, longitude] = argument.split(',').map((part) => Number(part.trim()));
      if (!Number.isFinite(latitude) || !Number.isFinite(longitude) || argument.split(',').length !== 2) {
        return { kind: 'error', error: `#location needs LAT,LON (numbers), got "${argument}"` };
      }
      return message({ ...base, type: 'location', location: { latitude: latitude!, longitude: longitude! } });
    }
    default:
      return message({ ...base, type: 'text', text: { body: text } });
  }
}

function splitCommand(text: string): [string, string?] {
  const match = /^(#button|#list|#form|#image|#location)(?::(.*))?$/s.exec(text);
  return match ? [match[1]!, match[2]?.trim()] : [''];
}

function message(item: WebhookMessage): SimulatorInput {
  return { kind: 'message', message: item };
}

function formReply(json: string, offer: LastOffer, base: Pick<WebhookMessage, 'from' | 'id' | 'timestamp'>): SimulatorInput {
  let response: unknown;
  try {
    response = JSON.parse(json === '' ? '{}' : json);
  } catch (error) {
    return { kind: 'error', error: `#form needs a JSON object: ${(error as Error).message}` };
  }
  if (typeof response !== 'object' || response === null || Array.isArray(response)) {
    return { kind: 'error', error: '#form needs a JSON object, like #form:{"nombre":"Ana"}' };
  }
  const fields = response as Record<string, unknown>;
  const withToken = 'flow_token' in fields || offer.flowToken === undefined ? fields : { flow_token: offer.flowToken, ...fields };
  return message({
    ...base, type: 'interactive',
    interactive: { type: 'nfm_reply', nfm_reply: { name: 'flow', body: 'Sent', response_json: JSON.stringify(withToken) } },
  });
}
