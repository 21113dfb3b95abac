import { useT } from '../../i18n/index.ts';
import { TextPreview } from '../shared/TextPreview.tsx';
import type { NodeBodyProps } from '../types.ts';
import { messages } from './messages.ts';

/** The question (if any); `answered` and `unknown` follow as the card's outputs. */
export function AiAnswerBody({ data }: NodeBodyProps<'ai_answer'>) {
  const t = useT(messages);
  return <TextPreview text={data.text} empty={t('questionHint')} />;
}
