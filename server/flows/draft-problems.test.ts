import { generateFlowWithProblems } from '../../fixtures/generate-flow.ts';
import { capProblems, findFlowProblems, renderCappedProblems, validateFlow } from '../../schema/index.ts';
import { createDraftProblems, storedProblems, type DraftRevision, type StoredProblems } from './draft-problems.ts';
import type { FlowDraft } from './repository.ts';

/** Problems are stored without words with the revision and written in the reader's language when read. */
describe('the stored problems of draft revisions', () => {
  const document = generateFlowWithProblems(60);
  const draft = (stored: StoredProblems | null): FlowDraft => ({
    id: document.id, name: document.name, revision: 3, liveVersion: null, updatedAt: 1_700_000_000_000, updatedBy: null,
    document, storedProblems: stored && JSON.stringify(stored),
  });
  const recorder = () => {
    const written: Array<{ draft: DraftRevision; problems: StoredProblems }> = [];
    return { written, storeProblems: async (at: DraftRevision, problems: StoredProblems) => { written.push({ draft: at, problems }); } };
  };

  it('capped without words, then written in a language: what validating in that language and capping answers', () => {
    const stored = storedProblems(findFlowProblems(document));
    for (const locale of ['es', 'pt', 'en'] as const) {
      expect(renderCappedProblems(stored, locale)).toEqual(capProblems(validateFlow(document, { locale }).problems));
    }
  });

  it('a read answers what the revision stored and writes nothing', async () => {
    const store = recorder();
    const stored = storedProblems(findFlowProblems(document));
    const kept = { ...stored, problems: stored.problems.slice(0, 1) };
    expect(await createDraftProblems(store).of(draft(kept), 'en')).toEqual(renderCappedProblems(kept, 'en'));
    expect(store.written).toEqual([]);
  });

  it('a draft stored without problems, or under other rules, is validated and the result written back', async () => {
    const store = recorder();
    const problems = createDraftProblems(store);
    const fresh = storedProblems(findFlowProblems(document));
    expect(await problems.of(draft(null), 'es')).toEqual(capProblems(validateFlow(document).problems));
    expect(await problems.of(draft({ ...fresh, rules: 'an older release' }), 'pt')).toEqual(capProblems(validateFlow(document, { locale: 'pt' }).problems));
    expect(store.written).toEqual([
      { draft: expect.objectContaining({ id: document.id, revision: 3 }), problems: fresh },
      { draft: expect.objectContaining({ id: document.id, revision: 3 }), problems: fresh },
    ]);
  });
});
