import { Type } from '@sinclair/typebox';
import { defineNodeKind, nodeSchema, NonEmptyTemplate, Template, TimeoutSeconds, VariableName, withTimeout } from '../common.ts';
import { checkFlowJson } from '../flow-json/check-flow-json.ts';
import { checkMaxLength } from '../validate/field-checks.ts';
import { WHATSAPP_LIMITS } from '../whatsapp-limits.ts';
import { FIELD_WORDS, OUTPUT_WORDS } from './shared-labels.ts';

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
    /** The form's data endpoint (https), which `data_exchange` actions call; Meta stores it with the Flow. */
    endpointUri: Type.Optional(Type.String({ pattern: '^https://\\S+$', maxLength: 2048 })),
    screen: Type.Optional(Type.String({ minLength: 1 })),
    header: Type.Optional(Template),
    footer: Type.Optional(Template),
    outputs: Type.Array(Type.Object({
      field: Type.String({ minLength: 1 }),
      variable: VariableName,
    }, { additionalProperties: false })),
    timeoutSeconds: Type.Optional(TimeoutSeconds),
  }, { additionalProperties: false })),
  manifest: {
    name: ['Formulario', 'Formulário', 'Form'],
    summary: 'Sends a WhatsApp Flows form and waits for it to come back completed; stores the answers.',
    fields: {
      text: FIELD_WORDS.text,
      cta: ['el botón del formulario', 'o botão do formulário', 'the form button'],
      flowJson: {
        label: ['el formulario', 'o formulário', 'the form'],
        fields: {
          version: ['la versión', 'a versão', 'the version'],
          screens: {
            label: ['las pantallas', 'as telas', 'the screens'],
            item: ['la pantalla {n}', 'a tela {n}', 'screen {n}'],
            fields: {
              id: FIELD_WORDS.id,
              title: FIELD_WORDS.title,
              terminal: ['el «pantalla final»', 'o «tela final»', 'the "final screen"'],
              success: ['el «termina con éxito»', 'o «termina com sucesso»', 'the "ends in success"'],
              data: ['los datos de la pantalla', 'os dados da tela', 'the screen data'],
              layout: {
                transparent: true,
                fields: {
                  type: FIELD_WORDS.type,
                  children: {
                    label: ['los componentes', 'os componentes', 'the components'],
                    item: ['el componente {n}', 'o componente {n}', 'component {n}'],
                  },
                },
              },
            },
          },
          routing_model: ['el mapa de rutas', 'o mapa de rotas', 'the routing model'],
          data_api_version: ['la versión de la API de datos', 'a versão da API de dados', 'the data API version'],
        },
      },
      flowId: ['el id del formulario en Meta', 'o id do formulário na Meta', 'the form id at Meta'],
      endpointUri: ['el endpoint de datos', 'o endpoint de dados', 'the data endpoint'],
      screen: ['la pantalla inicial', 'a tela inicial', 'the entry screen'],
      header: FIELD_WORDS.header,
      footer: FIELD_WORDS.footer,
      outputs: {
        label: ['los datos a guardar', 'os dados a salvar', 'the values to store'],
        item: ['el dato a guardar {n}', 'o dado a salvar {n}', 'value to store {n}'],
        fields: { field: ['el campo', 'o campo', 'the field'], variable: FIELD_WORDS.variable },
      },
      timeoutSeconds: ['la espera de la respuesta (segundos)', 'a espera da resposta (segundos)', 'the answer wait (seconds)'],
    },
    outputs: { submitted: ['Enviado', 'Enviado', 'Submitted'], invalid: OUTPUT_WORDS.invalid, timeout: OUTPUT_WORDS.timeout },
  },
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
    const facts = checkFlowJson(data.flowJson, context, { hasEndpoint: data.endpointUri !== undefined });
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
