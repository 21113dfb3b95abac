import { useT } from '../i18n/index.ts';
import { useEditorStore, useEditorStoreApi } from '../store/index.ts';
import { messages } from './messages.ts';

/** The toolbar toggle of the flow settings panel (every role: testers see the settings read-only). */
export function FlowSettingsButton() {
  const t = useT(messages);
  const store = useEditorStoreApi();
  const open = useEditorStore((state) => state.settingsOpen);
  return (
    <button type="button" className={open ? 'btn btn-toggled' : 'btn'} data-testid="toggle-settings" aria-pressed={open} title={t('title')}
      onClick={() => (open ? store.getState().closeSettings() : store.getState().openSettings())}>
      ⚙ {t('open')}
    </button>
  );
}
