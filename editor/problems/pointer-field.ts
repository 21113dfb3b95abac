/** A JSON pointer's segments, unescaped (RFC 6901). */
function segments(pointer: string): string[] {
  return pointer.split('/').slice(1).map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/**
 * The field of a node's data a problem's JSON pointer names, as the inspector names its fields:
 * `/nodes/3/data/options/1/title` → `options.1.title`. Outside a node's data: null.
 */
export function pointerField(pointer: string): string | null {
  const parts = segments(pointer);
  if (parts[0] !== 'nodes' || parts.length < 3) return null;
  if (parts[2] === 'label') return 'label';
  if (parts[2] !== 'data') return null;
  return parts.slice(3).join('.') || null;
}

/** The top-level parts of the document the flow settings panel edits. */
const SETTINGS_PARTS = new Set(['name', 'description', 'language', 'settings', 'variables', 'knowledge']);

/**
 * The settings panel field a problem's pointer names, as the panel names its fields:
 * `/settings/restartKeywords/0` → `settings.restartKeywords.0`, `/variables/2/name` → `variables.2.name`.
 * Pointers elsewhere (nodes, edges, `startNodeId`): null.
 */
export function settingsField(pointer: string): string | null {
  const parts = segments(pointer);
  return SETTINGS_PARTS.has(parts[0] ?? '') ? parts.join('.') : null;
}
