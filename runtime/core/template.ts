import type { Contact } from './types.ts';
import { readPath } from './dotted-path.ts';

/** What `{{…}}` placeholders can reach. */
export interface TemplateScope {
  variables: Readonly<Record<string, unknown>>;
  contact: Contact;
  /** The last user text, for {{message.text}}. */
  lastText: string | undefined;
  /** Only given where secrets may be rendered (api_call requests); elsewhere {{secrets.X}} is empty. */
  secrets?: Readonly<Record<string, string>> | undefined;
}

/** A parsed template: literal text, or the dotted path of a placeholder. */
type Piece = string | readonly string[];

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
    pieces.push(match[1]!.split('.').map((segment) => segment.trim()));
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
      return readPath({ name: scope.contact.name ?? '', phone: scope.contact.waId }, path, 1);
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

/**
 * Replaces every `{{path}}` in `template` by its value. Single pass: values that
 * themselves contain `{{…}}` (a user's answer, say) are never rendered again.
 * @example renderTemplate('Hola {{contact.name}}, {{pedido.items.0}}', scope) // 'Hola Ana, muzza'
 */
export function renderTemplate(template: string, scope: TemplateScope): string {
  const pieces = parseTemplate(template);
  let text = '';
  for (const piece of pieces) text += typeof piece === 'string' ? piece : displayValue(lookup(piece, scope));
  return text;
}

/**
 * The value of a template that is exactly one placeholder (`{{precio}}` stays a
 * number, `{{pedido}}` an object); any other template renders to a string.
 * @example templateValue('{{precio}}', scope) // 12500
 */
export function templateValue(template: string, scope: TemplateScope): unknown {
  const pieces = parseTemplate(template.trim());
  if (pieces.length === 1 && typeof pieces[0] !== 'string') return lookup(pieces[0]!, scope) ?? '';
  return renderTemplate(template, scope);
}
