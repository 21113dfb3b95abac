import type { NodeData, NodeKind } from '../../schema/index.ts';
import { nodeEditors } from './index.ts';

/** The data of a node freshly added from the palette. */
export function createNodeData<K extends NodeKind>(kind: K): NodeData<K> {
  return (nodeEditors[kind] as unknown as { create(): NodeData<K> }).create();
}
