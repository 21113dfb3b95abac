import { useT } from '../../i18n/index.ts';
import type { NodeBodyProps } from '../types.ts';
import { messages } from './messages.ts';
import { isUnary } from './operators.ts';

/** Each branch's rules in words; the branch outputs (and `else`) follow as the card's handles. */
export function ConditionBody({ data }: NodeBodyProps<'condition'>) {
  const t = useT(messages);
  return (
    <ul className="node-lines">
      {data.branches.map((branch, index) => (
        <li key={branch.id}>
          <strong>{branch.label || t('branch', { n: index + 1 })}:</strong>{' '}
          {branch.rules.map((rule) => `${rule.left} ${t(rule.op)}${isUnary(rule.op) ? '' : ` ${rule.right ?? ''}`}`.trim())
            .join(branch.match === 'all' ? ' ∧ ' : ' ∨ ')}
        </li>
      ))}
    </ul>
  );
}
