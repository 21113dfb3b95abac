import { problemSeverity, type ProblemCode, type ProblemLocale } from './problems.ts';
import { renderProblems, type FoundProblem, type Problem } from './validate/problem-list.ts';

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

export interface CappedProblems<P extends { code: ProblemCode } = Problem> {
  /** At most `perCode` of each code, in the order they were found. */
  problems: P[];
  /** One entry per code found, errors first, then the most frequent. */
  problemCounts: ProblemCount[];
}

/**
 * The problems grouped by code and capped: the first `perCode` of each code, plus every code's count.
 * Problems with or without words (`findFlowProblems`): a code's severity is the catalogue's.
 * @example capProblems(validateFlow(flow).problems).problemCounts // [{ code: 'dead_end', severity: 'error', total: 1501, shown: 20 }, …]
 */
export function capProblems<P extends { code: ProblemCode }>(problems: readonly P[], perCode = PROBLEMS_SHOWN_PER_CODE): CappedProblems<P> {
  const counts = new Map<ProblemCode, ProblemCount>();
  const shown: P[] = [];
  for (const problem of problems) {
    let count = counts.get(problem.code);
    if (count === undefined) {
      count = { code: problem.code, severity: problemSeverity(problem.code), total: 0, shown: 0 };
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

/** Capped problems without words, written in one locale (the same as capping the rendered problems). */
export function renderCappedProblems(capped: CappedProblems<FoundProblem>, locale: ProblemLocale): CappedProblems {
  return { problems: renderProblems(capped.problems, locale), problemCounts: capped.problemCounts };
}
