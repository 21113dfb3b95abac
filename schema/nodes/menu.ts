import { Type } from '@sinclair/typebox';
import { defineNodeKind, Id, MaxRetries, NonEmptyTemplate, nodeSchema, Template } from '../common.ts';

export const MenuOption = Type.Object({
  id: Id,
  title: Type.String({ minLength: 1 }),
  description: Type.Optional(Type.String()),
}, { additionalProperties: false });

export const menu = defineNodeKind({
  schema: nodeSchema('menu', Type.Object({
    text: NonEmptyTemplate,
    options: Type.Array(MenuOption, { minItems: 1, maxItems: 10 }),
    header: Type.Optional(Template),
    footer: Type.Optional(Template),
    listButton: Type.Optional(Type.String()),
    invalidText: Type.Optional(Template),
    maxRetries: Type.Optional(MaxRetries),
  }, { additionalProperties: false })),
  outputs: (data) => [...data.options.map((option) => option.id), 'invalid'],
  waits: () => true,
});
