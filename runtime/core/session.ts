import { DEFAULT_SETTINGS, type FlowDocument } from '../../schema/index.ts';
import type { Contact, Session } from './types.ts';

/**
 * A new, idle session on `flow`: no node yet, so the next user message starts the
 * flow at `startNodeId`.
 * @example startSession({ flow, contact: { waId: '5491155550123' }, version: 3, now: Date.now() }).status // 'active'
 */
export function startSession(options: {
  flow: Pick<FlowDocument, 'id'>;
  contact: Contact;
  version: number | 'draft';
  now: number;
}): Session {
  return {
    flowId: options.flow.id,
    version: options.version,
    status: 'active',
    nodeId: null,
    retries: 0,
    variables: {},
    contact: options.contact,
    startedAt: options.now,
    lastUserMessageAt: options.now,
  };
}

/**
 * Whether the next message continues `session` (on its pinned version) rather than
 * starting afresh: it belongs to this flow, has not ended or failed, and the user
 * wrote within `settings.sessionTimeoutMinutes`. Also true during a handoff.
 * @example isSessionResumable(session, flow, session.lastUserMessageAt + 25 * 3_600_000) // false with the default 24 h
 */
export function isSessionResumable(session: Session, flow: Pick<FlowDocument, 'id' | 'settings'>, now: number): boolean {
  if (session.flowId !== flow.id) return false;
  if (session.status === 'ended' || session.status === 'error') return false;
  const minutes = flow.settings?.sessionTimeoutMinutes ?? DEFAULT_SETTINGS.sessionTimeoutMinutes;
  return now - session.lastUserMessageAt <= minutes * 60_000;
}

/**
 * A person takes a conversation over from the bot: the same session in handoff, still waiting
 * at its node, so handing it back asks that node's question again. Sends nothing.
 * @example takeOverSession(session, Date.now()).status // 'handoff'
 */
export function takeOverSession(session: Session, now: number): Session {
  // A new state: the timers the bot set (a question's timeout, the session's expiry) go stale.
  return { ...session, status: 'handoff', handoff: { by: 'agent', since: now }, epoch: (session.epoch ?? 0) + 1 };
}
