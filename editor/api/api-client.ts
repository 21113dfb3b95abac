import {
  exportFlowAnalytics, getFlowAnalytics, getFlowAnalyticsSeries, getRun as getRunRoute, listRuns as listRunsRoute, type AnalyticsQuery,
} from '../../schema/api/analytics.ts';
import { bindChannel as bindChannelRoute, listChannels, resumeChannel as resumeChannelRoute } from '../../schema/api/channels.ts';
import {
  listConversations, replyToConversation as replyRoute, resolveConversation as resolveConversationRoute, takeOverConversation as takeOverRoute,
} from '../../schema/api/conversations.ts';
import { createFlow, deleteFlow, getFlow, listFlows, saveFlow } from '../../schema/api/flows.ts';
import { tryApiCallNode } from '../../schema/api/node-trials.ts';
import { askKnowledge as askKnowledgeRoute } from '../../schema/api/knowledge.ts';
import { pathOf, type ApiRoute, type BodyOf, type ParamsOf, type QueryOf, type ReplyOf } from '../../schema/api/route.ts';
import {
  advanceSimulation as advanceSimulationRoute, resolveSimulation as resolveSimulationRoute, sendSimulationMessage as sendMessageRoute,
  startSimulation as startSimulationRoute, type AdvanceSimulation,
} from '../../schema/api/simulations.ts';
import { listTemplates as listTemplatesRoute, syncTemplates as syncTemplatesRoute } from '../../schema/api/templates.ts';
import { createToken as createTokenRoute, listTokens, revokeToken as revokeTokenRoute, whoAmI } from '../../schema/api/tokens.ts';
import {
  diffVersions, getVersion as getVersionRoute, listMetaFlows as listMetaFlowsRoute, listVersions as listVersionsRoute, publishDraft, setLiveVersion,
} from '../../schema/api/versions.ts';
import type { FlowDocument, KnowledgeEntry, NodeData } from '../../schema/index.ts';
import { createHttp, type HttpOptions } from './http.ts';
import type { ChannelBinding, DiffSide, InboundMessage, Role } from './types.ts';

/** What one call of a contract route takes: its path params, its query string and its body. */
interface CallInput<R extends ApiRoute> { params?: ParamsOf<R>; query?: QueryOf<R>; body?: BodyOf<R> }

/**
 * Typed calls for the whole server API (issue 4), each a route of the contract (schema/api/): the
 * path, the body and the answer's type come from the schemas the server's routes use. Every failure
 * is an ApiError.
 * @example const api = apiClient({ token: () => localStorage.getItem('charla.token') }); await api.listFlows();
 */
