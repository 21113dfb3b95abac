import { templateShape, type TemplateShape } from '../../../schema/whatsapp-template.ts';
import type { NodeData } from '../../../schema/index.ts';
import type { TemplateRef } from '../../../schema/template-ref.ts';
import { freshId } from '../../store/ids.ts';

type TemplateData = NodeData<'template'>;

type PickedTemplate = { name: string; language: string; components: Array<Record<string, unknown>> };

/**
 * A reference to a template picked from the synced list (a template node's, a fallback template's): its
 * name and language and a parameter for every placeholder, keeping what was typed for one of the same name.
 */
export function templateRefFor(picked: PickedTemplate, previous: Partial<TemplateRef> | undefined): TemplateRef {
  const shape = templateShape(picked.components);
  const keep = (values: Record<string, string> | undefined, keys: readonly string[]) =>
    keys.length === 0 ? undefined : Object.fromEntries(keys.map((key) => [key, values?.[key] ?? '']));
  const bodyParameters = keep(previous?.bodyParameters, shape.bodyParameters);
  const buttonParameters = keep(previous?.buttonParameters, shape.buttons.filter((button) => button.urlParameter).map((button) => String(button.index)));
  return {
    name: picked.name, language: picked.language,
    ...(shape.header?.parameter ? { headerParameter: previous?.headerParameter ?? '' } : {}),
    ...(bodyParameters ? { bodyParameters } : {}),
    ...(buttonParameters ? { buttonParameters } : {}),
  };
}

/**
 * The node's data for a template picked from the synced list: its name and language, a parameter
 * for every placeholder (keeping what was typed for one of the same name), and its quick-reply
 * buttons as outputs (keeping the ids, and so the edges, of buttons with the same label).
 */
export function dataForTemplate(picked: PickedTemplate, previous: TemplateData): TemplateData {
  const shape = templateShape(picked.components);
  const taken = new Set<string>(['next', 'invalid', 'timeout']);
  const quickReplies = shape.quickReplies.map((title) => {
    const id = previous.quickReplies?.find((reply) => reply.title === title)?.id ?? freshId(title, taken);
    taken.add(id);
    return { id, title };
  });
  return {
    ...templateRefFor(picked, previous),
    ...(quickReplies.length > 0 ? { quickReplies } : {}),
    ...(quickReplies.length > 0 && previous.timeoutSeconds !== undefined ? { timeoutSeconds: previous.timeoutSeconds } : {}),
  };
}

/** The shape of the synced template a node names, if Charla has read it. */
export function shapeOf(templates: ReadonlyArray<{ name: string; language: string; components: Array<Record<string, unknown>> }>, data: TemplateData): TemplateShape | undefined {
  const found = templates.find((template) => template.name === data.name && template.language === data.language);
  return found && templateShape(found.components);
}
