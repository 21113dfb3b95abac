import type { AnalyticsSeries, FlowAnalytics, NodeAnalytics, SeriesPoint } from '../../../schema/api/analytics.ts';
import type { CounterSum, HourSum } from './analytics-store.ts';
import type { CounterMetric } from './counters.ts';

/** The invalid answers a node lists (the most common first). */
const TOP_INVALID_ANSWERS = 10;

const average = (count: number, total: number) => ({ count, average: count === 0 ? null : total / count });

function emptyNode(): NodeAnalytics {
  return {
    entered: 0, exits: {}, dropped: 0, sent: 0, delivered: 0, read: 0, failed: 0, queued: 0, failedByCode: {},
    answers: { count: 0, average: null }, invalid: 0, invalidAnswers: [], priced: {}, billable: {},
  };
}

const add = (counts: Record<string, number>, key: string, count: number) => {
  counts[key] = (counts[key] ?? 0) + count;
};

/**
 * The analytics answer from the counters summed over the range: conversations, service figures,
 * and every node of the version (zeros included, so the canvas can shade each one).
 * @example buildReport({ version: 3, nodeIds: ['hola'], sums, from: null, to: null }).nodes.hola.entered
 */
export function buildReport(input: { version: number; nodeIds: readonly string[]; sums: readonly CounterSum[]; from: string | null; to: string | null }): FlowAnalytics {
  const conversations = { started: 0, completed: 0, handoff: 0, abandoned: 0, errored: 0, contained: 0 };
  const timed = { bot_first_response: [0, 0], agent_first_response: [0, 0], handling: [0, 0], csat: [0, 0] } as Record<string, [number, number]>;
  const byNumber: Record<string, number> = {};
  const byAgent: Record<string, number> = {};
  const pricing = { priced: {} as Record<string, number>, billable: {} as Record<string, number> };
  const nodes: Record<string, NodeAnalytics> = Object.fromEntries(input.nodeIds.map((id) => [id, emptyNode()]));
  const invalidAnswers = new Map<string, Array<{ answer: string; count: number }>>();

  for (const { nodeId, metric, key, count, total } of input.sums) {
    if (metric in conversations) conversations[metric as keyof typeof conversations] += count;
    else if (metric in timed) {
      timed[metric]![0] += count;
      timed[metric]![1] += total;
    } else if (metric === 'number') add(byNumber, key, count);
    else if (metric === 'agent_replies') add(byAgent, key, count);
    else addNodeFigure(nodes[nodeId] ??= emptyNode(), { metric, key, count, total }, invalidAnswers, nodeId, pricing);
  }
  for (const [nodeId, answers] of invalidAnswers) {
    nodes[nodeId]!.invalidAnswers = answers.sort((a, b) => b.count - a.count || a.answer.localeCompare(b.answer)).slice(0, TOP_INVALID_ANSWERS);
  }
  // Replies sent with no node (a fallback before the flow started) are not a node of the canvas.
  delete nodes[''];
  const time = (metric: string) => average(timed[metric]![0], timed[metric]![1]);
  return {
    version: input.version, from: input.from, to: input.to, conversations,
    service: {
      botFirstResponse: time('bot_first_response'), agentFirstResponse: time('agent_first_response'), handling: time('handling'),
      containment: conversations.started === 0 ? null : conversations.contained / conversations.started,
      csat: time('csat'), byNumber, byAgent,
    },
    nodes, pricing,
  };
}

function addNodeFigure(
  node: NodeAnalytics, figure: { metric: CounterMetric; key: string; count: number; total: number },
  invalidAnswers: Map<string, Array<{ answer: string; count: number }>>, nodeId: string,
  pricing: { priced: Record<string, number>; billable: Record<string, number> },
): void {
  const { metric, key, count, total } = figure;
  switch (metric) {
    case 'entered': case 'dropped': case 'sent': case 'delivered': case 'read': case 'queued': case 'invalid':
      node[metric] += count;
      if (metric === 'invalid') invalidAnswers.set(nodeId, [...(invalidAnswers.get(nodeId) ?? []), { answer: key, count }]);
      return;
    case 'exit':
      add(node.exits, key, count);
      return;
    case 'failed':
      node.failed += count;
      add(node.failedByCode, key, count);
      return;
    case 'answer': {
      const sum = (node.answers.average ?? 0) * node.answers.count + total;
      node.answers = average(node.answers.count + count, sum);
      return;
    }
    case 'priced': case 'billable':
      add(node[metric], key, count);
      add(pricing[metric], key, count);
      return;
    default:
      return;
  }
}

