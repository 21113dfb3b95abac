import { memo, type CSSProperties } from 'react';
import { useLocale, useT } from '../i18n/index.ts';
import { useEditorStore, type NodeFigures } from '../store/index.ts';
import { messages } from './overlay-messages.ts';
import './overlay.css';

/** Share of the conversations that entered a node and were abandoned while waiting there (0 with none). */
export function dropRate(figures: Pick<NodeFigures, 'entered' | 'dropped'>): number {
  return figures.entered === 0 ? 0 : Math.min(1, figures.dropped / figures.entered);
}

/**
 * What the analytics mode and a lit path add to a node's card: a class and the drop-off shading (a
 * red tint as strong as the share of conversations abandoned there).
 */
export function useNodeOverlay(id: string): { className: string | null; style: CSSProperties } {
  const figures = useEditorStore((state) => state.analytics?.[id]);
  const lit = useEditorStore((state) => state.litPath?.nodes.includes(id) ?? false);
  if (figures) return { className: 'flow-node--analytics', style: { '--drop': dropRate(figures).toFixed(3) } as CSSProperties };
  return { className: lit ? 'flow-node--lit' : null, style: {} };
}

/** Under a card's header: its figures in analytics mode, or its step numbers on a lit path. */
export const NodeOverlay = memo(function NodeOverlay({ id }: { id: string }) {
  const t = useT(messages);
  const locale = useLocale((state) => state.locale);
  const figures = useEditorStore((state) => state.analytics?.[id]);
  const steps = useEditorStore((state) => state.litPath?.nodes);
  if (figures) {
    const number = new Intl.NumberFormat(locale);
    const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(dropRate(figures));
    const delivery = (['sent', 'delivered', 'read', 'failed'] as const).filter((key) => figures.queued > 0 || figures[key] > 0);
    return (
      <div className="flow-node-figures" data-testid={`figures-${id}`}>
        <span className="figure" title={t('entered')}>{t('entered')} <b data-testid={`figure-${id}-entered`}>{number.format(figures.entered)}</b></span>
        <span className={`figure${figures.dropped > 0 ? ' figure--drop' : ''}`} title={t('dropRate', { percent })}>
          {t('dropped')} <b data-testid={`figure-${id}-dropped`}>{number.format(figures.dropped)}</b>{figures.dropped > 0 && ` (${percent})`}
        </span>
        {delivery.length > 0 && <span className="figure-row">
          {delivery.map((key) => (
            <span key={key} className={`figure figure--${key}`} title={t(key)}>{t(key)} <b data-testid={`figure-${id}-${key}`}>{number.format(figures[key])}</b></span>
          ))}
        </span>}
      </div>
    );
  }
  if (!steps?.includes(id)) return null;
  const numbers = steps.flatMap((step, index) => (step === id ? [index + 1] : []));
  return (
    <div className="flow-node-step" data-testid={`step-${id}`} title={t('step', { step: numbers.join(', ') })}>
      {numbers.map((step) => <span key={step} className="flow-node-step-number">{step}</span>)}
    </div>
  );
});

/** An edge's count in analytics mode (how many left its source through its output), or whether the lit path took it. */
export function useEdgeOverlay(id: string, source: string, sourceHandle: string | null | undefined): { count: number | null; lit: boolean } {
  const count = useEditorStore((state) => (state.analytics ? state.analytics[source]?.exits[sourceHandle ?? ''] ?? 0 : null));
  const lit = useEditorStore((state) => state.litPath?.edges.includes(id) ?? false);
  return { count, lit };
}

/** The count drawn at an edge's middle in analytics mode. */
export function EdgeCount({ id, count }: { id: string; count: number }) {
  const t = useT(messages);
  const locale = useLocale((state) => state.locale);
  const shown = new Intl.NumberFormat(locale).format(count);
  return <span className={`flow-edge-count${count === 0 ? ' flow-edge-count--zero' : ''}`} data-testid={`edge-count-${id}`} title={t('edgeCount', { count: shown })}>{shown}</span>;
}
