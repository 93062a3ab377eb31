// V8's full garbage collection for the CLI, at the one point where a `--fix` has let go of both checks' grids and
// results and the writer has not started: without it the writer's buffers were laid beside 200-300 MB of committed
// but dead heap (a 100,000-member --fix peaked 30 MB higher: (c) wide 349-369 -> 319-327 MB, (b) 372-389 -> 353-358
// MB, plain node, 3 runs each). node --expose-gc is not needed: the flag is set at run time and the function taken
// from a fresh context (node:v8 setFlagsFromString, node:vm), the documented way to reach it after start.
import { getHeapStatistics, setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

let collect: (() => void) | null | undefined;

/** A heap committed below this is left to V8: the 100,000-member shapes whose peak is not at risk hold ~110 MB here,
 * where a collection costs 20-50 ms for 10 MB (the ones at risk: 140-235 MB, 40-80 ms, 10-70 MB given back). */
const WORTH_BYTES = 128 * 1024 * 1024;

/** A full collection now, where the heap is large enough for it to pay; nothing where this V8 does not offer one. */
export function fullCollection(): void {
  if (getHeapStatistics().total_heap_size < WORTH_BYTES) return;
  if (collect === undefined) {
    const exposed = (globalThis as { gc?: () => void }).gc;
    if (typeof exposed === "function") collect = exposed;
    else {
      setFlagsFromString("--expose-gc");
      const gc: unknown = runInNewContext("gc");
      collect = typeof gc === "function" ? (gc as () => void) : null;
    }
  }
  collect?.();
}
