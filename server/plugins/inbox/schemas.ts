/** Request and response schemas of the inbox routes. */

const idParams = {
  type: 'object',
  properties: { id: { type: 'integer', minimum: 1 } },
  required: ['id'],
} as const;

const message = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    direction: { type: 'string', enum: ['in', 'bot', 'agent'] },
    /** In: the runtime InboundEvent. Out (bot, agent): the Graph API body sent. `id` is the turn's. */
    body: { type: 'object', additionalProperties: true },
    wamid: { type: ['string', 'null'] },
    outboxId: { type: ['integer', 'null'] },
    /** queued | in_flight | sent | failed | held (not sent: the 24-hour window was closed). */
    outboxState: { type: ['string', 'null'] },
    deliveryStatus: { type: ['string', 'null'] },
    errorCode: { type: ['integer', 'null'] },
    /** Why the reply failed, is held or waits (Meta's error), shown next to it. */
    error: { type: ['string', 'null'] },
    createdAt: { type: 'integer' },
  },
} as const;

const conversation = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    phoneNumberId: { type: 'string' },
    waId: { type: 'string' },
    contactName: { type: ['string', 'null'] },
    flowId: { type: 'string' },
    flowVersion: { type: 'integer' },
    status: { type: 'string' },
    lastUserMessageAt: { type: 'integer' },
    updatedAt: { type: 'integer' },
    /** Whether an agent may still send free-form messages (24-hour window). */
    windowOpen: { type: 'boolean' },
    /** When the conversation was handed to a person (ms since the epoch); null if not in handoff or not recorded. */
    handoffSince: { type: ['integer', 'null'] },
    messages: { type: 'array', items: message },
  },
} as const;

export const conversationListSchema = {
  querystring: {
    type: 'object',
    properties: {
      status: { type: 'string', enum: ['active', 'handoff', 'ended', 'error'], default: 'handoff' },
      limit: { type: 'integer', minimum: 1, maximum: 500, default: 50 },
    },
    additionalProperties: false,
  },
  response: { 200: { type: 'array', items: conversation } },
} as const;

export const replySchema = {
  params: idParams,
  body: {
    type: 'object',
    properties: { text: { type: 'string', minLength: 1, maxLength: 4096 } },
    required: ['text'],
    additionalProperties: false,
  },
  response: { 202: { type: 'object', properties: { outboxId: { type: 'integer' } }, required: ['outboxId'] } },
} as const;

export const resolveSchema = {
  params: idParams,
  response: {
    200: {
      type: 'object',
      properties: { status: { type: 'string' }, messages: { type: 'integer' } },
      required: ['status', 'messages'],
    },
  },
} as const;

export const takeOverSchema = {
  params: idParams,
  response: { 200: conversation },
} as const;
