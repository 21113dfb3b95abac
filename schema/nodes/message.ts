import { Type } from '@sinclair/typebox';
import { defineNodeKind, nodeSchema, Template } from '../common.ts';

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
});
