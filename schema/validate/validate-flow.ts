import { flowValidators } from '../ajv.ts';
import type { FlowDocument } from '../flow.ts';
import { migrateFlow, supportedVersions } from '../migrate.ts';
import type { ProblemLocale } from '../problems.ts';
import { checkNode } from '../registry.ts';
import { checkGraph } from './graph.ts';
import { checkLoops } from './loops.ts';
import { ProblemList, type Problem } from './problem-list.ts';
import { translateSchemaErrors } from './schema-errors.ts';
import { checkVariables } from './variables.ts';

export interface ValidateFlowOptions {
  /** The language of the messages; Spanish by default. */
  locale?: ProblemLocale;
}

/**
 * Every problem of a flow document (flow-format.md, "Problems found before publishing"):
 * version, JSON Schema, then (once the outline holds) ids, edges, reachability, loops that never
 * wait, WhatsApp limits, Flow JSON rules and template variables. Pure and browser-safe: the editor
 * runs it on every change.
 * @example const { problems } = validateFlow(JSON.parse(text), { locale: 'en' });
 */
export function validateFlow(document: unknown, options: ValidateFlowOptions = {}): { problems: Problem[] } {
  const problems = new ProblemList();
  const flow = readFlow(document, problems);
  if (flow) checkFlow(flow, problems);
  return { problems: problems.render(options.locale ?? 'es') };
}

/** Version check, migration, then ajv: the quick validator first, the one that lists every error only on failure. */
function readFlow(document: unknown, problems: ProblemList): FlowDocument | undefined {
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
  if (fast(candidate)) return candidate;
  full(candidate);
  translateSchemaErrors(full.errors ?? [], candidate, problems);
  return undefined;
}

function checkFlow(flow: FlowDocument, problems: ProblemList): void {
  flow.nodes.forEach((node, index) => {
    const base = `/nodes/${index}/data`;
    checkNode(node, { report: (code, pointer, params) => problems.add(code, { pointer: base + pointer, nodeId: node.id }, params) });
  });
  const graph = checkGraph(flow, problems);
  checkLoops(flow, graph, problems);
  checkVariables(flow, problems);
}
