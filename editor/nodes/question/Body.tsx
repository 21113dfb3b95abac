import { useT } from '../../i18n/index.ts';
import { messages as common } from '../messages.ts';
import { messages as fallbackWords } from '../shared/fallback-template-messages.ts';
import { TextPreview } from '../shared/TextPreview.tsx';
import type { NodeBodyProps } from '../types.ts';
import { messages } from './messages.ts';

export function QuestionBody({ data }: NodeBodyProps<'question'>) {
  const t = useT(messages);
  const tc = useT(common);
  const tf = useT(fallbackWords);
  return (
    <>
      <TextPreview text={data.text} empty={tc('empty')} />
      <div className="node-chip">{t(data.input)} → <span className="node-var">{data.variable}</span></div>
      {data.fallbackTemplate && <div className="node-chip" title={tf('fallbackTemplate')}>❏ {data.fallbackTemplate.name}</div>}
    </>
  );
}
