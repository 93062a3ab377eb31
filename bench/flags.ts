// `npm run bench:flags`: what the flags cost on the 100,000-member roster (bench/out, made by `npm run bench`): the
// write with flags against the same write without them, the flag sheet's bytes, and in LibreOffice (where soffice
// and python3-uno exist) the open time of the checked workbook and one screen (40 rows) of rule evaluation.
// Run from a checkout's root; it loads the compiled lib/ as `npm run bench` does.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
const { checkRoster } = require("../lib/app/check-roster") as typeof import("../src/app/check-roster");
const { buildReport } = require("../lib/app/build-report") as typeof import("../src/app/build-report");
const { planCheck } = require("../lib/plan/plan-check") as typeof import("../src/plan/plan-check");
const { applyPlan } = require("../lib/workbook/xlsx-write") as typeof import("../src/workbook/xlsx-write");
const { openXlsx } = require("../lib/workbook/xlsx") as typeof import("../src/workbook/xlsx");
const { readZipIndex } = require("../lib/workbook/xlsx/zip") as typeof import("../src/workbook/xlsx/zip");
const { WRITE } = require("../lib/cli/check-command") as typeof import("../src/cli/check-command");
import { makeBigRoster } from "./make-big";

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const REQ = { today: "2025-12-31", asOf: "2025-12-31" };
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  const dir = join(process.cwd(), "bench/out");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `roster-${ROWS}.xlsx`);
  if (!existsSync(file)) await makeBigRoster(file, ROWS);
  const bytes = readFileSync(file);
  const result = await checkRoster(openXlsx(bytes, file), REQ);
  const report = buildReport(result, file);
  // planCheck takes (result, report, opts) in both the first version and this one.
  const plan = (planCheck as (...a: unknown[]) => ReturnType<typeof planCheck>)(result, report, { lang: result.language });
  const noFlags = { ...plan, flags: undefined };
  const opts = { compressor: WRITE.compressor, deflateLevel: WRITE.deflateLevel };
  const time = (p: typeof plan) => {
    const t = performance.now();
    const out = applyPlan(bytes, file, p, opts);
    return { ms: performance.now() - t, out };
  };
  time(plan);
  const withF: number[] = [];
  const without: number[] = [];
  let out: Uint8Array = new Uint8Array();
  let outNo: Uint8Array = new Uint8Array();
  for (let i = 0; i < 5; i++) {
    const a = time(plan);
    withF.push(a.ms);
    out = a.out;
    const b = time(noFlags);
    without.push(b.ms);
    outNo = b.out;
  }
  const flagged = plan.flags!.reduce((n, b) => n + b.cells.length, 0);
  const book = openXlsx(out, "out.xlsx");
  const flagSheet = /^'?((?:[^']|'')+?)'?!/.exec(book.definedNames.get("_RosterAssistant_flags")!)![1].replace(/''/g, "'");
  const part = readZipIndex(out, "out.xlsx").get(book.sheets.find((s) => s.name === flagSheet)!.part)!;
  console.log(`flags: ${ROWS.toLocaleString("en")} rows, ${flagged.toLocaleString("en")} flagged cells, median of 5`);
  console.log(`  write with flags ${median(withF).toFixed(0)} ms vs without ${median(without).toFixed(0)} ms: ${(median(withF) / median(without)).toFixed(2)}x`);
  console.log(`  file ${(out.length / 1048576).toFixed(2)} MB vs ${(outNo.length / 1048576).toFixed(2)} MB; flag sheet ${(part.compressedSize / 1024).toFixed(0)} KB zipped (${(part.size / 1024).toFixed(0)} KB)`);
  const checked = join(dir, `checked-${ROWS}.xlsx`);
  writeFileSync(checked, out);
  const py = ["/usr/bin/python3", "python3"].find((p) => spawnSync(p, ["-c", "import uno"]).status === 0);
  if (!py || spawnSync("sh", ["-c", "command -v soffice"]).status !== 0) return console.log("  LibreOffice: skipped (soffice or python3-uno missing)");
  const clerk = join(process.cwd(), "test/helpers/lo-clerk.py");
  const job = join(dir, "job.json");
  const lo = (path: string, sheet: string) => {
    writeFileSync(job, JSON.stringify({ sheet, idCol: 6, ops: [], evalRows: 40, light: true }));
    const r = spawnSync(py, [clerk, path, job, String(20000 + Math.floor(Math.random() * 20000))], { encoding: "utf8", maxBuffer: 256 << 20 });
    if (r.status !== 0) throw new Error(r.stderr.slice(-2000));
    return JSON.parse(r.stdout) as { loadSeconds: number; rules: { seconds: number; true: unknown[] }[] };
  };
  const noF = join(dir, `checked-noflags-${ROWS}.xlsx`);
  writeFileSync(noF, outNo);
  const sheet = report.rosters[0].sheet;
  const a = lo(checked, sheet);
  const b = lo(noF, sheet);
  const screen = a.rules.reduce((n, r) => n + r.seconds, 0);
  console.log(`  LibreOffice open ${a.loadSeconds.toFixed(1)} s vs ${b.loadSeconds.toFixed(1)} s without flags: ${(a.loadSeconds / b.loadSeconds).toFixed(2)}x; ` +
    `one screen (40 rows x 3 rules) evaluated in ${screen.toFixed(1)} s, ${a.rules.reduce((n, r) => n + r.true.length, 0)} cells flagged there`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
