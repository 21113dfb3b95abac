import type { TemplateRef } from '../../schema/index.ts';
import type { OutboundMessage } from './types.ts';

export type TemplateMessage = Extract<OutboundMessage, { type: 'template' }>;

/**
 * The template message a reference sends, each placeholder's text rendered with the conversation's
 * variables by `render` (the template node, and the fallback sent when the 24-hour window has closed).
 * @example renderTemplateMessage({ name: 'recordatorio', language: 'es_AR', bodyParameters: { '1': '{{nombre}}' } }, (text) => renderTemplate(text, scope))
 */
export function renderTemplateMessage(ref: TemplateRef, render: (text: string) => string): TemplateMessage {
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
