import { fillPlaceholders, findTemplate, templateShape, type SyncedTemplate, type TemplateShape } from '../../schema/whatsapp-template.ts';
import type { GraphMessage } from '../api/types.ts';

/** A template message as the customer reads it: its texts with the parameters the send filled, and its quick replies. */
export interface RenderedTemplate {
  header: string | undefined;
  body: string;
  footer: string | undefined;
  quickReplies: string[];
}

type SentComponent = { type?: string; sub_type?: string; index?: string; parameters?: Array<{ type?: string; text?: string; parameter_name?: string; image?: { link?: string }; video?: { link?: string }; document?: { link?: string } }> };

/**
 * Fills the synced template a Graph `template` body names with the body's parameters, as WhatsApp
 * shows it (positional ones by order, named ones by name); undefined when Charla has not read it from Meta.
 * @example renderSentTemplate(message.template, templates)?.body // 'Hola Ana, te esperamos el martes.'
 */
export function renderSentTemplate(sent: NonNullable<GraphMessage['template']>, templates: readonly Pick<SyncedTemplate, 'name' | 'language' | 'components'>[]): RenderedTemplate | undefined {
  const found = findTemplate(templates as SyncedTemplate[], sent.name, sent.language.code);
  if (!found) return undefined;
  const shape: TemplateShape = templateShape(found.components);
  const components = (sent.components ?? []) as SentComponent[];
  const valuesOf = (type: string, names: readonly string[]) => {
    const parameters = components.find((component) => component.type === type)?.parameters ?? [];
    return Object.fromEntries(parameters.map((parameter, index) => [parameter.parameter_name ?? names[index] ?? String(index + 1),
      parameter.text ?? parameter.image?.link ?? parameter.video?.link ?? parameter.document?.link ?? '']));
  };
  const header = shape.header?.format === 'TEXT'
    ? fillPlaceholders(shape.header.text ?? '', valuesOf('header', ['1']))
    : shape.header && Object.values(valuesOf('header', ['1']))[0];
  return { header, body: fillPlaceholders(shape.body, valuesOf('body', shape.bodyParameters)), footer: shape.footer, quickReplies: shape.quickReplies };
}
