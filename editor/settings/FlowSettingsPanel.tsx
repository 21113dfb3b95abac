import '../inspector/inspector.css';
import './settings.css';
import { useMemo, useRef } from 'react';
import { DEFAULT_SETTINGS, SPEECH_REGISTERS } from '../../schema/index.ts';
import { contentLocale } from '../i18n/content-locale.ts';
import { LOCALES, useT } from '../i18n/index.ts';
import { CheckboxField, NumberField, SelectField, TextField } from '../inspector/fields/index.ts';
import { InspectorContext, type InspectorEnvironment } from '../inspector/InspectorContext.ts';
import { useEditorStore, useEditorStoreApi } from '../store/index.ts';
import { BusinessHoursSettings } from './BusinessHoursSettings.tsx';
import { hoursMessages } from './hours-messages.ts';
import { KeywordsField } from './KeywordsField.tsx';
import { messages } from './messages.ts';
import { useSettingsFocus } from './use-settings-focus.ts';
import { VariablesEditor } from './VariablesEditor.tsx';
import { KnowledgeEditor } from '../knowledge/KnowledgeEditor.tsx';
import { messages as knowledgeMessages } from '../knowledge/messages.ts';

/** The languages the editor writes copy in, by their names in the UI language. */
const LANG_KEYS = { es: 'lang_es', pt: 'lang_pt', en: 'lang_en' } as const;

/**
 * The flow-level parts of the document: name, description, language, `settings` (defaults as
 * placeholders, a hint for each; the time zone and business hours), the declared variables and the knowledge `ai_answer` nodes answer from. Shown in the inspector's place;
 * every edit is a store action, so undo, redo and autosave treat it like a node edit. Testers read it only.
 */
export function FlowSettingsPanel() {
  const t = useT(messages);
  const tk = useT(knowledgeMessages);
  const th = useT(hoursMessages);
  const store = useEditorStoreApi();
  const { name, description, language, settings = {} } = useEditorStore((state) => state.document);
  const readOnly = useEditorStore((state) => state.readOnly);
  const root = useRef<HTMLElement>(null);
  useSettingsFocus(root);
  const environment = useMemo<InspectorEnvironment>(() => ({ variables: [], readOnly, endGesture: () => store.getState().endGesture() }), [readOnly, store]);
  const actions = store.getState();
  const languages = [...LOCALES, ...(language && !(LOCALES as readonly string[]).includes(language) ? [language] : [])];

  return (
    <aside className="inspector settings-panel" data-testid="settings-panel" ref={root} aria-label={t('title')}>
      <header className="settings-head">
        <h2>⚙ {t('title')}</h2>
        <button type="button" className="btn btn-ghost btn-small" data-testid="settings-close" aria-label={t('close')} title={t('close')}
          onClick={() => actions.closeSettings()}>✕</button>
      </header>
      {readOnly && <p className="insp-hint" data-testid="settings-readonly">{t('readOnly')}</p>}
      <InspectorContext.Provider value={environment}>
        <fieldset className="inspector-form" disabled={readOnly}>
          <h3 className="insp-section">{t('general')}</h3>
          <TextField name="name" label={t('name')} value={name} limit={200} onChange={(next) => actions.updateFlowInfo({ name: next })} />
          <TextField name="description" label={t('description')} value={description ?? ''} multiline hint={t('descriptionHint')}
            onChange={(next) => actions.updateFlowInfo({ description: next })} />
          <SelectField name="language" label={t('language')} value={language ?? 'es'}
            options={languages.map((code) => ({ value: code, label: code in LANG_KEYS ? t(LANG_KEYS[code as keyof typeof LANG_KEYS]) : code }))}
            hint={t('languageHint')} onChange={(next) => { actions.updateFlowInfo({ language: next }); actions.endGesture(); }} />
          {contentLocale(language) === 'es' && (
            <SelectField name="settings.register" label={t('register')} value={settings.register ?? DEFAULT_SETTINGS.register}
              options={SPEECH_REGISTERS.map((register) => ({ value: register, label: t(register === 'vos' ? 'registerVos' : 'registerTu') }))}
              hint={t('registerHint')} onChange={(register) => { actions.updateSettings({ register }); actions.endGesture(); }} />
          )}
          <TextField name="settings.currency" label={t('currency')} value={settings.currency ?? ''} placeholder="ARS" hint={t('currencyHint')}
            onChange={(next) => actions.updateSettings({ currency: next.trim() === '' ? undefined : next.trim().toUpperCase() })} />

          <h3 className="insp-section">{t('conversation')}</h3>
          <NumberField name="settings.sessionTimeoutMinutes" label={t('sessionTimeoutMinutes')} value={settings.sessionTimeoutMinutes}
            min={1} max={525_600} step={1} placeholder={String(DEFAULT_SETTINGS.sessionTimeoutMinutes)}
            hint={`${t('sessionTimeoutHint')} ${t('byDefault', { value: `${DEFAULT_SETTINGS.sessionTimeoutMinutes} (${DEFAULT_SETTINGS.sessionTimeoutMinutes / 60} h)` })}`}
            onChange={(value) => actions.updateSettings({ sessionTimeoutMinutes: value })} />
          <NumberField name="settings.maxStepsPerTurn" label={t('maxStepsPerTurn')} value={settings.maxStepsPerTurn}
            min={1} max={1000} step={1} placeholder={String(DEFAULT_SETTINGS.maxStepsPerTurn)}
            hint={`${t('maxStepsHint')} ${t('byDefault', { value: DEFAULT_SETTINGS.maxStepsPerTurn })}`}
            onChange={(value) => actions.updateSettings({ maxStepsPerTurn: value })} />
          <KeywordsField name="settings.restartKeywords" label={t('restartKeywords')} hint={t('restartHint')}
            value={settings.restartKeywords} defaults={DEFAULT_SETTINGS.restartKeywords}
            onChange={(restartKeywords) => actions.updateSettings({ restartKeywords })} />
          <KeywordsField name="settings.handoffKeywords" label={t('handoffKeywords')} hint={t('handoffHint')}
            value={settings.handoffKeywords} defaults={DEFAULT_SETTINGS.handoffKeywords}
            onChange={(handoffKeywords) => actions.updateSettings({ handoffKeywords })} />
          <NumberField name="settings.burstMilliseconds" label={t('burstMilliseconds')} value={settings.burstMilliseconds}
            min={0} max={60_000} step={100} placeholder={String(DEFAULT_SETTINGS.burstMilliseconds)}
            hint={`${t('burstHint')} ${t('byDefault', { value: DEFAULT_SETTINGS.burstMilliseconds })}`}
            onChange={(value) => actions.updateSettings({ burstMilliseconds: value })} />
          <CheckboxField name="settings.typingIndicator" label={t('typingIndicator')} checked={settings.typingIndicator ?? DEFAULT_SETTINGS.typingIndicator}
            onChange={(typingIndicator) => { actions.updateSettings({ typingIndicator }); actions.endGesture(); }} />
          <p className="insp-hint">{t('typingIndicatorHint')}</p>

          <h3 className="insp-section">{th('section')}</h3>
          <BusinessHoursSettings />

          <h3 className="insp-section">{t('variables')}</h3>
          <p className="insp-hint settings-section-hint">{t('variablesHint')}</p>
          <VariablesEditor />

          <h3 className="insp-section" id="knowledge-section">📚 {tk('title')}</h3>
          <KnowledgeEditor />
        </fieldset>
      </InspectorContext.Provider>
    </aside>
  );
}
