import type { TemplateRef } from '../../schema/index.ts';
import { renderTemplate, type TemplateScope } from './template.ts';
import type { OutboundMessage } from './types.ts';

export type TemplateMessage = Extract<OutboundMessage, { type: 'template' }>;

/**
 * The template message a reference sends, each placeholder's text rendered with the conversation's
 * variables: with `scope`, or by a node's own `render` (the template node, the fallback sent when the
 * 24-hour window has closed, a conversation the business starts).
 * @example renderTemplateMessage({ name: 'recordatorio', language: 'es_AR', bodyParameters: { '1': '{{nombre}}' } }, scope)
 */
export function renderTemplateMessage(ref: TemplateRef, scope: TemplateScope | ((text: string) => string)): TemplateMessage {
  const render = typeof scope === 'function' ? scope : (text: string) => renderTemplate(text, scope);
  const renderAll = (texts: Record<string, string> | undefined) =>
    texts && Object.fromEntries(Object.entries(texts).map(([key, text]) => [key, render(text)]));
  const bodyParameters = renderAll(ref.bodyParameters);
  const buttonParameters = renderAll(ref.buttonParameters);
  return {
    type: 'template', name: ref.name, language: ref.language,
    ...(bodyParameters ? { bodyParameters } : {}),
    ...(ref.headerParameter !== undefined ? { headerParameter: render(ref.headerParameter) } : {}),
    ...(buttonParameters ? { buttonParameters } : {}),
  };
}
