// A bounded fuzz run: mutations (test/fixtures/hostile/mutate.ts) of the real Excel files in ../shared/real-xlsx and
// of the example, each checked by the real CLI with --out and --report under a time cap and a heap cap. Each run
// ends in exit 0, or exit 2 with one line and nothing written: never a stack trace, a hang, a signal or an internal
// error. ROSTER_FUZZ_RUNS sets the number of runs (default 48; CI may raise it); the seed is fixed. ROSTER_SHARED
// points at the shared folder where it is not beside the project (a worktree).
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MUTATIONS, mutate, rng } from "../fixtures/hostile/mutate";
import { SHARED } from "../helpers/shared";

const ROOT = join(__dirname, "../..");
const RUNS = Number(process.env.ROSTER_FUZZ_RUNS ?? 48);
const TIME_CAP_MS = 30_000;
const HEAP_CAP_MB = 512;
const tmp = mkdtempSync(join(tmpdir(), "roster-fuzz-"));

function sources(): string[] {
  const real = join(process.env.ROSTER_SHARED ?? SHARED, "real-xlsx");
  const files = existsSync(real) ? readdirSync(real).filter((f) => f.endsWith(".xlsx")).sort().map((f) => join(real, f)) : [];
  if (files.length === 0) {
    if (process.env.CI === "true") throw new Error(`${real} is missing, and CI=true requires it`);
    console.warn(`fuzzing the example only: ${real} not found`);
  }
  return [join(ROOT, "examples/铁西街党员花名册.xlsx"), ...files];
}

beforeAll(() => {
  execFileSync(process.execPath, [join(ROOT, "node_modules/typescript/bin/tsc"), "-b", "tsconfig.build.json"], { cwd: ROOT });
}, 120_000);

describe(`fuzz: ${RUNS} mutated workbooks through the CLI`, () => {
  it("exit 0, or exit 2 with one line and nothing written; never a trace, hang, signal or internal error", () => {
    const inputs = sources().map((f) => readFileSync(f));
    const rnd = rng(20251204);
    const tally: Record<string, number> = {};
    const failures: string[] = [];
    let slowest = 0;
    for (let k = 0; k < RUNS; k++) {
      const kind = MUTATIONS[k % MUTATIONS.length];
      const srcIndex = rnd(inputs.length);
      const file = join(tmp, `m${k}.xlsx`);
      writeFileSync(file, mutate(inputs[srcIndex], kind, rnd));
      const out = join(tmp, `m${k}.out.xlsx`);
      const report = join(tmp, `m${k}.json`);
      const started = Date.now();
      const r = spawnSync(process.execPath, [`--max-old-space-size=${HEAP_CAP_MB}`, join(ROOT, "bin/roster.js"), "check", file,
        "--out", out, "--report", report, "--as-of", "2025-12-31", "-q"], { encoding: "utf8", timeout: TIME_CAP_MS, env: { ...process.env, LANG: "C" } });
      slowest = Math.max(slowest, Date.now() - started);
      const lines = r.stderr.trimEnd() === "" ? [] : r.stderr.trimEnd().split("\n");
      const outcome = r.signal ? `signal ${r.signal}` : r.status === 0 ? "exit 0" : r.status === 2 ? "exit 2" : `exit ${r.status}`;
      tally[`${kind}: ${outcome}`] = (tally[`${kind}: ${outcome}`] ?? 0) + 1;
      const where = `run ${k} (${kind} of source ${srcIndex})`;
      if (r.signal || (r.status !== 0 && r.status !== 2)) failures.push(`${where}: ${outcome} ${r.stderr.slice(0, 300)}`);
      else if (r.status === 0 && lines.length !== 0) failures.push(`${where}: exit 0 with stderr ${r.stderr.slice(0, 300)}`);
      else if (r.status === 2 && lines.length !== 1) failures.push(`${where}: exit 2 with ${lines.length} lines: ${r.stderr.slice(0, 300)}`);
      else if (/internal error|\n\s+at |TypeError|RangeError/.test(r.stderr)) failures.push(`${where}: ${r.stderr.trim()}`);
      else if (r.status === 2 && (existsSync(out) || existsSync(report))) failures.push(`${where}: exit 2 but an output was written`);
      if (failures.length === 0) {
        rmSync(file, { force: true });
        rmSync(out, { force: true });
        rmSync(report, { force: true });
      }
    }
    console.log(`fuzz: ${RUNS} runs, slowest ${(slowest / 1000).toFixed(1)} s\n${Object.entries(tally).sort().map(([k, v]) => `  ${k}: ${v}`).join("\n")}`);
    expect(failures).toEqual([]);
  }, Math.max(120_000, RUNS * TIME_CAP_MS));
});
