import { Type, type Static } from '@sinclair/typebox';
import { BusinessHours, TimeZone } from './business-hours.ts';
import { Knowledge } from './knowledge.ts';
import { Id, VariableName } from './common.ts';
import { CURRENCY_CODE_PATTERN } from './template-format.ts';
import { TemplateRef } from './template-ref.ts';
import { nodeKinds, type FlowNode } from './registry.ts';

export const CURRENT_SCHEMA_VERSION = 1;
export const SUPPORTED_SCHEMA_VERSIONS = [1] as const;

/** The forms of address the bot's own Spanish texts come in (`settings.register`). */
export const SPEECH_REGISTERS = ['tu', 'vos'] as const;
export const SpeechRegister = Type.Union(SPEECH_REGISTERS.map((register) => Type.Literal(register)));
export type SpeechRegister = Static<typeof SpeechRegister>;

export const FlowSettings = Type.Object({
  sessionTimeoutMinutes: Type.Optional(Type.Integer({ minimum: 1, maximum: 525_600 })),
  maxStepsPerTurn: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
  restartKeywords: Type.Optional(Type.Array(Type.String({ minLength: 1 }))),
  handoffKeywords: Type.Optional(Type.Array(Type.String({ minLength: 1 }))),
  /** The zone business hours, dates without a zone and `{{now}}`-style readings are in. */
  timeZone: Type.Optional(TimeZone),
  /** ISO 4217 code (ARS, BRL, USD) that `{{total | moneda}}` shows amounts in. */
  currency: Type.Optional(Type.String({ pattern: CURRENCY_CODE_PATTERN })),
  /** When agents attend: what `within_business_hours` conditions and handoffs' `closed` output read. */
  businessHours: Type.Optional(BusinessHours),
  /** Messages a customer sends within this many ms of each other gather into one turn (texts joined); 0 answers each one. */
  burstMilliseconds: Type.Optional(Type.Integer({ minimum: 0, maximum: 60_000 })),
  /**
   * Sent instead of a bot or agent message due after the 24-hour window closed (free-form messages
   * are refused then). Without it such messages are held in a visible "window closed" state.
   */
  fallbackTemplate: Type.Optional(TemplateRef),
  /**
   * How the bot's own texts (re-prompts, the handoff notice) address the customer in Spanish: `tu`
   * (the default) or Rioplatense `vos`. Portuguese texts say *você*, English *you*.
   */
  register: Type.Optional(SpeechRegister),
  /** Mark each customer message read and show "typing…" while the bot answers (on by default). */
  typingIndicator: Type.Optional(Type.Boolean()),
  /** The variable holding the customer's satisfaction score (e.g. a survey's 1–5) when a conversation ends: analytics averages it as CSAT. */
  csatVariable: Type.Optional(VariableName),
}, { additionalProperties: false });
export type FlowSettings = Static<typeof FlowSettings>;

/** Settings without a default: no business hours (always open), no fallback template (hold), no currency, no CSAT variable. */
type UndefaultedSetting = 'businessHours' | 'fallbackTemplate' | 'currency' | 'csatVariable';
/** Settings every flow has a value for, and the ones without a default. */
export type ResolvedSettings = Required<Omit<FlowSettings, UndefaultedSetting>> & Pick<FlowSettings, UndefaultedSetting>;

export const DEFAULT_SETTINGS: Required<Omit<FlowSettings, UndefaultedSetting>> = {
  sessionTimeoutMinutes: 1440,
  maxStepsPerTurn: 50,
  restartKeywords: ['menu', 'inicio'],
  handoffKeywords: ['agente', 'humano'],
  timeZone: 'UTC',
  burstMilliseconds: 0,
  typingIndicator: true,
  register: 'tu',
};

export const VariableDeclaration = Type.Object({
  name: VariableName,
  type: Type.Union([
    Type.Literal('string'), Type.Literal('number'), Type.Literal('boolean'),
    Type.Literal('object'), Type.Literal('array'),
  ]),
  description: Type.Optional(Type.String()),
}, { additionalProperties: false });
export type VariableDeclaration = Static<typeof VariableDeclaration>;

export const FlowEdge = Type.Object({
  id: Id,
  source: Type.String({ minLength: 1 }),
  sourceHandle: Type.String({ minLength: 1 }),
  target: Type.String({ minLength: 1 }),
}, { additionalProperties: false });
export type FlowEdge = Static<typeof FlowEdge>;

/**
 * Any node: `oneOf` the kinds with ajv's `discriminator` on `type`, which both
 * speeds validation up (docs/performance.md) and reports errors against the right kind.
 */
export const FlowNodeSchema = Type.Unsafe<FlowNode>({
  type: 'object',
  required: ['type'],
  properties: { type: { type: 'string' } },
  discriminator: { propertyName: 'type' },
  oneOf: Object.values(nodeKinds).map((kind) => kind.schema),
});

export const FlowDocumentSchema = Type.Object({
  schemaVersion: Type.Literal(CURRENT_SCHEMA_VERSION),
  id: Id,
  name: Type.String({ minLength: 1, maxLength: 200 }),
  description: Type.Optional(Type.String()),
  language: Type.Optional(Type.String({ pattern: '^[a-z]{2}(-[A-Z]{2})?$' })),
  startNodeId: Type.String({ minLength: 1 }),
  settings: Type.Optional(FlowSettings),
  variables: Type.Optional(Type.Array(VariableDeclaration)),
  nodes: Type.Array(FlowNodeSchema),
  edges: Type.Array(FlowEdge),
  /** What `ai_answer` nodes answer from: published with the version, so it answers from exactly this. */
  knowledge: Type.Optional(Knowledge),
}, { additionalProperties: false });

/** A flow document, format v1 (docs/flow-format.md). */
export type FlowDocument = Omit<Static<typeof FlowDocumentSchema>, 'nodes'> & { nodes: FlowNode[] };

export const FLOW_SCHEMA_ID = 'https://charla.dev/schema/flow/v1.json';

/** The schema as published in schema/flow.schema.json. */
export function flowJsonSchema(): Record<string, unknown> {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: FLOW_SCHEMA_ID,
    title: 'Charla flow document, format v1',
    $comment: 'Generated from the TypeBox source in schema/ by `npm run schema:write`; do not edit by hand.',
    ...JSON.parse(JSON.stringify(FlowDocumentSchema)),
  };
}

export function settingsOf(flow: Pick<FlowDocument, 'settings'>): ResolvedSettings {
  return { ...DEFAULT_SETTINGS, ...flow.settings };
}
