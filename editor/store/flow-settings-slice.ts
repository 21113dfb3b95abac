import type { StateCreator } from 'zustand';
import type { FlowDocument } from '../../schema/index.ts';
import { freshId } from './ids.ts';
import { mergeDefined } from './merge-defined.ts';
import type { EditorState, FlowSettingsSlice } from './types.ts';

/**
 * Edits of the flow-level parts of the document: name, description, language, `settings`, the
 * declared `variables` and the `knowledge`. Typing in one field is one undo step (until it blurs: `endGesture`);
 * adding or removing a variable is a step of its own.
 */
export const flowSettingsSlice: StateCreator<EditorState, [], [], FlowSettingsSlice> = (_set, get) => {
  function change(next: FlowDocument, coalesce?: string) {
    get().commit(next, coalesce === undefined ? undefined : { coalesce });
  }
  const keys = (patch: object) => Object.keys(patch).sort().join(',');

  return {
    updateFlowInfo(patch) {
      const { document } = get();
      // An emptied description or language is removed (the language then defaults to Spanish).
      const cleared = Object.fromEntries(Object.entries(patch).map(([key, value]) => [key, key !== 'name' && value === '' ? undefined : value]));
      change(mergeDefined(document, cleared), `flow:${keys(patch)}`);
    },

    updateSettings(patch) {
      const { document } = get();
      const settings = mergeDefined(document.settings ?? {}, patch);
      const next = mergeDefined(document, { settings: Object.keys(settings).length === 0 ? undefined : settings });
      change(next, `settings:${keys(patch)}`);
    },

    addVariable(declaration) {
      const { document, readOnly } = get();
      if (readOnly) return null;
      const variables = document.variables ?? [];
      const taken = new Set(variables.map((variable) => variable.name));
      const added = declaration ?? { name: freshId('variable', taken, true), type: 'string' as const };
      change({ ...document, variables: [...variables, added] });
      return variables.length;
    },

    updateVariable(index, patch) {
      const { document } = get();
      const variables = document.variables ?? [];
      const current = variables[index];
      if (!current) return;
      const updated = mergeDefined(current, { ...patch, ...(patch.description === '' && { description: undefined }) });
      change({ ...document, variables: variables.map((variable, i) => (i === index ? updated : variable)) }, `variable:${index}:${keys(patch)}`);
    },

    removeVariable(index) {
      const { document } = get();
      const variables = document.variables ?? [];
      if (index < 0 || index >= variables.length) return;
      const rest = variables.filter((_, i) => i !== index);
      change(mergeDefined(document, { variables: rest.length === 0 ? undefined : rest }));
    },

    updateKnowledge(knowledge, coalesce) {
      const { document, readOnly } = get();
      if (readOnly) return;
      change(mergeDefined(document, { knowledge: knowledge.length === 0 ? undefined : knowledge }), coalesce === undefined ? undefined : `knowledge:${coalesce}`);
    },
  };
};
