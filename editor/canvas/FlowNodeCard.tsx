import { Handle, Position, useStore, type NodeProps } from '@xyflow/react';
import { useShallow } from 'zustand/react/shallow';
import { memo, type CSSProperties } from 'react';
import { nodeOutputs } from '../../schema/index.ts';
import { useT } from '../i18n/index.ts';
import { nodeEditor, useNodeTitle, useOutputName } from '../nodes/index.ts';
import { markSnapshot, problemIndex } from '../problems/problem-index.ts';
import { useEditorStore } from '../store/index.ts';
import { cardWidth } from '../store/layout.ts';
import { DETAIL_ZOOM } from './thresholds.ts';
import { messages } from './messages.ts';
import { NodeActions } from './NodeActions.tsx';
import { NodeOverlay, useNodeOverlay } from './NodeOverlay.tsx';
import { useOpenNodePicker } from './NodePicker.tsx';
import { ProblemBadge } from './ProblemBadge.tsx';
import type { CanvasNode } from './types.ts';

function diffClass(marks: { added: string[]; removed: string[]; changed: string[] } | null, id: string): string | null {
  if (!marks) return null;
  if (marks.added.includes(id)) return 'added';
  if (marks.removed.includes(id)) return 'removed';
  if (marks.changed.includes(id)) return 'changed';
  return null;
}

/**
 * Every node kind's card: a coloured header, the kind's own body, then its outputs side by side
 * along the bottom edge, each with its handle (a menu's options, a condition's branches and `else`,
 * an API call's success/error…). The input handle is on the top edge: flows read (and are laid
 * out) top to bottom, store/layout.ts.
 */
export const FlowNodeCard = memo(function FlowNodeCard({ id, data, selected }: NodeProps<CanvasNode>) {
  const node = data.node;
  const editor = nodeEditor(node.type);
  const t = useT(messages);
  const outputName = useOutputName();
  const title = useNodeTitle();
  const isStart = useEditorStore((state) => state.document.startNodeId === id);
  // A primitive snapshot: re-validation makes new mark objects, but only a changed mark should re-render.
  const mark = useEditorStore(useShallow((state) => markSnapshot(problemIndex(state.problems).nodes.get(id))));
  const zoomedOut = useStore((state) => state.transform[2] < DETAIL_ZOOM);
  const active = useEditorStore((state) => state.highlightedNodeId === id);
  const diff = useEditorStore((state) => diffClass(state.diffMarks, id));
  const readOnly = useEditorStore((state) => state.readOnly);
  const overlay = useNodeOverlay(id);
  // A primitive (joined names) so only a change in which outputs are connected re-renders the card.
  const connected = useEditorStore((state) => state.document.edges.filter((edge) => edge.source === id).map((edge) => edge.sourceHandle).join('\n'));
  const openPicker = useOpenNodePicker();
  const labels = editor.outputLabels?.(node.data) ?? {};
  const outputs = nodeOutputs(node);
  const Body = editor.Body;

  const classes = ['flow-node', selected && 'flow-node--selected', active && 'flow-node--active', diff && `flow-node--${diff}`,
    mark.severity && `flow-node--${mark.severity}`, overlay.className].filter(Boolean).join(' ');
  return (
    <div className={classes} data-testid={`node-${id}`} data-kind={node.type} style={{ '--node-color': editor.color, width: cardWidth(outputs.length), ...overlay.style } as CSSProperties}>
      <NodeActions nodeId={id} isStart={isStart} />
      <Handle type="target" position={Position.Top} id="in" className="flow-handle flow-handle--in" isConnectable={!readOnly} />
      <header className="flow-node-head">
        <span className="flow-node-icon" aria-hidden>{editor.icon}</span>
        <span className="flow-node-title">{title(node)}</span>
        {isStart && <span className="flow-node-start" data-testid={`start-${id}`}>▶ {t('start')}</span>}
        {mark.severity && <ProblemBadge testId={`badge-${id}`} severity={mark.severity} messages={mark.messages} />}
      </header>
      {diff && <div className={`flow-node-diff flow-node-diff--${diff}`}>{t(diff as 'added' | 'removed' | 'changed')}</div>}
      {active && <div className="flow-node-active">● {t('active')}</div>}
      <NodeOverlay id={id} />
      {!zoomedOut && <div className="flow-node-body"><Body data={node.data} /></div>}
      {outputs.length > 0 && <ul className="flow-node-outputs">
        {outputs.map((output) => {
          const label = labels[output] ?? outputName(node.type, output) ?? output;
          return (
            <li key={output} className={`flow-node-output${labels[output] === undefined ? ' flow-node-output--fixed' : ''}`}>
              <span className="flow-node-output-label" title={label}>{label}</span>
              <Handle type="source" position={Position.Bottom} id={output} className="flow-handle flow-handle--out"
                data-testid={`handle-${id}-${output}`} isConnectable={!readOnly} />
              {!readOnly && !connected.split('\n').includes(output) && (
                <button type="button" className="flow-add-after nodrag" data-testid={`add-after-${id}-${output}`}
                  title={t('addAfter', { output: label })} aria-label={t('addAfter', { output: label })}
                  onClick={(event) => {
                    const box = event.currentTarget.getBoundingClientRect();
                    openPicker({ source: id, sourceHandle: output, client: { x: box.left + box.width / 2, y: box.bottom + 8 } });
                  }}>+</button>
              )}
            </li>
          );
        })}
      </ul>}
    </div>
  );
});
