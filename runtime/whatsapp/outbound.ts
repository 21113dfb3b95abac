import type { HeaderMedia, OutboundMessage } from '../core/types.ts';
import { checkCount, checkHttpUrl, checkOptionalText, checkText, checkUnique } from './checks.ts';
import { OutboundLimitError } from './errors.ts';
import { OUTBOUND_LIMITS as LIMITS } from './limits.ts';

/** Addressed by phone (`to: "+<wa_id>"`) or, when the user's number is withheld, by business-scoped user id (`recipient`). */
type Envelope = { messaging_product: 'whatsapp'; recipient_type: 'individual'; context?: { message_id: string } } & ({ to: string } | { recipient: string });

type MediaBody = { link: string; caption?: string; filename?: string };

type InteractiveHeader =
  | { type: 'text'; text: string }
  | { type: 'image'; image: { link: string } }
  | { type: 'video'; video: { link: string } }
  | { type: 'document'; document: { link: string } };

interface InteractiveFrame {
  header?: InteractiveHeader;
  body: { text: string };
  footer?: { text: string };
}

type Interactive = InteractiveFrame & (
  | { type: 'button'; action: { buttons: Array<{ type: 'reply'; reply: { id: string; title: string } }> } }
  | { type: 'list'; action: { button: string; sections: Array<{ title?: string; rows: Array<{ id: string; title: string; description?: string }> }> } }
  | { type: 'flow'; action: { name: 'flow'; parameters: FlowParameters } }
  | { type: 'cta_url'; action: { name: 'cta_url'; parameters: { display_text: string; url: string } } }
  | { type: 'location_request_message'; action: { name: 'send_location' } }
);

/** A contact card as Meta takes it: a formatted name (and a first name), phones and emails. */
interface ContactCard {
  name: { formatted_name: string; first_name: string };
  phones?: Array<{ phone: string; wa_id?: string }>;
  emails?: Array<{ email: string }>;
}

interface FlowParameters {
  flow_message_version: '3';
  flow_id: string;
  flow_token: string;
  flow_cta: string;
  flow_action: 'navigate';
  flow_action_payload: { screen: string };
}

type TemplateParameter =
  | { type: 'text'; text: string; parameter_name?: string }
  | { type: 'image'; image: { link: string } }
  | { type: 'video'; video: { link: string } }
  | { type: 'document'; document: { link: string } };

type TemplateComponent =
  | { type: 'header' | 'body'; parameters: TemplateParameter[] }
  | { type: 'button'; sub_type: 'url'; index: string; parameters: TemplateParameter[] };

interface TemplateBody {
  name: string;
  /** `deterministic`: the only policy, required by the API: the template in exactly this language. */
  language: { policy: 'deterministic'; code: string };
  components?: TemplateComponent[];
}

/** A request body for `POST /{phone_number_id}/messages`. */
export type GraphMessageBody = Envelope & (
  | { type: 'text'; text: { body: string; preview_url: boolean } }
  | { type: 'image'; image: MediaBody }
  | { type: 'video'; video: MediaBody }
  | { type: 'audio'; audio: MediaBody }
  | { type: 'document'; document: MediaBody }
  | { type: 'interactive'; interactive: Interactive }
  | { type: 'template'; template: TemplateBody }
  /** Coordinates as strings, as Meta's schema (the oracle) declares them. */
  | { type: 'location'; location: { latitude: string; longitude: string; name?: string; address?: string } }
  | { type: 'contacts'; contacts: ContactCard[] }
  | { type: 'reaction'; reaction: { message_id: string; emoji: string } }
);

export interface ConvertOptions {
  /**
   * The simulator and the CLI talk to no Meta: a form without a Meta Flow id is named by its local
   * name (`<flow id>-<node id>`). Live, such a form is refused (`not_registered`): Meta only opens
   * published Flows, by id (docs/whatsapp.md §4).
   */
  localFormIds?: boolean;
  /**
   * The wamid of the customer's message the turn answers: a message that `quotesCustomer` carries it as its
   * reply context (`context.message_id`), a reaction reacts to it. Without it (a timer's turn) a quoting
   * text goes without context and a reaction is refused (`no_customer_message`).
   */
  customerMessageId?: string;
}

/**
 * The Graph API body that sends `message` to the user at `address` (a phone number's digits or a BSUID). Checks every
 * WhatsApp limit first and throws an OutboundLimitError (never truncates).
 * @example toGraphMessageBody({ type: 'text', text: 'Hola' }, '5491155550123')
 * // { messaging_product: 'whatsapp', recipient_type: 'individual', to: '+5491155550123', type: 'text', text: { body: 'Hola', preview_url: false } }
 */
