import type { InboundMessage } from '../api/types.ts';

/**
 * The messages a customer can send from the simulator, in the webhook `messages[]` shape the
 * server's converter reads (whatsapp.md §1).
 */
export const inbound = {
  text: (body: string): InboundMessage => ({ type: 'text', text: { body } }),

  buttonReply: (id: string, title: string): InboundMessage =>
    ({ type: 'interactive', interactive: { type: 'button_reply', button_reply: { id, title } } }),

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

  /** A photo stands in for any media: the simulator has no media store, so the id is made up. */
  image: (caption?: string): InboundMessage => ({
    type: 'image',
    image: {
      id: `sim-media-${Date.now()}`,
      mime_type: 'image/jpeg',
      sha256: 'simulated',
      ...(caption !== undefined && caption !== '' && { caption }),
    },
  }),
};
