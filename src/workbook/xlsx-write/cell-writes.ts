// Checks a plan's cell writes against the workbook as it is (through the reader): each cell must still show what
// the plan expects and must not hold a formula. Writes are taken in the order given; the result is, per sheet,
// the final value of each cell that changes, sorted for one pass over the sheet.
import { cellKey, columnLetter } from "../../domain/grid";
import { cellText, numberText } from "../../domain/normalise/text";
import type { CellWrite } from "../../plan/write-plan";
import type { OpenedWorkbook } from "../xlsx";
import { PlanConflictError } from "./errors";
import type { RowWrites } from "./roster-patch";
import { MAX_COLS, MAX_ROWS } from "./sheet-xml-write";

/** A written value as the sheet will show it. */
const valueText = (v: string | number): string => (typeof v === "number" ? numberText(v) : v);

const show = (s: string): string => JSON.stringify(s.length > 60 ? `${s.slice(0, 57)}...` : s);

/** Final writes per sheet (by the sheet's name in the workbook); throws PlanConflictError on the first conflict. */
export function resolveCellWrites(wb: OpenedWorkbook, writes: readonly CellWrite[], sheetOf: (name: string) => string | undefined): Map<string, RowWrites[]> {
  const bySheet = new Map<string, CellWrite[]>();
  for (const w of writes) {
    if (!Number.isInteger(w.row) || !Number.isInteger(w.col) || w.row < 1 || w.col < 1 || w.row > MAX_ROWS || w.col > MAX_COLS) {
      throw new Error(`cell write to sheet "${w.sheet}" at row ${w.row}, column ${w.col}: not a cell`);
    }
    const sheet = sheetOf(w.sheet);
    if (sheet === undefined) throw new PlanConflictError(wb.fileName, w.sheet, `${columnLetter(w.col - 1)}${w.row}`, "planNoSheet");
    const list = bySheet.get(sheet) ?? [];
    list.push(w);
    bySheet.set(sheet, list);
  }
  const out = new Map<string, RowWrites[]>();
  for (const [sheet, list] of bySheet) {
    const grid = wb.readSheet(sheet);
    const original = (row: number, col: number): string => cellText(grid.rows[row - 1]?.[col - 1], wb.date1904);
    // A cell already showing the last value the plan gives it is done (a re-run, or a batch resumed).
    const last = new Map<number, string>();
    for (const w of list) last.set(cellKey(w.row - 1, w.col - 1), valueText(w.value));
    const current = new Map<number, string | number>();
    for (const w of list) {
      const key = cellKey(w.row - 1, w.col - 1);
      const ref = `${columnLetter(w.col - 1)}${w.row}`;
      if (grid.formulaCells.has(key)) throw new PlanConflictError(wb.fileName, sheet, ref, "planFormula");
      if (!current.has(key) && original(w.row, w.col) === last.get(key)) continue;
      const pending = current.get(key);
      const now = pending === undefined ? original(w.row, w.col) : valueText(pending);
      if (now === valueText(w.value)) continue;
      if (now !== w.expect) throw new PlanConflictError(wb.fileName, sheet, ref, "planChanged", { now: show(now), expected: show(w.expect) });
      current.set(key, w.value);
    }
    const rows = new Map<number, Map<number, string | number>>();
    for (const [key, value] of current) {
      const row = Math.floor(key / 16384) + 1;
      const col = (key % 16384) + 1;
      if (valueText(value) === original(row, col) && typeof value === typeof grid.rows[row - 1]?.[col - 1]) continue;
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
