/**
 * The field of a node's data a problem's JSON pointer names, as the inspector names its fields:
 * `/nodes/3/data/options/1/title` → `options.1.title`. Outside a node's data: null.
 */
export function pointerField(pointer: string): string | null {
  const parts = pointer.split('/').slice(1).map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (parts[0] !== 'nodes' || parts.length < 3) return null;
  if (parts[2] === 'label') return 'label';
  if (parts[2] !== 'data') return null;
  return parts.slice(3).join('.') || null;
}
