import { Type } from '@sinclair/typebox';
import { defineNodeKind, nodeSchema, NonEmptyTemplate, Template, TimeoutSeconds, VariableName, withTimeout } from '../common.ts';
import { checkFlowJson } from '../flow-json/check-flow-json.ts';
import { checkMaxLength } from '../validate/field-checks.ts';
import { WHATSAPP_LIMITS } from '../whatsapp-limits.ts';

/**
 * A WhatsApp Flows document (docs/whatsapp.md §4). The schema only fixes its outline;
 * schema/flow-json checks the components, limits and routing rules.
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
    timeoutSeconds: Type.Optional(TimeoutSeconds),
  }, { additionalProperties: false })),
  outputs: (data) => withTimeout(['submitted', 'invalid'], data),
  waits: () => true,
  sets: (data) => data.outputs.map((output) => output.variable),
  literalFields: ['flowJson'],
  check(data, context) {
    checkMaxLength(context, data.text, '/text', WHATSAPP_LIMITS.interactiveBody, 'interactive_body_too_long');
    checkMaxLength(context, data.header, '/header', WHATSAPP_LIMITS.header, 'header_too_long');
    checkMaxLength(context, data.footer, '/footer', WHATSAPP_LIMITS.footer, 'footer_too_long');
    checkMaxLength(context, data.cta, '/cta', WHATSAPP_LIMITS.flowCta, 'form_cta_too_long');
    if (/\p{Extended_Pictographic}/u.test(data.cta)) context.report('form_cta_emoji', '/cta');
    const facts = checkFlowJson(data.flowJson, context);
    if (data.screen !== undefined && !facts.screens.has(data.screen)) {
      context.report('form_screen_missing', '/screen', { screen: data.screen });
    }
    const fields = [...facts.returnedFields].join(', ');
    data.outputs.forEach((output, index) => {
      // A dotted field (`direccion.calle`) reads into an object the form returns under its first name.
      const root = output.field.split('.')[0]!;
      if (!facts.returnedFields.has(root)) context.report('form_output_unknown_field', `/outputs/${index}/field`, { field: output.field, fields });
    });
  },
});
