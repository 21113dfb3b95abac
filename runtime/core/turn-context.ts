import type { FlowDocument } from '../../schema/index.ts';
import { renderTemplate, templateValue, type TemplateScope } from './template.ts';
import { runtimeLanguage, runtimeTexts, type RuntimeLanguage, type RuntimeTexts } from './texts.ts';
import type { OutboundMessage, RuntimeEffect, RuntimePorts, Session, TraceEntry, TurnInput } from './types.ts';

/** What a node behaviour sees and may change while a turn runs. */
export interface TurnContext {
  readonly flow: FlowDocument;
  /** The turn's own copy of the session: behaviours update variables, retries, flowToken. */
  readonly session: Session;
  readonly ports: RuntimePorts;
  /** The turn's time (ms since the epoch), from TurnInput. */
  readonly now: number;
  readonly language: RuntimeLanguage;
  readonly texts: RuntimeTexts;
  readonly messages: OutboundMessage[];
  readonly trace: TraceEntry[];
  readonly effects: RuntimeEffect[];
  send(message: OutboundMessage): void;
  /** Renders a template without secrets; undefined renders empty. */
  render(template: string | undefined): string;
  /** Renders a template with {{secrets.*}}: only for API-call requests, never for anything stored. */
  renderWithSecrets(template: string): string;
  /** A template's value, keeping the type of a lone `{{placeholder}}`. */
  value(template: string): unknown;
  /** Replaces any secret value in `text` (trace details, error reasons) by `[secret]`. */
  redact(text: string): string;
}

/** Secrets shorter than this are too likely to occur by chance to be masked in text. */
const MIN_REDACTED_SECRET_LENGTH = 3;

export function createTurnContext(input: TurnInput, session: Session): TurnContext {
  const secrets = input.secrets ?? {};
  const secretValues = Object.values(secrets).filter((value) => value.length >= MIN_REDACTED_SECRET_LENGTH);
  const scope = (withSecrets: boolean): TemplateScope => ({
    variables: session.variables,
    contact: session.contact,
    lastText: session.lastText,
    secrets: withSecrets ? secrets : undefined,
  });
  const messages: OutboundMessage[] = [];
  return {
    flow: input.flow,
    session,
    ports: input.ports,
    now: input.now,
    language: runtimeLanguage(input.flow.language),
    texts: runtimeTexts(input.flow.language),
    messages,
    trace: [],
    effects: [],
    send: (message) => void messages.push(message),
    render: (template) => (template === undefined || template === '' ? '' : renderTemplate(template, scope(false))),
    renderWithSecrets: (template) => renderTemplate(template, scope(true)),
    value: (template) => templateValue(template, scope(false)),
    redact: (text) => secretValues.reduce((masked, secret) => masked.replaceAll(secret, '[secret]'), text),
  };
}