export function toGraphMessageBody(message: OutboundMessage, address: string, options: ConvertOptions = {}): GraphMessageBody {
  const envelope = envelopeFor(address);
  switch (message.type) {
    case 'text': {
      const context = message.quotesCustomer && options.customerMessageId !== undefined ? { context: { message_id: options.customerMessageId } } : {};
      return { ...envelope, ...context, type: 'text', text: textBody(message.text) };
    }
    case 'media':
      return { ...envelope, ...mediaBody(message.media) } as GraphMessageBody;
    case 'buttons':
      return { ...envelope, type: 'interactive', interactive: buttonsInteractive(message) };
    case 'list':
      return { ...envelope, type: 'interactive', interactive: listInteractive(message) };
    case 'form':
      return { ...envelope, type: 'interactive', interactive: formInteractive(message, options) };
    case 'template':
      return { ...envelope, type: 'template', template: templateBody(message) };
    case 'link':
      return { ...envelope, type: 'interactive', interactive: linkInteractive(message) };
    case 'location_request':
      return {
        ...envelope, type: 'interactive',
        interactive: { type: 'location_request_message', body: { text: checkText('interactive.body.text', message.body, LIMITS.interactiveBody) }, action: { name: 'send_location' } },
      };
    case 'location':
      return { ...envelope, type: 'location', location: locationBody(message) };
    case 'contacts':
      return { ...envelope, type: 'contacts', contacts: contactCards(message.contacts) };
    case 'reaction': {
      if (options.customerMessageId === undefined) throw new OutboundLimitError('no_customer_message', 'reaction.message_id');
      return { ...envelope, type: 'reaction', reaction: { message_id: options.customerMessageId, emoji: checkText('reaction.emoji', message.emoji, LIMITS.reactionEmoji) } };
    }
    default: {
      const unknown: never = message;
      throw new Error(`Unknown outbound message ${JSON.stringify(unknown)}`);
    }
  }
}

/** A plain text typed by a human agent in the inbox; `replyTo`: the customer's wamid it answers, shown quoted. */
export function agentTextBody(text: string, address: string, replyTo?: string): GraphMessageBody {
  return toGraphMessageBody({ type: 'text', text, quotesCustomer: replyTo !== undefined }, address, replyTo === undefined ? {} : { customerMessageId: replyTo });
}

/** Marks an inbound message as read (the blue ticks). */
export function markReadBody(wamid: string): { messaging_product: 'whatsapp'; status: 'read'; message_id: string } {
  return { messaging_product: 'whatsapp', status: 'read', message_id: checkText('message_id', wamid, Number.POSITIVE_INFINITY) };
}

/**
 * Marks an inbound message as read and shows "typing…" to the customer (Meta's typing indicators):
 * WhatsApp dismisses it at the next message or after 25 s. Sent for a `delay` node's pause, with
 * the wamid of the customer's last message.
 */
export function typingIndicatorBody(wamid: string): ReturnType<typeof markReadBody> & { typing_indicator: { type: 'text' } } {
  return { ...markReadBody(wamid), typing_indicator: { type: 'text' } };
}

/**
 * A business-scoped user id: a country code, a period, optionally `ENT.` (a parent BSUID of a managed
 * business), then up to 128 letters and digits (Meta: "business-scoped user IDs").
 */
const BSUID = /^[A-Z]{2}\.(?:ENT\.)?[A-Za-z0-9]{1,128}$/;

/**
 * The recipient field of a body sent to `address` (contactAddress(): a phone number as digits, or a
 * BSUID), as JSON without braces; throws OutboundLimitError `bad_recipient` for anything else.
 * Meta: `to` for a phone number, `recipient` for a BSUID (`to` would win if both were set).
 * @example recipientField('US.13491208655302741918') // '"recipient":"US.13491208655302741918"'
 */
export function recipientField(address: string): string {
  return JSON.stringify(recipientOf(address)).slice(1, -1);
}

function recipientOf(address: string): { to: string } | { recipient: string } {
  if (/^\d{1,20}$/.test(address)) return { to: `+${address}` };
  if (BSUID.test(address)) return { recipient: address };
  throw new OutboundLimitError('bad_recipient', 'to', undefined, address);
}

function envelopeFor(address: string): Envelope {
  return { messaging_product: 'whatsapp', recipient_type: 'individual', ...recipientOf(address) };
}

function textBody(text: string): { body: string; preview_url: boolean } {
  // WhatsApp only renders a link preview when asked to.
  return { body: checkText('text.body', text, LIMITS.textBody), preview_url: /\bhttps?:\/\/|\bwww\./i.test(text) };
}

