import { useT } from '../../i18n/index.ts';
import { ListEditor, orUndefined, SelectField, TextField } from '../../inspector/fields/index.ts';
import { WHATSAPP_LIMITS } from '../../../schema/index.ts';
import { contentLocale } from '../../i18n/content-locale.ts';
import { useEditorStore } from '../../store/index.ts';
import { messages as common } from '../messages.ts';
import { RetriesField } from '../retries/RetriesField.tsx';
import { FallbackTemplateField } from '../shared/FallbackTemplateField.tsx';
import { TimeoutField } from '../shared/TimeoutField.tsx';
import { useBotTexts } from '../shared/use-bot-texts.ts';
import type { NodeInspectorProps } from '../types.ts';
import { newMenuOption } from './defaults.ts';
import { messages } from './messages.ts';

/** Up to 10 options: 1–3 go out as reply buttons (title ≤ 20), 4–10 as a list (title ≤ 24, description ≤ 72). */
const MAX_OPTIONS = 10;
const HEADER_MEDIA_KINDS = ['none', 'image', 'video', 'document'] as const;

export function MenuInspector({ nodeId, data, update }: NodeInspectorProps<'menu'>) {
  const t = useT(messages);
  const tc = useT(common);
  const botTexts = useBotTexts();
  const asList = data.options.length > WHATSAPP_LIMITS.replyButtons;
  // New options are customer-facing copy: in the flow's language, not the UI's.
  const locale = useEditorStore((state) => contentLocale(state.document.language));
  return (
    <>
      <TextField name="header" label={tc('header')} value={data.header ?? ''} template limit={WHATSAPP_LIMITS.header}
        onChange={(header) => update({ header: orUndefined(header) })} />
      <SelectField name="headerMedia.kind" label={t('headerMedia')} value={data.headerMedia?.kind ?? 'none'} hint={t('headerMediaHint')}
        options={HEADER_MEDIA_KINDS.map((kind) => ({ value: kind, label: t(kind) }))}
        onChange={(kind) => update({ headerMedia: kind === 'none' ? undefined : { url: '', ...data.headerMedia, kind } })} />
      {data.headerMedia && (
        <TextField name="headerMedia.url" label={t('headerMediaUrl')} value={data.headerMedia.url} placeholder="https://"
          onChange={(url) => update({ headerMedia: { ...data.headerMedia!, url } })} />
      )}
      <TextField name="text" label={tc('text')} value={data.text} multiline template limit={WHATSAPP_LIMITS.interactiveBody}
        onChange={(text) => update({ text })} />
      <TextField name="footer" label={tc('footer')} value={data.footer ?? ''} template limit={WHATSAPP_LIMITS.footer}
        onChange={(footer) => update({ footer: orUndefined(footer) })} />
      <h4 className="insp-section">{t('options')} <small>{asList ? t('asList') : t('asButtons')}</small></h4>
      <ListEditor
        name="options"
        items={data.options}
        onChange={(options) => update({ options })}
        create={(options) => newMenuOption(locale, options)}
        itemTitle={(option, index) => `${t('option', { n: index + 1 })} · ${option.id}`}
        addLabel={t('addOption')}
        min={1}
        max={MAX_OPTIONS}
        renderItem={(option, index, change) => (
          <>
            <TextField name={`options.${index}.title`} label={t('title')} value={option.title}
              limit={asList ? WHATSAPP_LIMITS.listRowTitle : WHATSAPP_LIMITS.replyButtonTitle} onChange={(title) => change({ ...option, title })} />
            {asList && (
              <TextField name={`options.${index}.description`} label={t('description')} value={option.description ?? ''}
                limit={WHATSAPP_LIMITS.listRowDescription} onChange={(description) => change({ ...option, description: orUndefined(description) })} />
            )}
          </>
        )}
      />
      {asList && (
        <TextField name="listButton" label={t('listButton')} value={data.listButton ?? ''} limit={WHATSAPP_LIMITS.listButton} placeholder={botTexts.listButton}
          onChange={(listButton) => update({ listButton: orUndefined(listButton) })} />
      )}
      <TextField name="invalidText" label={tc('invalidText')} value={data.invalidText ?? ''} multiline template limit={WHATSAPP_LIMITS.textBody}
        placeholder={botTexts.menuInvalid} onChange={(invalidText) => update({ invalidText: orUndefined(invalidText) })} />
      <RetriesField nodeId={nodeId} value={data.maxRetries} onChange={(maxRetries) => update({ maxRetries })} />
      <TimeoutField value={data.timeoutSeconds} onChange={(timeoutSeconds) => update({ timeoutSeconds })} />
      <FallbackTemplateField value={data.fallbackTemplate} onChange={(fallbackTemplate) => update({ fallbackTemplate })} />
    </>
  );
}
