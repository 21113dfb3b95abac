import type { TemplateRef } from '../../schema/index.ts';
import { renderTemplate, type TemplateScope } from './template.ts';
import type { OutboundMessage } from './types.ts';

export type TemplateMessage = Extract<OutboundMessage, { type: 'template' }>;

/**
 * The template message a reference sends, each placeholder's text rendered with the conversation's
 * variables (the template node, and the fallback sent when the 24-hour window has closed).
 * @example renderTemplateMessage({ name: 'recordatorio', language: 'es_AR', bodyParameters: { '1': '{{nombre}}' } }, scope)
 */
export function renderTemplateMessage(ref: TemplateRef, scope: TemplateScope): TemplateMessage {
  const renderAll = (texts: Record<string, string> | undefined) =>
    texts && Object.fromEntries(Object.entries(texts).map(([key, text]) => [key, renderTemplate(text, scope)]));
  const bodyParameters = renderAll(ref.bodyParameters);
  const buttonParameters = renderAll(ref.buttonParameters);
  return {
    type: 'template', name: ref.name, language: ref.language,
    ...(bodyParameters ? { bodyParameters } : {}),
    ...(ref.headerParameter !== undefined ? { headerParameter: renderTemplate(ref.headerParameter, scope) } : {}),
    ...(buttonParameters ? { buttonParameters } : {}),
  };
}
