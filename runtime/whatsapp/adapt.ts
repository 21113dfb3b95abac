import type { OutboundMessage } from '../core/types.ts';
import { charCount } from './checks.ts';
import { OUTBOUND_LIMITS as LIMITS } from './limits.ts';

/**
 * What was changed so a rendered message fits WhatsApp (docs/whatsapp.md §2, "nothing silently dropped"):
 * `split` a text into `parts` messages; `body_as_text` an interactive body's (or caption's) leading part sent
 * as text first; `clipped` a title, header, footer or button label cut with "…". `field` is the Graph API path.
 */
export type Adaptation =
  | { kind: 'split'; field: string; parts: number }
  | { kind: 'body_as_text'; field: string; parts: number }
  | { kind: 'clipped'; field: string; limit: number };

const ELLIPSIS = '…';

/**
 * The messages that carry `message` within WhatsApp's limits, and what was adapted: one place for the
 * simulator and the live path, so a tester sees what a customer gets. Texts over 4,096 characters are
 * split at word boundaries; an interactive body (or a media caption) over its limit sends its leading
 * part as text first and keeps the rest; titles, headers, footers and labels are clipped with "…"
 * (answers are matched by id, so a clipped title still matches). Limits it cannot adapt (an empty text,
 * a bad link) are left for toGraphMessageBody to refuse.
 * @example adaptToLimits({ type: 'text', text: 'palabra '.repeat(600) }).messages.length // 2
 */
export function adaptToLimits(message: OutboundMessage): { messages: OutboundMessage[]; adaptations: Adaptation[] } {
  const adaptations: Adaptation[] = [];
  const clip = (field: string, value: string, limit: number): string => {
    if (charCount(value) <= limit) return value;
    adaptations.push({ kind: 'clipped', field, limit });
    return [...value].slice(0, limit - 1).join('').trimEnd() + ELLIPSIS;
  };
  const clipOptional = (field: string, value: string | undefined, limit: number) => value === undefined ? undefined : clip(field, value, limit);
  /** The body kept within `limit`, after the texts that carry its leading part. */
  const leadingAsText = (field: string, body: string, limit: number): { texts: OutboundMessage[]; rest: string } => {
    if (charCount(body) <= limit) return { texts: [], rest: body };
    const [leading, rest] = cutTail(body, limit);
    const texts = leading === '' ? [] : splitText(leading).map((text): OutboundMessage => ({ type: 'text', text }));
    adaptations.push({ kind: 'body_as_text', field, parts: texts.length });
    return { texts, rest };
  };

  switch (message.type) {
    case 'text': {
      const parts = splitText(message.text);
      if (parts.length > 1) adaptations.push({ kind: 'split', field: 'text.body', parts: parts.length });
      // A quoted reply quotes the customer's message once, on its first part.
      return { messages: parts.map((text, index) => ({ ...message, text, ...(index > 0 ? { quotesCustomer: false } : {}) })), adaptations };
    }
    case 'media': {
      const { caption } = message.media;
      if (caption === undefined || message.media.kind === 'audio') return { messages: [message], adaptations };
      // A caption is shown under the media: what does not fit goes first, as text.
      const { texts, rest } = leadingAsText(`${message.media.kind}.caption`, caption, LIMITS.caption);
      return { messages: [...texts, { ...message, media: { ...message.media, caption: rest } }], adaptations };
    }
    case 'buttons': {
      const { texts, rest } = leadingAsText('interactive.body.text', message.body, LIMITS.interactiveBody);
      const adapted: OutboundMessage = {
        ...message, ...frameClipped(message, clipOptional), body: rest,
        buttons: message.buttons.map((button, index) => ({ ...button, title: clip(`interactive.action.buttons.${index}.reply.title`, button.title, LIMITS.replyButtonTitle) })),
      };
      return { messages: [...texts, adapted], adaptations };
    }
    case 'list': {
      const { texts, rest } = leadingAsText('interactive.body.text', message.body, LIMITS.interactiveBody);
      const field = 'interactive.action.sections.0.rows';
      const adapted: OutboundMessage = {
        ...message, ...frameClipped(message, clipOptional), body: rest,
        button: clip('interactive.action.button', message.button, LIMITS.listButton),
        rows: message.rows.map((row, index) => ({
          ...row,
          title: clip(`${field}.${index}.title`, row.title, LIMITS.listRowTitle),
          ...(row.description === undefined ? {} : { description: clip(`${field}.${index}.description`, row.description, LIMITS.listRowDescription) }),
        })),
      };
      return { messages: [...texts, adapted], adaptations };
    }
    case 'form': {
      const { texts, rest } = leadingAsText('interactive.body.text', message.body, LIMITS.interactiveBody);
      const adapted: OutboundMessage = {
        ...message, ...frameClipped(message, clipOptional), body: rest,
        cta: clip('interactive.action.parameters.flow_cta', message.cta, LIMITS.flowCta),
      };
      return { messages: [...texts, adapted], adaptations };
    }
    case 'link': {
      const { texts, rest } = leadingAsText('interactive.body.text', message.body, LIMITS.interactiveBody);
      const adapted: OutboundMessage = {
        ...message, ...frameClipped(message, clipOptional), body: rest,
        label: clip('interactive.action.parameters.display_text', message.label, LIMITS.linkLabel),
      };
      return { messages: [...texts, adapted], adaptations };
    }
    case 'location_request': {
      const { texts, rest } = leadingAsText('interactive.body.text', message.body, LIMITS.interactiveBody);
      return { messages: [...texts, { ...message, body: rest }], adaptations };
    }
    case 'template':
      // Meta renders the approved template; its parameters are checked by toGraphMessageBody.
    case 'location':
    case 'contacts':
    case 'reaction':
      // Nothing to split or clip: what breaks a limit is refused by toGraphMessageBody.
      return { messages: [message], adaptations };
    default: {
      const unknown: never = message;
      throw new Error(`Unknown outbound message ${JSON.stringify(unknown)}`);
    }
  }
}

