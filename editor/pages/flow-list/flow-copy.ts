import type { FlowDocument } from '../../../schema/index.ts';
import type { FlowSummary } from '../../api/types.ts';
import { idStem } from '../../store/ids.ts';

export interface FlowCopyOptions {
  /** The new flow's name before it is made distinct. */
  name: string;
  /** What the id is derived from: the original's id (duplicate, import) or the typed name (new flow). */
  idBase: string;
  /**
   * How a clashing name is told apart, localized: "copia" gives "Banco (copia)", then "Banco (copia 2)".
   * Without it the name is kept as given (a name typed for a new flow is the user's choice).
   */
  label?: string;
  /** Label the name even when it is free (a duplicate is always "(copia)"). */
  alwaysLabel?: boolean;
}

/**
 * `document` as a new flow beside `flows`, for create, duplicate and import alike: an id no flow
 * has, numbered in the style of its base (`banco-saldo` → `banco-saldo-2`, `menu_principal` →
 * `menu_principal_2`), and a name no flow has when a label is given.
 * @example flowCopy(doc, flows, { name: 'Banco', idBase: 'banco-saldo', label: 'importado' }) // id 'banco-saldo-2', name 'Banco (importado)'
 */
export function flowCopy(document: FlowDocument, flows: readonly FlowSummary[], options: FlowCopyOptions): FlowDocument {
  const id = freeFlowId(options.idBase, new Set(flows.map((flow) => flow.id)));
  const names = new Set(flows.map((flow) => flow.name));
  const name = options.label === undefined ? options.name : freeFlowName(options.name, options.label, names, options.alwaysLabel === true);
  return { ...document, id, name };
}

/**
 * A new flow's id from the name it is given, with hyphens like the sample bots' (`banco-saldo`).
 * @example flowIdFromName('Turnos Peluquería') // 'turnos-peluqueria'
 */
export function flowIdFromName(name: string): string {
  return idStem(name).replace(/_+/g, '-');
}

/** The id made from `base` when free, else `base-2`, `base-3`… with the separator `base` already uses. */
export function freeFlowId(base: string, taken: ReadonlySet<string>): string {
  const stem = idStem(base);
  if (!taken.has(stem)) return stem;
  const separator = stem.lastIndexOf('-') > stem.lastIndexOf('_') ? '-' : '_';
  // A copy of `banco-saldo-2` is `banco-saldo-3`, not `banco-saldo-2-2`.
  const root = stem.replace(/[-_]\d{1,3}$/, '') || stem;
  for (let n = 2; ; n++) {
    const candidate = `${root}${separator}${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

function freeFlowName(name: string, label: string, taken: ReadonlySet<string>, always: boolean): string {
  if (!always && !taken.has(name)) return name;
  // Copying "Banco (copia)" gives "Banco (copia 2)", not "Banco (copia) (copia)".
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const root = name.replace(new RegExp(` \\(${escaped}(?: \\d+)?\\)$`), '');
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? `${root} (${label})` : `${root} (${label} ${n})`;
    if (!taken.has(candidate)) return candidate;
  }
}
