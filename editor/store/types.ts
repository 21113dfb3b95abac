import type { FlowDocument, FlowEdge, FlowNode, FlowSettings, NodeKind, Problem, VariableDeclaration, KnowledgeEntry } from '../../schema/index.ts';

export interface XY { x: number; y: number }
export interface Size { width: number; height: number }
/** A rectangle in flow coordinates (top-left corner and size). */
export interface Box extends XY, Size {}

/** The part of the flow the canvas shows, and the boxes over it that a new card must not land under (minimap, controls). */
export interface VisibleArea { bounds: Box; reserved: Box[] }

/** One validation problem, as `validateFlow` reports it (docs/flow-format.md, "Problems found before publishing"). */
export type { Problem };

export type Validate = (document: FlowDocument) => { problems: readonly Problem[] };

/** Nodes highlighted by the versions diff; `ghosts` are drawn read-only beside the document, never part of it. */
export interface DiffMarks { added: string[]; removed: string[]; changed: string[]; ghosts?: DiffGhosts }

/** Removed nodes no longer in the document, and the removed edges that can be drawn, as they were. */
export interface DiffGhosts { nodes: FlowNode[]; edges: FlowEdge[] }

/** One node's analytics figures drawn on the canvas (a version's counts, `GET /api/flows/:id/analytics`). */
export interface NodeFigures {
  entered: number;
  /** Times it left through each output: the counts on its edges. */
  exits: Record<string, number>;
  dropped: number;
  queued: number;
  sent: number;
  delivered: number;
  read: number;
  failed: number;
}

/** A conversation's path lit on the canvas: its nodes in order and the edges it took between them. */
export interface LitPath { nodes: string[]; edges: string[] }

export interface DocumentSlice {
  document: FlowDocument;
  /** The server revision the document was loaded or last saved at. */
  revision: number;
  /** Counts every document change (undo and redo included); autosave watches it. */
  documentVersion: number;
  /** `documentVersion` as of the last `loadDocument` or `markSaved`. */
  savedVersion: number;
  problems: readonly Problem[];
  loadDocument(document: FlowDocument, revision: number): void;
  /** Validates again without changing the document (the UI language changed). */
  revalidate(): void;
  markSaved(revision: number, savedVersion?: number): void;
  addNode(kind: NodeKind, position: XY): string | null;
  /**
   * Adds a node whose input is at `at` (else the nearest free spot) already connected from `from`'s
   * output, as one undo step: a connection let go on empty canvas, or an output's "+".
   */
  addConnectedNode(kind: NodeKind, from: { source: string; sourceHandle: string }, at: XY): string | null;
  /** Adds a node in the middle of the visible canvas, moved to the nearest spot where it covers no other card. */
  addNodeInView(kind: NodeKind): string | null;
  connect(connection: { source: string; sourceHandle: string; target: string }): string | null;
  disconnect(edgeId: string): void;
  updateNodeData(id: string, patch: Partial<FlowNode['data']>, options?: { coalesce?: string }): void;
  setNodeLabel(id: string, label: string): void;
  moveNodes(positions: Record<string, XY>, options?: { coalesce?: string }): void;
  deleteSelection(): void;
  setStartNode(id: string): void;
  /** Arranges the whole flow top to bottom (store/layout.ts), as one undo step. */
  layout(): void;
}

/** The flow-level parts of the document (docs/flow-format.md): each edit is recorded like a node edit. */
export interface FlowSettingsSlice {
  /** Typing in one field joins one undo step; an emptied description or language is removed. */
  updateFlowInfo(patch: Partial<Pick<FlowDocument, 'name' | 'description' | 'language'>>): void;
  /** Merges into `settings`; a key patched to `undefined` falls back to its default (DEFAULT_SETTINGS). */
  updateSettings(patch: Partial<FlowSettings>): void;
  /** Declares a variable (a fresh `variable_<n>` of type string when none is given); returns its index. */
  addVariable(declaration?: VariableDeclaration): number | null;
  /** An emptied description is removed. */
  updateVariable(index: number, patch: Partial<VariableDeclaration>): void;
  removeVariable(index: number): void;
  /** Replaces the flow's knowledge; an empty list removes it. `coalesce` joins typing in one field into one undo step. */
  updateKnowledge(knowledge: KnowledgeEntry[], coalesce?: string): void;
}

