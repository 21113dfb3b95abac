import { useMemo } from 'react';
import { useT } from '../../i18n/index.ts';
import { orUndefined, TextField } from '../../inspector/fields/index.ts';
import { WHATSAPP_LIMITS } from '../../../schema/index.ts';
import { messages as common } from '../messages.ts';
import type { NodeInspectorProps } from '../types.ts';
import { readScreens, screensPatch } from './flow-json.ts';
import { messages } from './messages.ts';
import { MetaFlowStatus } from './MetaFlowStatus.tsx';
import { ScreensEditor } from './ScreensEditor.tsx';
import { TimeoutField } from '../shared/TimeoutField.tsx';

export function FormInspector({ nodeId, data, update }: NodeInspectorProps<'form'>) {
  const t = useT(messages);
  const tc = useT(common);
  const screens = useMemo(() => readScreens(data.flowJson), [data.flowJson]);
  return (
    <>
      <TextField name="header" label={tc('header')} value={data.header ?? ''} template limit={WHATSAPP_LIMITS.header}
        onChange={(header) => update({ header: orUndefined(header) })} />
      <TextField name="text" label={t('text')} value={data.text} multiline template limit={WHATSAPP_LIMITS.interactiveBody}
        onChange={(text) => update({ text })} />
      <TextField name="footer" label={tc('footer')} value={data.footer ?? ''} template limit={WHATSAPP_LIMITS.footer}
        onChange={(footer) => update({ footer: orUndefined(footer) })} />
      <TextField name="cta" label={t('cta')} value={data.cta} limit={WHATSAPP_LIMITS.flowCta} onChange={(cta) => update({ cta })} />
      <TextField name="flowId" label={t('flowId')} value={data.flowId ?? ''} onChange={(flowId) => update({ flowId: orUndefined(flowId) })} />
      <TimeoutField value={data.timeoutSeconds} onChange={(timeoutSeconds) => update({ timeoutSeconds })} />
      <MetaFlowStatus nodeId={nodeId} />
      <h4 className="insp-section">{t('screens')}</h4>
      <ScreensEditor screens={screens} onChange={(next) => update(screensPatch(data, next))} />
      <h4 className="insp-section">{t('outputs')}</h4>
      {data.outputs.map((output, index) => (
        <TextField key={output.field} name={`outputs.${index}.variable`} label={output.field} value={output.variable}
          onChange={(variable) => update({ outputs: data.outputs.map((old, i) => (i === index ? { ...old, variable } : old)) })} />
      ))}
    </>
  );
}
