import type { FlowNode, NodeKind } from '../../schema/index.ts';
import type { TurnContext } from '../core/turn-context.ts';
import type { InboundEvent, Session } from '../core/types.ts';
import type { NodeBehaviour, NodeTimer, StepResult } from './behaviour.ts';
import { aiAnswer } from './ai-answer.ts';
import { aiIntent } from './ai-intent.ts';
import { apiCall } from './api-call.ts';
import { condition } from './condition.ts';
import { delay } from './delay.ts';
import { end } from './end.ts';
import { form } from './form.ts';
import { handoff } from './handoff.ts';
import { menu } from './menu.ts';
import { message } from './message.ts';
import { question } from './question.ts';
import { set } from './set.ts';
import { template } from './template.ts';

/** The behaviour of every node kind: the runtime's only dispatch on `node.type`. */
export const nodeBehaviours = {
  message,
  menu,
  question,
  condition,
  set,
  form,
  ai_intent: aiIntent,
  ai_answer: aiAnswer,
  api_call: apiCall,
  handoff,
  end,
  delay,
  template,
} satisfies { [K in NodeKind]: NodeBehaviour<K> };

/** A behaviour seen through any node (the registry guarantees node and behaviour agree). */
interface AnyBehaviour {
  enter(node: FlowNode, ctx: TurnContext): StepResult;
  receive?(node: FlowNode, event: UserOrAgentEvent, ctx: TurnContext): StepResult;
  timers?(node: FlowNode, session: Session): NodeTimer[];
  readsText?: true;
}

type UserOrAgentEvent = Exclude<InboundEvent, { type: 'timer' }>;

/** Runs a node that was just reached. */
export function enterNode(node: FlowNode, ctx: TurnContext): StepResult {
  return (nodeBehaviours[node.type] as AnyBehaviour).enter(node, ctx);
}

/** Gives the waiting node the event that arrived; a node that cannot receive runs again. */
export function receiveAtNode(node: FlowNode, event: UserOrAgentEvent, ctx: TurnContext): StepResult {
  const behaviour = nodeBehaviours[node.type] as AnyBehaviour;
  return behaviour.receive === undefined ? behaviour.enter(node, ctx) : behaviour.receive(node, event, ctx);
}

/** Whether a waiting node reads the customer's words, so a voice note is heard (or the customer asked to write) for it. */
export function readsText(node: FlowNode): boolean {
  return (nodeBehaviours[node.type] as AnyBehaviour).readsText === true;
}

/** The timers of the state "waiting at `node`": its `timeout`, a delay's end, a handoff's `unanswered`. */
export function nodeTimers(node: FlowNode, session: Session): NodeTimer[] {
  return (nodeBehaviours[node.type] as AnyBehaviour).timers?.(node, session) ?? [];
}

export type { NodeBehaviour, NodeTimer, Step, StepResult } from './behaviour.ts';
