// ../shared (real Excel files, schemas, tools) sits beside the project on dev machines and in CI. Where it is
// missing, tests that need it skip with a message, except under CI=true, where they must run.
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";

/** ../shared beside the project, or where SHARED_DIR says (a git worktree elsewhere). */
export const SHARED = process.env.SHARED_DIR ?? resolve(__dirname, "../../../shared");

export function hasShared(what = "real-xlsx"): boolean {
  const ok = existsSync(join(SHARED, what));
  if (!ok && process.env.CI === "true") throw new Error(`${join(SHARED, what)} is missing, and CI=true requires it`);
  if (!ok) console.warn(`skipping: ${join(SHARED, what)} not found (tests on real Excel files need ../shared)`);
  return ok;
}

/** describe() where ../shared/<what> exists, describe.skip() with a message elsewhere (never under CI). */
export function describeShared(what: string, name: string, fn: () => void): void {
  (hasShared(what) ? describe : describe.skip)(name, fn);
}
