import { NodeToolbar, Position } from '@xyflow/react';
import type { ReactNode } from 'react';
import { useT } from '../i18n/index.ts';
import { useEditorStore, useEditorStoreApi } from '../store/index.ts';
import { messages } from './messages.ts';

/** Two overlapping cards (no font has one glyph for "duplicate" everywhere). */
const COPY_ICON = (
  <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden fill="none" stroke="currentColor" strokeWidth="1.4">
    <rect x="4.5" y="4.5" width="8" height="8" rx="1.5" />
    <path d="M9.5 2.5v-.5a1 1 0 0 0-1-1h-6a1 1 0 0 0-1 1v6a1 1 0 0 0 1 1h.5" />
  </svg>
);

/**
 * Quick actions over the one selected node: mark as start, duplicate, delete. Icon buttons (named by
 * their tooltip) over the card's top-right corner, a few pixels off it: small enough to sit in the
 * gap the layout (store/layout.ts) and new-node placement (store/placement.ts) keep above every
 * card, so they do not cover the outputs of the card above.
 */
export function NodeActions({ nodeId, isStart }: { nodeId: string; isStart: boolean }) {
  const visible = useEditorStore((state) => !state.readOnly && state.selectedNodeIds.length === 1 && state.selectedNodeIds[0] === nodeId);
  // Mounted only when shown: a NodeToolbar follows the viewport, so a hidden one on every card
  // would still re-render each card on every pan and zoom frame.
  return visible ? <NodeActionsToolbar nodeId={nodeId} isStart={isStart} /> : null;
}

function NodeActionsToolbar({ nodeId, isStart }: { nodeId: string; isStart: boolean }) {
  const t = useT(messages);
  const store = useEditorStoreApi();
  const run = (action: () => void) => () => {
    store.getState().select([nodeId]);
    action();
  };
  const button = (testId: string, label: string, glyph: ReactNode, action: () => void, className?: string) => (
    <button type="button" className={className} data-testid={`${testId}-${nodeId}`} title={label} aria-label={label} onClick={run(action)}>
      {glyph}
    </button>
  );
  return (
    <NodeToolbar isVisible position={Position.Top} align="end" offset={6} className="node-actions" role="toolbar" aria-label={t('nodeActions')}>
      {!isStart && button('node-action-start', t('makeStart'), '▶', () => store.getState().setStartNode(nodeId))}
      {button('node-action-duplicate', t('duplicate'), COPY_ICON, () => store.getState().duplicate())}
      {button('node-action-delete', t('delete'), '✕', () => store.getState().requestDeleteSelection(), 'node-actions-danger')}
    </NodeToolbar>
  );
}
