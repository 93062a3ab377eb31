// Reads and checks one workbook in a fresh process (mode "write": and writes the checked workbook) and prints
// its peak RSS in bytes (for bench/run.ts). Runs the compiled engine (lib/), as the `roster` command does.
import { readFileSync } from "node:fs";
const { checkRoster } = require("../lib/app/check-roster") as typeof import("../src/app/check-roster");
const { checkAndWrite } = require("../lib/app/write-workbook") as typeof import("../src/app/write-workbook");
const { openXlsx } = require("../lib/workbook/xlsx") as typeof import("../src/workbook/xlsx");
const { WRITE } = require("../lib/cli/check-command") as typeof import("../src/cli/check-command");

const [file, mode] = process.argv.slice(2);
const req = { today: "2025-12-31" };
const run = mode === "write"
  ? checkAndWrite(readFileSync(file), file, req, { time: "2025-12-31 10:00:00", compressor: WRITE.compressor, deflateLevel: Number(process.env.BENCH_DEFLATE ?? WRITE.deflateLevel) })
  : checkRoster(openXlsx(readFileSync(file), file), req);
run.then(() => console.log(process.resourceUsage().maxRSS * 1024));
