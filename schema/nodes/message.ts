import { Type } from '@sinclair/typebox';
import { defineNodeKind, nodeSchema, Template } from '../common.ts';
import { checkHttpUrl, checkMaxLength } from '../validate/field-checks.ts';
import { WHATSAPP_LIMITS } from '../whatsapp-limits.ts';

export const MediaKind = Type.Union([
  Type.Literal('image'), Type.Literal('video'), Type.Literal('audio'), Type.Literal('document'),
]);

export const message = defineNodeKind({
  schema: nodeSchema('message', Type.Object({
    text: Template,
    media: Type.Optional(Type.Object({
      kind: MediaKind,
      url: Type.String({ minLength: 1 }),
      caption: Type.Optional(Template),
      filename: Type.Optional(Type.String()),
    }, { additionalProperties: false })),
  }, { additionalProperties: false })),
  outputs: () => ['next'],
  waits: () => false,
  check(data, context) {
    checkMaxLength(context, data.text, '/text', WHATSAPP_LIMITS.textBody, 'text_too_long');
    // The runtime skips blank text; without media too the node would send nothing at all.
    if (!data.media && data.text.trim() === '') context.report('message_empty', '/text');
    if (!data.media) return;
    checkHttpUrl(context, data.media.url, '/media/url');
    checkMaxLength(context, data.media.caption, '/media/caption', WHATSAPP_LIMITS.caption, 'caption_too_long');
  },
});
