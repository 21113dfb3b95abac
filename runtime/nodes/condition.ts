import type { NodeData } from '../../schema/index.ts';
import { isWithinBusinessHours } from '../core/business-hours.ts';
import { flowIndex } from '../core/flow-index.ts';
import type { TurnContext } from '../core/turn-context.ts';
import type { NodeBehaviour } from './behaviour.ts';
import { next } from './behaviour.ts';
import { compare } from './compare.ts';

type Branch = NodeData<'condition'>['branches'][number];
type Rule = Branch['rules'][number];

/** Takes the first branch whose rules hold (all or any of them), else `else`. */
export const condition = {
  enter(node, ctx) {
    for (const branch of node.data.branches) {
      if (branchHolds(branch, ctx)) return next(branch.id, `branch ${branch.id} matched`);
    }
    return next('else', 'no branch matched');
  },
} satisfies NodeBehaviour<'condition'>;

function branchHolds(branch: Branch, ctx: TurnContext): boolean {
  const needsAll = branch.match === 'all';
  for (const rule of branch.rules) {
    const holds = ruleHolds(rule, ctx);
    if (holds !== needsAll) return holds;
  }
  return needsAll;
}

function ruleHolds(rule: Rule, ctx: TurnContext): boolean {
  switch (rule.op) {
    case 'within_business_hours':
      return isWithinBusinessHours(flowIndex(ctx.flow).settings, ctx.now);
    case 'outside_business_hours':
      return !isWithinBusinessHours(flowIndex(ctx.flow).settings, ctx.now);
    default:
      return compare(ctx.render(rule.left), rule.op, ctx.render(rule.right));
  }
}
