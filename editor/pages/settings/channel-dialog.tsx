import { useState, type FormEvent } from 'react';
import { api } from '../../app/api.ts';
import { Dialog } from '../../app/dialog.tsx';
import type { Channel, ChannelBinding, ChannelSummary, FlowSummary } from '../../api/types.ts';
import { useErrorText } from '../../i18n/error-text.ts';
import { useT } from '../../i18n/index.ts';
import { CopyField } from './copy-field.tsx';
import { messages } from './messages.ts';

/** A number's write-only secrets, and the summary field saying whether each is stored. */
export const SECRETS = ['accessToken', 'appSecret', 'verifyToken'] as const;
type Secret = (typeof SECRETS)[number];
export const HAS_SECRET = { accessToken: 'hasAccessToken', appSecret: 'hasAppSecret', verifyToken: 'hasVerifyToken' } as const satisfies Record<Secret, keyof Channel>;

/** A verify token for Meta's console: 24 random bytes, URL-safe, so it pastes without escaping. */
function newVerifyToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

interface ChannelDialogProps {
  /** The number being edited; none to connect a new one. */
  channel: Channel | null;
  flows: FlowSummary[];
  onSaved(channel: ChannelSummary): void;
  onCancel(): void;
}

/**
 * Connects a WhatsApp number to a published flow. Secrets are write-only: their fields start empty and
 * an empty field keeps what is stored (or the server's default). The webhook URL and verify token are
 * what to paste into Meta's console.
 */
export function ChannelDialog({ channel, flows, onSaved, onCancel }: ChannelDialogProps) {
  const t = useT(messages);
  const describeError = useErrorText();
  const published = flows.filter((flow) => flow.liveVersion !== null);
  const [phoneNumberId, setPhoneNumberId] = useState(channel?.phoneNumberId ?? '');
  const [flowId, setFlowId] = useState(channel?.flowId ?? published[0]?.id ?? '');
  const [wabaId, setWabaId] = useState(channel?.wabaId ?? '');
  const [secrets, setSecrets] = useState<Record<Secret, string>>({ accessToken: '', appSecret: '', verifyToken: channel?.hasVerifyToken ? '' : newVerifyToken() });
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const webhookUrl = `${window.location.origin}/webhooks/whatsapp`;

  async function save(event: FormEvent) {
    event.preventDefault();
    const binding: ChannelBinding = { flowId, ...(wabaId.trim() !== '' && { wabaId: wabaId.trim() }) };
    for (const key of SECRETS) if (secrets[key].trim() !== '') binding[key] = secrets[key].trim();
    setSaving(true);
    try {
      onSaved(await api.bindChannel(phoneNumberId.trim(), binding));
    } catch (failure) {
      setError(failure);
      setSaving(false);
    }
  }

  const secretField = (key: Secret, type: 'password' | 'text') => (
    <label className="field">
      <span>{t(key)}</span>
      <span className="copy-field">
        <input type={type} autoComplete="off" data-testid={`channel-${key}`} value={secrets[key]}
          placeholder={channel?.[HAS_SECRET[key]] ? t('secretKept') : t('secretDefault')}
          onChange={(event) => setSecrets({ ...secrets, [key]: event.target.value })} />
        {key === 'verifyToken' && <button type="button" className="btn btn-small" data-testid="channel-verify-generate"
          onClick={() => setSecrets({ ...secrets, verifyToken: newVerifyToken() })}>{t('generate')}</button>}
      </span>
    </label>
  );

  return (
    <Dialog title={channel ? channel.phoneNumberId : t('connect')} testId="channel-dialog" onDismiss={onCancel}
      actions={<>
        <button className="btn" onClick={onCancel}>{t('cancel')}</button>
        <button className="btn btn-primary" data-testid="channel-save" form="channel-form"
          disabled={saving || phoneNumberId.trim() === '' || flowId === ''}>{t('save')}</button>
      </>}>
      <form id="channel-form" onSubmit={(event) => void save(event)}>
        <label className="field">
          <span>{t('phoneNumberId')}</span>
          <input data-testid="channel-phone" inputMode="numeric" pattern="[0-9]{1,32}" value={phoneNumberId} readOnly={channel !== null}
            onChange={(event) => setPhoneNumberId(event.target.value)} />
        </label>
        <label className="field">
          <span>{t('flow')}</span>
          {published.length === 0
            ? <p className="banner" data-testid="channel-no-published">{t('noPublished')}</p>
            : <select data-testid="channel-flow" value={flowId} onChange={(event) => setFlowId(event.target.value)}>
                {published.map((flow) => <option key={flow.id} value={flow.id}>{flow.name} (v{flow.liveVersion})</option>)}
              </select>}
        </label>
        <label className="field">
          <span>{t('wabaId')}</span>
          <input data-testid="channel-waba" inputMode="numeric" pattern="[0-9]{1,32}" value={wabaId} onChange={(event) => setWabaId(event.target.value)} />
        </label>
        {secretField('accessToken', 'password')}
        {secretField('appSecret', 'password')}
        {secretField('verifyToken', 'text')}
        <div className="field">
          <span>{t('webhookUrl')}</span>
          <CopyField value={webhookUrl} testId="channel-webhook-url" />
        </div>
        <p className="muted small">{t('pasteInMeta')} {secrets.verifyToken !== '' && t('verifyTokenOnce')}</p>
        {error !== null && <p className="banner banner-error" role="alert" data-testid="channel-error">{describeError(error)}</p>}
      </form>
    </Dialog>
  );
}
