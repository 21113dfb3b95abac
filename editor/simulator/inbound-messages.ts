import type { InboundMessage } from '../api/types.ts';

/**
 * The messages a customer can send from the simulator, in the webhook `messages[]` shape the
 * server's converter reads (docs/whatsapp.md §1).
 */
export const inbound = {
  text: (body: string): InboundMessage => ({ type: 'text', text: { body } }),

  buttonReply: (id: string, title: string): InboundMessage =>
    ({ type: 'interactive', interactive: { type: 'button_reply', button_reply: { id, title } } }),

  templateButton: (text: string): InboundMessage => ({ type: 'button', button: { payload: text, text } }),

  listReply: (row: { id: string; title: string; description?: string }): InboundMessage => ({
    type: 'interactive',
    interactive: {
      type: 'list_reply',
      list_reply: { id: row.id, title: row.title, ...(row.description !== undefined && { description: row.description }) },
    },
  }),

  /** A completed WhatsApp Flows form: the `complete` payload plus the flow_token, as a JSON string. */
  formReply: (flowToken: string, payload: Record<string, unknown>): InboundMessage => ({
    type: 'interactive',
    interactive: {
      type: 'nfm_reply',
      nfm_reply: { name: 'flow', body: 'Sent', response_json: JSON.stringify({ ...payload, flow_token: flowToken }) },
    },
  }),

  /** A photo; the simulator has no media store, so the media id is made up (so are the others'). */
  image: (caption?: string): InboundMessage => ({ type: 'image', image: { ...simulatedMedia('image/jpeg'), ...captioned(caption) } }),

  document: (caption?: string): InboundMessage =>
    ({ type: 'document', document: { ...simulatedMedia('application/pdf'), filename: 'documento.pdf', ...captioned(caption) } }),

  /** A voice note, as WhatsApp sends one recorded in the chat. */
  audio: (): InboundMessage => ({ type: 'audio', audio: { ...simulatedMedia('audio/ogg; codecs=opus'), voice: true } }),

  /** A shared pin (a fixed place: the simulator has no map). */
  location: (): InboundMessage => ({
    type: 'location',
    location: { latitude: -34.6037, longitude: -58.3816, name: 'Obelisco', address: 'Av. 9 de Julio s/n, CABA' },
  }),

  /** A reaction to a message (the bot's); an empty emoji takes it back. The simulator's message ids are its bubbles' ids. */
  reaction: (messageId: string, emoji: string): InboundMessage => ({ type: 'reaction', reaction: { message_id: messageId, emoji } }),

  /** The customer changed a text they sent. */
  edit: (messageId: string, body: string): InboundMessage =>
    ({ type: 'edit', edit: { original_message_id: messageId, message: { type: 'text', text: { body } } } }),

  /** The customer deleted a message they sent ("delete for everyone"). */
  revoke: (messageId: string): InboundMessage => ({ type: 'revoke', revoke: { original_message_id: messageId } }),

  /** The customer opened the chat (WhatsApp's `request_welcome`). */
  requestWelcome: (): InboundMessage => ({ type: 'request_welcome' }),
};

let mediaCount = 0;
function simulatedMedia(mimeType: string) {
  mediaCount += 1;
  return { id: `sim-media-${Date.now()}-${mediaCount}`, mime_type: mimeType, sha256: 'simulated' };
}

const captioned = (caption?: string) => (caption !== undefined && caption.trim() !== '' ? { caption: caption.trim() } : {});
