/**
 * Limits on a whole flow document, checked before anything walks it recursively (the schema
 * validator, the variables check, JSON.stringify): a document nested thousands of levels deep would
 * overflow the stack, and a huge one would stall every customer's webhook while it is validated.
 * The real bots are far inside them: the deepest fixture nests 12 levels, the biggest has 60 nodes.
 * The node cap also bounds validation, which grows faster than linearly (about 1.4 s for 1,000
 * generated nodes, 4.3 s for 2,000 on a loaded machine) and runs on every save and read of a draft.
 */
export const FLOW_LIMITS = {
  /** Levels of objects and arrays, the document itself being level 1. */
  maxDepth: 64,
  maxNodes: 1_000,
  /** The document as compact UTF-8 JSON. */
  maxBytes: 4 * 1024 * 1024,
} as const;

export type FlowLimitBreach =
  | { code: 'flow_too_deep'; message: string; limit: number }
  | { code: 'flow_too_many_nodes'; message: string; limit: number; nodes: number }
  | { code: 'flow_too_large'; message: string; limit: number; bytes: number };

/**
 * The first limit a document breaks, or undefined. Depth is measured without recursion and first,
 * so the size (which needs JSON.stringify) is only measured on a document known to be shallow.
 * @example const breach = flowLimitBreach(body); if (breach) throw new AppError(breach.code, breach.message, breach);
 */
export function flowLimitBreach(document: unknown): FlowLimitBreach | undefined {
  if (nestsDeeperThan(document, FLOW_LIMITS.maxDepth)) {
    return { code: 'flow_too_deep', message: `The document nests deeper than ${FLOW_LIMITS.maxDepth} levels`, limit: FLOW_LIMITS.maxDepth };
  }
  const nodes = typeof document === 'object' && document !== null && Array.isArray((document as { nodes?: unknown }).nodes)
    ? (document as { nodes: unknown[] }).nodes.length
    : 0;
  if (nodes > FLOW_LIMITS.maxNodes) {
    return { code: 'flow_too_many_nodes', message: `The document has ${nodes} nodes; at most ${FLOW_LIMITS.maxNodes} are allowed`, limit: FLOW_LIMITS.maxNodes, nodes };
  }
  const bytes = Buffer.byteLength(JSON.stringify(document) ?? '');
  if (bytes > FLOW_LIMITS.maxBytes) {
    return { code: 'flow_too_large', message: `The document is ${bytes} bytes; at most ${FLOW_LIMITS.maxBytes} are allowed`, limit: FLOW_LIMITS.maxBytes, bytes };
  }
  return undefined;
}

/**
 * Whether objects and arrays nest more than `maxDepth` levels (the value itself is level 1), walked
 * with an explicit stack so the check itself cannot overflow.
 */
export function nestsDeeperThan(value: unknown, maxDepth: number): boolean {
  const pending: Array<{ value: unknown; depth: number }> = [{ value, depth: 1 }];
  for (let item = pending.pop(); item !== undefined; item = pending.pop()) {
    if (typeof item.value !== 'object' || item.value === null) continue;
    if (item.depth > maxDepth) return true;
    for (const child of Object.values(item.value)) pending.push({ value: child, depth: item.depth + 1 });
  }
  return false;
}
