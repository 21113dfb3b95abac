import type { NodeEditor } from '../types.ts';
import { TemplateBody } from './Body.tsx';
import { TemplateInspector } from './Inspector.tsx';

export const templateEditor: NodeEditor<'template'> = {
  icon: '❏',
  color: '#128c7e',
  // Meta's own sample template, which every new WhatsApp Business Account has: pick the business's own in the inspector.
  create: () => ({ name: 'hello_world', language: 'en_US' }),
  Body: TemplateBody,
  Inspector: TemplateInspector,
  outputLabels: (data) => Object.fromEntries((data.quickReplies ?? []).map((reply) => [reply.id, reply.title])),
};
