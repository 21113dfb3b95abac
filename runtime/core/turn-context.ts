import type { FlowDocument } from '../../schema/index.ts';
import { DEFAULT_SETTINGS } from '../../schema/flow.ts';
import type { FormatOptions } from './format-value.ts';
import { renderTemplate, templateValue, type TemplateScope } from './template.ts';
import { runtimeLanguage, runtimeTexts, type RuntimeLanguage, type RuntimeTexts } from './texts.ts';
import { secretMasker } from './secret-forms.ts';
import type { OutboundMessage, RuntimeEffect, RuntimePorts, Session, TraceEntry, TurnInput } from './types.ts';

/** Secrets shorter than this are too likely to occur by chance to be masked in text. */
const MIN_REDACTED_SECRET_LENGTH = 3;

/**
 * What a node behaviour sees and may change while a turn runs. A class rather than an
 * object of closures: a turn builds one, and per-turn closures showed in the bench.
 */
export class TurnContext {
  readonly flow: FlowDocument;
  /** The turn's own copy of the session: behaviours update variables, retries, flowToken. */
  readonly session: Session;
  readonly ports: RuntimePorts;
  /** The turn's time (ms since the epoch), from TurnInput. */
  readonly now: number;
  readonly language: RuntimeLanguage;
  readonly texts: RuntimeTexts;
  readonly messages: OutboundMessage[] = [];
  readonly trace: TraceEntry[] = [];
  readonly effects: RuntimeEffect[] = [];
  /** Nodes entered this turn, in order (TurnResult.entered). */
  readonly entered: string[] = [];
  /** The node waiting or running when each message was sent (TurnResult.senders). */
  readonly senders: Array<string | null> = [];
  readonly #secrets: Readonly<Record<string, string>> | undefined;
  readonly #formatting: FormatOptions;
  /** Masks every form of the secrets (runtime/core/secret-forms.ts), built on first use. */
  #redact: ((text: string) => string) | undefined;

  constructor(input: TurnInput, session: Session) {
    this.flow = input.flow;
    this.session = session;
    this.ports = input.ports;
    this.now = input.now;
    this.language = runtimeLanguage(input.flow.language);
    this.texts = runtimeTexts(input.flow.language, input.flow.settings?.register);
    this.#secrets = input.secrets;
    this.#formatting = {
      locale: input.flow.language ?? this.language,
      timeZone: input.flow.settings?.timeZone ?? DEFAULT_SETTINGS.timeZone,
      currency: input.flow.settings?.currency,
    };
  }

  /** The flow's language, zone and currency, as `{{value | format}}` uses them. */
  get formatting(): FormatOptions {
    return this.#formatting;
  }

  send(message: OutboundMessage): void {
    this.messages.push(message);
    this.senders.push(this.session.nodeId);
  }

  /** Renders a template without secrets; undefined renders empty. */
  render(template: string | undefined): string {
    return template === undefined || template === '' ? '' : renderTemplate(template, this.#scope(false));
  }

  /** Renders a template with {{secrets.*}}: only for API-call requests, never for anything stored. */
  renderWithSecrets(template: string): string {
    return renderTemplate(template, this.#scope(true));
  }

  /** A template's value, keeping the type of a lone `{{placeholder}}`. */
  value(template: string): unknown {
    return templateValue(template, this.#scope(false));
  }

  /**
   * Replaces any secret in `text` (trace details, error reasons, what an API answered) by `[secret]`,
   * literal or transformed the way an echoing server might (base64, base64url, URL-encoded, hex).
   */
  redact(text: string): string {
    this.#redact ??= secretMasker(this.#secrets ?? {}, '[secret]', MIN_REDACTED_SECRET_LENGTH);
    return this.#redact(text);
  }

  #scope(withSecrets: boolean): TemplateScope {
    const { variables, contact, lastText } = this.session;
    return { variables, contact, lastText, secrets: withSecrets ? this.#secrets ?? {} : undefined, formatting: this.#formatting };
  }
}
