// A plan's text and date cell writes applied to grids already read: the sheets as the file back end will write them
// and the reader will read them back, so `--fix` re-checks the fixed workbook without writing and reading it again.
// The file back end writes a text value as an inline string (the cell keeps its style), "" as an empty styled cell
// and a date (DateWrite) as a number cell in a date style; the reader reads an inline string back as that exact text,
// a date as its DateCell and an empty cell as no value (a row with no value left is no row; a row's and a sheet's
// length end at their last value).
import { CellValue, DateCell, SheetGrid } from "../domain/grid";
import { CellConflict, resolveSheetWrites } from "./cell-write-rule";
import type { CellWrite, WriteValue } from "./write-plan";

type Row = Array<CellValue | undefined>;

/** The grids with the writes applied, and the writes as resolved: per sheet, the final value of each cell that
 * changes, by cellKey (what the file back end writes: applyPlan's `resolvedWrites`). */
export interface FixedGrids {
  readonly grids: Map<string, SheetGrid>;
  readonly changed: Map<string, ReadonlyMap<number, WriteValue>>;
}

/**
 * The grids with the writes applied, as new grids that share every row no write touches (the given grids are left
 * as they are; with `inPlace`, for a caller that lets them go, their rows are written where they are, not copied: a
 * fix writing every row of 100,000 copied 20 MB of rows while the first check was still held), and the changed
 * cells by sheet, resolved once for both. The writes are resolved by the one rule of
 * cell-write-rule (formula targets and cells that changed since the plan are refused through `conflict`); a sheet
 * with no grid is refused as `noSheet`. Numbers are refused: how a number reads back depends on the cell's style,
 * which a grid does not hold (only a revert writes numbers); a date (DateWrite) reads back as its DateCell.
 */
export function gridsAfterWrites(
  grids: ReadonlyMap<string, SheetGrid>, writes: readonly CellWrite[], date1904: boolean,
  refuse: { conflict: (sheet: string, cell: string, why: CellConflict) => Error; noSheet: (sheet: string, w: CellWrite) => Error },
  opts: { inPlace?: boolean } = {},
): FixedGrids {
  const bySheet = new Map<string, CellWrite[]>();
  for (const w of writes) {
    if (typeof w.value === "number") throw new Error(`gridsAfterWrites: a number write (sheet "${w.sheet}" row ${w.row}); only text and dates are written by a fix`);
    if (!grids.has(w.sheet)) throw refuse.noSheet(w.sheet, w);
    const list = bySheet.get(w.sheet);
    if (list === undefined) bySheet.set(w.sheet, [w]);
    else list.push(w);
  }
  const out = new Map(grids);
  const changedBy = new Map<string, ReadonlyMap<number, WriteValue>>();
  for (const [name, list] of bySheet) {
    const grid = grids.get(name)!;
    const changed = resolveSheetWrites(list, {
      value: (key) => grid.rows[Math.floor(key / 16384)]?.[key % 16384],
      isFormula: (key) => grid.formulaCells.has(key),
      date1904,
    }, (cell, why) => refuse.conflict(name, cell, why));
    changedBy.set(name, changed);
    if (changed.size > 0) out.set(name, { ...grid, rows: writeRows(grid.rows, changed, opts.inPlace === true) });
  }
  return { grids: out, changed: changedBy };
}

/** The date cell a DateWrite reads back as (the reader's shape: kind and serial, frozen). */
const dateCell = (serial: number): DateCell => Object.freeze({ kind: "date", serial });

/** The rows with the changed cells (by cellKey) written, copying only the rows written to (none: `inPlace`). */
function writeRows(rows: SheetGrid["rows"], changed: ReadonlyMap<number, WriteValue>, inPlace: boolean): SheetGrid["rows"] {
  const out = (inPlace ? rows : rows.slice()) as Array<Row | undefined>;
  out.length = rows.length; // slice keeps holes as holes; the length as it was
  const copied = inPlace ? undefined : new Set<number>();
  let emptied = false;
  for (const [key, value] of changed) {
    const r = Math.floor(key / 16384);
    const c = key % 16384;
    let row = out[r];
    if (row === undefined) {
      row = [];
      out[r] = row;
      copied?.add(r);
    } else if (copied !== undefined && !copied.has(r)) {
      row = row.slice();
      out[r] = row;
      copied.add(r);
    }
    if (value === "") {
      delete row[c];
      emptied = true;
    } else row[c] = typeof value === "object" ? dateCell(value.serial) : value;
  }
  if (!emptied) return out;
  // as the reader builds them: a row ends at its last value, a row without one is absent, the sheet ends at its last row
  for (const r of copied ?? rowsOf(changed)) {
    const row = out[r];
    if (row === undefined) continue; // emptied already (a row written twice)
    let n = row.length;
    while (n > 0 && row[n - 1] === undefined) n--;
    row.length = n;
    if (n === 0) delete out[r];
  }
  let n = out.length;
  while (n > 0 && out[n - 1] === undefined) n--;
  out.length = n;
  return out;
}

/** The rows the changed cells are on (a row once per cell). */
function* rowsOf(changed: ReadonlyMap<number, WriteValue>): Generator<number> {
  for (const key of changed.keys()) yield Math.floor(key / 16384);
}

/**
 * The writes a plan carries once they are resolved (FixedGrids.changed, given to the writer as `resolvedWrites`): one
 * a sheet that changes, which names the sheet to the writer; the writer takes that sheet's writes from the resolved
 * map. The writes as planned (hundreds of thousands on a large fix) can then go before the check of the fixed grids.
 */
export function sheetNamingWrites(changed: FixedGrids["changed"]): CellWrite[] {
  const out: CellWrite[] = [];
  for (const [sheet, cells] of changed) {
    for (const [key, value] of cells) {
      out.push({ sheet, row: Math.floor(key / 16384) + 1, col: (key % 16384) + 1, value, expect: "" });
      break;
    }
  }
  return out;
}
