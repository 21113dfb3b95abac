import './versions.css';
import type { Problem } from '../../schema/index.ts';
import { useT } from '../i18n/index.ts';
import { usePlural } from '../i18n/plural.ts';
import { useNodeTitle } from '../nodes/index.ts';
import { problemNode } from '../problems/problem-groups.ts';
import { useEditorStore } from '../store/index.ts';
import { messages } from './messages.ts';

/** How many warnings the publish dialog lists before "and N more". */
const SHOWN = 3;

/**
 * The draft's open warnings in the publish dialog: they do not block publishing, but whoever
 * publishes should know about them; "Ver problemas" (`onShowProblems`) leaves for the problems panel.
 */
export function PublishWarnings({ onShowProblems }: { onShowProblems(): void }) {
  const t = useT(messages);
  const tp = usePlural(messages);
  const title = useNodeTitle();
  const problems = useEditorStore((state) => state.problems);
  const document = useEditorStore((state) => state.document);
  const warnings = problems.filter((problem) => problem.severity === 'warning');
  if (warnings.length === 0) return null;

  function place(problem: Problem): string {
    const nodeId = problemNode(problem, document.edges);
    const node = document.nodes.find((candidate) => candidate.id === nodeId);
    if (node) return title(node);
    return nodeId ?? t('flowLevel');
  }

  return (
    <div className="publish-warnings" data-testid="publish-warnings" data-count={warnings.length} role="note">
      <strong>⚠ {tp('warnings', warnings.length)}</strong> <span>{t('warningsAllowed')}</span>
      <ul>
        {warnings.slice(0, SHOWN).map((problem, index) => (
          <li key={`${problem.pointer}-${problem.code}-${index}`} data-testid="publish-warning">
            <b>{place(problem)}</b>: {problem.message}
          </li>
        ))}
        {warnings.length > SHOWN && <li className="publish-warnings-more">{tp('warningsMore', warnings.length - SHOWN)}</li>}
      </ul>
      <button type="button" className="publish-warnings-link" data-testid="publish-show-problems" onClick={onShowProblems}>{t('showProblems')}</button>
    </div>
  );
}
