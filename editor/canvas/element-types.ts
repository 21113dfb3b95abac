import type { EdgeTypes, NodeTypes } from '@xyflow/react';
import { NODE_KINDS } from '../../schema/index.ts';
import { CharlaEdge } from './CharlaEdge.tsx';
import { FlowNodeCard } from './FlowNodeCard.tsx';

/** Defined once, outside render (React Flow re-mounts every node when these objects change). */
export const nodeTypes: NodeTypes = Object.fromEntries(NODE_KINDS.map((kind) => [kind, FlowNodeCard]));
export const edgeTypes: EdgeTypes = { charla: CharlaEdge };