function mediaBody(media: Extract<OutboundMessage, { type: 'media' }>['media']) {
  const kind = media.kind;
  const body: MediaBody = { link: checkHttpUrl(`${kind}.link`, media.url) };
  const caption = checkOptionalText(`${kind}.caption`, media.caption, LIMITS.caption);
  // WhatsApp shows no caption on audio and a file name only on documents.
  if (caption !== undefined && kind === 'audio') throw new OutboundLimitError('not_allowed', 'audio.caption');
  if (caption !== undefined) body.caption = caption;
  if (media.filename !== undefined && media.filename !== '') {
    if (kind !== 'document') throw new OutboundLimitError('not_allowed', `${kind}.filename`);
    body.filename = media.filename;
  }
  return { type: kind, [kind]: body };
}

function frame(message: { body: string; header?: string; headerMedia?: HeaderMedia; footer?: string }): InteractiveFrame {
  const header = message.headerMedia === undefined
    ? textHeader(checkOptionalText('interactive.header.text', message.header, LIMITS.header))
    : mediaHeader(message.headerMedia);
  const footer = checkOptionalText('interactive.footer.text', message.footer, LIMITS.footer);
  return {
    ...(header === undefined ? {} : { header }),
    body: { text: checkText('interactive.body.text', message.body, LIMITS.interactiveBody) },
    ...(footer === undefined ? {} : { footer: { text: footer } }),
  };
}

function textHeader(text: string | undefined): InteractiveHeader | undefined {
  return text === undefined ? undefined : { type: 'text', text };
}

/** An image, video or document header, by link (WhatsApp shows no text header with it). */
function mediaHeader(media: HeaderMedia): InteractiveHeader {
  const link = checkHttpUrl(`interactive.header.${media.kind}.link`, media.url);
  switch (media.kind) {
    case 'image': return { type: 'image', image: { link } };
    case 'video': return { type: 'video', video: { link } };
    case 'document': return { type: 'document', document: { link } };
    default: {
      const unknown: never = media.kind;
      throw new Error(`Unknown header media ${String(unknown)}`);
    }
  }
}

function linkInteractive(message: Extract<OutboundMessage, { type: 'link' }>): Interactive {
  const parameters = {
    display_text: checkText('interactive.action.parameters.display_text', message.label, LIMITS.linkLabel),
    url: checkHttpUrl('interactive.action.parameters.url', message.url),
  };
  return { type: 'cta_url', ...frame(message), action: { name: 'cta_url', parameters } };
}

function locationBody(message: Extract<OutboundMessage, { type: 'location' }>) {
  const { latitude, longitude } = message;
  if (!(Math.abs(latitude) <= 90)) throw new OutboundLimitError('out_of_range', 'location.latitude', undefined, String(latitude));
  if (!(Math.abs(longitude) <= 180)) throw new OutboundLimitError('out_of_range', 'location.longitude', undefined, String(longitude));
  const name = checkOptionalText('location.name', message.name, LIMITS.locationText);
  const address = checkOptionalText('location.address', message.address, LIMITS.locationText);
  return {
    latitude: String(latitude), longitude: String(longitude),
    ...(name === undefined ? {} : { name }), ...(address === undefined ? {} : { address }),
  };
}

function contactCards(contacts: Extract<OutboundMessage, { type: 'contacts' }>['contacts']): ContactCard[] {
  checkCount('contacts', contacts.length, 1, LIMITS.sharedContacts);
  return contacts.map((contact, index) => {
    const formatted = checkText(`contacts.${index}.name.formatted_name`, contact.name, LIMITS.contactName);
    const phone = contact.phone?.trim();
    const email = contact.email?.trim();
    const digits = phone?.replace(/[^\d]/g, '');
    return {
      // Meta asks for the formatted name and at least one other part of it.
      name: { formatted_name: formatted, first_name: formatted.split(/\s+/)[0]! },
      ...(phone ? { phones: [{ phone, ...(digits && /^\+/.test(phone) ? { wa_id: digits } : {}) }] } : {}),
      ...(email ? { emails: [{ email }] } : {}),
    };
  });
}

function buttonsInteractive(message: Extract<OutboundMessage, { type: 'buttons' }>): Interactive {
  const field = 'interactive.action.buttons';
  checkCount(field, message.buttons.length, 1, LIMITS.replyButtons);
  checkUnique(`${field}[].reply.id`, message.buttons.map((button) => button.id));
  checkUnique(`${field}[].reply.title`, message.buttons.map((button) => button.title));
  const buttons = message.buttons.map((button, index) => ({
    type: 'reply' as const,
    reply: {
      id: checkText(`${field}.${index}.reply.id`, button.id, LIMITS.replyButtonId),
      title: checkText(`${field}.${index}.reply.title`, button.title, LIMITS.replyButtonTitle),
    },
  }));
  return { type: 'button', ...frame(message), action: { buttons } };
}

