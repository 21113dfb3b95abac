import { useT } from '../../i18n/index.ts';
import { ListEditor, NumberField, orUndefined, TextField } from '../../inspector/fields/index.ts';
import { WHATSAPP_LIMITS } from '../../../schema/index.ts';
import { freshId, idStem } from '../../store/ids.ts';
import type { NodeInspectorProps } from '../types.ts';
import { messages } from './messages.ts';
import { TimeoutField } from '../shared/TimeoutField.tsx';

export function AiIntentInspector({ data, update }: NodeInspectorProps<'ai_intent'>) {
  const t = useT(messages);
  return (
    <>
      <TextField name="text" label={t('question')} hint={t('questionHint')} value={data.text ?? ''} multiline template
        limit={WHATSAPP_LIMITS.textBody} onChange={(text) => update({ text: orUndefined(text) })} />
      {/* Only a node that asks waits for an answer, so only then can it time out. */}
      {data.text ? <TimeoutField value={data.timeoutSeconds} onChange={(timeoutSeconds) => update({ timeoutSeconds })} /> : null}
      <h4 className="insp-section">{t('intents')}</h4>
      <ListEditor
        name="intents"
        items={data.intents}
        onChange={(intents) => update({ intents })}
        create={(intents) => ({ id: freshId('intencion', new Set(intents.map((intent) => intent.id)), true), description: '', examples: [] })}
        itemTitle={(intent, index) => `${t('intent', { n: index + 1 })} · ${intent.id}`}
        addLabel={t('addIntent')}
        min={1}
        renderItem={(intent, index, change) => (
          <>
            <TextField name={`intents.${index}.id`} label={t('id')} value={intent.id}
              onChange={(id) => change({ ...intent, id: id === '' ? '' : idStem(id) })} />
            <TextField name={`intents.${index}.description`} label={t('description')} value={intent.description}
              onChange={(description) => change({ ...intent, description })} />
            <TextField name={`intents.${index}.examples`} label={t('examples')} multiline
              value={intent.examples.join('\n')}
              hint={t('exampleCount', { count: intent.examples.filter((example) => example.trim() !== '').length })}
              onChange={(text) => change({ ...intent, examples: text.split('\n') })}
              onBlur={() => change({ ...intent, examples: intent.examples.filter((example) => example.trim() !== '') })} />
          </>
        )}
      />
      <NumberField name="minConfidence" label={t('minConfidence')} value={data.minConfidence} min={0} max={1} step={0.05} placeholder="0.6"
        onChange={(minConfidence) => update({ minConfidence })} />
      <TextField name="variable" label={t('variable')} value={data.variable ?? ''} onChange={(variable) => update({ variable: orUndefined(variable) })} />
    </>
  );
}