/** Metrics the plots show, per bucket. */
export const SERIES_METRICS = [
  'started', 'completed', 'handoff', 'abandoned', 'errored', 'queued', 'sent', 'delivered', 'read', 'failed', 'agent_replies', 'agent_first_response',
] as const satisfies readonly CounterMetric[];

const DAY_MS = 86_400_000;

/** Hourly sums gathered into hour or day buckets (UTC), oldest first. */
export function buildSeries(version: number, bucket: 'hour' | 'day', hours: readonly HourSum[]): AnalyticsSeries {
  const points = new Map<number, SeriesPoint & { firstResponse: [number, number] }>();
  for (const { hour, metric, count, total } of hours) {
    const at = bucket === 'day' ? Math.floor(hour / DAY_MS) * DAY_MS : hour;
    let point = points.get(at);
    if (!point) {
      point = {
        at: new Date(at).toISOString(), started: 0, completed: 0, handoff: 0, abandoned: 0, errored: 0, queued: 0, sent: 0,
        delivered: 0, read: 0, failed: 0, agentReplies: 0, agentFirstResponseMs: null, firstResponse: [0, 0],
      };
      points.set(at, point);
    }
    if (metric === 'agent_replies') point.agentReplies += count;
    else if (metric === 'agent_first_response') {
      point.firstResponse[0] += count;
      point.firstResponse[1] += total;
    } else if (metric in point) (point as unknown as Record<string, number>)[metric]! += count;
  }
  return {
    version, bucket,
    points: [...points.entries()].sort(([a], [b]) => a - b).map(([, { firstResponse: [count, total], ...point }]) => ({
      ...point, agentFirstResponseMs: count === 0 ? null : total / count,
    })),
  };
}

/** A CSV field, quoted when it holds a comma, quote or line break (RFC 4180). */
const field = (value: string | number | null) => {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/**
 * The analytics answer as CSV, one figure a line (`scope,node,metric,key,value`), so a spreadsheet
 * or BI tool pivots it freely.
 */
export function reportCsv(report: FlowAnalytics): string {
  const lines: Array<Array<string | number | null>> = [['scope', 'node', 'metric', 'key', 'value']];
  for (const [metric, value] of Object.entries(report.conversations)) lines.push(['conversations', '', metric, '', value]);
  const { byNumber, byAgent, containment, ...timed } = report.service;
  for (const [metric, figure] of Object.entries(timed)) {
    lines.push(['service', '', metric, 'count', figure.count], ['service', '', metric, 'average', figure.average]);
  }
  lines.push(['service', '', 'containment', '', containment]);
  for (const [number, count] of Object.entries(byNumber)) lines.push(['service', '', 'number', number, count]);
  for (const [agent, count] of Object.entries(byAgent)) lines.push(['service', '', 'agent', agent, count]);
  for (const [nodeId, node] of Object.entries(report.nodes)) {
    for (const metric of ['entered', 'dropped', 'queued', 'sent', 'delivered', 'read', 'failed', 'invalid'] as const) {
      lines.push(['node', nodeId, metric, '', node[metric]]);
    }
    for (const [output, count] of Object.entries(node.exits)) lines.push(['node', nodeId, 'exit', output, count]);
    for (const [code, count] of Object.entries(node.failedByCode)) lines.push(['node', nodeId, 'failed_code', code, count]);
    lines.push(['node', nodeId, 'answers', 'count', node.answers.count], ['node', nodeId, 'answers', 'average_ms', node.answers.average]);
    for (const [category, count] of Object.entries(node.priced)) lines.push(['node', nodeId, 'priced', category, count]);
    for (const [category, count] of Object.entries(node.billable)) lines.push(['node', nodeId, 'billable', category, count]);
  }
  return `${lines.map((line) => line.map(field).join(',')).join('\r\n')}\r\n`;
}
