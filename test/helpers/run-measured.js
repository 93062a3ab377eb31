// Runs the compiled `roster` CLI in this process and, on exit, writes the peak resident memory (KiB) to the file
// named by ROSTER_RSS_OUT: how the tests measure a run's memory without an external tool.
const { writeFileSync } = require("node:fs");
const { join } = require("node:path");
process.on("exit", () => {
  if (process.env.ROSTER_RSS_OUT) writeFileSync(process.env.ROSTER_RSS_OUT, String(process.resourceUsage().maxRSS));
});
require(join(__dirname, "../../lib/cli/main.js")).main(process.argv).then((code) => { process.exitCode = code; });
