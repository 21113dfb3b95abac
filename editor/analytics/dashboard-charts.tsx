import {
  Bar, BarChart, CartesianGrid, ComposedChart, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis,
} from 'recharts';
import type { FlowDocument } from '../../schema/index.ts';
import type { AnalyticsSeries, FlowAnalytics } from '../api/types.ts';
import { useLocale, useT } from '../i18n/index.ts';
import { useNodeTitle } from '../nodes/index.ts';
import { deliveryRates, fillGaps, mainPathFunnel, pricingRows } from './dashboard-data.ts';
import { percent } from './format.ts';
import { messages } from './messages.ts';
import { categoryName } from './node-figures-panel.tsx';

/** Outcome colours: grey started, green reached the end, amber went to a person, red gave up, purple failed. */
const COLOURS = { started: '#5b6673', completed: '#1f9d55', handoff: '#e0a400', abandoned: '#d93842', errored: '#7b2d8e', open: '#9aa5b1', read: '#0a7cca', billable: '#0b6e5d' };
const HEIGHT = 210;
const AXIS = { fontSize: 11, stroke: '#5b6673' };

function Card({ title, testId, children, hint }: { title: string; testId: string; children: React.ReactNode; hint?: string }) {
  return (
    <section className="dashboard-card" data-testid={testId}>
      <h2>{title}</h2>
      {hint && <p className="muted small">{hint}</p>}
      {children}
    </section>
  );
}

/**
 * The dashboard's plots (recharts, loaded on demand with this module): conversations over time by
 * outcome, the main path's funnel, delivery and read rates, handoffs with agent response times, and
 * priced messages by category.
 */
export default function DashboardCharts({ report, series, document }: { report: FlowAnalytics; series: AnalyticsSeries; document: FlowDocument }) {
  const t = useT(messages);
  const locale = useLocale((state) => state.locale);
  const title = useNodeTitle();
  const points = fillGaps(series);
  const tick = new Intl.DateTimeFormat(locale, series.bucket === 'hour' ? { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' } : { day: 'numeric', month: 'short' });
  const when = (at: string) => tick.format(Date.parse(at));
  const noData = <p className="dashboard-empty muted">{t('noData')}</p>;
  const asPercent = (value: number) => percent(value, locale);
  const nodes = new Map(document.nodes.map((node) => [node.id, node]));
  const funnel = mainPathFunnel(document, report).map((step) => {
    const node = nodes.get(step.nodeId)!;
    return { ...step, name: node.label ?? `${title(node)} · ${node.id}` };
  });
  const first = funnel[0]?.entered ?? 0;
  const rates = deliveryRates(points);
  const handoffs = points.map((point) => ({ at: point.at, handoff: point.handoff, response: point.agentFirstResponseMs === null ? null : point.agentFirstResponseMs / 1000 }));
  const pricing = pricingRows(report).map((row) => ({ ...row, name: categoryName(t, row.category) }));

  return (
    <div className="dashboard-grid">
      <Card title={t('conversationsOverTime')} testId="chart-conversations">
        {points.length === 0 ? noData : (
          <ResponsiveContainer width="100%" height={HEIGHT}>
            <BarChart data={points}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="at" tickFormatter={when} tick={AXIS} />
              <YAxis allowDecimals={false} tick={AXIS} width={32} />
              <Tooltip labelFormatter={(at) => when(String(at))} />
              <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
              {/* Side by side, not stacked: a run handed off and then completed counts in both. */}
              {(['started', 'completed', 'handoff', 'abandoned', 'errored'] as const).map((outcome) => (
                <Bar key={outcome} dataKey={outcome} name={t(outcome)} fill={COLOURS[outcome]} maxBarSize={28} isAnimationActive={false} />
              ))}
            </BarChart>
          </ResponsiveContainer>
        )}
      </Card>
      <Card title={t('funnel')} testId="chart-funnel">
        {first === 0 ? noData : (
          <ResponsiveContainer width="100%" height={HEIGHT}>
            <BarChart data={funnel} layout="vertical" margin={{ left: 8, right: 48 }}>
              <CartesianGrid strokeDasharray="3 3" horizontal={false} />
              <XAxis type="number" allowDecimals={false} tick={AXIS} />
              <YAxis type="category" dataKey="name" width={150} tick={AXIS} />
              <Tooltip formatter={(value) => [`${value} (${asPercent(Number(value) / first)})`, t('entered')]} />
              <Bar dataKey="entered" name={t('entered')} fill={COLOURS.read} isAnimationActive={false}
                label={{ position: 'right', fontSize: 11, formatter: (value: unknown) => asPercent(Number(value) / first) }} />
            </BarChart>
          </ResponsiveContainer>
        )}
      </Card>
      <Card title={t('deliveryRates')} testId="chart-delivery">
        {rates.every((rate) => rate.delivered === null) ? noData : (
          <ResponsiveContainer width="100%" height={HEIGHT}>
            <LineChart data={rates}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="at" tickFormatter={when} tick={AXIS} />
              <YAxis domain={[0, 1]} tickFormatter={asPercent} tick={AXIS} width={44} />
              <Tooltip labelFormatter={(at) => when(String(at))} formatter={(value) => asPercent(Number(value))} />
              <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
              <Line dataKey="delivered" name={t('deliveredRate')} stroke={COLOURS.completed} strokeWidth={2} connectNulls isAnimationActive={false} />
              <Line dataKey="read" name={t('readRate')} stroke={COLOURS.read} strokeWidth={2} connectNulls isAnimationActive={false} />
              <Line dataKey="failed" name={t('failedRate')} stroke={COLOURS.abandoned} strokeWidth={2} connectNulls isAnimationActive={false} />
            </LineChart>
          </ResponsiveContainer>
        )}
      </Card>
      <Card title={t('handoffTimes')} testId="chart-handoffs">
        {handoffs.every((point) => point.handoff === 0 && point.response === null) ? noData : (
          <ResponsiveContainer width="100%" height={HEIGHT}>
            <ComposedChart data={handoffs}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="at" tickFormatter={when} tick={AXIS} />
              <YAxis yAxisId="count" allowDecimals={false} tick={AXIS} width={32} />
              <YAxis yAxisId="seconds" orientation="right" tick={AXIS} width={40} />
              <Tooltip labelFormatter={(at) => when(String(at))} />
              <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
              <Bar yAxisId="count" dataKey="handoff" name={t('handoffVolume')} fill={COLOURS.handoff} maxBarSize={48} isAnimationActive={false} />
              <Line yAxisId="seconds" dataKey="response" name={t('agentResponse')} stroke={COLOURS.errored} strokeWidth={2} connectNulls isAnimationActive={false} />
            </ComposedChart>
          </ResponsiveContainer>
        )}
      </Card>
      <Card title={t('costByCategory')} testId="chart-pricing" hint={t('costHint')}>
        {pricing.length === 0 ? noData : (
          <ResponsiveContainer width="100%" height={HEIGHT - 18}>
            <BarChart data={pricing}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="name" tick={AXIS} />
              <YAxis allowDecimals={false} tick={AXIS} width={32} />
              <Tooltip />
              <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
              <Bar dataKey="priced" name={t('pricedAll')} fill={COLOURS.read} maxBarSize={48} isAnimationActive={false} />
              <Bar dataKey="billable" name={t('billable')} fill={COLOURS.billable} maxBarSize={48} isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        )}
      </Card>
    </div>
  );
}
