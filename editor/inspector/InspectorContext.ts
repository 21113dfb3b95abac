import { createContext, useContext } from 'react';
import type { FlowNode } from '../../schema/index.ts';

/** A request the API call inspector asks the server to run ("try it"); secrets stay on the server. */
export type TryApiCall = (nodeId: string, data: Extract<FlowNode, { type: 'api_call' }>['data']) => Promise<TryApiCallResult>;
export interface TryApiCallResult {
  ok: boolean;
  status?: number;
  /** The response body (JSON or text) or the error the request ended with. */
  body?: unknown;
  error?: string;
  /** The values the node's `outputs` would store, by variable name. */
  variables?: Record<string, unknown>;
}

/** What every field in the inspector may need besides its value. */
export interface InspectorEnvironment {
  /** Names offered by the variable picker: declared, set by nodes, and the built-in ones. */
  variables: readonly string[];
  readOnly: boolean;
  /** Ends the running undo step (a field lost focus): the next edit is undone separately. */
  endGesture(): void;
  tryApiCall?: TryApiCall | undefined;
}

export const InspectorContext = createContext<InspectorEnvironment>({
  variables: [],
  readOnly: false,
  endGesture: () => {},
});

export function useInspectorEnvironment(): InspectorEnvironment {
  return useContext(InspectorContext);
}
