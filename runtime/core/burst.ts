import type { InboundEvent } from './types.ts';

/**
 * Whether a customer message may gather into a burst (settings.burstMilliseconds): typed text
 * only. A tap, a form, a file or a location is an answer of its own and ends the gathering.
 */
export function joinsBursts(event: InboundEvent): event is Extract<InboundEvent, { type: 'text' }> {
  return event.type === 'text';
}

/**
 * The one turn a burst of text messages makes: their texts in order, one per line, so
 * `quiero` + `una pizza` + `grande` is read as the single message the customer meant.
 * @example joinBurst([{ type: 'text', text: 'hola' }, { type: 'text', text: 'quiero pedir' }]) // { type: 'text', text: 'hola\nquiero pedir' }
 */
export function joinBurst(events: ReadonlyArray<Extract<InboundEvent, { type: 'text' }>>): InboundEvent {
  return { type: 'text', text: events.map((event) => event.text).join('\n') };
}