export interface HistorySlice {
  past: FlowDocument[];
  future: FlowDocument[];
  /** The gesture the last recorded change belongs to; the next change with the same key joins it. */
  gestureKey: string | null;
  /** Replaces the document, recorded as one undo step (or joined to the running gesture). */
  commit(next: FlowDocument, options?: { coalesce?: string }): void;
  /** Ends the running gesture: the next change starts a new undo step (call on drag end, field blur). */
  endGesture(): void;
  undo(): void;
  redo(): void;
}

export interface SelectionSlice {
  selectedNodeIds: string[];
  selectedEdgeIds: string[];
  select(nodeIds: string[], edgeIds?: string[]): void;
  setSelected(changes: { nodes?: Record<string, boolean>; edges?: Record<string, boolean> }): void;
}

export interface ViewSlice {
  readOnly: boolean;
  highlightedNodeId: string | null;
  diffMarks: DiffMarks | null;
  /** Analytics mode: each node's figures (counts on edges, drop-off shading, delivery); null otherwise. */
  analytics: Record<string, NodeFigures> | null;
  /** A past conversation's path (the history page), lit like the simulator lights its node. */
  litPath: LitPath | null;
  /** Rendered node sizes reported by the canvas (React Flow needs them back on every node); never saved. */
  measured: Record<string, Size>;
  /** Sizes of cards drawn in full detail, which `layout` spaces the nodes by. */
  layoutSizes: Record<string, Size>;
  /**
   * Reads what the canvas shows right now (registered by the canvas; `null` without one): where
   * click-added, duplicated and pasted nodes land. Read when needed, so panning costs nothing.
   */
  readVisibleArea(): VisibleArea | null;
  /** Asks the canvas to center a node (`nonce` makes a repeated request count). */
  revealRequest: { nodeId: string; nonce: number } | null;
  /** Asks the inspector to focus a field: a path into the node's data, like `options.1.title`. */
  focusRequest: { nodeId: string; field: string; nonce: number } | null;
  /** Whether the flow settings panel shows (in the inspector's place); selecting a node closes it. */
  settingsOpen: boolean;
  /** Asks the settings panel to focus a field: a path into the document, like `settings.maxStepsPerTurn`. */
  settingsFocusRequest: { field: string; nonce: number } | null;
  /** A delete of the selection waiting for the person to confirm, because it takes the start node. */
  startDeletionPending: boolean;
  /** Deletes the selection, or asks first (`startDeletionPending`) when it holds the start node. */
  requestDeleteSelection(): void;
  /** Answers the question: `true` deletes the selection, `false` keeps it. */
  confirmStartDeletion(confirmed: boolean): void;
  setReadOnly(readOnly: boolean): void;
  setHighlightedNode(id: string | null): void;
  setDiffMarks(marks: DiffMarks | null): void;
  setAnalytics(figures: Record<string, NodeFigures> | null): void;
  /** Lights the nodes entered, in order, and each edge taken from one to the next. */
  setLitPath(nodeIds: string[] | null): void;
  /** `detailed: false` when the cards were drawn without their bodies (zoomed far out). */
  setMeasured(sizes: Record<string, Size>, detailed?: boolean): void;
  setVisibleAreaReader(reader: () => VisibleArea | null): void;
  reveal(nodeId: string): void;
  focusField(nodeId: string, field: string): void;
  /** Shows the flow settings (clearing the node selection), focusing `field` when given. */
  openSettings(field?: string): void;
  closeSettings(): void;
}

export interface ClipboardSlice {
  /** The nodes this editor last copied, as JSON text. When the system clipboard is unavailable, paste
   * falls back to the last copy made in any editor on the page (another flow included). */
  clipboard: string | null;
  /** Copies the selected nodes and the edges between them; returns the JSON text put on the clipboard. */
  copySelection(): string | null;
  /**
   * Pastes nodes from JSON text (or the in-memory clipboard) with fresh ids, keeping their relative
   * positions: the group's top-left corner near `at` (else just below where they were copied from),
   * moved to the nearest free spot in view. Returns the new node ids.
   */
  paste(text?: string | null, at?: XY): string[];
  /** Copies the selection just below itself (or the nearest free spot in view), clear of the originals. */
  duplicate(): string[];
}

export type EditorState = DocumentSlice & FlowSettingsSlice & HistorySlice & SelectionSlice & ViewSlice & ClipboardSlice;
