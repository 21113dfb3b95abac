import type { ComponentType } from 'react';
import type { NodeData, NodeKind } from '../../schema/index.ts';
import type { Locale } from '../i18n/index.ts';

export interface NodeBodyProps<K extends NodeKind> {
  data: NodeData<K>;
}

export interface NodeInspectorProps<K extends NodeKind> {
  nodeId: string;
  data: NodeData<K>;
  /** Merges a patch into the node's data; edits with the same keys join one undo step until a field blurs. */
  update(patch: Partial<NodeData<K>>): void;
}

/** Everything the editor knows about one node kind; `editor/nodes/index.ts` holds one per kind. */
export interface NodeEditor<K extends NodeKind> {
  /** A short glyph shown in the palette and the node header. */
  icon: string;
  /** The header colour of the node card (and its minimap dot). */
  color: string;
  /**
   * The data of a node freshly dropped from the palette, its copy in the flow's language
   * (`contentLocale(document.language)`); it passes validation, WhatsApp limits included.
   */
  create(locale: Locale): NodeData<K>;
  /** The node's content at a glance, on the canvas card. */
  Body: ComponentType<NodeBodyProps<K>>;
  /** The form that edits the node's data. */
  Inspector: ComponentType<NodeInspectorProps<K>>;
  /** Names for outputs that carry content (option titles, branch labels); fixed outputs are named by the canvas. */
  outputLabels?(data: NodeData<K>): Record<string, string>;
  /**
   * The inspector field for a problem's path into the data, when the inspector names it differently
   * (the form's visual editor edits `flowJson.screens.0.layout.children.2` as `screens.0.components.2`).
   */
  inspectorField?(dataPath: string): string;
  /** Variables this node stores, offered by the variable picker. */
  setsVariables?(data: NodeData<K>): string[];
}
