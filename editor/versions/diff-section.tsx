import { useState } from 'react';
import type { ApiClient } from '../api/api-client.ts';
import type { DiffSide, FlowDiff, VersionSummary } from '../api/types.ts';
import { useT } from '../i18n/index.ts';
import { useEditorStoreApi } from '../store/index.ts';
import { messages } from './messages.ts';

const sideValue = (side: DiffSide) => String(side);
const parseSide = (value: string): DiffSide => (value === 'draft' ? 'draft' : Number(value));

interface DiffSectionProps {
  api: Pick<ApiClient, 'diff'>;
  flowId: string;
  versions: VersionSummary[];
  liveVersion: number | null;
  /** Saves the draft first so "draft" means what the canvas shows. */
  saveDraft(): Promise<boolean>;
}

/** Compare any two versions (or the draft): the nodes that differ are marked on the canvas. */
export function DiffSection({ api, flowId, versions, liveVersion, saveDraft }: DiffSectionProps) {
  const t = useT(messages);
  const store = useEditorStoreApi();
  const [from, setFrom] = useState<DiffSide>(liveVersion ?? versions[0]?.version ?? 'draft');
  const [to, setTo] = useState<DiffSide>('draft');
  const [diff, setDiff] = useState<FlowDiff | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function compare() {
    setError(null);
    try {
      if (from === 'draft' || to === 'draft') await saveDraft();
      const result = await api.diff(flowId, from, to);
      setDiff(result);
      store.getState().setDiffMarks({ added: result.nodes.added, removed: result.nodes.removed, changed: result.nodes.changed });
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  }

  function clear() {
    setDiff(null);
    store.getState().setDiffMarks(null);
  }

  const options = [<option key="draft" value="draft">{t('draft')}</option>,
    ...versions.map((version) => <option key={version.version} value={version.version}>{t('version', { version: version.version })}</option>)];
  const empty = diff && diff.fields.length + diff.nodes.added.length + diff.nodes.removed.length + diff.nodes.changed.length
    + diff.edges.added.length + diff.edges.removed.length + diff.edges.changed.length === 0;

  return (
    <section className="diff-section" data-testid="diff-section">
      <div className="diff-controls">
        <label>{t('from')} <select data-testid="diff-from" value={sideValue(from)} onChange={(event) => setFrom(parseSide(event.target.value))}>{options}</select></label>
        <label>{t('to')} <select data-testid="diff-to" value={sideValue(to)} onChange={(event) => setTo(parseSide(event.target.value))}>{options}</select></label>
        <button className="btn btn-small" data-testid="diff-compare" onClick={() => void compare()}>{t('compare')}</button>
        {diff && <button className="btn btn-small btn-ghost" onClick={clear}>{t('clearDiff')}</button>}
      </div>
      {error && <p className="error-text">{error}</p>}
      {empty && <p className="muted small">{t('noDifferences')}</p>}
      {diff && !empty && (
        <div className="diff-summary" data-testid="diff-summary">
          {(['added', 'removed', 'changed'] as const).map((kind) => diff.nodes[kind].length > 0 && (
            <div key={kind} className={`diff-group diff-${kind}`}>
              <strong>{t(kind)}</strong>
              <ul>{diff.nodes[kind].map((nodeId) => (
                <li key={nodeId}>
                  <button className="link" onClick={() => store.getState().reveal(nodeId)}>{nodeId}</button>
                  {diff.nodes.fields[nodeId] && <span className="muted small"> {diff.nodes.fields[nodeId].join(', ')}</span>}
                </li>
              ))}</ul>
            </div>
          ))}
          <p className="muted small">{t('edges', { added: diff.edges.added.length, removed: diff.edges.removed.length, changed: diff.edges.changed.length })}</p>
          {diff.fields.length > 0 && <p className="muted small">{t('otherFields', { fields: diff.fields.join(', ') })}</p>}
        </div>
      )}
    </section>
  );
}
