// `npm run bench`: the engine's speed and memory on rosters of 100,000 members in several shapes (bench/shapes.ts),
// as ratios to a floor measured in the same run (fflate inflate of every part + decode + a scan of the cells).
// Targets (issue 13, "resolved at"): engine >= 350,000 rows/s; check --out <= 3x the floor; check --out --fix
// <= 3.5x; peak RSS of each <= 350 MB; the every-row-an-issue roster <= 600 MB. Exits 1 when one is missed.
//   BENCH_ROWS=n (default 100000), BENCH_RUNS=n (default 3), BENCH_SHAPES=today,wide (default all);
//   `npm run bench:max`: today's shape at 1,048,575 members under one header row, one run (minutes): read + check
//   <= 3x, RSS target 1.5 GB. `BENCH_MAX=1 npm run bench` runs it after the shapes, in its own process.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
// The engine as shipped: the compiled lib/ (tsc), which `npm run bench` builds first.
const { checkRoster } = require("../lib/app/check-roster") as typeof import("../src/app/check-roster");
const { checkWorkbook } = require("../lib/domain/check") as typeof import("../src/domain/check");
const { openXlsx } = require("../lib/workbook/xlsx") as typeof import("../src/workbook/xlsx");
const { checkAndWrite } = require("../lib/app/write-workbook") as typeof import("../src/app/write-workbook");
/** The CLI's write settings (Node's zlib at level 1; BENCH_DEFLATE=6 to compare the level). */
const { WRITE } = require("../lib/cli/check-command") as typeof import("../src/cli/check-command");
import { measureFloor } from "./floor";
import { makeBigRoster } from "./make-big";
import { NamedShape, SHAPES, fitLayout } from "./shapes";

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const WANTED = process.env.BENCH_SHAPES?.split(",");
const REQ = { today: "2025-12-31", asOf: "2025-12-31" };
const WRITE_OPTS = { time: "2025-12-31 10:00:00", compressor: WRITE.compressor, deflateLevel: Number(process.env.BENCH_DEFLATE ?? WRITE.deflateLevel), settle: WRITE.settle };
/** Excel's largest sheet under one header row (`npm run bench:max`): held to 1.5 GB, not 350 MB. */
const MAX_ROWS = 1_048_575;
const MAX = ROWS >= MAX_ROWS;
/** The 1,048,575-row run holds read + check to 3x the floor as well (issue 13: "check end to end at <= 3x"). */
export const TARGET = { rowsPerSec: 350_000, check: MAX ? 3 : Infinity, out: 3, fix: 3.5, rssMb: MAX ? 1536 : 350 };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const gc = () => (globalThis as { gc?: () => void }).gc?.();
const load = () => loadavg().map((l) => l.toFixed(1)).join(" ");

/** CPU time (ms, every thread of this process) of each measure, beside its wall time: on a shared machine the CPU
 *  ratio to the floor's CPU holds better than the wall ratio. */
const cpuOf = new Map<number[], number[]>();

async function timeIt(into: number[], fn: () => unknown | Promise<unknown>): Promise<void> {
  gc();
  const c = process.cpuUsage();
  const t = performance.now();
  await fn();
  into.push(performance.now() - t);
  const d = process.cpuUsage(c);
  if (!cpuOf.has(into)) cpuOf.set(into, []);
  cpuOf.get(into)!.push((d.user + d.system) / 1000);
}

interface Line { what: string; figure: string; ok: boolean | undefined; target: string }

