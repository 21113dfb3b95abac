import type { NodeBehaviour } from './behaviour.ts';
import { next } from './behaviour.ts';
import { compare } from './compare.ts';

/** Takes the first branch whose rules hold (all or any of them), else `else`. */
export const condition = {
  enter(node, ctx) {
    for (const branch of node.data.branches) {
      const holds = (rule: (typeof branch.rules)[number]) => compare(ctx.render(rule.left), rule.op, ctx.render(rule.right));
      if (branch.match === 'all' ? branch.rules.every(holds) : branch.rules.some(holds)) {
        return next(branch.id, `branch ${branch.id} matched`);
      }
    }
    return next('else', 'no branch matched');
  },
} satisfies NodeBehaviour<'condition'>;
