// Reads and checks one workbook in a fresh process and prints its peak RSS in bytes (for bench/run.ts). Modes:
// "check" (read + check), "write" (`roster check --out`), "fix" (`roster check --out --fix`). Plain JavaScript over
// the compiled engine (lib/), run by plain node as the `roster` command is: no TypeScript loader in the process (tsx's
// loader thread is a V8 isolate of its own, tens of MB the product does not have).
"use strict";
const { readFileSync } = require("node:fs");
const { join } = require("node:path");
const lib = join(__dirname, "..", "lib");
const { checkRoster } = require(join(lib, "app/check-roster"));
const { checkAndWrite } = require(join(lib, "app/write-workbook"));
const { openXlsx } = require(join(lib, "workbook/xlsx"));
const { WRITE } = require(join(lib, "cli/check-command"));
const { TempOutput } = require(join(lib, "cli/write-file"));
const { tmpdir } = require("node:os");

const [file, mode] = process.argv.slice(2);
const req = { today: "2025-12-31", asOf: "2025-12-31" };
// the workbook written as made to a temporary file, as the CLI writes it (removed at the end)
const sink = mode === "check" ? undefined : new TempOutput(join(tmpdir(), `rss-child-${process.pid}.xlsx`));
const opts = { time: "2025-12-31 10:00:00", compressor: WRITE.compressor, deflateLevel: Number(process.env.BENCH_DEFLATE ?? WRITE.deflateLevel), settle: WRITE.settle, sink };
const run = mode === "check"
  ? checkRoster(openXlsx(readFileSync(file), file), req)
  : checkAndWrite(readFileSync(file), file, { ...req, fix: mode === "fix" }, opts);
/** This address space's peak (VmHWM starts afresh at exec; getrusage's maxRSS survives execve from a large parent). */
function peakBytes() {
  try {
    const m = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync("/proc/self/status", "utf8"));
    if (m) return Number(m[1]) * 1024;
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS * 1024;
}
Promise.resolve(run).then(() => console.log(peakBytes())).finally(() => sink?.discard());
