/// <reference types="office-js" />
// Requests made of groups of items (reads, value writes) sized by bytes, and sent again in halves when Excel refuses
// one for its size (Excel on the web: 5 MB per request or response).
import { isSizeError } from "./payload";

/** A group of items split in two for a retry after a size error: halves of the list, else halves of its one item. */
function split<T>(group: readonly T[], halve: (x: T) => [T, T] | undefined): T[][] | undefined {
  if (group.length > 1) return [group.slice(0, group.length >> 1), group.slice(group.length >> 1)];
  const h = halve(group[0]);
  return h && [[h[0]], [h[1]]];
}

/**
 * Syncs groups of items: `queue` puts an item's actions on the context and returns what to do once it synced. A
 * group refused for its size (request or response over the limit) is split in half and sent again: reads and value
 * writes may be repeated.
 */
export async function syncGroups<T>(ctx: Excel.RequestContext, groups: T[][], queue: (x: T) => () => void, halve: (x: T) => [T, T] | undefined, before?: () => void): Promise<number> {
  let syncs = 0;
  const todo = [...groups];
  while (todo.length) {
    const group = todo.shift()!;
    before?.();
    const after = group.map(queue);
    try {
      await ctx.sync();
      syncs++;
    } catch (e) {
      const parts = isSizeError(e) ? split(group, halve) : undefined;
      if (!parts) throw e;
      todo.unshift(...parts);
      continue;
    }
    for (const f of after) f();
  }
  return syncs;
}

/** Items packed into groups of at most `budget` bytes (an item over it goes alone). */
export function pack<T>(items: readonly T[], cost: (x: T) => number, budget: number): T[][] {
  const out: T[][] = [];
  let cur: T[] = [];
  let used = 0;
  for (const x of items) {
    const c = cost(x);
    if (cur.length && used + c > budget) {
      out.push(cur);
      cur = [];
      used = 0;
    }
    cur.push(x);
    used += c;
  }
  if (cur.length) out.push(cur);
  return out;
}
