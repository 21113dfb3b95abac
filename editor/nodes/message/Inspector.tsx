import type { NodeData } from '../../../schema/index.ts';
import { useT } from '../../i18n/index.ts';
import { SelectField, TextField } from '../../inspector/fields/index.ts';
import { WHATSAPP_LIMITS } from '../../../schema/index.ts';
import { messages as common } from '../messages.ts';
import type { NodeInspectorProps } from '../types.ts';
import { messages } from './messages.ts';

type Media = NonNullable<NodeData<'message'>['media']>;
const MEDIA_KINDS = ['none', 'image', 'video', 'audio', 'document'] as const;

export function MessageInspector({ data, update }: NodeInspectorProps<'message'>) {
  const t = useT(messages);
  const tc = useT(common);
  const media = data.media;
  const setMedia = (patch: Partial<Media>) => update({ media: { kind: 'image', url: '', ...media, ...patch } });
  return (
    <>
      <TextField name="text" label={tc('text')} value={data.text} onChange={(text) => update({ text })}
        multiline template limit={WHATSAPP_LIMITS.textBody} />
      <SelectField name="media.kind" label={t('media')} value={media?.kind ?? 'none'}
        options={MEDIA_KINDS.map((kind) => ({ value: kind, label: t(kind) }))}
        onChange={(kind) => (kind === 'none' ? update({ media: undefined }) : setMedia({ kind }))} />
      {media && (
        <>
          <TextField name="media.url" label={t('url')} value={media.url} placeholder="https://" onChange={(url) => setMedia({ url })} />
          {media.kind !== 'audio' && (
            <TextField name="media.caption" label={t('caption')} value={media.caption ?? ''} template limit={WHATSAPP_LIMITS.caption}
              onChange={(caption) => setMedia({ caption: caption === '' ? undefined : caption })} />
          )}
          {media.kind === 'document' && (
            <TextField name="media.filename" label={t('filename')} value={media.filename ?? ''} onChange={(filename) => setMedia({ filename })} />
          )}
        </>
      )}
    </>
  );
}
