import { flowValidators } from '../ajv.ts';
import { checkTimeSettings } from '../business-hours.ts';
import { checkKnowledge } from '../knowledge.ts';
import { migrateFlow, supportedVersions } from '../migrate.ts';
import type { ProblemCode, ProblemLocale, ProblemParams } from '../problems.ts';
import { checkNode, checkOutputIds } from '../registry.ts';
import { outlineOfBrokenFlow, outlineOfValidFlow, type FlowOutline } from './flow-outline.ts';
import { checkGraph } from './graph.ts';
import { checkLoops } from './loops.ts';
import { ProblemList, renderProblems, type FoundProblem, type Problem } from './problem-list.ts';
import { brokenItems, translateSchemaErrors } from './schema-errors.ts';
import { checkReusedVariables, checkVariables } from './variables.ts';
import { checkTemplates } from './template-checks.ts';
import type { SyncedTemplate } from '../whatsapp-template.ts';

export interface ValidateFlowOptions {
  /** The language of the messages; Spanish by default. */
  locale?: ProblemLocale;
  /**
   * One WhatsApp Business Account's synced templates: when given, every template the flow sends is
   * checked against them (publish and bind do; docs/templates.md §3).
   */
  templates?: readonly SyncedTemplate[];
}

/**
 * Every problem of a flow document (docs/flow-format.md, "Problems found before publishing"):
 * version, JSON Schema, then (whenever the skeleton holds, schema errors or not) ids, edges,
 * reachability, dead ends, loops that never wait, template variables, and each sound node's
 * WhatsApp limits and Flow JSON rules. Pure and browser-safe: the editor runs it on every change.
 * @example const { problems } = validateFlow(JSON.parse(text), { locale: 'en' });
 */
export function validateFlow(document: unknown, options: ValidateFlowOptions = {}): { problems: Problem[] } {
  return { problems: renderProblems(findFlowProblems(document, options), options.locale ?? 'es') };
}

/**
 * The same problems as `validateFlow`, without words: what a server stores with a draft revision and
 * writes in the reader's language when it is read (`renderProblems`).
 */
export function findFlowProblems(document: unknown, options: Pick<ValidateFlowOptions, 'templates'> = {}): readonly FoundProblem[] {
  const problems = new ProblemList();
  const outline = readFlow(document, problems, options.templates);
  if (outline) checkFlow(outline, problems);
  return problems.entries();
}

/**
 * Version check, migration, then ajv: the quick validator first, the one that lists every error
 * only on failure. A document that breaks the schema is still outlined when its skeleton holds,
 * so graph problems and WhatsApp limits do not vanish while one field is being edited.
 */
function readFlow(document: unknown, problems: ProblemList, templates: readonly SyncedTemplate[] | undefined): FlowOutline | undefined {
  let candidate = document;
  if (typeof document === 'object' && document !== null && !Array.isArray(document) && 'schemaVersion' in document) {
    const migrated = migrateFlow(document as Record<string, unknown>);
    if (!migrated) {
      const version = JSON.stringify((document as Record<string, unknown>).schemaVersion);
      problems.add('schema_version_unsupported', { pointer: '/schemaVersion' }, { version, supported: supportedVersions().join(', ') });
      return undefined;
    }
    candidate = migrated;
  }
  const { fast, full } = flowValidators();
  if (fast(candidate)) {
    const report = (code: ProblemCode, pointer: string, params?: ProblemParams) => problems.add(code, { pointer }, params);
    checkTimeSettings(candidate.settings ?? {}, report);
    checkKnowledge(candidate.knowledge ?? [], report);
    if (templates) checkTemplates(candidate, templates, (code, pointer, params, nodeId) => problems.add(code, { pointer, ...(nodeId === undefined ? {} : { nodeId }) }, params));
    return outlineOfValidFlow(candidate);
  }
  full(candidate);
  const errors = full.errors ?? [];
  translateSchemaErrors(errors, candidate, problems);
  return outlineOfBrokenFlow(candidate, brokenItems(errors));
}

function checkFlow(flow: FlowOutline, problems: ProblemList): void {
  flow.nodes.forEach((node, index) => {
    const base = `/nodes/${index}/data`;
    const context = { report: (code: ProblemCode, pointer: string, params?: ProblemParams) => problems.add(code, { pointer: base + pointer, nodeId: node.id }, params) };
    checkOutputIds(node, context);
    // A kind's own checks read its data as the schema shapes it: only on nodes that hold to it.
    if (node.sound) checkNode(node.sound, context);
  });
  const graph = checkGraph(flow, problems);
  checkLoops(flow, graph, problems);
  checkVariables(flow, problems);
  checkReusedVariables(flow, graph, problems);
}
