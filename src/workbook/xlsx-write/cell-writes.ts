// Checks a plan's cell writes against the workbook as it is (through the reader): each cell must still show what
// the plan expects and must not hold a formula. Writes are taken in the order given; the result is, per sheet,
// the final value of each cell that changes, sorted for one pass over the sheet.
import { columnLetter } from "../../domain/grid";
import { resolveSheetWrites } from "../../plan/cell-write-rule";
import type { CellWrite, DateWrite, WriteValue } from "../../plan/write-plan";
import type { OpenedWorkbook } from "../xlsx";
import { PlanConflictError } from "./errors";
import type { RowWrites } from "./roster-patch";
import type { CellValueWrite, DateValueWrite } from "./row-edit";
import { MAX_COLS, MAX_ROWS } from "./sheet-xml-write";

/** Final writes per sheet (by the sheet's name in the workbook); throws PlanConflictError on the first conflict.
 * `dateValue` makes a date written into the cell (its style from the cell's). `resolved` gives a sheet's writes already resolved by the caller, by the same rule against this same input's sheet
 * as read (plan/fixed-grids.ts): the final value of each cell that changes, by cellKey; that sheet is not read. */
export function resolveCellWrites(
  wb: OpenedWorkbook, writes: readonly CellWrite[], sheetOf: (name: string) => string | undefined,
  resolved?: (name: string) => ReadonlyMap<number, WriteValue> | undefined,
  dateValue: (d: DateWrite) => DateValueWrite = () => {
    throw new Error("a date write with no styles to write it in");
  },
): Map<string, RowWrites[]> {
  const bySheet = new Map<string, CellWrite[]>();
  const names = new Map<string, string | undefined>();
  for (const w of writes) {
    if (!Number.isInteger(w.row) || !Number.isInteger(w.col) || w.row < 1 || w.col < 1 || w.row > MAX_ROWS || w.col > MAX_COLS) {
      throw new Error(`cell write to sheet "${w.sheet}" at row ${w.row}, column ${w.col}: not a cell`);
    }
    const sheet = names.has(w.sheet) ? names.get(w.sheet) : names.set(w.sheet, sheetOf(w.sheet)).get(w.sheet); // once a sheet
    if (sheet === undefined) throw new PlanConflictError(wb.fileName, w.sheet, `${columnLetter(w.col - 1)}${w.row}`, "planNoSheet");
    const list = bySheet.get(sheet);
    if (list === undefined) bySheet.set(sheet, [w]);
    else list.push(w);
  }
  const out = new Map<string, RowWrites[]>();
  for (const [sheet, list] of bySheet) {
    const current = resolved?.(sheet) ?? resolveAgainst(wb, sheet, list);
    const sorted = byRow(current, dateValue);
    if (sorted.length) out.set(sheet, sorted);
  }
  return out;
}

function resolveAgainst(wb: OpenedWorkbook, sheet: string, list: readonly CellWrite[]): Map<number, WriteValue> {
  const grid = wb.readSheet(sheet);
  return resolveSheetWrites(list, {
    value: (key) => grid.rows[Math.floor(key / 16384)]?.[key % 16384],
    isFormula: (key) => grid.formulaCells.has(key),
    date1904: wb.date1904,
  }, (cell, why) => new PlanConflictError(wb.fileName, sheet, cell, why.code, "params" in why ? why.params : {}));
}

/** The changed cells (by cellKey: row * 16384 + column, so key order is row by row, column by column) as rows of
 * 1-based cells, sorted; a date made by `dateValue`. */
export function byRow(changed: ReadonlyMap<number, WriteValue>, dateValue?: (d: DateWrite) => DateValueWrite): RowWrites[] {
  const out: Array<{ row: number; cells: CellValueWrite[] }> = [];
  let cells: CellValueWrite[] = [];
  let row = -1;
  // a row's cells gathered, then copied to an array of their number: an array pushed to holds room for 17 (a fix of
  // every row's dates held 100,000 of them, 15 MB more, while the sheet was written)
  const done = (): void => {
    if (out.length > 0) out[out.length - 1].cells = cells.slice();
  };
  const add = (key: number, v: WriteValue): void => {
    const value = typeof v === "object" ? dateValue!(v) : v;
    const r = Math.floor(key / 16384) + 1;
    if (r !== row) {
      done();
      cells = [];
      out.push({ row: r, cells });
      row = r;
    }
    cells.push({ col: (key % 16384) + 1, value });
  };
  // a fix's cells come row by row (a row's now and then not by column): then they are taken as they are, a row's
  // cells sorted where they need it, not all sorted by key and looked up again
  let prev = -1;
  let rowsInOrder = true;
  for (const key of changed.keys()) {
    const r = Math.floor(key / 16384);
    if (r < prev) {
      rowsInOrder = false;
      break;
    }
    prev = r;
  }
  if (!rowsInOrder) {
    for (const key of Float64Array.from(changed.keys()).sort()) add(key, changed.get(key)!);
    done();
    return out;
  }
  for (const [key, value] of changed) add(key, value);
  done();
  for (const w of out) {
    const c = w.cells;
    for (let i = 1; i < c.length; i++) {
      if (c[i].col < c[i - 1].col) {
        c.sort((x, y) => x.col - y.col);
        break;
      }
    }
  }
  return out;
}
