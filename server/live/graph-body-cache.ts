import type { OutboundMessage } from '../../runtime/core/types.ts';
import { recipientField, toGraphMessageBody } from '../../runtime/whatsapp/outbound.ts';

/**
 * Serialises replies to Graph API bodies (JSON), remembering each distinct message. A node sends
 * the same message to every contact and only the recipient differs, so the limit checks and the
 * serialisation run once per message and later bodies splice the recipient into the stored JSON.
 * A message that breaks a limit throws OutboundLimitError every time and is never remembered.
 * @example const body = graphBodies.serialize({ type: 'text', text: 'Hola' }, '5491155550123');
 */
export class GraphBodyCache {
  /** Message JSON → the body's JSON before and after the recipient field; oldest first. */
  private readonly bodies = new Map<string, { before: string; after: string }>();

  constructor(private readonly capacity = 2_000) {}

  /**
   * `address`: a phone number's digits or a business-scoped user id (contactAddress()); `customerMessageId`:
   * the wamid the turn answers, for a quoting reply or a reaction (built each time: it differs per turn).
   */
  serialize(message: OutboundMessage, address: string, customerMessageId?: string): string {
    if ((message.type === 'text' && message.quotesCustomer) || message.type === 'reaction') {
      return JSON.stringify(toGraphMessageBody(message, address, customerMessageId === undefined ? {} : { customerMessageId }));
    }
    const key = JSON.stringify(message);
    const field = recipientField(address);
    const known = this.bodies.get(key);
    if (known) return known.before + field + known.after;
    const json = JSON.stringify(toGraphMessageBody(message, address));
    // The envelope comes first, so the first occurrence is the recipient field.
    const at = json.indexOf(field);
    if (this.bodies.size >= this.capacity) this.bodies.delete(this.bodies.keys().next().value!);
    this.bodies.set(key, { before: json.slice(0, at), after: json.slice(at + field.length) });
    return json;
  }
}
