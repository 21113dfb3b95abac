import { Type } from '@sinclair/typebox';
import { defineNodeKind, Id, nodeSchema, TimeoutSeconds, withTimeout } from '../common.ts';
import { TemplateRef } from '../template-ref.ts';
import { FIELD_WORDS, OUTPUT_WORDS, TEMPLATE_REF_WORDS } from './shared-labels.ts';

/** A quick-reply button of the template, as the node's output: the tap arrives with its label (docs/templates.md §2). */
export const TemplateQuickReply = Type.Object({
  id: Id,
  /** The button's label as the template defines it (Meta's default payload of the tap). */
  title: Type.String({ minLength: 1 }),
}, { additionalProperties: false });

/**
 * Sends an approved WhatsApp message template (docs/templates.md §2): the only message Meta delivers
 * once the customer's last message is 24 hours old. Its quick-reply buttons are its outputs.
 */
export const template = defineNodeKind({
  schema: nodeSchema('template', Type.Object({
    ...TemplateRef.properties,
    /** The template's quick-reply buttons, in order (copied from the synced template): each one an output. */
    quickReplies: Type.Optional(Type.Array(TemplateQuickReply, { maxItems: 10 })),
    timeoutSeconds: Type.Optional(TimeoutSeconds),
  }, { additionalProperties: false })),
  manifest: {
    name: ['Plantilla', 'Modelo', 'Template'],
    summary: 'Sends an approved WhatsApp template with its parameters filled; with quick-reply buttons, waits for the tap.',
    fields: {
      ...TEMPLATE_REF_WORDS,
      quickReplies: {
        label: ['las respuestas rápidas', 'as respostas rápidas', 'the quick replies'],
        item: ['la respuesta rápida {n}', 'a resposta rápida {n}', 'quick reply {n}'],
        fields: { id: FIELD_WORDS.id, title: FIELD_WORDS.title },
      },
      timeoutSeconds: ['la espera de la respuesta (segundos)', 'a espera da resposta (segundos)', 'the answer wait (seconds)'],
    },
    outputs: { next: OUTPUT_WORDS.next, invalid: OUTPUT_WORDS.invalid, timeout: OUTPUT_WORDS.timeout },
  },
  outputs: (data) => (hasQuickReplies(data) ? withTimeout([...data.quickReplies!.map((reply) => reply.id), 'invalid'], data) : ['next']),
  itemOutputs: { list: 'quickReplies', duplicateCode: 'duplicate_option_id', reserved: ['next', 'invalid', 'timeout'], label: (reply) => reply.title },
  waits: (data) => hasQuickReplies(data),
});

function hasQuickReplies(data: { quickReplies?: unknown[] }): boolean {
  return (data.quickReplies?.length ?? 0) > 0;
}
