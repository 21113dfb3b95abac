import type { NodeData } from '../../../schema/index.ts';

/**
 * The visual form editor's model of a WhatsApp Flows document (docs/whatsapp.md §4): screens in order,
 * each with its components but no Footer. `writeFlowJson` derives the rest — each screen's Footer
 * (navigate to the next screen, carrying the fields so far; `complete` with every field on the last,
 * terminal screen), the `data` each screen receives, and the routing model — so they never drift.
 */
export type FormData = NodeData<'form'>;
export type FlowJson = FormData['flowJson'];
export type FlowComponent = Record<string, unknown> & { type: string };

export interface FormScreen {
  id: string;
  title: string;
  components: FlowComponent[];
  /** The label of the screen's Footer button. */
  footerLabel: string;
  /** The `data` declarations as read, so hand-written `__example__` values survive an edit. */
  declared?: Record<string, unknown>;
}

export const FLOW_JSON_VERSION = '7.3';

/** The components that collect a value, named by their `name`. */
export const INPUT_COMPONENTS = ['TextInput', 'TextArea', 'Dropdown', 'RadioButtonsGroup', 'CheckboxGroup', 'DatePicker', 'OptIn'] as const;
/** The components that only show text. */
export const TEXT_COMPONENTS = ['TextHeading', 'TextSubheading', 'TextBody', 'TextCaption'] as const;
export type ComponentType = (typeof INPUT_COMPONENTS)[number] | (typeof TEXT_COMPONENTS)[number];

export function isInput(component: FlowComponent): boolean {
  return (INPUT_COMPONENTS as readonly string[]).includes(component.type) && typeof component.name === 'string';
}

/** A `Form` wrapper (optional since Flow JSON v4) is unwrapped: the editor lists its inputs directly. */
function flatten(children: FlowComponent[]): FlowComponent[] {
  return children.flatMap((child) => (child.type === 'Form' && Array.isArray(child.children) ? flatten(child.children as FlowComponent[]) : [child]));
}

export function readScreens(flowJson: FlowJson): FormScreen[] {
  return flowJson.screens.map((screen) => {
    const children = flatten(screen.layout.children as FlowComponent[]);
    const footer = children.find((child) => child.type === 'Footer');
    return {
      id: screen.id,
      title: screen.title ?? '',
      components: children.filter((child) => child.type !== 'Footer'),
      footerLabel: typeof footer?.label === 'string' ? footer.label : '',
      ...(screen.data && { declared: screen.data }),
    };
  });
}

/** The input field names of the screens, in order. */
export function formFields(screens: readonly FormScreen[]): string[] {
  return screens.flatMap((screen) => screen.components.filter(isInput).map((component) => String(component.name)));
}

function dataDeclaration(component: FlowComponent): Record<string, unknown> {
  if (component.type === 'CheckboxGroup') return { type: 'array', items: { type: 'string' }, __example__: [] };
  if (component.type === 'OptIn') return { type: 'boolean', __example__: false };
  return { type: 'string', __example__: '' };
}

export function writeFlowJson(screens: readonly FormScreen[]): FlowJson {
  const carried: FlowComponent[] = []; // inputs of the screens before the current one
  const written = screens.map((screen, index) => {
    const own = screen.components.filter(isInput);
    const next = screens[index + 1];
    const payload = Object.fromEntries([
      ...carried.map((component) => [String(component.name), `\${data.${String(component.name)}}`]),
      ...own.map((component) => [String(component.name), `\${form.${String(component.name)}}`]),
    ]);
    const footer = {
      type: 'Footer',
      label: screen.footerLabel,
      'on-click-action': next
        ? { name: 'navigate', next: { type: 'screen', name: next.id }, payload }
        : { name: 'complete', payload },
    };
    const data = Object.fromEntries(carried.map((component) => {
      const name = String(component.name);
      return [name, screen.declared?.[name] ?? dataDeclaration(component)];
    }));
    carried.push(...own);
    return {
      id: screen.id,
      title: screen.title,
      ...(next ? {} : { terminal: true, success: true }),
      data,
      layout: { type: 'SingleColumnLayout', children: [...screen.components, footer] },
    };
  });
  const routing = Object.fromEntries(screens.map((screen, index) => [screen.id, screens[index + 1] ? [screens[index + 1]!.id] : []]));
  return { version: FLOW_JSON_VERSION, screens: written, routing_model: routing };
}

/** One output per field, keeping the variable already chosen for a field and naming new ones after it. */
export function syncOutputs(outputs: FormData['outputs'], fields: readonly string[]): FormData['outputs'] {
  const chosen = new Map(outputs.map((output) => [output.field, output.variable]));
  return fields.map((field) => ({ field, variable: chosen.get(field) ?? field }));
}

/**
 * Writes edited screens back into the node's data: the Flow JSON and the outputs together, and
 * forgets the entry `screen` once that screen is gone (the form then opens on the first).
 */
export function screensPatch(data: FormData, screens: readonly FormScreen[]): Pick<FormData, 'flowJson' | 'outputs' | 'screen'> {
  const entryKept = data.screen !== undefined && screens.some((screen) => screen.id === data.screen);
  return { flowJson: writeFlowJson(screens), outputs: syncOutputs(data.outputs, formFields(screens)), screen: entryKept ? data.screen : undefined };
}

/** Screen ids allow letters and underscores only: SCREEN_A, SCREEN_B… */
export function freshScreenId(screens: readonly FormScreen[]): string {
  const taken = new Set(screens.map((screen) => screen.id));
  for (let n = 0; ; n++) {
    let suffix = '';
    for (let rest = n; ; rest = Math.floor(rest / 26) - 1) {
      suffix = String.fromCharCode(65 + (rest % 26)) + suffix;
      if (rest < 26) break;
    }
    if (!taken.has(`SCREEN_${suffix}`)) return `SCREEN_${suffix}`;
  }
}

/** A field name not used on any screen: campo_1, campo_2… */
export function freshFieldName(screens: readonly FormScreen[], stem = 'campo'): string {
  const taken = new Set(formFields(screens));
  for (let n = 1; ; n++) if (!taken.has(`${stem}_${n}`)) return `${stem}_${n}`;
}
