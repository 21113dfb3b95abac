import { placeholderParts, type TemplateFormat } from '../../schema/template-format.ts';
import type { Contact } from './types.ts';
import { readPath } from './dotted-path.ts';
import { formatValue, type FormatOptions } from './format-value.ts';

/** What `{{…}}` placeholders can reach. */
export interface TemplateScope {
  variables: Readonly<Record<string, unknown>>;
  contact: Contact;
  /** The last user text, for {{message.text}}. */
  lastText: string | undefined;
  /** Only given where secrets may be rendered (api_call requests); elsewhere {{secrets.X}} is empty. */
  secrets?: Readonly<Record<string, string>> | undefined;
  /** The flow's language, zone and currency, for `{{value | format}}`; without it values show as they are. */
  formatting?: FormatOptions;
}

/** A placeholder: the dotted path of its value, and the format it is shown in. */
interface Placeholder { path: readonly string[]; format?: TemplateFormat; argument?: string }
/** A parsed template: literal text, or a placeholder. */
type Piece = string | Placeholder;

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;
const MAX_CACHED_TEMPLATES = 10_000;
// Templates come from flow documents, so the same few strings repeat on every turn.
const parsed = new Map<string, readonly Piece[]>();

function parseTemplate(template: string): readonly Piece[] {
  const cached = parsed.get(template);
  if (cached !== undefined) return cached;
  const pieces: Piece[] = [];
  let last = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    if (match.index > last) pieces.push(template.slice(last, match.index));
    const { path, format, argument } = placeholderParts(match[1]!);
    pieces.push({ path: path.split('.').map((segment) => segment.trim()), ...(format && { format }), ...(argument !== undefined && { argument }) });
    last = match.index + match[0].length;
  }
  if (last < template.length) pieces.push(template.slice(last));
  if (parsed.size >= MAX_CACHED_TEMPLATES) parsed.clear();
  parsed.set(template, pieces);
  return pieces;
}

function lookup(path: readonly string[], scope: TemplateScope): unknown {
  switch (path[0]) {
    case 'contact':
      return readPath({ name: scope.contact.name ?? '', phone: scope.contact.waId, username: scope.contact.username ?? '', referral: scope.contact.referral ?? {} }, path, 1);
    case 'message':
      return readPath({ text: scope.lastText ?? '' }, path, 1);
    case 'secrets':
      return scope.secrets === undefined || path.length !== 2 ? undefined : readPath(scope.secrets, path, 1);
    default:
      return readPath(scope.variables, path);
  }
}

/**
 * How a value reads inside text: unset and null are empty, objects are JSON.
 * @example displayValue({ a: 1 }) // '{"a":1}'
 */
export function displayValue(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'object') return JSON.stringify(value) ?? '';
  return String(value);
}

/** A placeholder's value as text: formatted when it names a format (an unknown one shows the value as is). */
function placeholderText(placeholder: Placeholder, scope: TemplateScope): string {
  const value = lookup(placeholder.path, scope);
  if (placeholder.format === undefined || scope.formatting === undefined) return displayValue(value);
  return formatValue(value, placeholder.format, scope.formatting, placeholder.argument) ?? displayValue(value);
}

/**
 * Replaces every `{{path}}` (or `{{path | format}}`) in `template` by its value. Single pass: values
 * that themselves contain `{{…}}` (a user's answer, say) are never rendered again.
 * @example renderTemplate('Hola {{contact.name}}, el {{turno | fecha}}', scope) // 'Hola Ana, el 15 de agosto de 2026'
 */
export function renderTemplate(template: string, scope: TemplateScope): string {
  const pieces = parseTemplate(template);
  let text = '';
  for (const piece of pieces) text += typeof piece === 'string' ? piece : placeholderText(piece, scope);
  return text;
}

/**
 * The value of a template that is exactly one unformatted placeholder (`{{precio}}` stays a
 * number, `{{pedido}}` an object); any other template renders to a string.
 * @example templateValue('{{precio}}', scope) // 12500
 */
export function templateValue(template: string, scope: TemplateScope): unknown {
  const pieces = parseTemplate(template.trim());
  const only = pieces.length === 1 ? pieces[0]! : undefined;
  if (typeof only === 'object' && only.format === undefined) return lookup(only.path, scope) ?? '';
  return renderTemplate(template, scope);
}
