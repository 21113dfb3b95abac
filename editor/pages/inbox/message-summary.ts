import type { Translate } from '../../i18n/index.ts';
import type { InboxText } from './messages.ts';

/**
 * One history message, reduced to what an agent reads: the same summary feeds the one-line
 * preview of the conversation list and the bubble of the conversation view, so each message
 * shape is described once (inbound-summary.ts, outbound-summary.ts).
 */
export interface MessageSummary {
  /** What kind of thing it is when it is not plain text: "Tapped the button", "Photo", "Location". */
  label?: string;
  /** A glyph before the label (plain characters, so it draws without an emoji font). */
  icon?: string;
  /** The words: typed text, the tapped title, a caption, an interactive body. */
  text?: string;
  /** Further lines: form answers, an address, coordinates, shared phone numbers. */
  details?: string[];
  /** A bot message's buttons, list rows or form call to action. */
  options?: string[];
  /** Somewhere to look further (a location on the map). */
  link?: { href: string; text: string };
}

export type InboxTranslate = Translate<InboxText>;

/** Media kinds as WhatsApp names them, with the glyph and the label an agent sees. */
export const MEDIA = {
  image: { icon: '▣', label: 'image' },
  video: { icon: '▶', label: 'video' },
  audio: { icon: '♪', label: 'audio' },
  document: { icon: '▤', label: 'document' },
  sticker: { icon: '☺', label: 'sticker' },
} as const satisfies Record<string, { icon: string; label: keyof InboxText }>;

export type MediaKind = keyof typeof MEDIA;

export function isMediaKind(kind: string): kind is MediaKind {
  return Object.hasOwn(MEDIA, kind);
}

/** A media message: its label (or file name), then its caption as the text. */
export function mediaSummary(kind: MediaKind, media: { caption?: string; filename?: string }, t: InboxTranslate): MessageSummary {
  const label = media.filename ? `${t(MEDIA[kind].label)} · ${media.filename}` : t(MEDIA[kind].label);
  return { icon: MEDIA[kind].icon, label, ...(media.caption ? { text: media.caption } : {}) };
}

/**
 * The summary on one line, for the conversation list, as WhatsApp's own chat list does: the glyph,
 * then the words when there are some ("▣ mi factura", "↩ Sí"), else the label and its details.
 * @example previewLine({ icon: '◎', label: 'Location', details: ['-34.60370, -58.38160'] }) // '◎ Location: -34.60370, -58.38160'
 */
export function previewLine(summary: MessageSummary): string {
  const details = summary.details?.join(' · ') ?? summary.options?.join(' | ') ?? '';
  const words = summary.text ?? [summary.label, details].filter(Boolean).join(': ');
  return [summary.icon, words].filter(Boolean).join(' ');
}
