import { Type } from '@sinclair/typebox';
import { IsoDate } from '../business-hours.ts';
import { defineNodeKind, MaxRetries, NonEmptyTemplate, nodeSchema, Template, TimeoutSeconds, VariableName, withTimeout } from '../common.ts';
import { checkMaxLength, checkRegex } from '../validate/field-checks.ts';
import { WHATSAPP_LIMITS } from '../whatsapp-limits.ts';
import { TemplateRef } from '../template-ref.ts';
import { FALLBACK_TEMPLATE_WORDS, FIELD_WORDS, OUTPUT_WORDS } from './shared-labels.ts';

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
    /** Dates only: the first and last dates accepted, and whether past dates are refused (today, in the flow's time zone, is accepted). */
    earliest: Type.Optional(IsoDate),
    latest: Type.Optional(IsoDate),
    futureOnly: Type.Optional(Type.Boolean()),
    invalidText: Type.Optional(Template),
    maxRetries: Type.Optional(MaxRetries),
    timeoutSeconds: Type.Optional(TimeoutSeconds),
    /** Sent instead of what this node says once the 24-hour window has closed (its reminder, its re-prompt). */
    fallbackTemplate: Type.Optional(TemplateRef),
  }, { additionalProperties: false })),
  manifest: {
    name: ['Pregunta', 'Pergunta', 'Question'],
    summary: 'Asks for an answer of one type, validates and normalises it, and stores it in a variable.',
    fields: {
      text: FIELD_WORDS.text,
      variable: FIELD_WORDS.variable,
      input: ['el tipo de respuesta', 'o tipo de resposta', 'the answer type'],
      pattern: ['el patrón (regex)', 'o padrão (regex)', 'the pattern (regex)'],
      min: ['el mínimo', 'o mínimo', 'the minimum'],
      max: ['el máximo', 'o máximo', 'the maximum'],
      earliest: ['la primera fecha', 'a primeira data', 'the earliest date'],
      latest: ['la última fecha', 'a última data', 'the latest date'],
      futureOnly: ['el «solo fechas futuras»', 'o «só datas futuras»', 'the "future dates only"'],
      invalidText: FIELD_WORDS.invalidText,
      maxRetries: FIELD_WORDS.maxRetries,
      timeoutSeconds: ['la espera de la respuesta (segundos)', 'a espera da resposta (segundos)', 'the answer wait (seconds)'],
      fallbackTemplate: FALLBACK_TEMPLATE_WORDS,
    },
    outputs: { next: OUTPUT_WORDS.next, invalid: OUTPUT_WORDS.invalid, timeout: OUTPUT_WORDS.timeout },
  },
  outputs: (data) => withTimeout(['next', 'invalid'], data),
  waits: () => true,
  sets: (data) => [data.variable],
  literalFields: ['pattern'],
  check(data, context) {
    checkMaxLength(context, data.text, '/text', WHATSAPP_LIMITS.textBody, 'text_too_long');
    checkMaxLength(context, data.invalidText, '/invalidText', WHATSAPP_LIMITS.textBody, 'text_too_long');
    if (data.pattern !== undefined) checkRegex(context, data.pattern, '/pattern');
    else if (data.input === 'regex') context.report('missing_pattern', '');
    if (data.min !== undefined && data.max !== undefined && data.min > data.max) {
      context.report('question_min_above_max', '/min', { min: data.min, max: data.max });
    }
    if (data.earliest !== undefined && data.latest !== undefined && data.earliest > data.latest) {
      context.report('question_min_above_max', '/earliest', { min: data.earliest, max: data.latest });
    }
  },
});
