import { compileLinearPattern, REGEX_LIMITS } from '../linear-regex.ts';
import { outputTerm, type ProblemCode } from '../problems.ts';
import type { NodeCheckContext } from './node-check-context.ts';

/** Characters as WhatsApp counts them: code points, so an emoji is one, not two UTF-16 units. */
export function charLength(text: string): number {
  let length = 0;
  for (const _ of text) length++;
  return length;
}

/** Reports `code` at `pointer` when `text` is longer than `max`. */
export function checkMaxLength(
  context: NodeCheckContext, text: string | undefined, pointer: string, max: number, code: ProblemCode,
): void {
  if (text === undefined || text.length <= max) return;
  const length = charLength(text);
  if (length > max) context.report(code, pointer, { max, length });
}

/**
 * Reports ids used twice among `items`, and an id that is also one of the node's own outputs.
 * Items without a string id are skipped: this also runs on nodes that break the schema elsewhere.
 */
export function checkUniqueIds(
  context: NodeCheckContext, items: readonly unknown[], base: string, code: ProblemCode, reserved: readonly string[],
): void {
  const seen = new Set<string>();
  items.forEach((item, index) => {
    const id = typeof item === 'object' && item !== null ? (item as { id?: unknown }).id : undefined;
    if (typeof id !== 'string') return;
    if (reserved.includes(id)) context.report('reserved_output_id', `${base}/${index}/id`, { id, output: outputTerm(id) });
    else if (seen.has(id)) context.report(code, `${base}/${index}/id`, { id });
    seen.add(id);
  });
}

/** A template placeholder: `{{ name }}` or `{{contact.name}}`. */
export const TEMPLATE_PATTERN = /\{\{\s*([^{}]*?)\s*\}\}/g;

/**
 * URLs must be http(s). A URL that starts with a template (`{{base_url}}/x`) is only known at
 * run time (the runtime's address guard checks it then); otherwise its literal scheme is checked.
 */
export function checkHttpUrl(context: NodeCheckContext, url: string, pointer: string): void {
  if (/^\s*\{\{/.test(url)) return;
  if (!/^https?:\/\//i.test(url.trim())) context.report('url_not_http', pointer, { url });
}

/** Whether the text holds a template placeholder. */
export function hasTemplate(text: string): boolean {
  return /\{\{[^{}]*\}\}/.test(text);
}

/**
 * Reports a pattern the runtime cannot run: one that is not JavaScript regular-expression syntax
 * (what analysts write), or one RE2 (linear time, schema/linear-regex.ts) cannot run or finds too big.
 */
export function checkRegex(context: NodeCheckContext, pattern: string, pointer: string): void {
  try {
    new RegExp(pattern, 'u');
  } catch (error) {
    const reason = error instanceof Error ? error.message.replace(/^Invalid regular expression: \/.*\/\w*: /s, '') : String(error);
    context.report('invalid_pattern', pointer, { pattern, reason });
    return;
  }
  const linear = compileLinearPattern(pattern);
  if (linear.ok) return;
  if (linear.problem === 'too_complex') context.report('pattern_too_complex', pointer, { max: REGEX_LIMITS.patternLength });
  else context.report('pattern_unsupported', pointer, { pattern, feature: linear.problem === 'unsupported' ? linear.feature : linear.reason });
}

/** A title as users type it: no case, accents or extra spaces ("Café " = "cafe"). */
export function foldTitle(title: string): string {
  if (/^[\x20-\x7e]*$/.test(title)) return title.toLowerCase().replace(/\s+/g, ' ').trim();
  return title.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}
