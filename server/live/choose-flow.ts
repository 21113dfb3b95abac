import { DEFAULT_SETTINGS, type FlowDocument } from '../../schema/index.ts';
import type { Session } from '../../runtime/core/types.ts';
import type { FlowRepository } from '../flows/repository.ts';
import type { ConversationRow } from './conversation-store.ts';

export interface FlowChoice {
  flow: FlowDocument;
  version: number;
  /** The stored session to resume, or null to start afresh. */
  session: Session | null;
}

/**
 * The version a turn runs on: the one the conversation started on while its session can be resumed
 * (active or in handoff, same flow, not timed out), else the flow's live version with a fresh session.
 * A publish therefore never changes a conversation in the middle. Undefined: nothing is live.
 * @example chooseFlow(conversation, channel.flowId, flows, now) // { flow, version: 3, session }
 */
export function chooseFlow(
  conversation: ConversationRow | undefined,
  channelFlowId: string,
  flows: FlowRepository,
  now: number,
  options: { ignoreTimeout?: boolean } = {},
): FlowChoice | undefined {
  if (conversation && conversation.flowId === channelFlowId) {
    const session = JSON.parse(conversation.session) as Session;
    const pinned = session.status === 'active' || session.status === 'handoff'
      ? flows.getVersion(conversation.flowId, conversation.flowVersion)
      : undefined;
    if (pinned && (options.ignoreTimeout || !timedOut(session, pinned, now))) {
      return { flow: pinned, version: conversation.flowVersion, session };
    }
  }
  const live = flows.getLiveFlow(channelFlowId);
  return live && { flow: live.document, version: live.version, session: null };
}

function timedOut(session: Session, flow: FlowDocument, now: number): boolean {
  const minutes = flow.settings?.sessionTimeoutMinutes ?? DEFAULT_SETTINGS.sessionTimeoutMinutes;
  return now - session.lastUserMessageAt > minutes * 60_000;
}
