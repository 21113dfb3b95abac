import { fillPlaceholders } from '../../../schema/whatsapp-template.ts';
import { useT } from '../../i18n/index.ts';
import { useTemplates } from '../../templates/templates-store.ts';
import { TextPreview } from '../shared/TextPreview.tsx';
import type { NodeBodyProps } from '../types.ts';
import { messages } from './messages.ts';
import { shapeOf } from './template-data.ts';

/** The template's name and language, and its text with the parameters as written (quick replies are the outputs). */
export function TemplateBody({ data }: NodeBodyProps<'template'>) {
  const t = useT(messages);
  const shape = useTemplates((state) => shapeOf(state.templates, data));
  return (
    <>
      <div className="node-chip">▤ {data.name || t('empty')} · {data.language}</div>
      {shape && <TextPreview text={fillPlaceholders(shape.body, data.bodyParameters ?? {})} empty="" />}
    </>
  );
}
