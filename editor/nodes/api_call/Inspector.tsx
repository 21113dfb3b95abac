import { API_CALL_MAX_TIMEOUT_MS } from '../../../schema/nodes/api-call.ts';
import { useT } from '../../i18n/index.ts';
import { ListEditor, NumberField, orUndefined, SelectField, TextField } from '../../inspector/fields/index.ts';
import type { NodeInspectorProps } from '../types.ts';
import { messages } from './messages.ts';
import { TryApiCallButton } from './TryApiCallButton.tsx';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

export function ApiCallInspector({ nodeId, data, update }: NodeInspectorProps<'api_call'>) {
  const t = useT(messages);
  return (
    <>
      <div className="insp-row">
        <SelectField name="method" label={t('method')} value={data.method}
          options={METHODS.map((method) => ({ value: method, label: method }))} onChange={(method) => update({ method })} />
        <NumberField name="timeoutMs" label={t('timeoutMs')} value={data.timeoutMs} min={1} max={API_CALL_MAX_TIMEOUT_MS} placeholder="5000"
          onChange={(timeoutMs) => update({ timeoutMs })} />
      </div>
      <TextField name="url" label={t('url')} value={data.url} template placeholder="https://api.example.com/items/{{id}}"
        onChange={(url) => update({ url })} hint={t('secretsHint')} />
      <h4 className="insp-section">{t('headers')}</h4>
      <ListEditor
        name="headers"
        items={data.headers ?? []}
        onChange={(headers) => update({ headers: headers.length ? headers : undefined })}
        create={() => ({ name: '', value: '' })}
        itemTitle={(header, index) => header.name || t('header', { n: index + 1 })}
        addLabel={t('addHeader')}
        renderItem={(header, index, change) => (
          <div className="insp-row">
            <TextField name={`headers.${index}.name`} label={t('name')} value={header.name} onChange={(name) => change({ ...header, name })} />
            <TextField name={`headers.${index}.value`} label={t('value')} value={header.value} template onChange={(value) => change({ ...header, value })} />
          </div>
        )}
      />
      {data.method !== 'GET' && (
        <TextField name="body" label={t('body')} value={data.body ?? ''} multiline template placeholder={'{ "id": "{{id}}" }'}
          onChange={(body) => update({ body: orUndefined(body) })} />
      )}
      <h4 className="insp-section">{t('outputs')}</h4>
      <ListEditor
        name="outputs"
        items={data.outputs ?? []}
        onChange={(outputs) => update({ outputs: outputs.length ? outputs : undefined })}
        create={() => ({ variable: '', path: '' })}
        itemTitle={(output, index) => output.variable || t('output', { n: index + 1 })}
        addLabel={t('addOutput')}
        renderItem={(output, index, change) => (
          <div className="insp-row">
            <TextField name={`outputs.${index}.variable`} label={t('variable')} value={output.variable} onChange={(variable) => change({ ...output, variable })} />
            <TextField name={`outputs.${index}.path`} label={t('path')} value={output.path} onChange={(path) => change({ ...output, path })} />
          </div>
        )}
      />
      <TryApiCallButton nodeId={nodeId} data={data} />
    </>
  );
}
