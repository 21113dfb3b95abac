/**
 * A history line as text: the body may be an inbound message (`text.body`, an interactive reply,
 * media), a Graph API body (`text.body`, `interactive.body.text`), an agent's `{ text }`, or JSON
 * text of any of those.
 */
export function messageText(body: unknown, labels: { media(kind: string): string; formSent: string }): string {
  if (typeof body === 'string') {
    try {
      return messageText(JSON.parse(body), labels);
    } catch {
      return body;
    }
  }
  if (typeof body !== 'object' || body === null) return String(body ?? '');
  const message = body as Record<string, any>;
  if (typeof message.text === 'string') return message.text;
  if (typeof message.text?.body === 'string') return message.text.body;
  const interactive = message.interactive;
  if (interactive) {
    if (interactive.button_reply) return interactive.button_reply.title;
    if (interactive.list_reply) return interactive.list_reply.title;
    if (interactive.nfm_reply) return labels.formSent;
    const options = [
      ...(interactive.action?.buttons ?? []).map((button: any) => button.reply?.title),
      ...(interactive.action?.sections ?? []).flatMap((section: any) => section.rows.map((row: any) => row.title)),
    ].filter(Boolean);
    return [interactive.body?.text, options.length > 0 ? `[${options.join(' | ')}]` : ''].filter(Boolean).join(' ');
  }
  const kind = ['image', 'video', 'audio', 'document', 'sticker', 'location'].find((candidate) => message[candidate]);
  if (kind) return [labels.media(kind), message[kind].caption].filter(Boolean).join(' ');
  return typeof message.type === 'string' ? labels.media(message.type) : JSON.stringify(body);
}
