// A clerk works in the checked workbook with LibreOffice, not our writer: sorts the roster by name, inserts rows
// above a flagged member, deletes a flagged member's neighbour, retypes a flagged cell, filters; then LibreOffice
// evaluates the roster's rules and the issues sheet's links. Every flag must sit on its member's cell (found by ID,
// name and the cell's value), none elsewhere, and the retyped cell shows none; every link goes to its member's row.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { checkAndWrite } from "../../src/app/write-workbook";
import { CellValue, columnIndex } from "../../src/domain/grid";
import { Report } from "../../src/domain/report-schema";
import { valueKeyText } from "../../src/plan/flag-key";
import { openXlsx } from "../../src/workbook/xlsx";
import { ClerkResult, runClerk, unoPython } from "../helpers/lo-clerk";

const EXAMPLE = join(__dirname, "../../examples/铁西街党员花名册.xlsx");
const SEVERITY_CODE = { error: 1, warning: 2, info: 3 } as const;
const python = unoPython();

type Flag = string; // "row:col:code"

/** The cells each rule is true on, as LibreOffice evaluated them. */
function shown(res: ClerkResult): Set<Flag> {
  const out = new Set<Flag>();
  for (const rule of res.rules) {
    const code = Number(/"\|(\d)"\)\)>0$/.exec(rule.formula)![1]);
    for (const [r, c] of rule.true) out.add(`${r}:${c}:${code}`);
  }
  return out;
}

(python ? describe : describe.skip)("flags follow the member through a clerk's edits in LibreOffice", () => {
  let report: Report;
  let output: Uint8Array;
  let before: ClerkResult;
  let after: ClerkResult;
  const sheet = "铁安社区党员花名册";
  let roster: Report["rosters"][number];
  let idCol: number;
  let nameCol: number;
  let original: ReadonlyArray<ReadonlyArray<CellValue | undefined> | undefined>;
  const idAt = (row: number): string => String(original[row - 1]![idCol - 1]);

  beforeAll(async () => {
    ({ report, output } = await checkAndWrite(readFileSync(EXAMPLE), "example.xlsx", { today: "2025-12-31", asOf: "2025-12-31" }, { time: "2025-12-31 10:00:00" }));
    roster = report.rosters.find((r) => r.sheet === sheet)!;
    idCol = columnIndex(roster.columns.idNumber!) + 1;
    nameCol = columnIndex(roster.columns.name!) + 1;
    original = openXlsx(output, "out.xlsx").readSheet(sheet).rows;
    const flagged = report.issues.filter((i) => i.sheet === sheet).map((i) => i.row);
    // Members picked from the flags: insert above one, delete another's neighbour, retype a third's flagged cell.
    const [, insertAbove, , editOne, neighbourOf] = flagged;
    before = runClerk(python!, output, { sheet, idCol, ops: [] });
    after = runClerk(python!, output, {
      sheet, idCol, ops: [
        { op: "sort", first: roster.firstRow, last: roster.lastRow, col: nameCol },
        { op: "insertRows", member: idAt(insertAbove), count: 2 },
        { op: "deleteRow", member: idAt(neighbourOf), offset: 1 },
        { op: "edit", member: idAt(editOne), col: columnIndex(report.issues.find((i) => i.sheet === sheet && i.row === editOne)!.column) + 1, value: "13900000000" },
        { op: "filter", header: roster.headerRow, col: 3, value: "女" },
      ],
      // Every issue of this roster: its link on the issues sheet (row 4 on, column B), in report order.
      links: report.issues.flatMap((i, k) => (i.sheet === sheet ? [{ sheet: "名册问题", cell: `B${4 + k}` }] : [])),
    });
  }, 600_000);

  it("before any edit, LibreOffice shows exactly the report's flags", () => {
    const want = new Set<Flag>();
    const worst = new Map<string, number>();
    for (const i of report.issues.filter((x) => x.sheet === sheet && x.row >= roster.firstRow)) {
      const k = `${i.row}:${columnIndex(i.column) + 1}`;
      worst.set(k, Math.min(worst.get(k) ?? 9, SEVERITY_CODE[i.severity]));
    }
    for (const [k, code] of worst) want.add(`${k}:${code}`);
    expect(want.size).toBeGreaterThanOrEqual(5);
    expect(shown(before)).toEqual(want);
  });

  it("after sort, insert, delete, edit and filter: each flag on its member's cell, none elsewhere, none on the retyped cell", () => {
    // Expected: every row that now holds a flagged cell's member (ID and name) with the same value in that column.
    const want = new Set<Flag>();
    const moved = new Set<Flag>();
    for (const f of shown(before)) {
      const [row, col, code] = f.split(":").map(Number);
      const was = original[row - 1]!;
      after.rows.forEach((cells, r) => {
        const same = (c: number, v: CellValue | undefined) => valueKeyText(cells[c - 1] === "" ? null : cells[c - 1]) === valueKeyText(v);
        if (same(idCol, was[idCol - 1]) && same(nameCol, was[nameCol - 1]) && same(col, was[col - 1])) {
          want.add(`${r + 1}:${col}:${code}`);
          if (r + 1 !== row) moved.add(f);
        }
      });
    }
    const got = shown(after);
    expect(got).toEqual(want);
    expect(want.size).toBe(shown(before).size - 1); // the retyped cell lost its flag; the rest followed their members
    expect(moved.size).toBeGreaterThanOrEqual(3); // the sort and the inserted rows moved them
    expect(after.hidden.length).toBeGreaterThan(0); // the filter hid rows; flags on hidden rows stay keyed
    const edited = after.rows.findIndex((cells) => cells.includes("13900000000"));
    expect(edited).toBeGreaterThan(0);
    expect([...got].some((f) => f.startsWith(`${edited + 1}:`) && after.rows[edited][Number(f.split(":")[1]) - 1] === "13900000000")).toBe(false);
  });

  it("each issue's link on the issues sheet goes to its member's row now, the text still the address the check saw", () => {
    const issues = report.issues.filter((i) => i.sheet === sheet);
    const links = after.values.filter((v) => v.sheet === "名册问题");
    expect(links).toHaveLength(issues.length);
    let moved = 0;
    issues.forEach((issue, k) => {
      const was = original[issue.row - 1]!;
      const rows = after.rows.flatMap((cells, r) =>
        valueKeyText(cells[idCol - 1]) === valueKeyText(was[idCol - 1]) && cells[nameCol - 1] === was[nameCol - 1] ? [r + 1] : []);
      expect(rows).toHaveLength(1);
      expect([links[k].error, links[k].value]).toEqual([0, `#'${sheet}'!${issue.column}${rows[0]}`]);
      expect(links[k].formula).toContain(`"${issue.column}${issue.row}")`);
      if (rows[0] !== issue.row) moved++;
    });
    expect(moved).toBeGreaterThanOrEqual(3);
  });
});
