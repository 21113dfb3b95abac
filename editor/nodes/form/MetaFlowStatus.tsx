import './meta-flow-status.css';
import { useEffect, useState } from 'react';
import type { MetaFlowSummary } from '../../api/types.ts';
import { useLocale, useT } from '../../i18n/index.ts';
import { useInspectorEnvironment } from '../../inspector/InspectorContext.ts';
import { messages } from './messages.ts';

type MetaStatus = 'published' | 'created' | 'error' | 'deprecated';

/** What a person needs to know of a Meta Flow: Meta refused its Flow JSON (error), it exists but is not sent yet (created), it is sent (published). */
function statusOf(entry: MetaFlowSummary): MetaStatus {
  if (entry.validationErrors.length > 0) return 'error';
  return entry.status === 'PUBLISHED' ? 'published' : entry.status === 'DRAFT' ? 'created' : 'deprecated';
}

/** Per business account, the newest version's Meta Flow of this form (older versions' are history). */
export function latestPerWaba(entries: readonly MetaFlowSummary[], nodeId: string): MetaFlowSummary[] {
  const latest = new Map<string, MetaFlowSummary>();
  for (const entry of entries) {
    if (entry.nodeId !== nodeId) continue;
    const kept = latest.get(entry.wabaId);
    if (!kept || entry.version > kept.version) latest.set(entry.wabaId, entry);
  }
  return [...latest.values()].sort((a, b) => a.wabaId.localeCompare(b.wabaId));
}

/**
 * The form's WhatsApp Flow at Meta, per business account (WABA): created, published, or refused with
 * Meta's validation errors. Forms reach Meta when a version is published or bound to a number.
 */
export function MetaFlowStatus({ nodeId }: { nodeId: string }) {
  const t = useT(messages);
  const locale = useLocale((state) => state.locale);
  const { loadMetaFlows } = useInspectorEnvironment();
  const [entries, setEntries] = useState<MetaFlowSummary[] | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (!loadMetaFlows) return;
    let current = true;
    loadMetaFlows().then((list) => { if (current) setEntries(list); }, () => { if (current) setFailed(true); });
    return () => { current = false; };
  }, [loadMetaFlows]);
  if (!loadMetaFlows) return null;
  const rows = entries && latestPerWaba(entries, nodeId);
  const time = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' });
  return (
    <section className="meta-flow-status" data-testid="meta-flow-status">
      <h4 className="insp-section">{t('metaTitle')}</h4>
      {failed && <p className="insp-hint">{t('metaUnavailable')}</p>}
      {rows?.length === 0 && <p className="insp-hint" data-testid="meta-flow-none">{t('metaNone')}</p>}
      {rows && rows.length > 0 && (
        <ul className="meta-flow-list">
          {rows.map((entry) => {
            const status = statusOf(entry);
            return (
              <li key={entry.wabaId} data-testid={`meta-flow-${entry.wabaId}`} data-status={status}>
                <span className={`pill meta-flow-pill meta-flow-${status}`}>{t(`meta_${status}`)}</span>
                <span className="small"> WABA {entry.wabaId} · v{entry.version}</span>
                <div className="muted small mono">{t('metaId', { id: entry.metaFlowId })} · {time.format(entry.updatedAt)}</div>
                {entry.validationErrors.length > 0 && (
                  <ul className="meta-flow-errors" role="alert">
                    {entry.validationErrors.map((error, index) => <li key={index}><strong>{error.error}</strong>: {error.message}</li>)}
                  </ul>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
