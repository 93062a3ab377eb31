// Checks a plan's cell writes against the workbook as it is (through the reader): each cell must still show what
// the plan expects and must not hold a formula. Writes are taken in the order given; the result is, per sheet,
// the final value of each cell that changes, sorted for one pass over the sheet.
import { columnLetter, type SheetGrid } from "../../domain/grid";
import { resolveSheetWrites } from "../../plan/cell-write-rule";
import type { CellWrite } from "../../plan/write-plan";
import type { OpenedWorkbook } from "../xlsx";
import { PlanConflictError } from "./errors";
import type { RowWrites } from "./roster-patch";
import { MAX_COLS, MAX_ROWS } from "./sheet-xml-write";

/** Final writes per sheet (by the sheet's name in the workbook); throws PlanConflictError on the first conflict. */
/** `known` gives a sheet of this same input the caller has already read in full, so it is not read again. */
export function resolveCellWrites(wb: OpenedWorkbook, writes: readonly CellWrite[], sheetOf: (name: string) => string | undefined, known?: (name: string) => SheetGrid | undefined): Map<string, RowWrites[]> {
  const bySheet = new Map<string, CellWrite[]>();
  const names = new Map<string, string | undefined>();
  for (const w of writes) {
    if (!Number.isInteger(w.row) || !Number.isInteger(w.col) || w.row < 1 || w.col < 1 || w.row > MAX_ROWS || w.col > MAX_COLS) {
      throw new Error(`cell write to sheet "${w.sheet}" at row ${w.row}, column ${w.col}: not a cell`);
    }
    const sheet = names.has(w.sheet) ? names.get(w.sheet) : names.set(w.sheet, sheetOf(w.sheet)).get(w.sheet); // once a sheet
    if (sheet === undefined) throw new PlanConflictError(wb.fileName, w.sheet, `${columnLetter(w.col - 1)}${w.row}`, "planNoSheet");
    const list = bySheet.get(sheet) ?? [];
    list.push(w);
    bySheet.set(sheet, list);
  }
  const out = new Map<string, RowWrites[]>();
  for (const [sheet, list] of bySheet) {
    const grid = known?.(sheet) ?? wb.readSheet(sheet);
    const current = resolveSheetWrites(list, {
      value: (key) => grid.rows[Math.floor(key / 16384)]?.[key % 16384],
      isFormula: (key) => grid.formulaCells.has(key),
      date1904: wb.date1904,
    }, (cell, why) => new PlanConflictError(wb.fileName, sheet, cell, why.code, "params" in why ? why.params : {}));
    const rows = new Map<number, Map<number, string | number>>();
    for (const [key, value] of current) {
      const row = Math.floor(key / 16384) + 1;
      const col = (key % 16384) + 1;
      const r = rows.get(row) ?? new Map<number, string | number>();
      r.set(col, value);
      rows.set(row, r);
    }
    const sorted = [...rows.entries()].sort((a, b) => a[0] - b[0]).map(([row, cells]) => ({
      row,
      cells: [...cells.entries()].sort((a, b) => a[0] - b[0]).map(([col, value]) => ({ col, value })),
    }));
    if (sorted.length) out.set(sheet, sorted);
  }
  return out;
}
