import type { FlowDocument } from '../../schema/index.ts';
import type { GraphMessage } from '../api/types.ts';
import type { FormSource } from './chat-entry.ts';

/**
 * The Flow JSON behind a flow message. The Graph body only names the form (flow_id or flow_name),
 * so it is looked up in the simulated document: the form node the conversation now waits on, else
 * the form node the message names.
 */
export function formSource(message: GraphMessage, document: FlowDocument | null, activeNodeId: string | null): FormSource | undefined {
  const parameters = message.interactive?.type === 'flow' ? message.interactive.action.parameters : undefined;
  if (!parameters || !document) return undefined;
  const forms = document.nodes.filter((node) => node.type === 'form');
  const named = [parameters.flow_id, parameters.flow_name].filter((name): name is string => name !== undefined);
  // The runtime names a form without a Meta id `<flow id>-<node id>`.
  const node = forms.find((candidate) => candidate.id === activeNodeId)
    ?? forms.find((candidate) => named.includes(candidate.id) || named.includes(`${document.id}-${candidate.id}`)
      || (candidate.data.flowId !== undefined && named.includes(candidate.data.flowId)));
  if (!node) return undefined;
  const payload = parameters.flow_action_payload;
  return { flowJson: node.data.flowJson, screen: payload?.screen ?? node.data.screen, data: payload?.data };
}
