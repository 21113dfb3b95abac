import { useCallback, useEffect, useRef, useState, type ChangeEvent } from 'react';
import type { FlowDocument } from '../../schema/index.ts';
import { api } from '../app/api.ts';
import { capabilities } from '../app/capabilities.ts';
import { Dialog } from '../app/dialog.tsx';
import { downloadJson } from '../app/download-json.ts';
import { navigate } from '../app/router.ts';
import { useSession } from '../app/session.ts';
import { TopBar } from '../app/top-bar.tsx';
import type { FlowSummary } from '../api/types.ts';
import { useT } from '../i18n/index.ts';
import { FlowRow } from './flow-list/flow-row.tsx';
import { flowCopy, flowIdFromName, type FlowCopyOptions } from './flow-list/flow-copy.ts';
import { messages } from './flow-list/messages.ts';
import { NewFlowDialog } from './flow-list/new-flow-dialog.tsx';
import { problemSummary } from './problem-summary.ts';
import './flow-list/flow-list.css';

/** Every flow with its live version; create, duplicate, import, export and delete. */
export function FlowListPage() {
  const t = useT(messages);
  const role = useSession((state) => state.me?.role ?? null);
  const canEdit = capabilities(role).edit;
  const [flows, setFlows] = useState<FlowSummary[] | null>(null);
  const [notice, setNotice] = useState<{ kind: 'error' | 'info'; text: string } | null>(null);
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<FlowSummary | null>(null);
  const [search, setSearch] = useState('');
  const shown = flows && matchingFlows(flows, search);
  const fileInput = useRef<HTMLInputElement>(null);

  const fail = (error: unknown) => setNotice({ kind: 'error', text: error instanceof Error ? error.message : String(error) });
  const reload = useCallback(() => api.listFlows().then(setFlows, fail), []);
  useEffect(() => { void reload(); }, [reload]);

  async function createFrom(document: FlowDocument, options: FlowCopyOptions): Promise<FlowDocument> {
    const copy = flowCopy(document, flows ?? [], options);
    await api.createFlow(copy);
    return copy;
  }

  async function create(document: FlowDocument, name: string) {
    try {
      const { id } = await createFrom(document, { name, idBase: flowIdFromName(name) });
      setCreating(false);
      navigate({ page: 'editor', flowId: id });
    } catch (error) { fail(error); }
  }

  async function duplicate(flow: FlowSummary) {
    try {
      const { document } = await api.getFlow(flow.id);
      await createFrom(document, { name: flow.name, idBase: flow.id, label: t('copyLabel'), alwaysLabel: true });
      await reload();
    } catch (error) { fail(error); }
  }

  async function exportFlow(flow: FlowSummary) {
    try {
      downloadJson(`${flow.id}.json`, (await api.getFlow(flow.id)).document);
    } catch (error) { fail(error); }
  }

  async function importFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    let document: FlowDocument;
    try {
      document = JSON.parse(await file.text()) as FlowDocument;
    } catch {
      return setNotice({ kind: 'error', text: t('importInvalid', { reason: t('notJson') }) });
    }
    try {
      const name = typeof document.name === 'string' && document.name !== '' ? document.name : file.name.replace(/\.json$/, '');
      const idBase = typeof document.id === 'string' && document.id !== '' ? document.id : name;
      const copy = await createFrom(document, { name, idBase, label: t('importedLabel') });
      setNotice({ kind: 'info', text: t('imported', { name: copy.name, id: copy.id }) });
      await reload();
    } catch (error) {
      setNotice({ kind: 'error', text: t('importInvalid', { reason: problemSummary(error) }) });
    }
  }

  async function confirmDelete() {
    if (!deleting) return;
    try {
      await api.deleteFlow(deleting.id);
      setDeleting(null);
      await reload();
    } catch (error) { setDeleting(null); fail(error); }
  }

  return (
    <div className="page">
      <TopBar />
      <main className="page-body narrow">
        <div className="page-heading">
          <h1>{t('title')}</h1>
          {canEdit && <>
            <button className="btn" data-testid="flow-import" onClick={() => fileInput.current?.click()}>{t('importJson')}</button>
            <input ref={fileInput} type="file" accept="application/json,.json" hidden data-testid="flow-import-input" onChange={importFile} />
            <button className="btn btn-primary" data-testid="flow-new" onClick={() => setCreating(true)}>{t('newFlow')}</button>
          </>}
        </div>
        {notice && <p className={notice.kind === 'error' ? 'banner banner-error' : 'banner'} role="status" data-testid="flow-list-notice">{notice.text}</p>}
        {flows === null && <p className="muted">{t('loading')}</p>}
        {flows?.length === 0 && <p className="empty-state">{t('empty')}</p>}
        {flows && flows.length > 0 && (
          <input className="flow-search" type="search" data-testid="flow-search" placeholder={t('search')} aria-label={t('search')}
            value={search} onChange={(event) => setSearch(event.target.value)} />
        )}
        {shown?.length === 0 && flows!.length > 0 && <p className="muted" data-testid="flow-search-empty">{t('noMatch', { search })}</p>}
        {shown && shown.length > 0 && (
          <table className="flow-table" data-testid="flow-list">
            <thead><tr><th>{t('columnName')}</th><th>{t('columnLive')}</th><th>{t('columnEdited')}</th><th /></tr></thead>
            <tbody>
              {shown.map((flow) => (
                <FlowRow key={flow.id} flow={flow} canEdit={canEdit}
                  onDuplicate={() => void duplicate(flow)} onExport={() => void exportFlow(flow)} onDelete={() => setDeleting(flow)} />
              ))}
            </tbody>
          </table>
        )}
      </main>
      {creating && <NewFlowDialog onCreate={create} onCancel={() => setCreating(false)} />}
      {deleting && (
        <Dialog title={t('confirmDeleteTitle')} testId="delete-flow-dialog" onDismiss={() => setDeleting(null)}
          actions={<>
            <button className="btn" onClick={() => setDeleting(null)}>{t('cancel')}</button>
            <button className="btn btn-danger" data-testid="delete-flow-confirm" onClick={() => void confirmDelete()}>{t('delete')}</button>
          </>}>
          <p>{t('confirmDelete', { name: deleting.name })}</p>
        </Dialog>
      )}
    </div>
  );
}

/** Lower case without accents, so "pizzeria" finds "Pizzería". */
const folded = (text: string) => text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();

/**
 * The flows whose name or id contain every word of the search, accents and case aside; the most
 * recently edited first.
 * @example matchingFlows(flows, 'pizza') // [{ id: 'pizzeria', name: 'Pizzería', … }]
 */
export function matchingFlows(flows: readonly FlowSummary[], search: string): FlowSummary[] {
  const words = folded(search).split(/\s+/).filter(Boolean);
  return flows.filter((flow) => words.every((word) => folded(`${flow.name} ${flow.id}`).includes(word)))
    .sort((a, b) => b.updatedAt - a.updatedAt);
}
