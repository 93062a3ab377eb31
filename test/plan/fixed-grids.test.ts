// gridsAfterWrites: a fix's cell writes applied to the grids as read must give exactly the grids the reader reads
// back from the package the writer writes with the same writes (which is what the two-pass --fix re-checked).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { SheetGrid } from "../../src/domain/grid";
import { CellConflict } from "../../src/plan/cell-write-rule";
import { gridsAfterWrites, sheetNamingWrites } from "../../src/plan/fixed-grids";
import { CellWrite, EMPTY_PLAN } from "../../src/plan/write-plan";
import { openXlsx } from "../../src/workbook/xlsx";
import { applyPlan, PlanConflictError } from "../../src/workbook/xlsx-write";

const EXAMPLE = readFileSync(join(__dirname, "../../examples/铁西街党员花名册.xlsx"));
const SHEET = "铁安社区党员花名册";
const OTHER = "铁兴社区";

function gridsOf(bytes: Uint8Array): Map<string, SheetGrid> {
  const wb = openXlsx(bytes, "e.xlsx");
  return new Map(wb.sheets.map((s) => [s.name, wb.readSheet(s.name)]));
}

const refuse = {
  conflict: (sheet: string, cell: string, why: CellConflict) => new PlanConflictError("e.xlsx", sheet, cell, why.code, "params" in why ? why.params : {}),
  noSheet: (sheet: string) => new PlanConflictError("e.xlsx", sheet, "", "planNoSheet"),
};

/** The text a cell shows now, as a plan's `expect`. */
function shown(grids: Map<string, SheetGrid>, sheet: string, row: number, col: number): string {
  const v = grids.get(sheet)!.rows[row - 1]?.[col - 1];
  if (v === undefined || v === null) return "";
  if (typeof v === "object") throw new Error("test writes over date cells give their expect by hand");
  return String(v);
}

const before = gridsOf(EXAMPLE);
const w = (sheet: string, row: number, col: number, value: string, expect?: string): CellWrite => ({ sheet, row, col, value, expect: expect ?? shown(before, sheet, row, col) });
const lastRow = before.get(SHEET)!.rows.length; // the 填表人 line, one cell in column A
const lastCol = before.get(SHEET)!.rows[3]!.length; // row 4's last cell

const CASES: Array<[string, CellWrite[]]> = [
  ["text over text", [w(SHEET, 4, 2, "初桂兰X"), w(SHEET, 4, 6, "22070219580322762X")]],
  ["text over a number (an ID typed as a number) and over a date cell", [w(SHEET, 4, 1, "一"), w(SHEET, 4, 5, "1958-03-22", "1958-03-22")]],
  ["text with what XML must escape, edge spaces, a line break and a CR", [w(SHEET, 5, 13, " a<b>&c\n\r_x0041_ ")]],
  ["text into an empty cell past the row's end and into a new row", [w(SHEET, 4, lastCol + 3, "新"), w(SHEET, lastRow + 2, 2, "新行")]],
  ["the row's last cell emptied (the row ends sooner)", [w(SHEET, 4, lastCol, "")]],
  ["the sheet's last row emptied (the sheet ends sooner)", [w(SHEET, lastRow, 1, "")]],
  ["one cell written twice, and cells on two sheets", [w(SHEET, 6, 3, "男"), { ...w(SHEET, 6, 3, "女"), expect: "男" }, w(OTHER, 4, 2, "董兰娜")]],
  ["a write of what the cell already shows is no change", [w(SHEET, 4, 2, shown(before, SHEET, 4, 2))]],
];

