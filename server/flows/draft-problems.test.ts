import { generateFlowWithProblems } from '../../fixtures/generate-flow.ts';
import { capProblems, validateFlow } from '../../schema/index.ts';
import { createDraftProblems } from './draft-problems.ts';

/** Problems are computed once per stored revision and language; a revision that names another document is computed anew. */
describe('the problems cache of draft revisions', () => {
  const document = generateFlowWithProblems(60);
  const revision = { id: document.id, revision: 3, updatedAt: 1_700_000_000_000, document };

  it('answers the capped problems, the same answer for the same revision and language', () => {
    const problems = createDraftProblems();
    const first = problems.of(revision, 'es');
    expect(first).toEqual(capProblems(validateFlow(document).problems));
    expect(problems.of({ ...revision }, 'es')).toBe(first);
    expect(problems.of(revision, 'pt')).not.toBe(first);
    expect(problems.of(revision, 'pt')).toEqual(capProblems(validateFlow(document, { locale: 'pt' }).problems));
  });

  it('a flow deleted and created again at the same revision number is validated again', () => {
    const problems = createDraftProblems();
    const before = problems.of(revision, 'es');
    const recreated = { ...revision, updatedAt: revision.updatedAt + 1, document: { ...document, edges: [], nodes: document.nodes.slice(0, 2) } };
    const after = problems.of(recreated, 'es');
    expect(after).not.toEqual(before);
    expect(after).toEqual(capProblems(validateFlow(recreated.document).problems));
  });

  it('what a save remembers is what a read gets, without validating', () => {
    const problems = createDraftProblems();
    const saved = capProblems(validateFlow(document).problems);
    problems.remember(revision, 'en', saved);
    expect(problems.of(revision, 'en')).toBe(saved);
  });
});
