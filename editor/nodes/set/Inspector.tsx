import { useT } from '../../i18n/index.ts';
import { ListEditor, TextField } from '../../inspector/fields/index.ts';
import type { NodeInspectorProps } from '../types.ts';
import { messages } from './messages.ts';

export function SetInspector({ data, update }: NodeInspectorProps<'set'>) {
  const t = useT(messages);
  return (
    <ListEditor
      name="assignments"
      items={data.assignments}
      onChange={(assignments) => update({ assignments })}
      create={() => ({ variable: '', value: '' })}
      itemTitle={(_, index) => t('assignment', { n: index + 1 })}
      addLabel={t('addAssignment')}
      min={1}
      renderItem={(assignment, index, change) => (
        <>
          <TextField name={`assignments.${index}.variable`} label={t('variable')} value={assignment.variable}
            onChange={(variable) => change({ ...assignment, variable })} />
          <TextField name={`assignments.${index}.value`} label={t('value')} value={assignment.value} template
            onChange={(value) => change({ ...assignment, value })} />
        </>
      )}
    />
  );
}
