import { createHash } from 'node:crypto';
import {
  capProblems, FLOW_JSON_LIMITS, FlowDocumentSchema, problemCatalogue, renderCappedProblems, WHATSAPP_LIMITS,
  type CappedProblems, type FoundProblem, type ProblemLocale,
} from '../../schema/index.ts';
import { checkDraft } from './check-draft.ts';
import type { FlowDraft, FlowRepository } from './repository.ts';

/** Which stored draft: a revision number alone could repeat after a flow is deleted and created again. */
export type DraftRevision = Pick<FlowDraft, 'id' | 'revision' | 'updatedAt'>;

/**
 * A draft revision's problems as stored with it: capped, without words (any language is written at
 * read time), and stamped with the rules that found them.
 */
export interface StoredProblems extends CappedProblems<FoundProblem> {
  rules: string;
}

/**
 * The rules problems are found by: the problem catalogue, the flow's JSON Schema and WhatsApp's limits.
 * A release that changes any of them finds problems anew on the next read of a draft stored before.
 */
const PROBLEM_RULES = createHash('sha256')
  .update(JSON.stringify([problemCatalogue, FlowDocumentSchema, WHATSAPP_LIMITS, FLOW_JSON_LIMITS]))
  .digest('base64url');

/** What a save stores with the draft: its problems capped, stamped with today's rules. */
export function storedProblems(found: readonly FoundProblem[]): StoredProblems {
  return { rules: PROBLEM_RULES, ...capProblems(found) };
}

function storedUnderTodaysRules(json: string | null): StoredProblems | undefined {
  if (json === null) return undefined;
  const stored = JSON.parse(json) as StoredProblems;
  return stored.rules === PROBLEM_RULES ? stored : undefined;
}

/**
 * The capped problems of stored draft revisions, in the reader's language. Validating a 1,000-node
 * draft takes about 100 ms of the event loop (more on a loaded machine), and the editor reads a draft
 * back every time it opens it; a revision never changes, so its problems never do. A save stores
 * them with the document (one row, one statement), so a read, after a restart too, only writes their
 * words. A draft stored before they were kept (or under other rules) is validated on its first read
 * and the result written back: once per draft, the cost of one save.
 * @example const problems = await draftProblems.of(await flows.requireDraft(id), 'es');
 */
export function createDraftProblems(flows: Pick<FlowRepository, 'storeProblems'>) {
  return {
    async of(draft: FlowDraft, locale: ProblemLocale): Promise<CappedProblems> {
      const stored = storedUnderTodaysRules(draft.storedProblems);
      if (stored) return renderCappedProblems(stored, locale);
      const found = storedProblems(checkDraft(draft.document).found);
      await flows.storeProblems(draft, found);
      return renderCappedProblems(found, locale);
    },

    /**
     * The problems as today's validator finds them, never a stored result: publishing is gated on
     * them, and a check changed by a release without changing the stamped rules must still hold.
     */
    validated(draft: FlowDraft, locale: ProblemLocale): CappedProblems {
      return renderCappedProblems(storedProblems(checkDraft(draft.document).found), locale);
    },
  };
}

export type DraftProblems = ReturnType<typeof createDraftProblems>;
