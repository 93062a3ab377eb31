// Runs `roster check --out` (mode "out") or `--out --fix` (mode "fix") once on one bench roster, for
// `node --cpu-prof` or `--heapsnapshot-near-heap-limit`:
//   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/profile-write.ts bench/out/inline-trad-100000.xlsx fix
import { readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
const { checkAndWrite } = require("../lib/app/write-workbook") as typeof import("../src/app/write-workbook");
const { WRITE } = require("../lib/cli/check-command") as typeof import("../src/cli/check-command");
const { TempOutput } = require("../lib/cli/write-file") as typeof import("../src/cli/write-file");

const [file, mode = "out"] = process.argv.slice(2);
const t = performance.now();
// the workbook written as it is made to a temporary file, as the CLI writes it (removed at the end)
const sink = new TempOutput(join(tmpdir(), `profile-write-${process.pid}.xlsx`));
checkAndWrite(readFileSync(file), file, { today: "2025-12-31", asOf: "2025-12-31", fix: mode === "fix" }, { time: "2025-12-31 10:00:00", compressor: WRITE.compressor, deflateLevel: WRITE.deflateLevel, settle: WRITE.settle, sink }).then((r) => {
  const out = statSync(sink.temp).size;
  console.log(`${mode}: ${r.report.changes.length} changes, ${(out / 1048576).toFixed(1)} MB out, ${(performance.now() - t).toFixed(0)} ms, peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
}).finally(() => sink.discard());
