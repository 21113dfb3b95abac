import { useMemo, useState } from 'react';
import { nodeKindName, type NodeKind } from '../../schema/index.ts';
import { useLocale, useT } from '../i18n/index.ts';
import { useEditorStore, useEditorStoreApi } from '../store/index.ts';
import { findNodes } from './find-nodes.ts';
import { messages } from './messages.ts';

/**
 * Ctrl/Cmd+F: type to find nodes by what their cards show (texts, names, kind); the first match is
 * selected and centred as you type, Enter (Shift+Enter back) moves through the others.
 */
export function FindBox({ onClose }: { onClose(): void }) {
  const t = useT(messages);
  const locale = useLocale((state) => state.locale);
  const store = useEditorStoreApi();
  const nodes = useEditorStore((state) => state.document.nodes);
  const [query, setQuery] = useState('');
  const [current, setCurrent] = useState(0);
  const kindLabel = useMemo(() => (kind: NodeKind) => nodeKindName(kind, locale), [locale]);
  const matches = useMemo(() => findNodes(nodes, query, kindLabel), [nodes, query, kindLabel]);

  function show(found: typeof matches, index: number) {
    const match = found[index];
    setCurrent(index);
    if (!match) return;
    store.getState().select([match.id]);
    store.getState().reveal(match.id);
  }
  const step = (by: number) => show(matches, (current + by + matches.length) % matches.length);

  return (
    <div className="find-box" role="search">
      <input
        autoFocus
        type="search"
        data-testid="find-input"
        aria-label={t('find')}
        placeholder={t('find')}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          show(findNodes(nodes, event.target.value, kindLabel), 0);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Escape') onClose();
          if (event.key === 'Enter' && matches.length > 0) {
            event.preventDefault();
            step(event.shiftKey ? -1 : 1);
          }
        }}
      />
      <span className="find-count" data-testid="find-count" aria-live="polite">
        {query.trim() === '' ? '' : matches.length === 0 ? t('findNone') : t('findCount', { current: current + 1, total: matches.length })}
      </span>
      <button type="button" className="find-step" data-testid="find-previous" title={t('findPrevious')} aria-label={t('findPrevious')}
        disabled={matches.length < 2} onClick={() => step(-1)}>↑</button>
      <button type="button" className="find-step" data-testid="find-next" title={t('findNext')} aria-label={t('findNext')}
        disabled={matches.length < 2} onClick={() => step(1)}>↓</button>
      <button type="button" className="find-close" aria-label={t('close')} onClick={onClose}>✕</button>
    </div>
  );
}
