import { useMemo, useState } from 'react';
import { useT } from '../i18n/index.ts';
import { useEditorStore, useEditorStoreApi } from '../store/index.ts';
import { findNodes } from './find-nodes.ts';
import { messages } from './messages.ts';

/** Ctrl/Cmd+F: type to find nodes by text; Enter (Shift+Enter back) selects and centres the next match. */
export function FindBox({ onClose }: { onClose(): void }) {
  const t = useT(messages);
  const store = useEditorStoreApi();
  const nodes = useEditorStore((state) => state.document.nodes);
  const [query, setQuery] = useState('');
  const [current, setCurrent] = useState(-1);
  const matches = useMemo(() => findNodes(nodes, query), [nodes, query]);

  function go(index: number) {
    const match = matches[index];
    if (!match) return;
    setCurrent(index);
    store.getState().select([match.id]);
    store.getState().reveal(match.id);
  }

  return (
    <div className="find-box" role="search">
      <input
        autoFocus
        type="search"
        data-testid="find-input"
        aria-label={t('find')}
        placeholder={t('find')}
        value={query}
        onChange={(event) => { setQuery(event.target.value); setCurrent(-1); }}
        onKeyDown={(event) => {
          if (event.key === 'Escape') onClose();
          if (event.key === 'Enter' && matches.length > 0) {
            const step = event.shiftKey ? -1 : 1;
            go((current + step + matches.length) % matches.length);
          }
        }}
      />
      <span className="find-count" data-testid="find-count">
        {query.trim() === '' ? '' : matches.length === 0 ? t('findNone') : t('findCount', { current: Math.max(current + 1, 0), total: matches.length })}
      </span>
      <button type="button" className="find-close" aria-label={t('close')} onClick={onClose}>✕</button>
    </div>
  );
}
