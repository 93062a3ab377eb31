// Runs the engine alone (grids in, report out) a few times on one bench roster, for `node --cpu-prof`:
//   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/profile-engine.ts bench/out/today-100000.xlsx [runs]
import { readFileSync } from "node:fs";
const { checkWorkbook } = require("../lib/domain/check") as typeof import("../src/domain/check");
const { openXlsx } = require("../lib/workbook/xlsx") as typeof import("../src/workbook/xlsx");

const [file, runs = "5"] = process.argv.slice(2);
const snapshot = openXlsx(readFileSync(file), file).snapshot();
for (let i = 0; i < Number(runs); i++) {
  const t = performance.now();
  const r = checkWorkbook(snapshot, { today: "2025-12-31", asOf: "2025-12-31" });
  console.log(`${r.members.length} members, ${r.issues.length} issues: ${(performance.now() - t).toFixed(0)} ms`);
}
