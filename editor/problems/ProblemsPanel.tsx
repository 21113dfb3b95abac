import './problems.css';
import type { Problem } from '../../schema/index.ts';
import { useT } from '../i18n/index.ts';
import { nodeEditor } from '../nodes/index.ts';
import { useEditorStore, useEditorStoreApi } from '../store/index.ts';
import { messages } from './messages.ts';
import { pointerField, settingsField } from './pointer-field.ts';

/** The edge's source node, so a problem on an edge still leads somewhere to fix it. */
function problemNode(problem: Problem, edges: readonly { id: string; source: string }[]): string | undefined {
  if (problem.nodeId !== undefined) return problem.nodeId;
  return edges.find((edge) => edge.id === problem.edgeId)?.source;
}

/**
 * Every validation problem, errors first. Clicking one selects its node, centres it on the canvas
 * and focuses the field its pointer names in the inspector; one in the flow's name, settings or
 * variables opens the flow settings on its field.
 */
export function ProblemsPanel() {
  const t = useT(messages);
  const store = useEditorStoreApi();
  const problems = useEditorStore((state) => state.problems);
  const errors = problems.filter((problem) => problem.severity === 'error');
  const warnings = problems.filter((problem) => problem.severity === 'warning');

  function open(problem: Problem) {
    const state = store.getState();
    const nodeId = problemNode(problem, state.document.edges);
    if (nodeId === undefined) {
      const field = settingsField(problem.pointer);
      if (field) state.openSettings(field);
      return;
    }
    state.select([nodeId], problem.edgeId !== undefined ? [problem.edgeId] : []);
    state.reveal(nodeId);
    const field = pointerField(problem.pointer);
    const node = state.document.nodes.find((candidate) => candidate.id === nodeId);
    if (field && node) state.focusField(nodeId, nodeEditor(node.type).inspectorField?.(field) ?? field);
  }

  return (
    <section className="problems" data-testid="problems-panel" aria-label={t('title')}>
      <header className="problems-head">
        <h3>{t('title')}</h3>
        <span className="problems-count problems-count--error" data-testid="problems-errors">{t('errors', { count: errors.length })}</span>
        <span className="problems-count problems-count--warning" data-testid="problems-warnings">{t('warnings', { count: warnings.length })}</span>
      </header>
      {problems.length === 0 && <p className="problems-none" data-testid="problems-none">✓ {t('none')}</p>}
      <ul className="problems-list">
        {[...errors, ...warnings].map((problem, index) => (
          <li key={`${problem.pointer}-${problem.code}-${index}`}>
            <button type="button" className={`problem problem--${problem.severity}`} data-testid={`problem-${problem.code}`}
              data-node-id={problem.nodeId} onClick={() => open(problem)}>
              <span className="problem-severity">{t(problem.severity)}</span>
              <span className="problem-message">{problem.message}</span>
              <span className="problem-where">{problem.nodeId ?? problem.edgeId ?? t('flow')}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
