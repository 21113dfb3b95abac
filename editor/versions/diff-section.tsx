import { useEffect, useRef, useState } from 'react';
import type { FlowDocument, FlowNode } from '../../schema/index.ts';
import type { ApiClient } from '../api/api-client.ts';
import type { DiffSide, FlowDiff, VersionSummary } from '../api/types.ts';
import { useT } from '../i18n/index.ts';
import { useNodeTitle } from '../nodes/index.ts';
import { useEditorStore, useEditorStoreApi } from '../store/index.ts';
import { diffGhosts } from './diff-ghosts.ts';
import { DiffValues } from './diff-values.tsx';
import { messages } from './messages.ts';
import { useFieldWords } from './use-field-words.ts';

const sideValue = (side: DiffSide) => String(side);
const parseSide = (value: string): DiffSide => (value === 'draft' ? 'draft' : Number(value));
const KINDS = ['added', 'removed', 'changed'] as const;

interface DiffSectionProps {
  api: Pick<ApiClient, 'diff' | 'getVersion'>;
  flowId: string;
  versions: VersionSummary[];
  liveVersion: number | null;
  /** Saves the draft first so "draft" means what the canvas shows. */
  saveDraft(): Promise<boolean>;
}

/**
 * Compare any two versions (or the draft): added and changed nodes are marked on the canvas, removed ones
 * drawn as ghosts where they were. The marks last while this section does: the panel closing, a publish
 * or a roll back (which remount it) clear them.
 */
export function DiffSection({ api, flowId, versions, liveVersion, saveDraft }: DiffSectionProps) {
  const t = useT(messages);
  const title = useNodeTitle();
  const words = useFieldWords();
  const store = useEditorStoreApi();
  const marked = useEditorStore((state) => state.diffMarks !== null);
  const [from, setFrom] = useState<DiffSide>(liveVersion ?? versions[0]?.version ?? 'draft');
  const [to, setTo] = useState<DiffSide>('draft');
  const [diff, setDiff] = useState<{ result: FlowDiff; removed: Map<string, FlowNode>; before: FlowDocument | null; after: FlowDocument | null } | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Answers that arrive after a newer comparison, or after this section is gone, mark nothing.
  const latest = useRef(0);
  useEffect(() => () => {
    latest.current += 1;
    store.getState().setDiffMarks(null);
  }, [store]);

  async function compare() {
    const request = ++latest.current;
    setError(null);
    try {
      if (from === 'draft' || to === 'draft') await saveDraft();
      const result = await api.diff(flowId, from, to);
      // Both sides' documents: changed fields show their old and new values, removed nodes are drawn from the side they were removed from.
      const read = (side: DiffSide) => (side === 'draft' ? store.getState().document : api.getVersion(flowId, side));
      const [before, after] = result.nodes.removed.length + result.nodes.changed.length > 0 ? await Promise.all([read(from), read(to)]) : [null, null];
      if (request !== latest.current) return;
      // A draft's removed nodes are still on the canvas: no ghosts for them.
      const ghosts = before && from !== 'draft' && result.nodes.removed.length > 0 ? diffGhosts(before, result, store.getState().document) : undefined;
      setDiff({ result, removed: new Map(before?.nodes.map((node) => [node.id, node])), before, after });
      store.getState().setDiffMarks({ added: result.nodes.added, removed: result.nodes.removed, changed: result.nodes.changed, ...(ghosts && { ghosts }) });
    } catch (failure) {
      if (request === latest.current) setError(failure instanceof Error ? failure.message : String(failure));
    }
  }

  function clear() {
    latest.current += 1;
    setDiff(null);
    store.getState().setDiffMarks(null);
  }

  function nodeName(nodeId: string, removed: Map<string, FlowNode>): string {
    const node = removed.get(nodeId) ?? store.getState().document.nodes.find((candidate) => candidate.id === nodeId);
    return node ? title(node) : nodeId;
  }

  const options = [<option key="draft" value="draft">{t('draft')}</option>,
    ...versions.map((version) => <option key={version.version} value={version.version}>{t('version', { version: version.version })}</option>)];
  const shown = marked ? diff : null;
  const result = shown?.result;
  const empty = result && result.fields.length + result.nodes.added.length + result.nodes.removed.length + result.nodes.changed.length
    + result.edges.added.length + result.edges.removed.length + result.edges.changed.length === 0;

  return (
    <section className="diff-section" data-testid="diff-section">
      <div className="diff-controls">
        <label>{t('from')} <select className="select select-small" data-testid="diff-from" value={sideValue(from)} onChange={(event) => setFrom(parseSide(event.target.value))}>{options}</select></label>
        <label>{t('to')} <select className="select select-small" data-testid="diff-to" value={sideValue(to)} onChange={(event) => setTo(parseSide(event.target.value))}>{options}</select></label>
        <button className="btn btn-small" data-testid="diff-compare" onClick={() => void compare()}>{t('compare')}</button>
        {marked && <button className="btn btn-small btn-ghost" data-testid="diff-clear" onClick={clear}>{t('clearDiff')}</button>}
      </div>
      {error && <p className="error-text">{error}</p>}
      {empty && <p className="muted small">{t('noDifferences')}</p>}
      {shown && result && !empty && (
        <div className="diff-summary" data-testid="diff-summary">
          {KINDS.map((kind) => result.nodes[kind].length > 0 && (
            <div key={kind} className={`diff-group diff-${kind}`}>
              <strong>{t(kind)}</strong>
              <ul>{result.nodes[kind].map((nodeId) => (
                <li key={nodeId} data-testid={`diff-node-${nodeId}`}>
                  <button className="link" onClick={() => store.getState().reveal(nodeId)}>{nodeName(nodeId, shown.removed)}</button>
                  <span className="muted small"> {nodeId}</span>
                  {result.nodes.fields[nodeId] && <span className="diff-fields"> · {words(result.nodes.fields[nodeId])}</span>}
                  {kind === 'changed' && shown.before && shown.after && result.nodes.fields[nodeId] && (
                    <DiffValues nodeId={nodeId} paths={result.nodes.fields[nodeId]} before={shown.before} after={shown.after} />
                  )}
                </li>
              ))}</ul>
            </div>
          ))}
          <p className="muted small">{t('edges', { added: result.edges.added.length, removed: result.edges.removed.length, changed: result.edges.changed.length })}</p>
          {result.fields.length > 0 && <p className="muted small">{t('otherFields', { fields: words(result.fields) })}</p>}
        </div>
      )}
    </section>
  );
}
