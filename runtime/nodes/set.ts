import type { VariableDeclaration } from '../../schema/index.ts';
import { flowIndex } from '../core/flow-index.ts';
import { foldText } from '../core/normalize-text.ts';
import type { NodeBehaviour } from './behaviour.ts';
import { next } from './behaviour.ts';

/**
 * Assigns each value in order (later ones see earlier ones). A lone `{{placeholder}}`
 * keeps its value's type; text for a variable declared `number` or `boolean` becomes one
 * when it reads as one ("12.5", "true").
 */
export const set = {
  enter(node, ctx) {
    const index = flowIndex(ctx.flow);
    for (const { variable, value } of node.data.assignments) {
      ctx.session.variables[variable] = asDeclared(ctx.value(value), index.variableType(variable));
    }
    return next('next', `set ${node.data.assignments.map((assignment) => assignment.variable).join(', ')}`);
  },
} satisfies NodeBehaviour<'set'>;

function asDeclared(value: unknown, type: VariableDeclaration['type'] | undefined): unknown {
  if (typeof value !== 'string') return value;
  if (type === 'number' && value.trim() !== '') {
    const number = Number(value);
    return Number.isFinite(number) ? number : value;
  }
  if (type === 'boolean') {
    const folded = foldText(value);
    return folded === 'true' ? true : folded === 'false' ? false : value;
  }
  return value;
}
