// Reads and checks one workbook in a fresh process and prints its peak RSS in bytes (for bench/run.ts).
// Runs the compiled engine (lib/), as the `roster` command does.
import { readFileSync } from "node:fs";
const { checkRoster } = require("../lib/app/check-roster") as typeof import("../src/app/check-roster");
const { openXlsx } = require("../lib/workbook/xlsx") as typeof import("../src/workbook/xlsx");

const file = process.argv[2];
checkRoster(openXlsx(readFileSync(file), file), { today: "2025-12-31" }).then(() => {
  console.log(process.resourceUsage().maxRSS * 1024);
});
