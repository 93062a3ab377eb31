// `npm run bench:sync`: a sync of a 100,000-row incoming CSV into a 100,000-member master (read both, check both,
// diff, write the preview report), as a ratio to a floor: papaparse's own parse of that CSV (decode included) plus
// the master's read floor (bench/floor.ts). The incoming CSV is the master's own roster exported (so every row
// matches), with 1% of phones changed, 1% of addresses blanked and 1,000 members replaced by new ones.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Papa from "papaparse";
const { previewSync } = require("../lib/app/sync-preview") as typeof import("../src/app/sync-preview");
const { openXlsx } = require("../lib/workbook/xlsx") as typeof import("../src/workbook/xlsx");
const { writeCsv, utf8WithBom } = require("../lib/csv/write-csv") as typeof import("../src/csv/write-csv");
const { cellText } = require("../lib/domain/normalise/text") as typeof import("../src/domain/normalise/text");
import { measureFloor } from "./floor";
import { makeBigRoster } from "./make-big";

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const RUNS = 3;
const REQ = { today: "2025-12-31", asOf: "2025-12-31" };
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const gc = () => (globalThis as { gc?: () => void }).gc?.();
async function timeIt(fn: () => unknown): Promise<number> {
  gc();
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

function makeIncoming(master: Uint8Array): Uint8Array {
  const wb = openXlsx(master, "m.xlsx");
  const g = wb.readSheet(wb.sheets[0].name);
  const rows = g.rows.filter((r) => r && r.length > 5).map((r) => Array.from({ length: r!.length }, (_, c) => cellText(r![c], wb.date1904)));
  const header = rows[0];
  const phone = header.indexOf("联系电话");
  const address = header.indexOf("家庭住址");
  const id = header.indexOf("身份证号");
  const name = header.indexOf("姓名");
  for (let i = 1; i < rows.length; i++) {
    if (i % 100 === 1) rows[i][phone] = `139${String(i).padStart(8, "0")}`;
    if (i % 100 === 2) rows[i][address] = "";
    if (i % 100 === 3 && i < 100_000) { rows[i][id] = ""; rows[i][name] = `新成员${i}`; }
  }
  return utf8WithBom(writeCsv({ rows }));
}

async function main() {
  const dir = join(__dirname, "out");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `roster-${ROWS}.xlsx`);
  if (!existsSync(file)) await makeBigRoster(file, ROWS);
  const master = new Uint8Array(readFileSync(file));
  const csvFile = join(dir, `incoming-${ROWS}.csv`);
  if (!existsSync(csvFile)) writeFileSync(csvFile, makeIncoming(master));
  const csv = new Uint8Array(readFileSync(csvFile));
  process.stderr.write(`${file}: ${(master.length / 1048576).toFixed(1)} MB; ${csvFile}: ${(csv.length / 1048576).toFixed(1)} MB\n`);
  const parse = () => Papa.parse<string[]>(new TextDecoder("utf-8").decode(csv), { skipEmptyLines: false }).data.length;
  let report = "";
  const sync = async () => {
    const p = await previewSync(openXlsx(master, file), file, csv, csvFile, REQ);
    report = JSON.stringify(p.diff.report, null, 2);
  };
  parse(); measureFloor(master); await sync(); // warm-up
  const floor: number[] = [];
  const syncs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    floor.push((await timeIt(parse)) + (await timeIt(() => measureFloor(master))));
    syncs.push(await timeIt(sync));
  }
  const r = JSON.parse(report);
  const f = median(floor);
  const s = median(syncs);
  console.log(`sync preview of ${ROWS.toLocaleString("en")} incoming rows into ${ROWS.toLocaleString("en")} members: ${s.toFixed(0)} ms`);
  console.log(`floor (papaparse parse + master read floor): ${f.toFixed(0)} ms; ratio ${(s / f).toFixed(2)}x`);
  console.log(`report: ${r.added.length} added, ${r.updated.length} updated, ${r.conflicts.length} conflicts, ${r.unchanged} unchanged, ${r.notInIncoming.length} not in incoming, ${r.rejected.length} rejected; ${(report.length / 1048576).toFixed(1)} MB JSON`);
}

main().catch((e) => {
  console.error(e);
  process.exit(2);
});
