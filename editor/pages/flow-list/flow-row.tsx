import { routeHref } from '../../app/router.ts';
import type { FlowSummary } from '../../api/types.ts';
import { useT } from '../../i18n/index.ts';
import { messages } from './messages.ts';
import { useUnpublishedChanges } from './use-unpublished-changes.ts';

interface FlowRowProps {
  flow: FlowSummary;
  canEdit: boolean;
  onDuplicate(): void;
  onExport(): void;
  onDelete(): void;
}

export function FlowRow({ flow, canEdit, onDuplicate, onExport, onDelete }: FlowRowProps) {
  const t = useT(messages);
  const unpublished = useUnpublishedChanges(flow);
  return (
    <tr data-testid={`flow-row-${flow.id}`}>
      <td>
        <a className="flow-name" href={routeHref({ page: 'editor', flowId: flow.id })} data-testid="flow-open">{flow.name}</a>
        <div className="muted small mono">{flow.id}</div>
      </td>
      <td>
        {flow.liveVersion === null
          ? <span className="pill pill-muted">{t('notPublished')}</span>
          : <span className="pill pill-live" data-testid="flow-live">{t('live', { version: flow.liveVersion })}</span>}
        {unpublished && <span className="pill pill-warn" data-testid="flow-unpublished">{t('unpublished')}</span>}
      </td>
      <td className="row-actions">
        <a className="btn btn-small" href={routeHref({ page: 'editor', flowId: flow.id })}>{t('open')}</a>
        {canEdit && <button className="btn btn-small" data-testid="flow-duplicate" onClick={onDuplicate}>{t('duplicate')}</button>}
        <button className="btn btn-small" data-testid="flow-export" onClick={onExport}>{t('export')}</button>
        {canEdit && <button className="btn btn-small btn-danger" data-testid="flow-delete" onClick={onDelete}>{t('delete')}</button>}
      </td>
    </tr>
  );
}
