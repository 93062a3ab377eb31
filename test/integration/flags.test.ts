// The flags are where the report says: read the flag sheet's key tables, the defined names and the conditional-format
// rules back out of the written package; each rule's formula is the plan's; looking each cell's key up in its table
// (as the formula does) flags exactly the report's cells with their worst severity. LibreOffice's own evaluation,
// after a clerk's edits, is in flags-clerk.test.ts.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { checkAndWrite } from "../../src/app/write-workbook";
import { columnIndex } from "../../src/domain/grid";
import { Report } from "../../src/domain/report-schema";
import { fingerprint, flagKey, flagRuleFormula } from "../../src/plan/flag-key";
import { openXlsx } from "../../src/workbook/xlsx";
import { parts } from "../helpers/package-parts";

const EXAMPLE = join(__dirname, "../../examples/铁西街党员花名册.xlsx");
const SEVERITY_CODE = { error: 1, warning: 2, info: 3 } as const;
const unescape = (s: string): string => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&amp;/g, "&");

function rulesOf(sheetXml: string): { sqref: string; formula: string }[] {
  const out: { sqref: string; formula: string }[] = [];
  for (const m of sheetXml.matchAll(/<conditionalFormatting[^>]*sqref="([^"]+)"[^>]*>([\s\S]*?)<\/conditionalFormatting>/g)) {
    for (const f of m[2].matchAll(/<formula>([\s\S]*?)<\/formula>/g)) out.push({ sqref: m[1], formula: unescape(f[1]) });
  }
  return out;
}

function range(ref: string): { sheet?: string; r1: number; c1: number; r2: number; c2: number } {
  const m = /^(?:'?((?:[^']|'')+?)'?!)?\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(ref)!;
  const c1 = columnIndex(m[2]) + 1;
  const r1 = +m[3];
  return { sheet: m[1]?.replace(/''/g, "'"), r1, c1, r2: m[5] ? +m[5] : r1, c2: m[4] ? columnIndex(m[4]) + 1 : c1 };
}

describe("flags on the example workbook", () => {
  let report: Report;
  let output: Uint8Array;
  beforeAll(async () => {
    ({ report, output } = await checkAndWrite(readFileSync(EXAMPLE), "example.xlsx", { today: "2025-12-31", asOf: "2025-12-31" }, { time: "2025-12-31 10:00:00" }));
  });

  it("each roster's three rules are the plan's formulas over its data block; looking each cell's key up flags exactly the report's cells", () => {
    const book = openXlsx(output, "out.xlsx");
    const xml = parts(output);
    let compared = 0;
    report.rosters.forEach((r, i) => {
      const k = i + 1;
      const info = book.sheets.find((s) => s.name === r.sheet)!;
      const rules = rulesOf(Buffer.from(xml.get(info.part)!).toString("utf8"));
      const block = { firstRow: r.firstRow, firstCol: 1, nameCol: columnIndex(r.columns.name!) + 1, idCol: columnIndex(r.columns.idNumber!) + 1 };
      const table = `_RosterAssistant_flagKeys${k}`;
      expect(rules.map((x) => x.formula)).toEqual([1, 2, 3].map((code) => flagRuleFormula(block, table, code).replace(/UNICODE\(/g, "_xlfn.UNICODE(")));
      const area = range(rules[0].sqref);
      expect([area.r1, area.r2, area.c1]).toEqual([r.firstRow, r.lastRow, 1]);
      const t = range(book.definedNames.get(table)!);
      const flagRows = book.readSheet(t.sheet!).rows.slice(t.r1 - 1, t.r2);
      const stored = new Map(flagRows.map((row) => [`${row?.[0]}\u0000${String(row?.[1] ?? "").toLowerCase()}`, true]));
      const fps = flagRows.map((row) => row?.[0] as number);
      expect([...fps].sort((a, b) => a - b)).toEqual(fps); // the binary MATCH needs them sorted
      const sheet = book.readSheet(r.sheet);
      const expected = new Map<string, number>();
      for (const x of report.issues.filter((y) => y.sheet === r.sheet && y.row >= r.firstRow && y.row <= r.lastRow)) {
        const key = `${x.column}${x.row}`;
        expected.set(key, Math.min(expected.get(key) ?? 9, SEVERITY_CODE[x.severity]));
      }
      const seen = new Map<string, number>();
      for (let row = area.r1; row <= area.r2; row++) {
        const cells = sheet.rows[row - 1] ?? [];
        const id = cells[block.idCol - 1];
        const name = cells[block.nameCol - 1];
        for (let col = area.c1; col <= area.c2; col++) {
          for (const code of [1, 2, 3]) {
            if (stored.has(`${fingerprint(id, name)}\u0000${flagKey(id, name, col, cells[col - 1], code).toLowerCase()}`)) seen.set(`${String.fromCharCode(64 + col)}${row}`, code);
          }
        }
      }
      expect(seen).toEqual(expected);
      compared += expected.size;
    });
    expect(compared).toBeGreaterThan(10);
  });

  it("the flag sheet is very hidden and named by _RosterAssistant_flags", () => {
    const book = openXlsx(output, "out.xlsx");
    const ref = book.definedNames.get("_RosterAssistant_flags")!;
    expect(book.sheets.find((s) => s.name === range(ref).sheet)?.state).toBe("veryHidden");
  });
});
