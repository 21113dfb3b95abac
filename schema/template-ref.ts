import { Type, type Static } from '@sinclair/typebox';
import { Template } from './common.ts';

/** A template's name as Meta stores it: lower-case letters, digits and underscores. */
export const TEMPLATE_NAME_PATTERN = '^[a-z0-9_]{1,512}$';
/** A template language code as Meta names it: `es`, `es_AR`, `pt_BR`, `en_US`. */
export const TEMPLATE_LANGUAGE_PATTERN = '^[a-z]{2,3}(_[A-Z]{2,4})?$';
/** A body placeholder: positional (`1`, `2`…) or named (`first_name`). */
const PLACEHOLDER_PATTERN = '^([1-9][0-9]?|[a-z_][a-z0-9_]{0,63})$';

/**
 * An approved WhatsApp message template to send, its placeholders filled from texts that may use
 * {{variables}}. The only kind of message Meta delivers once the 24-hour window is closed
 * (docs/whatsapp.md §3).
 */
export const TemplateRef = Type.Object({
  name: Type.String({ pattern: TEMPLATE_NAME_PATTERN }),
  language: Type.String({ pattern: TEMPLATE_LANGUAGE_PATTERN }),
  /** The body's placeholders by name (`1`, `2`… or `first_name`), each a text with {{variables}}. */
  bodyParameters: Type.Optional(Type.Record(Type.String({ pattern: PLACEHOLDER_PATTERN }), Template)),
  /** The header's placeholder: its text, or the link of its image, video or document. */
  headerParameter: Type.Optional(Template),
  /** The dynamic suffix of each URL button, by the button's index (`0`…`9`). */
  buttonParameters: Type.Optional(Type.Record(Type.String({ pattern: '^[0-9]$' }), Template)),
}, { additionalProperties: false });
export type TemplateRef = Static<typeof TemplateRef>;
