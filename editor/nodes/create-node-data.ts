import type { NodeData, NodeKind } from '../../schema/index.ts';
import { contentLocale } from '../i18n/content-locale.ts';
import { nodeEditors } from './index.ts';

/** The data of a node freshly added from the palette, its copy in the flow's `language` (Spanish by default). */
export function createNodeData<K extends NodeKind>(kind: K, language?: string): NodeData<K> {
  return (nodeEditors[kind] as unknown as { create(locale: string): NodeData<K> }).create(contentLocale(language));
}
