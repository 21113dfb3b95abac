import type { FlowDocument } from '../flow.ts';
import type { ProblemCode, ProblemParams } from '../problems.ts';
import { fieldAt } from '../problems.ts';
import type { TemplateRef } from '../template-ref.ts';
import { templateShape, type SyncedTemplate } from '../whatsapp-template.ts';
import type { FoundProblem } from './problem-list.ts';

type Report = (code: ProblemCode, pointer: string, params?: ProblemParams, nodeId?: string) => void;

/**
 * Every template a flow sends — its `template` nodes and its fallback template — checked against one
 * WhatsApp Business Account's synced templates (docs/templates.md §3): it exists in that language, Meta
 * approved it, and the parameters the flow fills are the ones it has.
 */
export function checkTemplates(flow: FlowDocument, templates: readonly SyncedTemplate[], report: Report): void {
  flow.nodes.forEach((node, index) => {
    const own = (node.data as { fallbackTemplate?: TemplateRef }).fallbackTemplate;
    if (own) checkTemplateRef(own, `/nodes/${index}/data/fallbackTemplate`, templates, (code, pointer, params) => report(code, pointer, params, node.id));
    if (node.type !== 'template') return;
    const base = `/nodes/${index}/data`;
    const shape = checkTemplateRef(node.data, base, templates, (code, pointer, params) => report(code, pointer, params, node.id));
    if (!shape) return;
    const titles = (node.data.quickReplies ?? []).map((reply) => reply.title);
    if (!sameList(titles, shape.quickReplies, true)) {
      report('template_parameters_mismatch', `${base}/quickReplies`, mismatch(node.data.name, base, '/quickReplies', shape.quickReplies, titles), node.id);
    }
  });
  const fallback = flow.settings?.fallbackTemplate;
  if (fallback) checkTemplateRef(fallback, '/settings/fallbackTemplate', templates, (code, pointer, params) => report(code, pointer, params));
}

/**
 * One template a conversation is started with (POST /api/flows/:id/start, docs/api.md) checked the same way
 * against the number's WABA; `base` is where the template sits in the request (`/template`).
 */
export function findTemplateProblems(ref: TemplateRef, templates: readonly SyncedTemplate[], base: string): FoundProblem[] {
  const found: FoundProblem[] = [];
  checkTemplateRef(ref, base, templates, (code, pointer, params) => found.push({ code, pointer, params }));
  return found;
}

function checkTemplateRef(ref: TemplateRef, base: string, templates: readonly SyncedTemplate[], report: (code: ProblemCode, pointer: string, params: ProblemParams) => void) {
  const named = templates.filter((template) => template.name === ref.name);
  if (named.length === 0) {
    report('template_not_found', `${base}/name`, { name: ref.name });
    return undefined;
  }
  const found = named.find((template) => template.language === ref.language);
  if (!found) {
    report('template_language_missing', `${base}/language`, { name: ref.name, language: ref.language, languages: named.map((template) => template.language) });
    return undefined;
  }
  if (found.status !== 'APPROVED') report('template_not_approved', `${base}/name`, { name: ref.name, status: found.status });
  const shape = templateShape(found.components);
  const body = Object.keys(ref.bodyParameters ?? {});
  if (!sameList(body, shape.bodyParameters, false)) {
    report('template_parameters_mismatch', `${base}/bodyParameters`, mismatch(ref.name, base, '/bodyParameters', shape.bodyParameters, body));
  }
  const header = ref.headerParameter === undefined ? [] : ['1'];
  if (!sameList(header, shape.header?.parameter ? ['1'] : [], false)) {
    report('template_parameters_mismatch', `${base}/headerParameter`, mismatch(ref.name, base, '/headerParameter', shape.header?.parameter ? ['1'] : [], header));
  }
  const urlButtons = shape.buttons.filter((button) => button.urlParameter).map((button) => String(button.index));
  const buttons = Object.keys(ref.buttonParameters ?? {});
  if (!sameList(buttons, urlButtons, false)) {
    report('template_parameters_mismatch', `${base}/buttonParameters`, mismatch(ref.name, base, '/buttonParameters', urlButtons, buttons));
  }
  return shape;
}

function mismatch(name: string, base: string, field: string, expected: readonly string[], actual: readonly string[]): ProblemParams {
  return { name, field: fieldAt(`${base}${field}`, base.startsWith('/nodes/') ? 'template' : undefined), expected: [...expected], actual: [...actual] };
}

function sameList(actual: readonly string[], expected: readonly string[], ordered: boolean): boolean {
  if (actual.length !== expected.length) return false;
  if (ordered) return actual.every((item, index) => item === expected[index]);
  const wanted = new Set(expected);
  return actual.every((item) => wanted.has(item));
}
