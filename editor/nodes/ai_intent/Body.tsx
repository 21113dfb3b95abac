import { useT } from '../../i18n/index.ts';
import { TextPreview } from '../shared/TextPreview.tsx';
import type { NodeBodyProps } from '../types.ts';
import { messages } from './messages.ts';

/** The question (if any); the intents follow as the card's outputs, each with its examples count. */
export function AiIntentBody({ data }: NodeBodyProps<'ai_intent'>) {
  const t = useT(messages);
  return <TextPreview text={data.text} empty={t('questionHint')} />;
}
