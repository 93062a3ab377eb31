// Where the memory of a read + check goes: heap used (after a full GC) holding the file's bytes, the read snapshot,
// and the check's result, on one bench roster. `node --expose-gc --import tsx bench/heap-phases.ts FILE`
import { readFileSync } from "node:fs";
const { checkWorkbook } = require("../lib/domain/check") as typeof import("../src/domain/check");
const { openXlsx } = require("../lib/workbook/xlsx") as typeof import("../src/workbook/xlsx");

const gc = (globalThis as { gc?: () => void }).gc!;
const mb = () => { gc(); gc(); const m = process.memoryUsage(); return `heap ${(m.heapUsed / 1048576).toFixed(0)} MB, external+buffers ${((m.external + m.arrayBuffers) / 1048576).toFixed(0)} MB`; };
const file = process.argv[2];
const base = mb();
const bytes = readFileSync(file);
const snapshot = openXlsx(bytes, file).snapshot();
const read = mb();
const result = checkWorkbook(snapshot, { today: "2025-12-31", asOf: "2025-12-31" });
const checked = mb();
console.log(`${file.split("/").pop()}: start ${base}; snapshot read ${read}; checked (${result.members.length} members, ${result.issues.length} issues, ${result.changes.length} changes) ${checked}; peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