function listInteractive(message: Extract<OutboundMessage, { type: 'list' }>): Interactive {
  const field = 'interactive.action.sections.0.rows';
  checkCount(field, message.rows.length, 1, LIMITS.listRows);
  checkUnique(`${field}[].id`, message.rows.map((row) => row.id));
  checkUnique(`${field}[].title`, message.rows.map((row) => row.title));
  const rows = message.rows.map((row, index) => {
    const description = checkOptionalText(`${field}.${index}.description`, row.description, LIMITS.listRowDescription);
    return {
      id: checkText(`${field}.${index}.id`, row.id, LIMITS.listRowId),
      title: checkText(`${field}.${index}.title`, row.title, LIMITS.listRowTitle),
      ...(description === undefined ? {} : { description }),
    };
  });
  // One section: WhatsApp only requires its title when there are several.
  const button = checkText('interactive.action.button', message.button, LIMITS.listButton);
  return { type: 'list', ...frame(message), action: { button, sections: [{ rows }] } };
}

function formInteractive(message: Extract<OutboundMessage, { type: 'form' }>, options: ConvertOptions): Interactive {
  const cta = checkText('interactive.action.parameters.flow_cta', message.cta, LIMITS.flowCta);
  if (/\p{Extended_Pictographic}/u.test(cta)) throw new OutboundLimitError('emoji', 'interactive.action.parameters.flow_cta');
  const flowId = message.flowId ?? (options.localFormIds ? message.flowName : undefined);
  if (flowId === undefined) throw new OutboundLimitError('not_registered', 'interactive.action.parameters.flow_id', undefined, message.nodeId);
  const parameters: FlowParameters = {
    flow_message_version: '3',
    flow_id: checkText('interactive.action.parameters.flow_id', flowId, Number.POSITIVE_INFINITY),
    flow_token: checkText('interactive.action.parameters.flow_token', message.flowToken, Number.POSITIVE_INFINITY),
    flow_cta: cta,
    flow_action: 'navigate',
    flow_action_payload: { screen: checkText('interactive.action.parameters.flow_action_payload.screen', message.screen, Number.POSITIVE_INFINITY) },
  };
  return { type: 'flow', ...frame(message), action: { name: 'flow', parameters } };
}

const HEADER_MEDIA_BY_EXTENSION: Array<[RegExp, 'image' | 'video']> = [[/\.(jpe?g|png|webp)$/i, 'image'], [/\.(mp4|3gpp?)$/i, 'video']];

/**
 * Components for the placeholders the message fills: a header link becomes an image, video or
 * document by its file extension; numbered body placeholders are positional, others named.
 */
function templateBody(message: Extract<OutboundMessage, { type: 'template' }>): TemplateBody {
  const components: TemplateComponent[] = [];
  if (message.headerParameter !== undefined) {
    components.push({ type: 'header', parameters: [headerParameter(message.headerParameter)] });
  }
  const body = Object.entries(message.bodyParameters ?? {});
  if (body.length > 0) {
    const positional = body.every(([key]) => /^\d+$/.test(key));
    const ordered = positional ? body.sort(([a], [b]) => Number(a) - Number(b)) : body;
    components.push({
      type: 'body',
      parameters: ordered.map(([key, text]) => ({
        type: 'text' as const, text: checkText(`template.body.${key}`, text, LIMITS.templateParameter),
        ...(positional ? {} : { parameter_name: key }),
      })),
    });
  }
  for (const [index, text] of Object.entries(message.buttonParameters ?? {})) {
    components.push({ type: 'button', sub_type: 'url', index, parameters: [{ type: 'text', text: checkText(`template.button.${index}`, text, LIMITS.templateParameter) }] });
  }
  return { name: message.name, language: { policy: 'deterministic', code: message.language }, ...(components.length > 0 ? { components } : {}) };
}

function headerParameter(value: string): TemplateParameter {
  if (!/^https?:\/\//i.test(value)) return { type: 'text', text: checkText('template.header', value, LIMITS.templateHeaderParameter) };
  const link = checkHttpUrl('template.header.link', value);
  const path = new URL(link).pathname;
  const kind = HEADER_MEDIA_BY_EXTENSION.find(([pattern]) => pattern.test(path))?.[1] ?? 'document';
  return kind === 'image' ? { type: 'image', image: { link } } : kind === 'video' ? { type: 'video', video: { link } } : { type: 'document', document: { link } };
}
