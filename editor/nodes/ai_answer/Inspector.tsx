import { useT } from '../../i18n/index.ts';
import { NumberField, orUndefined, TextField } from '../../inspector/fields/index.ts';
import { WHATSAPP_LIMITS } from '../../../schema/index.ts';
import { useEditorStore } from '../../store/index.ts';
import type { NodeInspectorProps } from '../types.ts';
import { messages } from './messages.ts';
import { TimeoutField } from '../shared/TimeoutField.tsx';
import { TryQuestion } from './TryQuestion.tsx';

export function AiAnswerInspector({ data, update }: NodeInspectorProps<'ai_answer'>) {
  const t = useT(messages);
  const entries = useEditorStore((state) => state.document.knowledge?.length ?? 0);
  return (
    <>
      <p className="insp-hint" data-testid="ai-answer-knowledge">{entries === 0 ? t('noKnowledge') : t('answersFrom', { count: entries })}</p>
      <TextField name="text" label={t('question')} hint={t('questionHint')} value={data.text ?? ''} multiline template
        limit={WHATSAPP_LIMITS.textBody} onChange={(text) => update({ text: orUndefined(text) })} />
      {/* Only a node that asks waits for the question, so only then can it time out. */}
      {data.text ? <TimeoutField value={data.timeoutSeconds} onChange={(timeoutSeconds) => update({ timeoutSeconds })} /> : null}
      <NumberField name="minConfidence" label={t('minConfidence')} value={data.minConfidence} min={0} max={1} step={0.05} placeholder="0.45"
        onChange={(minConfidence) => update({ minConfidence })} />
      <TextField name="variable" label={t('variable')} value={data.variable ?? ''} onChange={(variable) => update({ variable: orUndefined(variable) })} />
      <h4 className="insp-section">{t('tryTitle')}</h4>
      <TryQuestion minConfidence={data.minConfidence} />
    </>
  );
}
