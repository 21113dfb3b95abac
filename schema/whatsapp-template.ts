/**
 * What a WhatsApp message template asks for, read from the `components` Meta lists for it
 * (`GET /{WABA-ID}/message_templates`, docs/whatsapp.md §3): the placeholders of its header, body and
 * URL buttons, and its quick-reply buttons. Pure and browser-safe: the editor's inspector and
 * simulator, publish validation and the server all read templates through it.
 */

/** One template as Meta lists it (and Charla keeps it, per WhatsApp Business Account). */
export interface SyncedTemplate {
  wabaId: string;
  name: string;
  language: string;
  category: string;
  /** APPROVED, PENDING, REJECTED, PAUSED, DISABLED… Only APPROVED ones may be sent. */
  status: string;
  components: Array<Record<string, unknown>>;
  fetchedAt: number;
}

export interface TemplateButton {
  /** The button's position, as a send names it (`index`). */
  index: number;
  /** QUICK_REPLY, URL, PHONE_NUMBER, COPY_CODE, FLOW… */
  type: string;
  text: string;
  /** A URL button whose link ends in `{{1}}`: the send fills that suffix. */
  urlParameter: boolean;
}

export interface TemplateShape {
  /** The header's format (TEXT, IMAGE, VIDEO, DOCUMENT, LOCATION), its text, and whether a send must fill it. */
  header: { format: string; text: string | undefined; parameter: boolean } | undefined;
  /** The body text with its `{{1}}` / `{{name}}` placeholders. */
  body: string;
  /** The body's placeholders, in order of first appearance: `1`, `2`… (positional) or names. */
  bodyParameters: string[];
  footer: string | undefined;
  buttons: TemplateButton[];
  /** The quick-reply buttons' labels, in order: a template node's outputs. */
  quickReplies: string[];
}

const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;

/** The placeholders a text names, each once, in order of appearance. */
export function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((match) => match[1]!))];
}

const textOf = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/**
 * The header, body, footer and buttons of a template's components; unknown components are left aside.
 * @example templateShape([{ type: 'BODY', text: 'Hola {{1}}' }]).bodyParameters // ['1']
 */
export function templateShape(components: ReadonlyArray<Record<string, unknown>>): TemplateShape {
  const find = (type: string) => components.find((component) => String(component.type).toUpperCase() === type);
  const header = find('HEADER');
  const body = textOf(find('BODY')?.text) ?? '';
  const buttonList = find('BUTTONS')?.buttons;
  const buttons: TemplateButton[] = (Array.isArray(buttonList) ? buttonList as Array<Record<string, unknown>> : []).map((button, index) => ({
    index, type: String(button.type ?? '').toUpperCase(), text: textOf(button.text) ?? '',
    urlParameter: String(button.type ?? '').toUpperCase() === 'URL' && placeholdersIn(textOf(button.url) ?? '').length > 0,
  }));
  const headerFormat = header === undefined ? undefined : String(header.format ?? 'TEXT').toUpperCase();
  const headerText = textOf(header?.text);
  return {
    header: headerFormat === undefined ? undefined : {
      format: headerFormat, text: headerText,
      // A media header always takes its file at send time; a text header only when it has a placeholder.
      parameter: headerFormat === 'TEXT' ? placeholdersIn(headerText ?? '').length > 0 : headerFormat !== 'LOCATION',
    },
    body,
    bodyParameters: placeholdersIn(body),
    footer: textOf(find('FOOTER')?.text),
    buttons,
    quickReplies: buttons.filter((button) => button.type === 'QUICK_REPLY').map((button) => button.text),
  };
}

/**
 * A template text with its placeholders filled (the simulator shows what the customer will read);
 * a placeholder without a value stays as written.
 * @example fillPlaceholders('Hola {{1}}', { '1': 'Ana' }) // 'Hola Ana'
 */
export function fillPlaceholders(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => (Object.hasOwn(values, name) ? values[name]! : whole));
}

/** The template a node names on one WABA: by name and language, as Meta keys them. */
export function findTemplate(templates: readonly SyncedTemplate[], name: string, language: string): SyncedTemplate | undefined {
  return templates.find((template) => template.name === name && template.language === language);
}

/**
 * The templates of a `GET /{WABA-ID}/message_templates` answer (`{ data: [...] }`, one page or all of
 * them joined) as Charla keeps them; entries without a name or language are left out.
 * @example templatesFromListing(JSON.parse(text), '102290129340398', Date.now())
 */
export function templatesFromListing(listing: unknown, wabaId: string, fetchedAt: number): SyncedTemplate[] {
  const data = (listing as { data?: unknown } | null)?.data;
  if (!Array.isArray(data)) throw new Error('a template listing is an object with a `data` array, as Meta answers GET /{WABA-ID}/message_templates');
  return (data as Array<Record<string, unknown>>)
    .filter((template) => typeof template.name === 'string' && typeof template.language === 'string')
    .map((template) => ({
      wabaId, name: template.name as string, language: template.language as string, category: String(template.category ?? ''),
      status: String(template.status ?? ''), components: Array.isArray(template.components) ? template.components as Array<Record<string, unknown>> : [], fetchedAt,
    }));
}
