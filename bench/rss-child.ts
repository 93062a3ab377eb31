// Reads and checks one workbook in a fresh process and prints its peak RSS in bytes (for bench/run.ts). Modes:
// "check" (read + check), "write" (`roster check --out`), "fix" (`roster check --out --fix`). Runs the compiled
// engine (lib/), as the `roster` command does.
import { readFileSync } from "node:fs";
const { checkRoster } = require("../lib/app/check-roster") as typeof import("../src/app/check-roster");
const { checkAndWrite } = require("../lib/app/write-workbook") as typeof import("../src/app/write-workbook");
const { openXlsx } = require("../lib/workbook/xlsx") as typeof import("../src/workbook/xlsx");
const { WRITE } = require("../lib/cli/check-command") as typeof import("../src/cli/check-command");

const [file, mode] = process.argv.slice(2);
const req = { today: "2025-12-31", asOf: "2025-12-31" };
const opts = { time: "2025-12-31 10:00:00", compressor: WRITE.compressor, deflateLevel: Number(process.env.BENCH_DEFLATE ?? WRITE.deflateLevel) };
const run = mode === "check"
  ? checkRoster(openXlsx(readFileSync(file), file), req)
  : checkAndWrite(readFileSync(file), file, { ...req, fix: mode === "fix" }, opts);
/** This address space's peak (VmHWM starts afresh at exec; getrusage's maxRSS survives execve from a large parent). */
function peakBytes(): number {
  try {
    const m = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync("/proc/self/status", "utf8"));
    if (m) return Number(m[1]) * 1024;
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS * 1024;
}
run.then(() => console.log(peakBytes()));
