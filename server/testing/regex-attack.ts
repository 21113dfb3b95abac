import { HOSTILE_PATTERNS } from '../../runtime/testing/hostile-patterns.ts';
import type { FlowDocument } from '../../schema/index.ts';

/** A bot whose first question checks the answer against HOSTILE_PATTERNS[0]. */
export function hostilePatternFlow(): FlowDocument {
  return {
    schemaVersion: 1, id: 'patrones', name: 'Patrones', startNodeId: 'usuario',
    nodes: [
      { id: 'usuario', type: 'question', position: { x: 0, y: 0 }, data: { text: '¿Tu usuario?', variable: 'usuario', input: 'regex', pattern: HOSTILE_PATTERNS[0], invalidText: 'Ese usuario no sirve', maxRetries: 5 } },
      { id: 'fin', type: 'end', position: { x: 300, y: 0 }, data: { text: 'Listo' } },
    ],
    edges: [{ id: 'e1', source: 'usuario', sourceHandle: 'next', target: 'fin' }, { id: 'e2', source: 'usuario', sourceHandle: 'invalid', target: 'fin' }],
  };
}
