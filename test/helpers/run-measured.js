// Runs the compiled `roster` CLI in this process and, on exit, writes the peak resident memory (KiB) to the file
// named by ROSTER_RSS_OUT: how the tests measure a run's memory without an external tool. The peak is the address
// space's own (VmHWM in /proc/self/status, which starts afresh at exec): getrusage's maxRSS survives execve, so a
// child spawned by a large jest worker would report the worker's size (every hostile file read "502 MB" in CI).
const { readFileSync, writeFileSync } = require("node:fs");
const { join } = require("node:path");

function peakKiB() {
  try {
    const m = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync("/proc/self/status", "utf8"));
    if (m) return Number(m[1]);
  } catch {
    // not Linux: fall back to getrusage
  }
  return process.resourceUsage().maxRSS;
}

process.on("exit", () => {
  if (process.env.ROSTER_RSS_OUT) writeFileSync(process.env.ROSTER_RSS_OUT, String(peakKiB()));
});
require(join(__dirname, "../../lib/cli/main.js")).main(process.argv).then((code) => { process.exitCode = code; });
