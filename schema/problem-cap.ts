import type { ProblemCode } from './problems.ts';
import type { Problem } from './validate/problem-list.ts';

/**
 * How many problems of one code a draft's answer lists. A careless or generated flow can have
 * thousands of the same problem (1,000 nodes without an edge: 1,500 dead ends, 999 unreachable
 * nodes); the first ones show what to fix, the count says how many more there are.
 */
export const PROBLEMS_SHOWN_PER_CODE = 20;

/** How many problems of one code a document has, and how many of them the list shows. */
export interface ProblemCount {
  code: ProblemCode;
  severity: Problem['severity'];
  total: number;
  shown: number;
}

export interface CappedProblems {
  /** At most `perCode` of each code, in the order they were found. */
  problems: Problem[];
  /** One entry per code found, errors first, then the most frequent. */
  problemCounts: ProblemCount[];
}

/**
 * The problems grouped by code and capped: the first `perCode` of each code, plus every code's count.
 * @example capProblems(validateFlow(flow).problems).problemCounts // [{ code: 'dead_end', severity: 'error', total: 1501, shown: 20 }, …]
 */
export function capProblems(problems: readonly Problem[], perCode = PROBLEMS_SHOWN_PER_CODE): CappedProblems {
  const counts = new Map<ProblemCode, ProblemCount>();
  const shown: Problem[] = [];
  for (const problem of problems) {
    let count = counts.get(problem.code);
    if (count === undefined) {
      count = { code: problem.code, severity: problem.severity, total: 0, shown: 0 };
      counts.set(problem.code, count);
    }
    count.total += 1;
    if (count.shown < perCode) {
      count.shown += 1;
      shown.push(problem);
    }
  }
  const severityRank = (count: ProblemCount) => (count.severity === 'error' ? 0 : 1);
  const problemCounts = [...counts.values()].sort((a, b) => severityRank(a) - severityRank(b) || b.total - a.total);
  return { problems: shown, problemCounts };
}
