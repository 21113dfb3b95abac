import { Type } from '@sinclair/typebox';
import { defineNodeKind, nodeSchema, NonEmptyTemplate, Template, VariableName } from '../common.ts';

/**
 * A WhatsApp Flows document (whatsapp.md §4). The schema only fixes its outline;
 * schema/validate checks the components, limits and routing rules.
 */
export const FlowJsonScreen = Type.Object({
  id: Type.String({ minLength: 1 }),
  title: Type.Optional(Type.String()),
  terminal: Type.Optional(Type.Boolean()),
  success: Type.Optional(Type.Boolean()),
  data: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  layout: Type.Object({
    type: Type.String(),
    children: Type.Array(Type.Record(Type.String(), Type.Unknown())),
  }),
});

export const FlowJson = Type.Object({
  version: Type.String(),
  screens: Type.Array(FlowJsonScreen, { minItems: 1 }),
  routing_model: Type.Optional(Type.Record(Type.String(), Type.Array(Type.String()))),
  data_api_version: Type.Optional(Type.String()),
});

export const form = defineNodeKind({
  schema: nodeSchema('form', Type.Object({
    text: NonEmptyTemplate,
    cta: Type.String({ minLength: 1 }),
    flowJson: FlowJson,
    flowId: Type.Optional(Type.String({ minLength: 1 })),
    screen: Type.Optional(Type.String({ minLength: 1 })),
    header: Type.Optional(Template),
    footer: Type.Optional(Template),
    outputs: Type.Array(Type.Object({
      field: Type.String({ minLength: 1 }),
      variable: VariableName,
    }, { additionalProperties: false })),
  }, { additionalProperties: false })),
  outputs: () => ['submitted', 'invalid'],
  waits: () => true,
});
