import type { ReactNode } from 'react';
import { useT } from '../../i18n/index.ts';
import { useInspectorEnvironment } from '../InspectorContext.ts';
import { messages } from '../messages.ts';

export interface ListEditorProps<T> {
  /** Path of the list in the node's data (`options`); prefixes the test ids of its buttons. */
  name: string;
  items: readonly T[];
  onChange(items: T[]): void;
  /** The item the add button appends, given the current items (to pick a fresh id). */
  create?(items: readonly T[]): T;
  /** Replaces the add button, e.g. with a choice of what to add; `append` adds one item. */
  renderAdd?(append: (item: T) => void): ReactNode;
  renderItem(item: T, index: number, update: (next: T) => void): ReactNode;
  /** A short caption for each item's header, e.g. "Opción 2". */
  itemTitle(item: T, index: number): string;
  addLabel: string;
  min?: number;
  max?: number;
}

/** An editable, reorderable list: menu options, branches, rules, intents, headers, screens… */
export function ListEditor<T>(props: ListEditorProps<T>) {
  const { name, items, onChange, create, renderAdd, renderItem, itemTitle, addLabel, min = 0, max = Infinity } = props;
  const t = useT(messages);
  const { readOnly, endGesture } = useInspectorEnvironment();

  function change(next: T[]) {
    onChange(next);
    endGesture(); // adding, removing or moving an item is an undo step of its own
  }
  function move(from: number, to: number) {
    const next = [...items];
    const [item] = next.splice(from, 1);
    if (item !== undefined) next.splice(to, 0, item);
    change(next);
  }

  return (
    <div className="insp-list" data-testid={`list-${name}`}>
      {items.length === 0 && <div className="insp-list-empty">{t('empty')}</div>}
      {items.map((item, index) => (
        <div className="insp-list-item" key={index} data-testid={`list-${name}-${index}`}>
          <div className="insp-list-item-head">
            <span className="insp-list-item-title">{itemTitle(item, index)}</span>
            {!readOnly && (
              <span className="insp-list-item-tools">
                <button type="button" aria-label={t('moveUp')} title={t('moveUp')} data-testid={`list-${name}-${index}-up`}
                  disabled={index === 0} onClick={() => move(index, index - 1)}>↑</button>
                <button type="button" aria-label={t('moveDown')} title={t('moveDown')} data-testid={`list-${name}-${index}-down`}
                  disabled={index === items.length - 1} onClick={() => move(index, index + 1)}>↓</button>
                <button type="button" aria-label={t('remove')} title={t('remove')} data-testid={`list-${name}-${index}-remove`}
                  disabled={items.length <= min} onClick={() => change(items.filter((_, i) => i !== index))}>✕</button>
              </span>
            )}
          </div>
          {renderItem(item, index, (next) => onChange(items.map((old, i) => (i === index ? next : old))))}
        </div>
      ))}
      {!readOnly && renderAdd && items.length < max && renderAdd((item) => change([...items, item]))}
      {!readOnly && create && (
        <button type="button" className="insp-list-add" data-testid={`list-${name}-add`}
          disabled={items.length >= max} onClick={() => change([...items, create(items)])}>
          + {addLabel}
        </button>
      )}
    </div>
  );
}
