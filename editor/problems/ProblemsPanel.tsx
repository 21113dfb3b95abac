import './problems.css';
import { useId, useMemo } from 'react';
import { capProblems, PROBLEMS_SHOWN_PER_CODE, type Problem } from '../../schema/index.ts';
import { isBoolean, useStoredState } from '../app/use-stored-state.ts';
import { useT } from '../i18n/index.ts';
import { usePlural } from '../i18n/plural.ts';
import { nodeEditor, useNodeTitle } from '../nodes/index.ts';
import { useEditorStore, useEditorStoreApi } from '../store/index.ts';
import { messages } from './messages.ts';
import { pointerField, settingsField } from './pointer-field.ts';
import { problemGroups, problemNode } from './problem-groups.ts';

/**
 * Collapsed or not is the analyst's choice, remembered across flows and visits: navigating or new
 * problems never open it again; only its header or `showProblems()` (the header's error count, the save state, the publish dialog) do.
 */
const COLLAPSED_KEY = 'charla.problems.collapsed';

/** A count pill: neutral at zero, red for errors, amber for warnings. */
function countClass(severity: Problem['severity'], count: number): string {
  return `problems-count problems-count--${count === 0 ? 'zero' : severity}`;
}

/**
 * Every validation problem, grouped by the node it belongs to (named as on the canvas), errors
 * first, under a header bar with the counts that collapses the list. Past the first
 * PROBLEMS_SHOWN_PER_CODE of one code, the rest are counted per code below the list. Clicking one selects its node,
 * centres it on the canvas and focuses the field its pointer names in the inspector; one in the
 * flow's name, settings or variables opens the flow settings on its field.
 */
export function ProblemsPanel() {
  const t = useT(messages);
  const tp = usePlural(messages);
  const title = useNodeTitle();
  const store = useEditorStoreApi();
  const listId = useId();
  const problems = useEditorStore((state) => state.problems);
  const nodes = useEditorStore((state) => state.document.nodes);
  const edges = useEditorStore((state) => state.document.edges);
  const [collapsed, setCollapsed] = useStoredState('local', COLLAPSED_KEY, false, isBoolean);
  // A generated or careless flow can have thousands of one problem: the first of each code are listed, the rest counted.
  const capped = useMemo(() => capProblems(problems), [problems]);
  const groups = useMemo(() => problemGroups(capped.problems, { nodes, edges }), [capped, nodes, edges]);
  const unlisted = capped.problemCounts.filter((count) => count.total > count.shown);
  const errors = problems.filter((problem) => problem.severity === 'error').length;
  const warnings = problems.length - errors;

  function nodeName(nodeId: string): string {
    const node = nodes.find((candidate) => candidate.id === nodeId);
    return node ? title(node) : nodeId;
  }

  function open(problem: Problem) {
    const state = store.getState();
    const nodeId = problemNode(problem, state.document.edges);
    if (nodeId === null) {
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
    <section className={collapsed ? 'problems problems--collapsed' : 'problems'} data-testid="problems-panel" aria-label={t('title')}>
      <button type="button" className="problems-head" data-testid="problems-toggle" aria-expanded={!collapsed} aria-controls={listId}
        title={collapsed ? t('expand') : t('collapse')} onClick={() => setCollapsed(!collapsed)}>
        <span className="problems-chevron" aria-hidden="true">▸</span>
        <span className="problems-title">{t('title')}</span>
        <span className={countClass('error', errors)} data-testid="problems-errors" data-count={errors}>{tp('errors', errors)}</span>
        <span className={countClass('warning', warnings)} data-testid="problems-warnings" data-count={warnings}>{tp('warnings', warnings)}</span>
      </button>
      <div className="problems-body" id={listId} hidden={collapsed}>
        {problems.length === 0 && <p className="problems-none" data-testid="problems-none">✓ {t('none')}</p>}
        {groups.map((group) => (
          <section key={group.nodeId ?? ''} className="problems-group" data-testid={`problems-group-${group.nodeId ?? 'flow'}`}>
            <h4 className="problems-group-head">
              <span className="problems-group-name">{group.nodeId === null ? t('flow') : nodeName(group.nodeId)}</span>
              {group.nodeId !== null && <span className="problems-group-id">{group.nodeId}</span>}
            </h4>
            <ul className="problems-list">
              {group.problems.map((problem, index) => (
                <li key={`${problem.pointer}-${problem.code}-${index}`}>
                  <button type="button" className={`problem problem--${problem.severity}`} data-testid={`problem-${problem.code}`}
                    data-node-id={problem.nodeId} onClick={() => open(problem)}>
                    <span className="problem-severity">{t(problem.severity)}</span>
                    <span className="problem-message">{problem.message}</span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        ))}
        {unlisted.length > 0 && (
          <section className="problems-more" data-testid="problems-more">
            <h4 className="problems-group-head">{t('moreTitle', { shown: PROBLEMS_SHOWN_PER_CODE })}</h4>
            <ul className="problems-list">
              {unlisted.map((count) => (
                <li key={count.code} className={`problems-more-item problem--${count.severity}`} data-testid={`problems-more-${count.code}`}>
                  <span className="problem-severity">{t(count.severity)}</span>
                  <span>{tp('moreOfCode', count.total - count.shown, { code: count.code, total: count.total })}</span>
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
    </section>
  );
}
