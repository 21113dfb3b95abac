export { webhookMessageToEvent } from './inbound.ts';
export { readWebhook } from './read-webhook.ts';
export type { ReadWebhookResult, WebhookIgnored, WebhookInboundMessage, WebhookStatusUpdate } from './read-webhook.ts';
export { agentTextBody, markReadBody, toGraphMessageBody, typingIndicatorBody } from './outbound.ts';
export type { GraphMessageBody } from './outbound.ts';
export { OutboundLimitError, outboundErrorCatalogue } from './errors.ts';
export type { OutboundErrorCode } from './errors.ts';
export { OUTBOUND_LIMITS } from './limits.ts';
export type * from './webhook-types.ts';
