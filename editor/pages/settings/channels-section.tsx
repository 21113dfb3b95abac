import { useCallback, useEffect, useState } from 'react';
import { api } from '../../app/api.ts';
import type { Channel, ChannelSummary, FlowSummary } from '../../api/types.ts';
import { useErrorText } from '../../i18n/error-text.ts';
import { useLocale, useT } from '../../i18n/index.ts';
import { relativeTime } from '../../i18n/relative-time.ts';
import { useNow } from '../inbox/use-now.ts';
import { ChannelDialog, HAS_SECRET, SECRETS } from './channel-dialog.tsx';
import { messages } from './messages.ts';

/** The numbers, their flow and health; admins connect and edit them, other roles only read. */
export function ChannelsSection({ canManage }: { canManage: boolean }) {
  const t = useT(messages);
  const locale = useLocale((state) => state.locale);
  const describeError = useErrorText();
  const now = useNow(30_000);
  const [channels, setChannels] = useState<Channel[] | null>(null);
  const [flows, setFlows] = useState<FlowSummary[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [editing, setEditing] = useState<Channel | 'new' | null>(null);
  const [saved, setSaved] = useState<ChannelSummary | null>(null);

  const reload = useCallback(() => Promise.all([api.listChannels(), api.listFlows()])
    .then(([channelList, flowList]) => { setChannels(channelList); setFlows(flowList); }, setError), []);
  useEffect(() => { void reload(); }, [reload]);
  async function resume(channel: Channel) {
    try {
      await api.resumeChannel(channel.phoneNumberId);
      await reload();
    } catch (failure) { setError(failure); }
  }
  const flowName = (id: string) => flows.find((flow) => flow.id === id)?.name ?? id;

  return (
    <section className="settings-section" data-testid="settings-channels">
      <div className="page-heading">
        <p className="muted settings-help">{t('channelsHelp')}</p>
        {canManage && <button className="btn btn-primary" data-testid="channel-connect" onClick={() => { setSaved(null); setEditing('new'); }}>{t('connect')}</button>}
      </div>
      {saved && <p className="banner banner-ok" role="status" data-testid="channel-saved">{t('saved', { id: saved.phoneNumberId, flow: flowName(saved.flowId) })}</p>}
      {error !== null && <p className="banner banner-error" role="alert">{describeError(error)}</p>}
      {channels === null ? <p className="muted">{t('loading')}</p> : channels.length === 0 ? <p className="empty-state">{t('noChannels')}</p> : (
        <table className="flow-table" data-testid="channel-list">
          <thead><tr><th>{t('columnNumber')}</th><th>{t('columnFlow')}</th><th>{t('columnSecrets')}</th><th>{t('columnHealth')}</th>{canManage && <th />}</tr></thead>
          <tbody>
            {channels.map((channel) => (
              <tr key={channel.phoneNumberId} data-testid={`channel-row-${channel.phoneNumberId}`}>
                <td className="mono">{channel.phoneNumberId}{channel.wabaId && <div className="small muted">WABA {channel.wabaId}</div>}</td>
                <td><a href={`#/flows/${encodeURIComponent(channel.flowId)}`}>{flowName(channel.flowId)}</a></td>
                <td className="small muted">
                  {SECRETS.map((key) => <div key={key}>{t(channel[HAS_SECRET[key]] ? 'secretSet' : 'secretUnset', { name: t(key) })}</div>)}
                </td>
                <td><div className="channel-health" data-testid="channel-health">
                  {channel.state === 'paused' && <>
                    <span className="pill pill-error" data-testid="channel-paused">{t('paused')}</span>
                    {channel.pause && <div className="small error-text">{t('pausedBecause', { code: channel.pause.code ?? '—', reason: channel.pause.reason })}</div>}
                    {canManage && <button className="btn btn-small" data-testid="channel-resume" onClick={() => void resume(channel)}>{t('resume')}</button>}
                  </>}
                  {/* A paused number already says what Meta refused: the same error is not repeated below. */}
                  {channel.tokenProblem && (channel.state === 'active' || channel.tokenProblem === 'missing') && <span className="pill pill-error" data-testid="channel-token-problem">{t(channel.tokenProblem === 'missing' ? 'tokenMissing' : 'tokenRefused')}</span>}
                  <div className="small">{channel.lastWebhookAt === null ? t('noWebhook') : t('lastWebhook', { when: relativeTime(channel.lastWebhookAt, now, locale) })}</div>
                  {channel.lastSendError && channel.state === 'active' && <div className="small error-text" data-testid="channel-send-error">
                    {t('lastSendError', { code: channel.lastSendError.code ?? '—', message: channel.lastSendError.message })}
                  </div>}
                  {channel.state === 'active' && !channel.tokenProblem && !channel.lastSendError && <span className="pill pill-ok">{t('healthy')}</span>}
                </div></td>
                {canManage && <td className="row-actions">
                  <button className="btn btn-small" data-testid="channel-edit" onClick={() => { setSaved(null); setEditing(channel); }}>{t('edit')}</button>
                </td>}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editing && <ChannelDialog channel={editing === 'new' ? null : editing} flows={flows} onCancel={() => setEditing(null)}
        onSaved={(channel) => { setEditing(null); setSaved(channel); void reload(); }} />}
    </section>
  );
}
