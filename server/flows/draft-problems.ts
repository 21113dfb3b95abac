import { LRUCache } from 'lru-cache';
import { capProblems, type CappedProblems, type ProblemLocale } from '../../schema/index.ts';
import { checkDraft } from './check-draft.ts';
import type { FlowDraft } from './repository.ts';

/** Which stored draft: a revision number alone could repeat after a flow is deleted and created again. */
export type DraftRevision = Pick<FlowDraft, 'id' | 'revision' | 'updatedAt'>;

/** Drafts whose problems are kept; each entry is capped, so a few hundred kilobytes at worst. */
const CACHED_REVISIONS = 100;

/**
 * The capped problems of stored draft revisions, computed once per revision and language. Validating
 * a 1,000-node draft takes about 100 ms of the event loop (more on a loaded machine), and the editor
 * reads a draft back every time it opens it; a revision never changes, so its problems never do.
 * Saving remembers the problems it computed anyway, so reading a draft just saved costs no validation.
 * @example const problems = draftProblems.of(await flows.requireDraft(id), 'es');
 */
export function createDraftProblems() {
  const cache = new LRUCache<string, CappedProblems>({ max: CACHED_REVISIONS });
  const key = (draft: DraftRevision, locale: ProblemLocale) => `${draft.id}\u0000${draft.revision}\u0000${draft.updatedAt}\u0000${locale}`;
  return {
    of(draft: DraftRevision & Pick<FlowDraft, 'document'>, locale: ProblemLocale): CappedProblems {
      const cached = cache.get(key(draft, locale));
      if (cached) return cached;
      const capped = capProblems(checkDraft(draft.document, locale).problems);
      cache.set(key(draft, locale), capped);
      return capped;
    },
    remember(draft: DraftRevision, locale: ProblemLocale, capped: CappedProblems): void {
      cache.set(key(draft, locale), capped);
    },
  };
}

export type DraftProblems = ReturnType<typeof createDraftProblems>;
