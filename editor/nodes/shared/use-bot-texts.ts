import { runtimeTexts, type RuntimeTexts } from '../../../runtime/core/texts.ts';
import { useEditorStore } from '../../store/index.ts';

/**
 * What the bot says on its own when a field is left empty, in the flow's language and register
 * (`settings.register`): the placeholders of the fields that override it.
 */
export function useBotTexts(): RuntimeTexts {
  const language = useEditorStore((state) => state.document.language);
  const register = useEditorStore((state) => state.document.settings?.register);
  return runtimeTexts(language, register);
}
