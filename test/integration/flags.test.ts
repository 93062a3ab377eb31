// The flags are where the report says: read the flag sheet, the defined names and the conditional-format rules
// back out of the written package and evaluate each rule on each cell, then compare with the report's issues.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { checkAndWrite } from "../../src/app/write-workbook";
import { columnIndex } from "../../src/domain/grid";
import { Report } from "../../src/domain/report-schema";
import { openXlsx } from "../../src/workbook/xlsx";
import { parts } from "../helpers/package-parts";

const EXAMPLE = join(__dirname, "../../examples/铁西街党员花名册.xlsx");
const SEVERITY_CODE = { error: 1, warning: 2, info: 3 } as const;

interface Rule { sqref: string; grid: string; rowOff: number; colOff: number; code: number }

function rulesOf(sheetXml: string): Rule[] {
  const rules: Rule[] = [];
  for (const m of sheetXml.matchAll(/<conditionalFormatting[^>]*sqref="([^"]+)"[^>]*>([\s\S]*?)<\/conditionalFormatting>/g)) {
    for (const f of m[2].matchAll(/<formula>INDEX\((_RosterAssistant_flagGrid\d+),ROW\(\)-(\d+),COLUMN\(\)-(\d+)\)=(\d)<\/formula>/g)) {
      rules.push({ sqref: m[1], grid: f[1], rowOff: +f[2], colOff: +f[3], code: +f[4] });
    }
  }
  return rules;
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

  it("every rule, evaluated on every cell of the roster's data block, gives the worst severity the report has for that cell", () => {
    const book = openXlsx(output, "out.xlsx");
    const xml = parts(output);
    let compared = 0;
    for (const r of report.rosters) {
      const info = book.sheets.find((s) => s.name === r.sheet)!;
      const rules = rulesOf(Buffer.from(xml.get(info.part)!).toString("utf8"));
      const codes = rules.map((x) => x.code);
      expect(new Set(codes).size).toBe(codes.length); // one rule per severity
      expect(codes.every((c) => c >= 1 && c <= 3)).toBe(true);
      const expected = new Map<string, number>();
      for (const i of report.issues.filter((x) => x.sheet === r.sheet && x.row >= r.firstRow && x.row <= r.lastRow)) {
        const key = `${i.column}${i.row}`;
        expected.set(key, Math.min(expected.get(key) ?? 9, SEVERITY_CODE[i.severity]));
      }
      const block = range(rules[0].sqref);
      expect([block.r1, block.r2]).toEqual([r.firstRow, r.lastRow]);
      const seen = new Map<string, number>();
      for (const rule of rules) {
        const grid = range(book.definedNames.get(rule.grid)!);
        const flagSheet = book.readSheet(grid.sheet!);
        expect(range(rule.sqref)).toEqual(block);
        for (let row = block.r1; row <= block.r2; row++) {
          for (let col = block.c1; col <= block.c2; col++) {
            // INDEX(grid, ROW()-rowOff, COLUMN()-colOff): 1-based inside the grid region
            const v = flagSheet.rows[grid.r1 - 1 + row - rule.rowOff - 1]?.[grid.c1 - 1 + col - rule.colOff - 1];
            if (v === rule.code) seen.set(`${String.fromCharCode(64 + col)}${row}`, rule.code);
          }
        }
      }
      expect(seen).toEqual(expected);
      compared += expected.size;
    }
    expect(compared).toBe(new Set(report.issues.filter((i) => report.rosters.some((r) => r.sheet === i.sheet && i.row >= r.firstRow)).map((i) => `${i.sheet}!${i.column}${i.row}`)).size);
  });

  it("the flag sheet is very hidden and named by _RosterAssistant_flags", () => {
    const book = openXlsx(output, "out.xlsx");
    const ref = book.definedNames.get("_RosterAssistant_flags")!;
    expect(book.sheets.find((s) => s.name === range(ref).sheet)?.state).toBe("veryHidden");
  });
});
