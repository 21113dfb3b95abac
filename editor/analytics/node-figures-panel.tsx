import type { FlowAnalytics, NodeAnalytics } from '../api/types.ts';
import { useLocale, useT } from '../i18n/index.ts';
import { usePlural } from '../i18n/plural.ts';
import { useNodeTitle, useOutputName, nodeEditor } from '../nodes/index.ts';
import type { FlowNode } from '../../schema/index.ts';
import { percent, serviceTime } from './format.ts';
import { messages } from './messages.ts';

type Words = ReturnType<typeof useT<typeof messages.es>>;

function Figure({ label, value, testId, tone }: { label: string; value: string; testId?: string; tone?: 'bad' }) {
  return (
    <div className={`analytics-figure${tone ? ` analytics-figure--${tone}` : ''}`}>
      <span className="analytics-figure-label">{label}</span>
      <b data-testid={testId}>{value}</b>
    </div>
  );
}

/** A pricing category in words (Meta may add categories: those show as sent). */
export function categoryName(t: Words, category: string): string {
  const key = `category_${category}`;
  return key in messages.es ? t(key as keyof typeof messages.es) : category;
}

/** The whole version's conversations and service figures, over the canvas and on the dashboard. */
export function ConversationFigures({ report }: { report: FlowAnalytics }) {
  const t = useT(messages);
  const locale = useLocale((state) => state.locale);
  const number = new Intl.NumberFormat(locale);
  const { conversations, service } = report;
  const time = (figure: { average: number | null }) => (figure.average === null ? t('none') : serviceTime(figure.average, locale));
  return (
    <div className="analytics-figures" data-testid="conversation-figures">
      <Figure label={t('started')} value={number.format(conversations.started)} testId="figure-started" />
      <Figure label={t('completed')} value={number.format(conversations.completed)} testId="figure-completed" />
      <Figure label={t('handoff')} value={number.format(conversations.handoff)} testId="figure-handoff" />
      <Figure label={t('abandoned')} value={number.format(conversations.abandoned)} testId="figure-abandoned" tone={conversations.abandoned > 0 ? 'bad' : undefined} />
      <Figure label={t('containment')} value={service.containment === null ? t('none') : percent(service.containment, locale)} testId="figure-containment" />
      <Figure label={t('botFirstResponse')} value={time(service.botFirstResponse)} />
      <Figure label={t('agentFirstResponse')} value={time(service.agentFirstResponse)} testId="figure-agent-first-response" />
      <Figure label={t('handling')} value={time(service.handling)} />
      <Figure label={t('csat')} value={service.csat.average === null ? t('none') : new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(service.csat.average)} testId="figure-csat" />
    </div>
  );
}

/** One node's figures in the analytics mode's side panel: entries, exits per output, drop-off, delivery, its most common invalid answers. */
export function NodeFiguresPanel({ node, figures }: { node: FlowNode; figures: NodeAnalytics }) {
  const t = useT(messages);
  const tp = usePlural(messages);
  const locale = useLocale((state) => state.locale);
  const title = useNodeTitle();
  const outputName = useOutputName();
  const labels = nodeEditor(node.type).outputLabels?.(node.data) ?? {};
  const number = new Intl.NumberFormat(locale);
  const share = (count: number) => (figures.entered === 0 ? '' : ` (${percent(count / figures.entered, locale)})`);
  return (
    <section className="analytics-node" data-testid="node-figures">
      <h3>{title(node)} <span className="muted small">{node.id}</span></h3>
      <div className="analytics-figures analytics-figures--column">
        <Figure label={t('entered')} value={number.format(figures.entered)} testId="node-figure-entered" />
        <Figure label={t('dropped')} value={`${number.format(figures.dropped)}${share(figures.dropped)}`} testId="node-figure-dropped" tone={figures.dropped > 0 ? 'bad' : undefined} />
        {figures.answers.count > 0 && <Figure label={t('answers')} value={number.format(figures.answers.count)} />}
        {figures.answers.average !== null && <Figure label={t('answerTime')} value={serviceTime(figures.answers.average, locale)} />}
      </div>
      {Object.keys(figures.exits).length > 0 && <>
        <h4>{t('exits')}</h4>
        <ul className="analytics-list" data-testid="node-exits">
          {Object.entries(figures.exits).sort(([, a], [, b]) => b - a).map(([output, count]) => (
            <li key={output}><span>{labels[output] ?? outputName(node.type, output) ?? output}</span><b>{number.format(count)}{share(count)}</b></li>
          ))}
        </ul>
      </>}
      {figures.queued > 0 && <>
        <h4>{t('queued')}: {number.format(figures.queued)}</h4>
        <div className="analytics-figures analytics-figures--column">
          <Figure label={t('sent')} value={number.format(figures.sent)} testId="node-figure-sent" />
          <Figure label={t('delivered')} value={number.format(figures.delivered)} testId="node-figure-delivered" />
          <Figure label={t('read')} value={number.format(figures.read)} testId="node-figure-read" />
          <Figure label={t('failed')} value={number.format(figures.failed)} testId="node-figure-failed" tone={figures.failed > 0 ? 'bad' : undefined} />
          {Object.entries(figures.failedByCode).map(([code, count]) => <Figure key={code} label={t('failedCode', { code })} value={number.format(count)} tone="bad" />)}
          {Object.entries(figures.priced).map(([category, count]) => (
            <Figure key={category} label={`${t('priced')}: ${categoryName(t, category)}`} value={number.format(count)} />
          ))}
        </div>
      </>}
      {(figures.invalid > 0 || figures.answers.count > 0) && <>
        <h4>{t('invalidAnswers')}</h4>
        {figures.invalidAnswers.length === 0 ? <p className="muted">{t('noInvalid')}</p> : (
          <ol className="analytics-list" data-testid="invalid-answers">
            {figures.invalidAnswers.map((entry) => <li key={entry.answer}><q>{entry.answer}</q><b>{tp('invalidCount', entry.count)}</b></li>)}
          </ol>
        )}
      </>}
    </section>
  );
}
