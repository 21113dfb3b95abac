import { componentTerm, propertyTerm } from '../problems.ts';
import type { NodeCheckContext } from '../validate/node-check-context.ts';
import { charLength } from '../validate/field-checks.ts';
import { FLOW_JSON_LIMITS } from '../whatsapp-limits.ts';
import { ACTION_PROPERTIES, COMPONENT_TYPES, componentRule, FLOW_ACTIONS, type ComponentRule } from './components.ts';

type Json = Record<string, unknown>;

/** An action found on a screen, e.g. a Footer's `navigate` or `complete`. */
export interface ScreenAction {
  name: string;
  pointer: string;
  payload: Json;
  /** For `navigate`: the screen it opens. */
  target?: string;
  fromFooter: boolean;
}

/** What the routing check needs to know of a screen once its components are checked. */
export interface ScreenFacts {
  inputs: Set<string>;
  actions: ScreenAction[];
}

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
/** A `${data.x}` or `${form.x}` binding: its length and contents are only known when the form runs. */
const isBinding = (value: unknown): boolean => typeof value === 'string' && value.includes('${');

/** Checks one screen's components (limits, required properties, names); returns its inputs and actions. */
export function checkScreen(screenId: string, children: Json[], base: string, context: NodeCheckContext): ScreenFacts {
  const facts: ScreenFacts = { inputs: new Set(), actions: [] };
  let components = 0;
  let footers = 0;
  const visit = (list: Json[], at: string): void => list.forEach((component, index) => {
    const pointer = `${at}/${index}`;
    if (component.type === 'Form' && Array.isArray(component.children)) {
      visit(component.children.filter(isObject), `${pointer}/children`);
      return;
    }
    components++;
    const rule = componentRule(component.type);
    if (!rule) {
      context.report('flow_json_unknown_component', `${pointer}/type`, { component: String(component.type), supported: COMPONENT_TYPES.join(', ') });
      return;
    }
    const type = String(component.type);
    if (type === 'Footer') footers++;
    checkComponent(type, rule, component, pointer, context);
    if (rule.input && typeof component.name === 'string') {
      if (facts.inputs.has(component.name)) {
        context.report('flow_json_duplicate_input_name', `${pointer}/name`, { name: component.name, screen: screenId });
      }
      facts.inputs.add(component.name);
    }
    facts.actions.push(...componentActions(component, pointer, type === 'Footer', context));
  });
  visit(children, `${base}/layout/children`);
  if (components === 0) context.report('flow_json_empty_screen', `${base}/layout/children`, { screen: screenId });
  if (components > FLOW_JSON_LIMITS.componentsPerScreen) {
    context.report('flow_json_too_many_components', `${base}/layout/children`, { screen: screenId, count: components, max: FLOW_JSON_LIMITS.componentsPerScreen });
  }
  if (footers > 1) context.report('flow_json_footer_count', `${base}/layout/children`, { screen: screenId, count: footers });
  return facts;
}

function checkComponent(type: string, rule: ComponentRule, component: Json, pointer: string, context: NodeCheckContext): void {
  for (const property of rule.required) {
    const value = component[property];
    if (value === undefined || value === null || value === '') {
      context.report('flow_json_missing_property', pointer, { component: componentTerm(type), property: propertyTerm(property) });
    }
  }
  for (const [property, max] of Object.entries(rule.texts)) checkText(type, property, component[property], max, `${pointer}/${property}`, context);
  for (const [property, expect] of Object.entries(rule.values ?? {})) {
    const value = component[property];
    if (value === undefined || isBinding(value)) continue;
    const ok = typeof value === 'string' && (expect.allowed ? expect.allowed.includes(value) : expect.pattern?.test(value));
    if (!ok) context.report('flow_json_invalid_value', `${pointer}/${property}`, { component: componentTerm(type), property: propertyTerm(property), expected: expect.expected });
  }
  const options = component['data-source'];
  if (rule.maxOptions !== undefined && Array.isArray(options)) checkOptions(type, options, rule.maxOptions, `${pointer}/data-source`, context);
}

function checkText(component: string, property: string, value: unknown, max: number, pointer: string, context: NodeCheckContext): void {
  if (typeof value !== 'string' || isBinding(value) || value.length <= max) return;
  const length = charLength(value);
  if (length > max) context.report('flow_json_too_long', pointer, { component: componentTerm(component), property: propertyTerm(property), max, length });
}

function checkOptions(component: string, options: unknown[], max: number, pointer: string, context: NodeCheckContext): void {
  if (options.length < 1 || options.length > max) {
    context.report('flow_json_option_count', pointer, { component: componentTerm(component), max, count: options.length });
  }
  options.forEach((option, index) => {
    const at = `${pointer}/${index}`;
    const item = isObject(option) ? option : {};
    for (const property of ['id', 'title']) {
      if (typeof item[property] !== 'string' || item[property] === '') {
        context.report('flow_json_missing_property', at, { component: componentTerm('choice'), property: propertyTerm(property) });
      }
    }
    checkText('choice', 'title', item.title, FLOW_JSON_LIMITS.choiceTitle, `${at}/title`, context);
  });
}

function componentActions(component: Json, pointer: string, fromFooter: boolean, context: NodeCheckContext): ScreenAction[] {
  const actions: ScreenAction[] = [];
  for (const property of ACTION_PROPERTIES) {
    const action = component[property];
    if (!isObject(action)) continue;
    const at = `${pointer}/${property}`;
    const name = String(action.name);
    if (!(FLOW_ACTIONS as readonly string[]).includes(name)) {
      context.report('flow_json_unknown_action', `${at}/name`, { action: name, actions: FLOW_ACTIONS.join(', ') });
      continue;
    }
    const next = isObject(action.next) ? action.next : undefined;
    const target = name === 'navigate' && typeof next?.name === 'string' ? next.name : undefined;
    if (name === 'navigate' && target === undefined) {
      context.report('flow_json_missing_property', at, { component: componentTerm('navigate'), property: propertyTerm('next.name') });
    }
    actions.push({ name, pointer: at, payload: isObject(action.payload) ? action.payload : {}, fromFooter, ...(target === undefined ? {} : { target }) });
  }
  return actions;
}
