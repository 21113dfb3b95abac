/**
 * The cycles of a directed graph: its strongly connected components that can loop (more than one
 * member, or one member with an edge to itself), each listed in the order of `ids`; targets not in
 * `ids` are ignored. Iterative
 * Tarjan over array indices, so a 10,000-node chain neither overflows the stack nor allocates much.
 */
export function findCycles(ids: readonly string[], next: (id: string) => Iterable<string>): string[][] {
  const count = ids.length;
  const position = new Map<string, number>();
  for (let i = 0; i < count; i++) position.set(ids[i]!, i);
  const targets: number[][] = ids.map((id) => {
    const list: number[] = [];
    for (const target of next(id)) {
      const at = position.get(target);
      if (at !== undefined) list.push(at);
    }
    return list;
  });
  const index = new Int32Array(count).fill(-1);
  const low = new Int32Array(count);
  const onStack = new Uint8Array(count);
  const stack: number[] = [];
  const work: number[] = []; // pairs: node, how many of its targets are done
  const cycles: number[][] = [];
  let counter = 0;
  const open = (node: number): void => {
    index[node] = low[node] = counter++;
    stack.push(node);
    onStack[node] = 1;
    work.push(node, 0);
  };
  for (let root = 0; root < count; root++) {
    if (index[root] !== -1) continue;
    open(root);
    while (work.length > 0) {
      const node = work[work.length - 2]!;
      const done = work[work.length - 1]!;
      const list = targets[node]!;
      if (done < list.length) {
        work[work.length - 1] = done + 1;
        const target = list[done]!;
        if (index[target] === -1) open(target);
        else if (onStack[target]) low[node] = Math.min(low[node]!, index[target]!);
        continue;
      }
      work.length -= 2;
      if (work.length > 0) {
        const parent = work[work.length - 2]!;
        low[parent] = Math.min(low[parent]!, low[node]!);
      }
      if (low[node] !== index[node]) continue;
      const component: number[] = [];
      let member: number;
      do {
        member = stack.pop()!;
        onStack[member] = 0;
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || list.includes(node)) cycles.push(component.sort((a, b) => a - b));
    }
  }
  return cycles.sort((a, b) => a[0]! - b[0]!).map((cycle) => cycle.map((member) => ids[member]!));
}
