import type { OutboundMessage } from '../../runtime/core/types.ts';
import { checkRecipient, toGraphMessageBody } from '../../runtime/whatsapp/outbound.ts';

/**
 * Serialises replies to Graph API bodies (JSON), remembering each distinct message. A node sends
 * the same message to every contact and only the recipient differs, so the limit checks and the
 * serialisation run once per message and later bodies splice the `to` into the stored JSON.
 * A message that breaks a limit throws OutboundLimitError every time and is never remembered.
 * @example const body = graphBodies.serialize({ type: 'text', text: 'Hola' }, '5491155550123');
 */
export class GraphBodyCache {
  /** Message JSON → the body's JSON before and after the recipient's digits; oldest first. */
  private readonly bodies = new Map<string, { before: string; after: string }>();

  constructor(private readonly capacity = 2_000) {}

  serialize(message: OutboundMessage, waId: string): string {
    const key = JSON.stringify(message);
    const known = this.bodies.get(key);
    if (known) return known.before + checkRecipient(waId) + known.after;
    const json = JSON.stringify(toGraphMessageBody(message, waId));
    // The envelope comes first, so the first `"to":"+<waId>"` is the recipient field.
    const at = json.indexOf(`"to":"+${waId}"`) + '"to":"+'.length;
    if (this.bodies.size >= this.capacity) this.bodies.delete(this.bodies.keys().next().value!);
    this.bodies.set(key, { before: json.slice(0, at), after: json.slice(at + waId.length) });
    return json;
  }
}
