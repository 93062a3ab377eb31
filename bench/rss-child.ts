// Reads and checks one workbook in a fresh process and prints its peak RSS in bytes (for bench/run.ts).
import { readFileSync } from "node:fs";
import { checkRoster } from "../src/app/check-roster";
import { openXlsx } from "../src/workbook/xlsx";

const file = process.argv[2];
checkRoster(openXlsx(readFileSync(file), file), { today: "2025-12-31" }).then(() => {
  console.log(process.resourceUsage().maxRSS * 1024);
});
