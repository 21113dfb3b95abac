import { Type } from '@sinclair/typebox';
import { defineNodeKind, nodeSchema, Template, TimeoutSeconds } from '../common.ts';
import { checkMaxLength } from '../validate/field-checks.ts';
import { WHATSAPP_LIMITS } from '../whatsapp-limits.ts';
import { FIELD_WORDS, OUTPUT_WORDS } from './shared-labels.ts';

export const handoff = defineNodeKind({
  schema: nodeSchema('handoff', Type.Object({
    text: Type.Optional(Template),
    queue: Type.Optional(Type.String()),
    note: Type.Optional(Template),
    /** Only within the flow's business hours: outside them the handoff does not open and leaves through `closed`. */
    businessHoursOnly: Type.Optional(Type.Boolean()),
    /** When no agent has written to the customer this many seconds after the handoff opened, it leaves through `unanswered`. */
    unansweredSeconds: Type.Optional(TimeoutSeconds),
  }, { additionalProperties: false })),
  manifest: {
    name: ['Derivar a humano', 'Transferir para humano', 'Hand off to a human'],
    summary: 'Hands the conversation to a person; continues when an agent hands it back.',
    fields: {
      text: FIELD_WORDS.text,
      queue: ['la cola', 'a fila', 'the queue'],
      note: ['la nota', 'a nota', 'the note'],
      businessHoursOnly: ['el «solo en horario de atención»', 'o «só no horário de atendimento»', 'the "only within business hours"'],
      unansweredSeconds: ['la espera de un agente (segundos)', 'a espera de um agente (segundos)', 'the agent wait (seconds)'],
    },
    outputs: {
      resolved: ['Resuelto', 'Resolvido', 'Resolved'],
      closed: ['Fuera de horario', 'Fora do horário', 'Outside hours'],
      unanswered: ['Nadie atendió', 'Ninguém atendeu', 'No agent answered'],
    },
  },
  outputs: (data) => [
    'resolved',
    ...(data.businessHoursOnly === true ? ['closed'] : []),
    ...(data.unansweredSeconds === undefined ? [] : ['unanswered']),
  ],
  // An agent handing the conversation back may well have finished it: no edge is a fine ending.
  endingOutputs: ['resolved'],
  waits: () => true,
  check(data, context) {
    checkMaxLength(context, data.text, '/text', WHATSAPP_LIMITS.textBody, 'text_too_long');
  },
});
