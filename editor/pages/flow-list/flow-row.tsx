import type { KeyboardEvent, MouseEvent } from 'react';
import { navigate, routeHref } from '../../app/router.ts';
import type { FlowSummary } from '../../api/types.ts';
import { usePrincipalName } from '../../app/principal-name.ts';
import { useLocale, useT } from '../../i18n/index.ts';
import { relativeTime } from '../../i18n/relative-time.ts';
import { messages } from './messages.ts';
import { useUnpublishedChanges } from './use-unpublished-changes.ts';

interface FlowRowProps {
  flow: FlowSummary;
  canEdit: boolean;
  onDuplicate(): void;
  onExport(): void;
  onDelete(): void;
}

/** Clicks on these inside the row do their own thing, not open the flow. */
const OWN_ACTION = 'a, button, input, select, textarea, label';

/**
 * One flow in the list. The whole row opens the flow (click, or Enter while it has focus); a
 * published flow offers no delete, since its versions are kept for good.
 */
export function FlowRow({ flow, canEdit, onDuplicate, onExport, onDelete }: FlowRowProps) {
  const t = useT(messages);
  const unpublished = useUnpublishedChanges(flow);
  const route = { page: 'editor', flowId: flow.id } as const;
  const published = flow.liveVersion !== null;
  const locale = useLocale((state) => state.locale);
  const principalName = usePrincipalName();
  const edited = new Date(flow.updatedAt);

  function open(event: MouseEvent<HTMLTableRowElement>) {
    if ((event.target as Element).closest(OWN_ACTION)) return;
    // Selecting the id to copy it is not a request to open the flow.
    if (window.getSelection()?.toString()) return;
    if (event.ctrlKey || event.metaKey) window.open(routeHref(route), '_blank', 'noopener');
    else navigate(route);
  }

  function openByKey(event: KeyboardEvent<HTMLTableRowElement>) {
    if (event.target === event.currentTarget && event.key === 'Enter') navigate(route);
  }

  return (
    <tr className="flow-row" data-testid={`flow-row-${flow.id}`} tabIndex={0}
      onClick={open} onKeyDown={openByKey}>
      <td>
        <a className="flow-name" href={routeHref(route)} tabIndex={-1} data-testid="flow-open">{flow.name}</a>
        <div className="muted small mono">{flow.id}</div>
      </td>
      <td>
        {flow.liveVersion !== null
          ? <span className="pill pill-live" data-testid="flow-live">{t('live', { version: flow.liveVersion })}</span>
          : <span className="pill pill-muted">{t('notPublished')}</span>}
        {unpublished && <span className="pill pill-warn" data-testid="flow-unpublished">{t('unpublished')}</span>}
      </td>
      <td data-testid="flow-edited">
        <time dateTime={edited.toISOString()} title={new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(edited)}>
          {relativeTime(flow.updatedAt, Date.now(), locale)}
        </time>
        {flow.updatedBy !== null && <div className="muted small">{t('editedBy', { who: principalName(flow.updatedBy) })}</div>}
      </td>
      <td className="row-actions">
        {canEdit && <button className="btn btn-small" data-testid="flow-duplicate" onClick={onDuplicate}>{t('duplicate')}</button>}
        <button className="btn btn-small" data-testid="flow-export" onClick={onExport}>{t('export')}</button>
        {canEdit && (
          <button className="btn btn-small btn-danger" data-testid="flow-delete" disabled={published}
            title={published ? t('deletePublished') : undefined} onClick={onDelete}>{t('delete')}</button>
        )}
      </td>
    </tr>
  );
}
