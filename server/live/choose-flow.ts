import type { FlowDocument } from '../../schema/index.ts';
import { isSessionResumable } from '../../runtime/index.ts';
import type { Session } from '../../runtime/core/types.ts';
import type { FlowRepository } from '../flows/repository.ts';
import type { ConversationRow } from './live-store.ts';

export interface FlowChoice {
  flow: FlowDocument;
  version: number;
  /** The stored session to resume, or null to start afresh. */
  session: Session | null;
}

/**
 * The version a turn runs on: the one the conversation started on while its session can be resumed
 * (runtime's isSessionResumable: same flow, not ended, not timed out; handoffs included), else the
 * flow's live version with a fresh session. A publish therefore never changes a conversation in
 * the middle. Undefined: nothing is live.
 * @example await chooseFlow(conversation, channel.flowId, flows, now) // { flow, version: 3, session }
 */
export async function chooseFlow(
  conversation: ConversationRow | undefined,
  channelFlowId: string,
  flows: FlowRepository,
  now: number,
  options: { ignoreTimeout?: boolean } = {},
): Promise<FlowChoice | undefined> {
  if (conversation && conversation.flowId === channelFlowId) {
    const session = JSON.parse(conversation.session) as Session;
    const pinned = await flows.getVersion(conversation.flowId, conversation.flowVersion);
    // An agent resolving a handoff continues the conversation however long it waited.
    const checkedAt = options.ignoreTimeout ? session.lastUserMessageAt : now;
    if (pinned && isSessionResumable(session, pinned, checkedAt)) {
      return { flow: pinned, version: conversation.flowVersion, session };
    }
  }
  const live = await flows.getLiveFlow(channelFlowId);
  return live && { flow: live.document, version: live.version, session: null };
}
