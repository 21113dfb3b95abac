import { useT } from '../../i18n/index.ts';
import { ListEditor, orUndefined, SelectField, TextField } from '../../inspector/fields/index.ts';
import { freshId } from '../../store/ids.ts';
import type { NodeInspectorProps } from '../types.ts';
import { messages } from './messages.ts';
import { isUnary, OPERATORS, readsTheClock } from './operators.ts';

export function ConditionInspector({ data, update }: NodeInspectorProps<'condition'>) {
  const t = useT(messages);
  return (
    <>
      <h4 className="insp-section">{t('branches')}</h4>
      <ListEditor
        name="branches"
        items={data.branches}
        onChange={(branches) => update({ branches })}
        create={(branches) => ({
          id: freshId('rama', new Set(branches.map((branch) => branch.id)), true),
          match: 'all' as const,
          rules: [{ left: '', op: 'equals' as const, right: '' }],
        })}
        itemTitle={(branch, index) => `${t('branch', { n: index + 1 })} · ${branch.id}`}
        addLabel={t('addBranch')}
        min={1}
        renderItem={(branch, b, change) => (
          <>
            <TextField name={`branches.${b}.label`} label={t('label')} value={branch.label ?? ''}
              onChange={(label) => change({ ...branch, label: orUndefined(label) })} />
            <SelectField name={`branches.${b}.match`} label={t('match')} value={branch.match}
              options={[{ value: 'all', label: t('all') }, { value: 'any', label: t('any') }]}
              onChange={(match) => change({ ...branch, match })} />
            <ListEditor
              name={`branches.${b}.rules`}
              items={branch.rules}
              onChange={(rules) => change({ ...branch, rules })}
              create={() => ({ left: '', op: 'equals' as const, right: '' })}
              itemTitle={(_, index) => t('rule', { n: index + 1 })}
              addLabel={t('addRule')}
              min={1}
              renderItem={(rule, r, changeRule) => (
                <div className="insp-rule">
                  {!readsTheClock(rule.op) && (
                    <TextField name={`branches.${b}.rules.${r}.left`} label={t('left')} value={rule.left} template placeholder="{{variable}}"
                      onChange={(left) => changeRule({ ...rule, left })} />
                  )}
                  <SelectField name={`branches.${b}.rules.${r}.op`} label={t('op')} value={rule.op}
                    options={OPERATORS.map((op) => ({ value: op, label: t(op) }))}
                    onChange={(op) => changeRule(readsTheClock(op) ? { left: '', op } : isUnary(op) ? { left: rule.left, op } : { ...rule, op, right: rule.right ?? '' })} />
                  {!isUnary(rule.op) && (
                    <TextField name={`branches.${b}.rules.${r}.right`} label={t('right')} value={rule.right ?? ''} template
                      onChange={(right) => changeRule({ ...rule, right })} />
                  )}
                </div>
              )}
            />
          </>
        )}
      />
    </>
  );
}
