import { createContext, useContext } from 'react';
import type { NodeData } from '../../schema/index.ts';
import type { KnowledgeAnswer, MetaFlowSummary, NodeTrial } from '../api/types.ts';

/**
 * Runs an API call node's request on the server ("try it"; secrets stay there) with sample values for
 * its template variables; resolves with what was sent, what came back and what the node would do.
 */
export type TryApiCall = (nodeId: string, data: NodeData<'api_call'>, variables: Record<string, unknown>) => Promise<NodeTrial>;

/** Answers a question from the flow's knowledge on the server, as an ai_answer node with `minConfidence` would ("try a question"). */
export type AskKnowledge = (question: string, minConfidence?: number) => Promise<KnowledgeAnswer>;

/** The WhatsApp Flows at Meta behind the flow's forms (every version, every business account), for a form's status. */
export type LoadMetaFlows = () => Promise<MetaFlowSummary[]>;

/** What every field in the inspector may need besides its value. */
export interface InspectorEnvironment {
  /** Names offered by the variable picker: declared, set by nodes, and the built-in ones. */
  variables: readonly string[];
  readOnly: boolean;
  /** Ends the running undo step (a field lost focus): the next edit is undone separately. */
  endGesture(): void;
  tryApiCall?: TryApiCall | undefined;
  askKnowledge?: AskKnowledge | undefined;
  loadMetaFlows?: LoadMetaFlows | undefined;
}

export const InspectorContext = createContext<InspectorEnvironment>({
  variables: [],
  readOnly: false,
  endGesture: () => {},
});

export function useInspectorEnvironment(): InspectorEnvironment {
  return useContext(InspectorContext);
}
