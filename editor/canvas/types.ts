import type { Edge, Node } from '@xyflow/react';
import type { FlowNode, NodeKind } from '../../schema/index.ts';

/** A flow node as React Flow sees it: the document node rides along in `data`. */
export type CanvasNode = Node<{ node: FlowNode }, NodeKind>;
export type CanvasEdge = Edge<Record<string, never>, 'charla'>;

/** The drag-and-drop type the palette puts a node kind under. */
export const NODE_KIND_MIME = 'application/x-charla-node-kind';