async function benchShape(s: NamedShape, dir: string): Promise<Line[]> {
  // 1,048,575 members fill a sheet under one header row: that roster is written bare (no titles, no footer)
  const shape = fitLayout(ROWS, s.shape);
  const file = join(dir, `${s.key}${shape.bare ? "-bare" : ""}-${ROWS}.xlsx`);
  if (!existsSync(file)) {
    process.stderr.write(`making ${file} ...\n`);
    await makeBigRoster(file, ROWS, shape);
  }
  const bytes = readFileSync(file);
  // One untimed round first, so the JIT has compiled the hot paths of the floor and the engine alike (not at
  // 1,048,575 rows: a round there is a minute, its warm-up a rounding error); then interleave the floor and each
  // measure so all see the same machine load.
  if (!MAX) {
    measureFloor(bytes);
    checkWorkbook(openXlsx(bytes, file).snapshot(), REQ);
  }
  const floor: number[] = [], engine: number[] = [], readCheck: number[] = [], out: number[] = [], fix: number[] = [];
  let rows = 0, issues = 0, outBytes = 0, changes = 0;
  for (let i = 0; i < RUNS; i++) {
    await timeIt(floor, () => measureFloor(bytes));
    // the snapshot is read untimed and let go before the writes (at 1,048,575 rows it is 450 MB of heap)
    const snapshot = openXlsx(bytes, file).snapshot();
    await timeIt(engine, () => { const r = checkWorkbook(snapshot, REQ); rows = r.members.length; issues = r.issues.length; });
    await timeIt(readCheck, () => checkRoster(openXlsx(bytes, file), REQ));
    await timeIt(out, async () => { outBytes = (await checkAndWrite(bytes, file, REQ, WRITE_OPTS)).output.length; });
    await timeIt(fix, async () => { changes = (await checkAndWrite(bytes, file, { ...REQ, fix: true }, WRITE_OPTS)).report.changes.length; });
  }
  // a fresh process's peak, as many times as the timed runs, the median taken: one peak moves by tens of MB with when
  // V8 happens to collect
  const childRss = (mode: string) => median(Array.from({ length: RUNS }, () => Number(execFileSync(process.execPath, [join(__dirname, "rss-child.cjs"), file, mode], { encoding: "utf8" }).trim()) / 1048576));
  const rss = { check: childRss("check"), write: childRss("write"), fix: childRss("fix") };
  const f = median(floor), e = median(engine);
  const rowsPerSec = rows / (e / 1000);
  const rssLimit = Math.max(s.rssLimitMb ?? 0, TARGET.rssMb);
  const timed = (ok: boolean) => (s.timed ? ok : undefined);
  /** A ratio target as printed: none on a shape held to memory only (every row an issue), so "ok" never stands beside a missed ratio. */
  const held = (t: string) => (s.timed ? `${t}, ` : "");
  const ratio = (xs: number[]) => median(xs) / f;
  const cpu = (xs: number[]) => `CPU ${(median(cpuOf.get(xs)!) / median(cpuOf.get(floor)!)).toFixed(2)}x`;
  console.log(`\n${s.label}: ${rows.toLocaleString("en")} members, ${issues.toLocaleString("en")} issues, ${(bytes.length / 1048576).toFixed(1)} MB; floor ${f.toFixed(0)} ms (CPU ${median(cpuOf.get(floor)!).toFixed(0)} ms); load ${load()}`);
  return [
    { what: "engine alone (grids in, report out)", figure: `${Math.round(rowsPerSec).toLocaleString("en")} rows/s (${e.toFixed(0)} ms; CPU ${median(cpuOf.get(engine)!).toFixed(0)} ms)`, ok: timed(rowsPerSec >= TARGET.rowsPerSec), target: s.timed ? `>= ${TARGET.rowsPerSec.toLocaleString("en")} rows/s` : "not held: memory only" },
    { what: "read + check", figure: `${ratio(readCheck).toFixed(2)}x (${median(readCheck).toFixed(0)} ms; ${cpu(readCheck)}), ${rss.check.toFixed(0)} MB`, ok: timed(ratio(readCheck) <= TARGET.check) !== false && rss.check <= rssLimit, target: `${MAX ? held(`<= ${TARGET.check}x`) : ""}<= ${rssLimit} MB` },
    { what: "check --out", figure: `${ratio(out).toFixed(2)}x (${median(out).toFixed(0)} ms; ${cpu(out)}; ${(outBytes / 1048576).toFixed(1)} MB out), ${rss.write.toFixed(0)} MB`, ok: timed(ratio(out) <= TARGET.out) !== false && rss.write <= rssLimit, target: `${held(`<= ${TARGET.out}x`)}<= ${rssLimit} MB` },
    { what: "check --out --fix", figure: `${ratio(fix).toFixed(2)}x (${median(fix).toFixed(0)} ms; ${cpu(fix)}; ${changes.toLocaleString("en")} changes), ${rss.fix.toFixed(0)} MB`, ok: timed(ratio(fix) <= TARGET.fix) !== false && rss.fix <= rssLimit, target: `${held(`<= ${TARGET.fix}x`)}<= ${rssLimit} MB` },
  ];
}

async function main() {
  const dir = join(__dirname, "out");
  mkdirSync(dir, { recursive: true });
  console.log(`bench: ${ROWS.toLocaleString("en")} members per shape, median of ${RUNS} runs; load average at start ${load()}`);
  let missed = 0;
  for (const s of SHAPES) {
    if (WANTED && !WANTED.includes(s.key)) continue;
    for (const r of await benchShape(s, dir)) {
      const mark = r.ok === false ? "MISS" : r.ok === undefined ? "    " : "ok  ";
      if (r.ok === false) missed++;
      console.log(`  ${mark} ${r.what}: ${r.figure} (target ${r.target})`);
    }
  }
  if (process.env.BENCH_MAX === "1" && !MAX) {
    // Excel's largest sheet, in a process of its own (4 GB of heap, as `npm run bench:max`)
    console.log(`\n1,048,575 members under one header row (today's shape; as npm run bench:max):`);
    const env = { ...process.env, BENCH_ROWS: String(MAX_ROWS), BENCH_RUNS: "1", BENCH_SHAPES: "today", BENCH_MAX: "" };
    const r = spawnSync(process.execPath, ["--expose-gc", "--max-old-space-size=4096", "--import", "tsx", __filename], { env, stdio: "inherit" });
    if (r.status !== 0) missed++;
  }
  console.log(`\nload average at end ${load()}; ${missed ? `${missed} target(s) missed` : "every target met"}`);
  if (missed) process.exitCode = 1;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
