import { Type } from '@sinclair/typebox';
import { defineNodeKind, nodeSchema, Template } from '../common.ts';
import { checkHttpUrl, checkMaxLength } from '../validate/field-checks.ts';
import { WHATSAPP_LIMITS } from '../whatsapp-limits.ts';
import { FIELD_WORDS, OUTPUT_WORDS } from './shared-labels.ts';

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
  manifest: {
    name: ['Mensaje', 'Mensagem', 'Message'],
    summary: 'Sends a text, or a media file with an optional caption, and moves on.',
    fields: {
      text: FIELD_WORDS.text,
      media: {
        label: ['el archivo multimedia', 'a mídia', 'the media'],
        fields: {
          kind: FIELD_WORDS.type,
          url: ['la URL', 'a URL', 'the URL'],
          caption: ['el pie de foto', 'a legenda', 'the caption'],
          filename: ['el nombre del archivo', 'o nome do arquivo', 'the file name'],
        },
      },
    },
    outputs: { next: OUTPUT_WORDS.next },
  },
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
