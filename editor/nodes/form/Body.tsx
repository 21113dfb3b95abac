import { useT } from '../../i18n/index.ts';
import { messages as common } from '../messages.ts';
import { TextPreview } from '../shared/TextPreview.tsx';
import type { NodeBodyProps } from '../types.ts';
import { messages } from './messages.ts';

export function FormBody({ data }: NodeBodyProps<'form'>) {
  const t = useT(messages);
  const tc = useT(common);
  return (
    <>
      <TextPreview text={data.text} empty={tc('empty')} />
      <div className="node-chip">{t('summary', { screens: data.flowJson.screens.length, fields: data.outputs.length })}</div>
      <div className="node-cta">{data.cta}</div>
    </>
  );
}
