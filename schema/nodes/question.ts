import { Type } from '@sinclair/typebox';
import { defineNodeKind, MaxRetries, NonEmptyTemplate, nodeSchema, Template, VariableName } from '../common.ts';

export const QuestionInput = Type.Union([
  Type.Literal('text'), Type.Literal('number'), Type.Literal('email'),
  Type.Literal('phone'), Type.Literal('date'), Type.Literal('regex'),
]);

export const question = defineNodeKind({
  schema: nodeSchema('question', Type.Object({
    text: NonEmptyTemplate,
    variable: VariableName,
    input: QuestionInput,
    pattern: Type.Optional(Type.String()),
    min: Type.Optional(Type.Number()),
    max: Type.Optional(Type.Number()),
    invalidText: Type.Optional(Template),
    maxRetries: Type.Optional(MaxRetries),
  }, { additionalProperties: false })),
  outputs: () => ['next', 'invalid'],
  waits: () => true,
});
