import type { GraphInteractive, GraphMessage } from '../../api/types.ts';
import { isMediaKind, mediaSummary, type InboxTranslate, type MessageSummary } from './message-summary.ts';

type Describe = (interactive: GraphInteractive, t: InboxTranslate) => MessageSummary;

/** The interactive messages the runtime sends (runtime/whatsapp/outbound.ts): body text plus what the customer can tap. */
const interactiveDescribers: Record<string, Describe> = {
  button: (interactive) => ({ options: (interactive.action.buttons ?? []).map((button) => button.reply.title) }),
  list: (interactive) => ({
    icon: '☰', label: interactive.action.button ?? '',
    options: (interactive.action.sections ?? []).flatMap((section) => section.rows.map((row) => row.title)),
  }),
  flow: (interactive, t) => ({
    icon: '▤', label: t('form'),
    ...(interactive.action.parameters?.flow_cta ? { options: [interactive.action.parameters.flow_cta] } : {}),
  }),
};

/**
 * What the bot or an agent sent (the Graph API body), for the inbox: the text, a media placeholder
 * with its caption, an interactive body with its buttons or rows, a template's name.
 * @example outboundSummary({ type: 'text', text: { body: 'Hola' } }, t) // { text: 'Hola' }
 */
export function outboundSummary(message: GraphMessage, t: InboxTranslate): MessageSummary {
  if (message.type === 'text' && message.text) return { text: message.text.body };
  if (isMediaKind(message.type)) {
    const media = (message as unknown as Record<string, { caption?: string; filename?: string } | undefined>)[message.type];
    if (media) return mediaSummary(message.type, media, t);
  }
  if (message.type === 'interactive' && message.interactive) {
    const interactive = message.interactive;
    const frame = [interactive.header?.text, interactive.body?.text, interactive.footer?.text].filter(Boolean).join('\n');
    const describe = interactiveDescribers[interactive.type];
    const shown = describe ? describe(interactive, t) : { label: t('unknownType', { type: `interactive/${interactive.type}` }) };
    return { ...shown, ...(frame === '' ? {} : { text: frame }) };
  }
  if (message.type === 'template' && message.template) return { icon: '❏', label: t('template', { name: message.template.name }) };
  return { label: t('unknownType', { type: String(message.type) }) };
}
