import { VARIABLE_PATTERN, type VariableDeclaration } from '../../schema/index.ts';
import { useT } from '../i18n/index.ts';
import { Field, fieldIds, SelectField, TextField } from '../inspector/fields/index.ts';
import { useInspectorEnvironment } from '../inspector/InspectorContext.ts';
import { useEditorStore, useEditorStoreApi } from '../store/index.ts';
import { messages } from './messages.ts';

const TYPES = ['string', 'number', 'boolean', 'object', 'array'] as const satisfies ReadonlyArray<VariableDeclaration['type']>;
const validName = new RegExp(VARIABLE_PATTERN);
const NO_VARIABLES: readonly VariableDeclaration[] = [];

/** What is wrong with a variable's name, said as the user types (validation reports it too). */
function nameProblem(variables: readonly VariableDeclaration[], index: number): 'invalidName' | 'duplicateName' | null {
  const name = variables[index]!.name;
  if (!validName.test(name)) return 'invalidName';
  return variables.some((other, i) => i !== index && other.name === name) ? 'duplicateName' : null;
}

/** The flow's declared variables: name (checked against the schema's pattern), type and description. */
export function VariablesEditor() {
  const t = useT(messages);
  const store = useEditorStoreApi();
  const { readOnly, endGesture } = useInspectorEnvironment();
  const variables = useEditorStore((state) => state.document.variables ?? NO_VARIABLES);

  return (
    <div className="settings-variables" data-testid="list-variables">
      {variables.length === 0 && <p className="insp-list-empty">{t('noVariables')}</p>}
      {variables.map((variable, index) => {
        const problem = nameProblem(variables, index);
        const update = (patch: Partial<VariableDeclaration>) => store.getState().updateVariable(index, patch);
        const nameIds = fieldIds(`variables.${index}.name`);
        return (
          <div className="insp-list-item" key={index} data-testid={`list-variables-${index}`}>
            <div className="insp-list-item-head">
              <code className="insp-list-item-title">{`{{${variable.name}}}`}</code>
              {!readOnly && (
                <span className="insp-list-item-tools">
                  <button type="button" aria-label={t('removeVariable')} title={t('removeVariable')} data-testid={`list-variables-${index}-remove`}
                    onClick={() => store.getState().removeVariable(index)}>✕</button>
                </span>
              )}
            </div>
            <div className="insp-row">
              <Field label={t('variableName')} htmlFor={nameIds.id} hint={problem ? <span className="settings-error" role="alert">{t(problem)}</span> : undefined}>
                <input {...nameIds} className={problem ? 'insp-input insp-input--over' : 'insp-input'} value={variable.name} readOnly={readOnly}
                  aria-invalid={problem !== null || undefined} spellCheck={false}
                  onChange={(event) => update({ name: event.target.value })} onBlur={endGesture} />
              </Field>
              <SelectField name={`variables.${index}.type`} label={t('variableType')} value={variable.type}
                options={TYPES.map((type) => ({ value: type, label: t(`type_${type}`) }))}
                onChange={(type) => { update({ type }); endGesture(); }} />
            </div>
            <TextField name={`variables.${index}.description`} label={t('variableDescription')} value={variable.description ?? ''}
              onChange={(description) => update({ description })} />
          </div>
        );
      })}
      {!readOnly && (
        <button type="button" className="insp-list-add" data-testid="list-variables-add"
          onClick={() => {
            const index = store.getState().addVariable();
            if (index !== null) store.getState().openSettings(`variables.${index}.name`);
          }}>+ {t('addVariable')}</button>
      )}
    </div>
  );
}
