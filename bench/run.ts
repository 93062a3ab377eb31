// `npm run bench`: the engine's speed and memory on a 100,000-member roster, as ratios to a floor measured
// in the same run (fflate inflate of every part + decode + a scan of the cells). Targets (issue 2):
// engine >= 300,000 rows/s; read + check <= 2.5x the floor; peak RSS <= 400 MB (issue 2); check + write of the
// checked workbook <= 4x the floor, peak RSS <= 500 MB (issue 3). Exits 1 when one is missed.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
// The engine as shipped: the compiled lib/ (tsc), which `npm run bench` builds first.
const { checkRoster } = require("../lib/app/check-roster") as typeof import("../src/app/check-roster");
const { checkWorkbook } = require("../lib/domain/check") as typeof import("../src/domain/check");
const { openXlsx } = require("../lib/workbook/xlsx") as typeof import("../src/workbook/xlsx");
const { checkAndWrite } = require("../lib/app/write-workbook") as typeof import("../src/app/write-workbook");
/** The CLI's write settings (Node's zlib at level 1; BENCH_DEFLATE=6 to compare the level). */
const { WRITE } = require("../lib/cli/check-command") as typeof import("../src/cli/check-command");
const DEFLATE_LEVEL = Number(process.env.BENCH_DEFLATE ?? WRITE.deflateLevel);
import { measureFloor } from "./floor";
import { makeBigRoster } from "./make-big";

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const RUNS = 5;
const REQ = { today: "2025-12-31", asOf: "2025-12-31" };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const gc = () => (globalThis as { gc?: () => void }).gc?.();

async function timeIt(fn: () => unknown | Promise<unknown>): Promise<number> {
  gc();
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

async function main() {
  const dir = join(__dirname, "out");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `roster-${ROWS}.xlsx`);
  if (!existsSync(file)) {
    process.stderr.write(`making ${file} ...\n`);
    await makeBigRoster(file, ROWS);
  }
  const bytes = readFileSync(file);
  process.stderr.write(`${file}: ${(bytes.length / 1048576).toFixed(1)} MB\n`);

  // One untimed round first, so the JIT has compiled the hot paths of the floor and the engine alike (the figures
  // are steady-state ones; a single cold CLI run costs about 100 ms more); then interleave floor and engine runs so
  // both see the same machine load.
  measureFloor(bytes);
  await checkAndWrite(bytes, file, REQ, { time: "2025-12-31 10:00:00", compressor: WRITE.compressor, deflateLevel: DEFLATE_LEVEL });
  checkWorkbook(openXlsx(bytes, file).snapshot(), REQ);
  const floor: number[] = [];
  const readCheck: number[] = [];
  const engine: number[] = [];
  const write: number[] = [];
  let rows = 0;
  let outBytes = 0;
  for (let i = 0; i < RUNS; i++) {
    floor.push(await timeIt(() => measureFloor(bytes)));
    readCheck.push(await timeIt(async () => { rows = (await checkRoster(openXlsx(bytes, file), REQ)).members.length; }));
    const wb = openXlsx(bytes, file);
    const snapshot = wb.snapshot();
    engine.push(await timeIt(() => checkWorkbook(snapshot, REQ)));
    write.push(await timeIt(async () => { outBytes = (await checkAndWrite(bytes, file, REQ, { time: "2025-12-31 10:00:00", compressor: WRITE.compressor, deflateLevel: DEFLATE_LEVEL })).output.length; }));
  }
  const childRss = (mode: string) => Number(execFileSync(process.execPath, ["--import", "tsx", join(__dirname, "rss-child.ts"), file, mode], { encoding: "utf8" }).trim());
  const rss = childRss("check");
  const rssWrite = childRss("write");

  const f = median(floor), rc = median(readCheck), e = median(engine);
  const rowsPerSec = rows / (e / 1000);
  const ratio = rc / f;
  const rssMb = rss / 1024 / 1024;
  const w = median(write);
  const writeRatio = w / f;
  const rssWriteMb = rssWrite / 1024 / 1024;
  const results = [
    { what: "engine (check of a read workbook)", figure: `${Math.round(rowsPerSec).toLocaleString("en")} rows/s`, ok: rowsPerSec >= 300_000, target: ">= 300,000 rows/s" },
    { what: "read + check vs floor", figure: `${ratio.toFixed(2)}x (${rc.toFixed(0)} ms vs ${f.toFixed(0)} ms)`, ok: ratio <= 2.5, target: "<= 2.5x" },
    { what: "peak RSS of read + check", figure: `${rssMb.toFixed(0)} MB`, ok: rssMb <= 400, target: "<= 400 MB" },
    { what: `check + write (deflate level ${DEFLATE_LEVEL}) vs floor`, figure: `${writeRatio.toFixed(2)}x (${w.toFixed(0)} ms vs ${f.toFixed(0)} ms; ${(outBytes / 1048576).toFixed(1)} MB out)`, ok: writeRatio <= 4, target: "<= 4x" },
    { what: "peak RSS of check + write", figure: `${rssWriteMb.toFixed(0)} MB`, ok: rssWriteMb <= 500, target: "<= 500 MB" },
  ];
  console.log(`bench: ${rows.toLocaleString("en")} member rows, median of ${RUNS} runs`);
  console.log(`  floor (inflate all parts + decode + scan cells): ${f.toFixed(0)} ms`);
  for (const r of results) console.log(`  ${r.ok ? "ok  " : "MISS"} ${r.what}: ${r.figure} (target ${r.target})`);
  if (results.some((r) => !r.ok)) process.exitCode = 1;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
