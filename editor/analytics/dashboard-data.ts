import type { FlowDocument } from '../../schema/index.ts';
import type { AnalyticsSeries, FlowAnalytics, SeriesPoint } from '../api/types.ts';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** Buckets drawn at most: a longer series is shown as the server sent it (gaps not filled). */
const MAX_FILLED_BUCKETS = 750;

const EMPTY_POINT: Omit<SeriesPoint, 'at'> = {
  started: 0, completed: 0, handoff: 0, abandoned: 0, errored: 0, queued: 0, sent: 0, delivered: 0, read: 0, failed: 0,
  agentReplies: 0, agentFirstResponseMs: null,
};

/** The series with an empty bucket wherever nothing was counted, so a line or bar shows the quiet hours and days too. */
export function fillGaps(series: AnalyticsSeries): SeriesPoint[] {
  const step = series.bucket === 'hour' ? HOUR_MS : DAY_MS;
  const first = series.points[0];
  const last = series.points.at(-1);
  if (!first || !last) return [];
  const start = Date.parse(first.at);
  const end = Date.parse(last.at);
  if ((end - start) / step > MAX_FILLED_BUCKETS) return series.points;
  const byTime = new Map(series.points.map((point) => [Date.parse(point.at), point]));
  const filled: SeriesPoint[] = [];
  for (let at = start; at <= end; at += step) filled.push(byTime.get(at) ?? { at: new Date(at).toISOString(), ...EMPTY_POINT });
  return filled;
}

/** Each bucket's delivery, read and failure rates over the messages WhatsApp reported on (null without any). */
export function deliveryRates(points: readonly SeriesPoint[]): Array<{ at: string; delivered: number | null; read: number | null; failed: number | null }> {
  return points.map(({ at, sent, delivered, read, failed }) => {
    const reported = sent + failed;
    const rate = (count: number) => (reported === 0 ? null : count / reported);
    return { at, delivered: rate(delivered), read: rate(read), failed: rate(failed) };
  });
}

/**
 * The main path's funnel: from the start node, each step follows the output most conversations left
 * through, until a node nobody left or one already on the path; each step with how many entered.
 */
export function mainPathFunnel(document: FlowDocument, report: FlowAnalytics): Array<{ nodeId: string; entered: number }> {
  const steps: Array<{ nodeId: string; entered: number }> = [];
  const seen = new Set<string>();
  let nodeId: string | undefined = document.startNodeId;
  while (nodeId !== undefined && !seen.has(nodeId) && report.nodes[nodeId]) {
    seen.add(nodeId);
    const figures: FlowAnalytics['nodes'][string] = report.nodes[nodeId]!;
    steps.push({ nodeId, entered: figures.entered });
    const source: string = nodeId;
    const [output] = Object.entries(figures.exits).filter(([, count]) => count > 0).sort(([, a], [, b]) => b - a)[0] ?? [];
    nodeId = output === undefined ? undefined : document.edges.find((edge) => edge.source === source && edge.sourceHandle === output)?.target;
  }
  return steps;
}

/** Priced and billable messages per pricing category, the most priced first. */
export function pricingRows(report: FlowAnalytics): Array<{ category: string; priced: number; billable: number }> {
  const categories = new Set([...Object.keys(report.pricing.priced), ...Object.keys(report.pricing.billable)]);
  return [...categories].map((category) => ({ category, priced: report.pricing.priced[category] ?? 0, billable: report.pricing.billable[category] ?? 0 }))
    .sort((a, b) => b.priced - a.priced || a.category.localeCompare(b.category));
}