describe("gridsAfterWrites", () => {
  it.each(CASES)("%s: the grids the reader reads back from the writer's package", (_name, writes) => {
    const written = gridsOf(applyPlan(EXAMPLE, "e.xlsx", { ...EMPTY_PLAN, cellWrites: writes }));
    const after = gridsAfterWrites(before, writes, false, refuse).grids;
    expect([...after.keys()]).toEqual([...written.keys()]);
    for (const [name, grid] of written) {
      expect(after.get(name)!.rows).toEqual(grid.rows);
      expect(Object.keys(after.get(name)!.rows)).toEqual(Object.keys(grid.rows)); // holes where the reader has holes
      after.get(name)!.rows.forEach((r, i) => expect([i, Object.keys(r ?? {})]).toEqual([i, Object.keys(grid.rows[i] ?? {})]));
    }
  });

  it.each(CASES)("%s: the writer given the writes as resolved, each sheet named by one write, writes the same package", (_name, writes) => {
    const { changed } = gridsAfterWrites(before, writes, false, refuse);
    const naming = sheetNamingWrites(changed);
    expect(naming.length).toBe([...changed.values()].filter((c) => c.size > 0).length);
    const resolved = applyPlan(EXAMPLE, "e.xlsx", { ...EMPTY_PLAN, cellWrites: naming }, { resolvedWrites: (name) => changed.get(name) });
    expect(Buffer.from(resolved).equals(Buffer.from(applyPlan(EXAMPLE, "e.xlsx", { ...EMPTY_PLAN, cellWrites: writes })))).toBe(true);
  });

  it.each(CASES)("%s, in place (the caller lets the grids as read go): the same grids, its rows written where they are", (_name, writes) => {
    const copied = gridsAfterWrites(before, writes, false, refuse);
    const grids = gridsOf(EXAMPLE);
    const rows = grids.get(SHEET)!.rows;
    const inPlace = gridsAfterWrites(grids, writes, false, refuse, { inPlace: true });
    expect([...inPlace.changed]).toEqual([...copied.changed]);
    for (const [name, grid] of copied.grids) {
      expect(inPlace.grids.get(name)!.rows).toEqual(grid.rows);
      expect(Object.keys(inPlace.grids.get(name)!.rows)).toEqual(Object.keys(grid.rows));
      grid.rows.forEach((r, i) => expect([i, Object.keys(inPlace.grids.get(name)!.rows[i] ?? {})]).toEqual([i, Object.keys(r ?? {})]));
    }
    expect(inPlace.grids.get(SHEET)!.rows).toBe(rows);
  });

  it("leaves the grids given as they were, sharing the rows no write touches", () => {
    const grids = gridsOf(EXAMPLE);
    const copy = JSON.stringify([...grids.values()].map((g) => g.rows));
    const after = gridsAfterWrites(grids, [w(SHEET, 4, 2, "X"), w(SHEET, lastRow, 1, "")], false, refuse).grids;
    expect(JSON.stringify([...grids.values()].map((g) => g.rows))).toBe(copy);
    expect(after.get(SHEET)!.rows[4]).toBe(grids.get(SHEET)!.rows[4]);
    expect(after.get(SHEET)!.rows[3]).not.toBe(grids.get(SHEET)!.rows[3]);
    expect(after.get(OTHER)).toBe(grids.get(OTHER));
  });

  it("refuses as the writer refuses: a cell changed since the plan, a formula, a sheet it does not have, a number", () => {
    const changed = [{ ...w(SHEET, 4, 2, "X"), expect: "someone else" }];
    expect(() => gridsAfterWrites(before, changed, false, refuse)).toThrow(PlanConflictError);
    expect(() => applyPlan(EXAMPLE, "e.xlsx", { ...EMPTY_PLAN, cellWrites: changed })).toThrow(PlanConflictError);
    const sheet = before.get(SHEET)!;
    const formula = new Map([[SHEET, { ...sheet, formulaCells: new Set([3 * 16384 + 1]) }]]);
    expect(() => gridsAfterWrites(formula, [w(SHEET, 4, 2, "X")], false, refuse)).toThrow(/formula/i);
    expect(() => gridsAfterWrites(before, [{ ...w(SHEET, 4, 2, "X"), sheet: "nowhere" }], false, refuse)).toThrow(PlanConflictError);
    expect(() => gridsAfterWrites(before, [{ ...w(SHEET, 4, 2, "X"), value: 1 }], false, refuse)).toThrow(/number/);
  });
});
