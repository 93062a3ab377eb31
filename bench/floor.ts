// The floor the engine is measured against: the least work any reader of an .xlsx must do. Inflate every part
// with fflate, decode each as UTF-8 (in 64 MB pieces), and count the cells of every worksheet ("<c " and "<c>" with indexOf).
// Nothing is skipped and nothing extra is done, so the ratio engine/floor says how much the engine adds.
//   npx tsx bench/floor.ts file.xlsx [runs]
import * as fs from "fs";
import { unzipSync } from "fflate";

const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/;
const CHUNK = 64 * 1024 * 1024;

function countOccurrences(s: string, needle: string): number {
  let n = 0;
  for (let i = s.indexOf(needle); i !== -1; i = s.indexOf(needle, i + needle.length)) n++;
  return n;
}

/** Inflate + decode every part and count the worksheet cells; `ms` is the wall time of all of it. */
export function measureFloor(bytes: Uint8Array): { ms: number; cells: number } {
  const t0 = performance.now();
  const parts = unzipSync(bytes);
  const decoder = new TextDecoder("utf-8");
  let cells = 0;
  let chars = 0;
  for (const [name, data] of Object.entries(parts)) {
    // decoded in pieces of 64 MB: a 1,048,575-row sheet is longer than V8's longest string (pieces split at "<",
    // so no "<c " straddles two of them)
    const sheet = WORKSHEET.test(name);
    for (let at = 0; at < data.length; ) {
      let end = Math.min(data.length, at + CHUNK);
      if (end < data.length) end = Math.max(at + 1, data.lastIndexOf(0x3c, end));
      const text = decoder.decode(data.subarray(at, end), { stream: end < data.length });
      chars += text.length; // keeps every decode observable
      if (sheet) cells += countOccurrences(text, "<c ") + countOccurrences(text, "<c>");
      at = end;
    }
  }
  const ms = performance.now() - t0;
  if (chars < 0) throw new Error("unreachable");
  return { ms, cells };
}

function main(): void {
  const file = process.argv[2];
  if (!file) {
    console.error("usage: npx tsx bench/floor.ts file.xlsx [runs]");
    process.exit(2);
  }
  const runs = Number(process.argv[3] ?? 5);
  const bytes = fs.readFileSync(file);
  const times: number[] = [];
  let cells = 0;
  for (let i = 0; i < runs; i++) {
    const r = measureFloor(bytes);
    times.push(r.ms);
    cells = r.cells;
  }
  times.sort((a, b) => a - b);
  console.log(`${file}: ${cells} cells; floor median ${times[Math.floor(runs / 2)].toFixed(0)} ms (min ${times[0].toFixed(0)}, max ${times[runs - 1].toFixed(0)}) over ${runs} runs`);
}

if (require.main === module) main();
