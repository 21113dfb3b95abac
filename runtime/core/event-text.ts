import { assertNever } from './assert-never.ts';
import type { InboundEvent } from './types.ts';

/**
 * The text a user sent with an event: typed text, the title of a tapped button or
 * row, a template button's text, a media caption; undefined for anything else.
 * @example eventText({ type: 'button_reply', id: 'si', title: 'Sí' }) // 'Sí'
 */
export function eventText(event: InboundEvent): string | undefined {
  switch (event.type) {
    case 'text':
      return event.text;
    case 'button_reply':
    case 'list_reply':
      return event.title;
    case 'template_button':
      return event.text;
    case 'media':
      return event.caption;
    case 'order':
      return event.text;
    case 'form_reply':
    case 'location':
    case 'contacts':
    case 'reaction':
    case 'unsupported':
    case 'system':
    case 'handoff_resolved':
    case 'agent_replied':
    case 'timer':
      return undefined;
    default:
      return assertNever(event, 'inbound event');
  }
}
