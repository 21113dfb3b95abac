import type { NodeBodyProps } from '../types.ts';

export function SetBody({ data }: NodeBodyProps<'set'>) {
  return (
    <ul className="node-lines">
      {data.assignments.map((assignment, index) => (
        <li key={index}><span className="node-var">{assignment.variable || '?'}</span> = {assignment.value}</li>
      ))}
    </ul>
  );
}