function frameClipped(
  message: { header?: string; footer?: string },
  clipOptional: (field: string, value: string | undefined, limit: number) => string | undefined,
): { header?: string; footer?: string } {
  const header = clipOptional('interactive.header.text', message.header, LIMITS.header);
  const footer = clipOptional('interactive.footer.text', message.footer, LIMITS.footer);
  return { ...(header === undefined ? {} : { header }), ...(footer === undefined ? {} : { footer }) };
}

/**
 * `text` in pieces of at most 4,096 characters, each cut after the last whitespace that keeps it within
 * the limit (a piece without any whitespace is cut at the limit).
 */
export function splitText(text: string, limit: number = LIMITS.textBody): string[] {
  const characters = [...text];
  if (characters.length <= limit) return [text];
  const parts: string[] = [];
  let start = 0;
  while (characters.length - start > limit) {
    let end = start + limit;
    const space = lastWhitespace(characters, start, end);
    if (space > start) end = space;
    const part = characters.slice(start, end).join('').trimEnd();
    if (part !== '') parts.push(part);
    start = end;
    while (start < characters.length && /\s/u.test(characters[start]!)) start++;
  }
  const last = characters.slice(start).join('');
  if (last.trim() !== '') parts.push(last);
  return parts;
}

/** Splits `body` into a leading part and a tail of at most `limit` characters, beginning after whitespace. */
function cutTail(body: string, limit: number): [string, string] {
  const characters = [...body];
  let start = characters.length - limit;
  // Start the tail at a word: after the first whitespace in its window, when there is one.
  const firstSpace = characters.slice(start).findIndex((character) => /\s/u.test(character));
  if (firstSpace >= 0 && firstSpace < limit - 1) start += firstSpace + 1;
  return [characters.slice(0, start).join('').trimEnd(), characters.slice(start).join('').trimStart()];
}

function lastWhitespace(characters: string[], start: number, end: number): number {
  // Includes `end`: a whitespace right after a full piece is a boundary too.
  for (let index = Math.min(end, characters.length - 1); index > start; index--) {
    if (/\s/u.test(characters[index]!)) return index;
  }
  return -1;
}
