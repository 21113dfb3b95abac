import type { FlowDocument, FlowNode } from '../../schema/index.ts';
import { useT } from '../i18n/index.ts';
import { messages } from './messages.ts';
import { useFieldWords } from './use-field-words.ts';

/** Longest value shown in full; a longer one (a big Flow JSON) is cut with "…". */
const MAX_SHOWN = 400;

/**
 * A field's value as a person reads it: text as written, a list by its items' titles or texts, anything
 * else as compact JSON; empty as null.
 * @example valueText(['a', { title: 'Pizza' }]) // 'a · Pizza'
 */
export function valueText(value: unknown): string | null {
  if (value === undefined || value === null || value === '') return null;
  const text = typeof value === 'string' ? value
    : Array.isArray(value) ? value.map((item) => itemText(item)).join(' · ')
      : typeof value === 'object' ? JSON.stringify(value) : String(value);
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text;
}

function itemText(item: unknown): string {
  if (typeof item === 'string') return item;
  if (typeof item === 'object' && item !== null) {
    const { title, text, name } = item as Record<string, unknown>;
    const named = [title, text, name].find((candidate) => typeof candidate === 'string');
    if (named !== undefined) return named as string;
  }
  return JSON.stringify(item);
}

/** The value at a diff path of a node (`data.text`, `label`, `position`). */
function valueAt(node: FlowNode | undefined, path: string): unknown {
  let value: unknown = node;
  for (const key of path.split('.')) value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  return value;
}

/** Paths whose old and new values say nothing to a reader (a card moved): named only. */
const NOT_SHOWN = new Set(['position']);

interface DiffValuesProps {
  nodeId: string;
  paths: readonly string[];
  before: FlowDocument;
  after: FlowDocument;
}

/** A changed node's fields with the old text and the new side by side. */
export function DiffValues({ nodeId, paths, before, after }: DiffValuesProps) {
  const t = useT(messages);
  const words = useFieldWords();
  const oldNode = before.nodes.find((node) => node.id === nodeId);
  const newNode = after.nodes.find((node) => node.id === nodeId);
  const shown = paths.filter((path) => !NOT_SHOWN.has(path));
  if (shown.length === 0) return null;
  return (
    <dl className="diff-values" data-testid={`diff-values-${nodeId}`}>
      {shown.map((path) => {
        const [was, is] = [valueText(valueAt(oldNode, path)), valueText(valueAt(newNode, path))];
        return (
          <div key={path} className="diff-value" data-testid={`diff-value-${nodeId}-${path}`}>
            <dt>{words([path])}</dt>
            <dd className="diff-old" aria-label={t('before')}>{was ?? <em>{t('empty')}</em>}</dd>
            <dd className="diff-new" aria-label={t('after')}>{is ?? <em>{t('empty')}</em>}</dd>
          </div>
        );
      })}
    </dl>
  );
}
