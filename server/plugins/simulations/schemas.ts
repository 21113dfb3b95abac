import { Type } from '@sinclair/typebox';
import { VersionNumber } from '../route-schemas.ts';

export const StartBody = Type.Object({
  source: Type.Union([Type.Literal('draft'), VersionNumber]),
  /** Who to simulate; a default contact otherwise. */
  contact: Type.Optional(Type.Object({
    waId: Type.String({ pattern: '^[0-9]{6,20}$' }),
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  }, { additionalProperties: false })),
}, { additionalProperties: false });

/** One item of a webhook's `messages[]`, e.g. `{ type: 'text', text: { body: 'hola' } }`; `from`, `id` and `timestamp` may be left out. */
export const InboundMessageBody = Type.Object({ type: Type.String({ minLength: 1, maxLength: 40 }) }, { additionalProperties: true });

export const SimulationParams = Type.Object({ simulationId: Type.String({ format: 'uuid' }) });

const Status = Type.Union(['active', 'handoff', 'ended', 'error'].map((status) => Type.Literal(status)));
const AnyObject = Type.Object({}, { additionalProperties: true });

export const TurnResponse = Type.Object({
  messages: Type.Array(AnyObject),
  undelivered: Type.Array(Type.Object({ code: Type.String(), message: Type.String() })),
  trace: Type.Array(Type.Object({
    nodeId: Type.String(),
    type: Type.String(),
    output: Type.Optional(Type.String()),
    detail: Type.Optional(Type.String()),
  })),
  effects: Type.Array(AnyObject),
  variables: AnyObject,
  activeNodeId: Type.Union([Type.String(), Type.Null()]),
  status: Status,
});

export const StartResponse = Type.Object({
  simulationId: Type.String(),
  flowId: Type.String(),
  source: Type.Union([Type.Literal('draft'), Type.Integer()]),
  messages: Type.Array(AnyObject),
  variables: AnyObject,
  activeNodeId: Type.Union([Type.String(), Type.Null()]),
  status: Status,
});
