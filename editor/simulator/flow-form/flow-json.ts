import type { Static } from '@sinclair/typebox';
import type { FlowJson as FlowJsonSchema } from '../../../schema/nodes/form.ts';

/** A WhatsApp Flows document (docs/whatsapp.md §4), as a form node stores it. */
export type FlowJson = Static<typeof FlowJsonSchema>;
export type FlowScreen = FlowJson['screens'][number];
/** One layout component; its fields are checked where they are read. */
export type FlowComponent = Record<string, unknown>;

export interface FlowAction {
  name: string;
  next?: { type?: string; name?: string };
  payload?: Record<string, unknown>;
}

export function screenById(flowJson: FlowJson, id: string | undefined): FlowScreen | undefined {
  return id === undefined ? flowJson.screens[0] : flowJson.screens.find((screen) => screen.id === id);
}

/** The screen's components in order, with `Form` containers (older Flow JSON) opened up. */
export function componentsOf(screen: FlowScreen): FlowComponent[] {
  const open = (children: unknown): FlowComponent[] =>
    (Array.isArray(children) ? children : []).flatMap((child: FlowComponent) =>
      child.type === 'Form' ? open(child.children) : [child]);
  return open(screen.layout.children);
}

/** A string field of a component, or undefined. */
export function textProp(component: FlowComponent, key: string): string | undefined {
  const value = component[key];
  return typeof value === 'string' ? value : undefined;
}

export function actionOf(component: FlowComponent): FlowAction | undefined {
  const action = component['on-click-action'];
  return typeof action === 'object' && action !== null && typeof (action as FlowAction).name === 'string' ? action as FlowAction : undefined;
}

export interface DataSourceItem { id: string; title: string; description?: string }

/** The options of a Dropdown, RadioButtonsGroup or CheckboxGroup (static lists only). */
export function dataSource(component: FlowComponent): DataSourceItem[] {
  const items = component['data-source'];
  return Array.isArray(items)
    ? items.filter((item): item is DataSourceItem => typeof item?.id === 'string' && typeof item?.title === 'string')
    : [];
}
