import type { FlowDocument, NodeData } from '../../schema/index.ts';
import type { Problem } from '../store/types.ts';
import { createHttp, type HttpOptions } from './http.ts';
import type {
  ApiToken, Channel, ChannelBinding, Conversation, CreatedToken, DiffSide, FlowDiff, FlowDraft, FlowSummary, InboundMessage, Me, NodeTrial, Role, SimulationStart,
  SimulationTurn, VersionSummary,
} from './types.ts';

const enc = encodeURIComponent;

/**
 * Typed calls for the whole server API (issue 4); every failure is an ApiError.
 * @example const api = apiClient({ token: () => localStorage.getItem('charla.token') }); await api.listFlows();
 */
export function apiClient(options: HttpOptions) {
  const http = createHttp(options);
  const flow = (id: string) => `/api/flows/${enc(id)}`;
  return {
    me: () => http<Me>('GET', '/api/me'),

    listFlows: () => http<FlowSummary[]>('GET', '/api/flows'),
    getFlow: (id: string) => http<FlowDraft>('GET', flow(id)),
    createFlow: (document: FlowDocument) =>
      http<{ id: string; revision: number; problems?: Problem[] }>('POST', '/api/flows', document),
    saveFlow: (id: string, document: FlowDocument, revision: number) =>
      http<{ revision: number; problems?: Problem[] }>('PUT', flow(id), { document, revision }),
    deleteFlow: (id: string) => http<void>('DELETE', flow(id)),

    /** Runs an API-call node's request once on the server (which holds the secrets); `data` may be unsaved. */
    tryApiCall: (id: string, nodeId: string, data: NodeData<'api_call'>, variables: Record<string, unknown> = {}) =>
      http<NodeTrial>('POST', `${flow(id)}/nodes/${enc(nodeId)}/try`, { data, variables }),

    publish: (id: string, note?: string) =>
      http<{ version: number }>('POST', `${flow(id)}/versions`, note ? { note } : {}),
    listVersions: (id: string) => http<VersionSummary[]>('GET', `${flow(id)}/versions`),
    getVersion: (id: string, version: number) => http<FlowDocument>('GET', `${flow(id)}/versions/${version}`),
    diff: (id: string, from: DiffSide, to: DiffSide) =>
      http<FlowDiff>('GET', `${flow(id)}/diff?from=${enc(String(from))}&to=${enc(String(to))}`),
    setLive: (id: string, version: number) => http<unknown>('PUT', `${flow(id)}/live`, { version }),

    /** Secrets left out of `binding` keep their stored value; responses only say whether each is set. */
    bindChannel: (phoneNumberId: string, binding: ChannelBinding) =>
      http<Channel>('PUT', `/api/channels/whatsapp/${enc(phoneNumberId)}`, binding),
    listChannels: () => http<Channel[]>('GET', '/api/channels'),

    /** The token's secret is in this response only. */
    createToken: (name: string, role: Role) => http<CreatedToken>('POST', '/api/tokens', { name, role }),
    listTokens: () => http<ApiToken[]>('GET', '/api/tokens'),
    revokeToken: (id: string) => http<void>('DELETE', `/api/tokens/${enc(id)}`),

    startSimulation: (id: string, source: DiffSide) =>
      http<SimulationStart>('POST', `${flow(id)}/simulations`, { source }),
    sendSimulationMessage: (simulationId: string, message: InboundMessage) =>
      http<SimulationTurn>('POST', `/api/simulations/${enc(simulationId)}/messages`, message),
    /** What an agent's "resolve" does, for a simulated conversation in handoff. */
    resolveSimulation: (simulationId: string) => http<SimulationTurn>('POST', `/api/simulations/${enc(simulationId)}/resolve`),

    /** Conversations waiting for a person (`handoff`) or run by the bot (`active`). */
    listConversations: (status: 'handoff' | 'active') => http<Conversation[]>('GET', `/api/conversations?status=${status}`),
    /** A person takes a bot conversation over: it moves to handoff, the bot stays quiet. */
    takeOverConversation: (id: string | number) => http<Conversation>('POST', `/api/conversations/${enc(String(id))}/take-over`, {}),
    replyToConversation: (id: string | number, text: string) => http<unknown>('POST', `/api/conversations/${enc(String(id))}/messages`, { text }),
    resolveConversation: (id: string | number) => http<unknown>('POST', `/api/conversations/${enc(String(id))}/resolve`, {}),
  };
}

export type ApiClient = ReturnType<typeof apiClient>;
