import { nodeOutputs, type FlowNode } from '../../schema/index.ts';
import type { Size } from './types.ts';

/** A card's usual size; the canvas reports the real one of each card it has drawn. */
export const DEFAULT_NODE_SIZE: Size = { width: 260, height: 140 };

/**
 * A card grows wider than DEFAULT_NODE_SIZE when its outputs need it: they sit side by side along
 * its bottom edge (canvas.css `.flow-node-outputs`), each at least this wide.
 */
export const OUTPUT_PORT_WIDTH = 92;

/** The width of a card with `outputs` outputs, as canvas.css draws it. */
export function cardWidth(outputs: number): number {
  return Math.max(DEFAULT_NODE_SIZE.width, outputs * OUTPUT_PORT_WIDTH);
}

/** Heights in canvas.css: header bar, body padding, a line of text, a chip or list row, the outputs row (labels up to two lines). */
const HEAD = 36;
const BODY_PADDING = 16;
const LINE = 17;
const ROW = 25;
const OUTPUTS_ROW = 50;
/** The card shows this much of a long text (nodes/shared/TextPreview.tsx). */
const PREVIEW_CHARS = 140;
/** Fields whose items the card lists one per line (condition branches, set assignments). */
const LISTED_FIELDS = ['branches', 'assignments'];

/** Lines `text` takes on a card of `width`, at `charWidth` pixels a character. */
function textLines(text: string, width: number, charWidth: number): number {
  const perLine = Math.max(1, Math.floor((width - 20) / charWidth));
  return text.slice(0, PREVIEW_CHARS).split('\n').reduce((sum, line) => sum + Math.max(1, Math.ceil(line.length / perLine)), 0);
}

function shownText(node: FlowNode): string {
  const data = node.data as Record<string, unknown>;
  return [data.text, data.url].filter((value): value is string => typeof value === 'string' && value !== '').join('\n');
}

function listedRows(node: FlowNode): number {
  const data = node.data as Record<string, unknown>;
  return LISTED_FIELDS.reduce((sum, field) => sum + (Array.isArray(data[field]) ? data[field].length : 0), 0);
}

/**
 * The size of a card the canvas has not drawn (off screen in a large flow), on the large side so
 * that the layout and placement never put cards on top of each other: narrow characters for the
 * text (so more lines), a chip and a call to action besides it, two-line output labels.
 */
export function estimatedSize(node: FlowNode): Size {
  const outputs = nodeOutputs(node).length;
  const width = cardWidth(outputs);
  const body = textLines(shownText(node), width, 7.5) * LINE + (listedRows(node) + 2) * ROW;
  return { width, height: HEAD + BODY_PADDING + body + (outputs > 0 ? OUTPUTS_ROW : 0) };
}

/**
 * What a card measures at least, whatever it shows: a measured size below it is stale (the card
 * grew since it was last drawn, e.g. a menu given more options) and is raised to it.
 */
export function minimumSize(node: FlowNode): Size {
  const outputs = nodeOutputs(node).length;
  const width = cardWidth(outputs);
  const body = textLines(shownText(node), width, 5.5) * LINE + listedRows(node) * (LINE + 2);
  return { width, height: HEAD + BODY_PADDING + body + (outputs > 0 ? OUTPUTS_ROW - 14 : 0) };
}

/** The size to arrange a card by: its measured one (never below `minimumSize`), else the estimate. */
export function cardSize(node: FlowNode, measured: Size | undefined): Size {
  if (!measured) return estimatedSize(node);
  const least = minimumSize(node);
  return { width: Math.max(measured.width, least.width), height: Math.max(measured.height, least.height) };
}
