import type { FlowDocument, TemplateRef } from '../../schema/index.ts';
import { flowIndex } from './flow-index.ts';
import { startSession } from './session.ts';
import { renderTemplateMessage } from './template-message.ts';
import { settleTimers } from './timers.ts';
import type { Contact, Session, TurnResult } from './types.ts';

export interface BusinessStart {
  flow: FlowDocument;
  /** The version `flow` is, pinned into the new session. */
  version: number | 'draft';
  /** The contact's stored session, if any: its state count goes on, so its timers stay stale. */
  previous: Session | null;
  contact: Contact;
  /** The approved template that opens the conversation; its placeholders may use the initial variables. */
  template: TemplateRef;
  variables: Readonly<Record<string, unknown>>;
  /** Where the customer's reply goes: a waiting node takes it as its answer, any other node runs on it. Default: the start node. */
  nodeId?: string;
  now: number;
}

/**
 * The business writes first (an order update, a reminder, a survey): the template goes out and the
 * conversation waits at `nodeId` with the initial variables, so the customer's reply continues the flow
 * there — a menu whose options are the template's quick-reply payloads takes the tap as its answer.
 * The template is the turn's one message (sent by `nodeId`); the state's timers are set as after any
 * turn (the node's `timeout`, the session's expiry). Throws when the flow has no such node.
 * @example startByBusiness({ flow, version: 3, previous: null, contact: { waId: '5491155550123' },
 *   template: { name: 'turno_recordatorio', language: 'es_AR', bodyParameters: { '1': '{{fecha}}' } },
 *   variables: { fecha: 'martes 10' }, nodeId: 'confirmar', now })
 */
export function startByBusiness(start: BusinessStart): TurnResult {
  const nodeId = start.nodeId ?? start.flow.startNodeId;
  const node = flowIndex(start.flow).node(nodeId);
  if (node === undefined) throw new Error(`the flow has no node "${nodeId}"`);
  const fresh = startSession({ flow: start.flow, contact: start.contact, version: start.version, now: start.now });
  const session: Session = {
    ...fresh, nodeId, variables: { ...start.variables },
    ...(start.previous?.epoch === undefined ? {} : { epoch: start.previous.epoch }),
  };
  const message = renderTemplateMessage(start.template, { variables: session.variables, contact: start.contact, lastText: undefined });
  const timers = settleTimers({ flow: start.flow, session, now: start.now });
  return {
    session, messages: [message], senders: [nodeId], timers, entered: [],
    trace: [{ nodeId, type: node.type, detail: `started by the business with the template ${start.template.name}` }], effects: [],
  };
}
