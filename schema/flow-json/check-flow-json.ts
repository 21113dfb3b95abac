import type { Static } from '@sinclair/typebox';
import type { FlowJson } from '../nodes/form.ts';
import { pointerSegment } from '../validate/problem-list.ts';
import type { NodeCheckContext } from '../validate/node-check-context.ts';
import { checkScreen, type ScreenFacts } from './check-screen.ts';
import { findCycles } from '../validate/find-cycles.ts';

/** What a form node needs to know of its Flow JSON: its screens and the fields a completed form returns. */
export interface FlowJsonFacts {
  screens: Set<string>;
  returnedFields: Set<string>;
}

/**
 * The Flow JSON versions Meta accepts when publishing a Flow (its Flows changelog, "Currently supported
 * versions"); 7.3 is the recommended one. docs/whatsapp.md §4.
 */
export const PUBLISHABLE_FLOW_JSON_VERSIONS = ['5.1', '6.0', '6.1', '6.2', '6.3', '7.0', '7.1', '7.2', '7.3'] as const;

const FORM_BINDING = /\$\{form\.([A-Za-z0-9_-]+)\}/g;

/**
 * Checks a form's Flow JSON against the rules of docs/whatsapp.md §4: components and their limits,
 * screen ids, forward-only routing that ends at a terminal screen with a Footer that completes.
 * Pointers are relative to the node's data (`/flowJson/screens/0/...`).
 */
export function checkFlowJson(flowJson: Static<typeof FlowJson>, context: NodeCheckContext, form: { hasEndpoint: boolean }): FlowJsonFacts {
  if (!(PUBLISHABLE_FLOW_JSON_VERSIONS as readonly string[]).includes(flowJson.version)) {
    context.report('flow_json_version', '/flowJson/version', { version: flowJson.version, versions: PUBLISHABLE_FLOW_JSON_VERSIONS.join(', ') });
  }
  const screens = new Map<string, { facts: ScreenFacts; terminal: boolean; pointer: string }>();
  const returnedFields = new Set<string>(['flow_token']);
  flowJson.screens.forEach((screen, index) => {
    const pointer = `/flowJson/screens/${index}`;
    if (screen.id === 'SUCCESS') context.report('flow_json_reserved_screen', `${pointer}/id`);
    if (screens.has(screen.id)) context.report('flow_json_duplicate_screen', `${pointer}/id`, { screen: screen.id });
    if (screen.layout.type !== 'SingleColumnLayout') {
      context.report('flow_json_layout', `${pointer}/layout/type`, { layout: screen.layout.type });
    }
    const facts = checkScreen(screen.id, screen.layout.children, pointer, context);
    const terminal = screen.terminal === true;
    if (!screens.has(screen.id)) screens.set(screen.id, { facts, terminal, pointer });
    checkActions(screen.id, facts, terminal, pointer, context);
    // Meta calls the form's endpoint for a data_exchange; without one the Flow cannot be published.
    if (!form.hasEndpoint) {
      for (const action of facts.actions.filter((found) => found.name === 'data_exchange')) {
        context.report('flow_json_data_exchange_without_endpoint', `${action.pointer}/name`, { screen: screen.id });
      }
    }
    for (const action of facts.actions.filter((found) => found.name === 'complete')) {
      for (const [key, value] of Object.entries(action.payload)) {
        returnedFields.add(key);
        for (const match of JSON.stringify(value).matchAll(FORM_BINDING)) returnedFields.add(match[1]!);
      }
    }
  });
  checkRouting(flowJson, screens, context);
  return { screens: new Set(screens.keys()), returnedFields };
}

function checkActions(screenId: string, facts: ScreenFacts, terminal: boolean, pointer: string, context: NodeCheckContext): void {
  const completes = facts.actions.filter((action) => action.name === 'complete');
  if (!terminal) {
    for (const action of completes) context.report('flow_json_complete_not_terminal', `${action.pointer}/name`, { screen: screenId });
  } else if (!completes.some((action) => action.fromFooter)) {
    context.report('flow_json_terminal_without_complete', pointer, { screen: screenId });
  }
  for (const action of facts.actions) {
    for (const match of JSON.stringify(action.payload).matchAll(FORM_BINDING)) {
      const name = match[1]!;
      if (!facts.inputs.has(name)) context.report('flow_json_unknown_form_field', `${action.pointer}/payload`, { name, screen: screenId });
    }
  }
}

type ScreenTable = Map<string, { facts: ScreenFacts; terminal: boolean; pointer: string }>;

/** Routes go forward only (no cycles) and every non-terminal screen leads somewhere. */
function checkRouting(flowJson: Static<typeof FlowJson>, screens: ScreenTable, context: NodeCheckContext): void {
  const next = new Map<string, Set<string>>([...screens.keys()].map((id) => [id, new Set<string>()]));
  const link = (from: string, to: string, pointer: string): void => {
    if (screens.has(to)) next.get(from)?.add(to);
    else context.report('flow_json_unknown_screen', pointer, { screen: from, target: to });
  };
  for (const [id, screen] of screens) {
    for (const action of screen.facts.actions) if (action.target !== undefined) link(id, action.target, `${action.pointer}/next/name`);
  }
  for (const [from, targets] of Object.entries(flowJson.routing_model ?? {})) {
    const pointer = `/flowJson/routing_model/${pointerSegment(from)}`;
    if (!screens.has(from)) context.report('flow_json_unknown_screen', pointer, { screen: from, target: from });
    else targets.forEach((to, index) => link(from, to, `${pointer}/${index}`));
  }
  for (const cycle of findCycles([...screens.keys()], (id) => next.get(id) ?? [])) {
    context.report('flow_json_route_cycle', screens.get(cycle[0]!)!.pointer, { screens: cycle.join(' → ') });
  }
  for (const [id, screen] of screens) {
    const leadsOn = (next.get(id)?.size ?? 0) > 0 || screen.facts.actions.some((action) => action.target !== undefined);
    if (!screen.terminal && !leadsOn) context.report('flow_json_dead_end', screen.pointer, { screen: id });
  }
}