export function apiClient(options: HttpOptions) {
  const http = createHttp(options);
  function call<R extends ApiRoute>(route: R, input: CallInput<R> = {}, answer?: { text: true }): Promise<ReplyOf<R>> {
    return http<ReplyOf<R>>(route.method, pathOf(route, input.params ?? ({} as ParamsOf<R>), input.query), input.body, answer);
  }
  return {
    me: () => call(whoAmI),

    listFlows: () => call(listFlows),
    getFlow: (id: string) => call(getFlow, { params: { id } }),
    createFlow: (document: FlowDocument) => call(createFlow, { body: document }),
    saveFlow: (id: string, document: FlowDocument, revision: number) =>
      call(saveFlow, { params: { id }, body: { document, revision } }),
    deleteFlow: (id: string) => call(deleteFlow, { params: { id } }),

    /** Runs an API-call node's request once on the server (which holds the secrets); `data` may be unsaved. */
    tryApiCall: (id: string, nodeId: string, data: NodeData<'api_call'>, variables: Record<string, unknown> = {}) =>
      call(tryApiCallNode, { params: { id, nodeId }, body: { data, variables } }),

    /** Answers one question as an ai_answer node would, from `knowledge` (unsaved edits) or the draft's. */
    askKnowledge: (id: string, question: string, knowledge?: KnowledgeEntry[], minConfidence?: number) =>
      call(askKnowledgeRoute, { params: { id }, body: { question, ...(knowledge && { knowledge }), ...(minConfidence !== undefined && { minConfidence }) } }),

    publish: (id: string, note?: string) => call(publishDraft, { params: { id }, body: note ? { note } : {} }),
    listVersions: (id: string) => call(listVersionsRoute, { params: { id } }),
    getVersion: (id: string, version: number) => call(getVersionRoute, { params: { id, version } }),
    diff: (id: string, from: DiffSide, to: DiffSide) =>
      call(diffVersions, { params: { id }, query: { from: String(from), to: String(to) } }),
    setLive: (id: string, version: number) => call(setLiveVersion, { params: { id }, body: { version } }),
    listMetaFlows: (id: string) => call(listMetaFlowsRoute, { params: { id } }),

    /** Secrets left out of `binding` keep their stored value; responses only say whether each is set. */
    bindChannel: (phoneNumberId: string, binding: ChannelBinding) =>
      call(bindChannelRoute, { params: { phoneNumberId }, body: binding }),
    listChannels: () => call(listChannels),
    /** Sends a paused number's held messages again (after fixing what Meta refused). */
    resumeChannel: (phoneNumberId: string) => call(resumeChannelRoute, { params: { phoneNumberId } }),

    /** The WhatsApp templates Charla last read from Meta; `syncTemplates` reads them again now («Actualizar plantillas»). */
    listTemplates: () => call(listTemplatesRoute),
    syncTemplates: () => call(syncTemplatesRoute),

    /** The token's secret is in this response only. */
    createToken: (name: string, role: Role) => call(createTokenRoute, { body: { name, role } }),
    listTokens: () => call(listTokens),
    revokeToken: (id: string) => call(revokeTokenRoute, { params: { id } }),

    startSimulation: (id: string, source: DiffSide) => call(startSimulationRoute, { params: { id }, body: { source } }),
    sendSimulationMessage: (simulationId: string, message: InboundMessage) =>
      call(sendMessageRoute, { params: { simulationId }, body: message }),
    /** What an agent's "resolve" does, for a simulated conversation in handoff. */
    resolveSimulation: (simulationId: string) => call(resolveSimulationRoute, { params: { simulationId } }),
    /** Moves a simulation's clock forward (`{ seconds }` or to the next timer), firing what falls due. */
    advanceSimulation: (simulationId: string, advance: AdvanceSimulation) =>
      call(advanceSimulationRoute, { params: { simulationId }, body: advance }),

    /** Conversations waiting for a person (`handoff`) or run by the bot (`active`). */
    listConversations: (status: 'handoff' | 'active') => call(listConversations, { query: { status } }),
    /** A person takes a bot conversation over: it moves to handoff, the bot stays quiet. */
    takeOverConversation: (id: number) => call(takeOverRoute, { params: { id } }),
    replyToConversation: (id: number, text: string) => call(replyRoute, { params: { id }, body: { text } }),
    resolveConversation: (id: number) => call(resolveConversationRoute, { params: { id } }),

    /** A version's counts (the live one without `version`) over whole UTC hours of the range. Admins and analysts. */
    flowAnalytics: (id: string, query: AnalyticsQuery = {}) => call(getFlowAnalytics, { params: { id }, query }),
    /** The same counts per hour or day, for the dashboard's plots. */
    analyticsSeries: (id: string, query: AnalyticsQuery & { bucket?: 'hour' | 'day' } = {}) => call(getFlowAnalyticsSeries, { params: { id }, query }),
    /** The same counts as CSV text (`scope,node,metric,key,value`), for a spreadsheet or BI tool. */
    exportAnalyticsCsv: (id: string, query: AnalyticsQuery = {}) => call(exportFlowAnalytics, { params: { id }, query }, { text: true }),
    /** Conversation history: runs newest first; testers get numbers masked. */
    listRuns: (query: QueryOf<typeof listRunsRoute> = {}) => call(listRunsRoute, { query }),
    /** One run: its transcript with statuses and errors, and its path through the version. */
    getRun: (id: number) => call(getRunRoute, { params: { id } }),
  };
}

export type ApiClient = ReturnType<typeof apiClient>;
