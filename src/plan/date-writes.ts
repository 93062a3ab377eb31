// A fix of a date typed as text ("1980.03.05") in a column whose cells are dates is written as a date cell shown like
// its neighbours, not as the ISO text: sorting, filtering and age formulas need a real date. Only a full date (a
// month-only 1985.09 stays text: no day is invented), only where the column has a date format noted
// (SheetGrid.dateFormats) and at least half of its filled member cells are date cells (a column mostly of text dates
// stays text, as its neighbours are).
import { fixKindOf } from "../domain/fix-kinds";
import { SheetGrid, columnIndex, isDateCell } from "../domain/grid";
import { isoToSerial } from "../domain/normalise/date";
import { Report } from "../domain/report-schema";
import { Change } from "../domain/schema";
import type { DateWrite, WriteValue } from "./write-plan";

/** What a fix writes for each change: a DateWrite where the rule above holds, else the change's text. */
export function fixValues(grids: ReadonlyMap<string, SheetGrid>, report: Report, date1904: boolean): (c: Change) => WriteValue {
  const datesColumn = new Map<string, boolean>(); // sheet, roster's first row, column -> at least half dates
  return (c) => {
    if (fixKindOf(c) !== "dates" || c.to.length !== 10) return c.to;
    const grid = grids.get(c.sheet);
    const col = columnIndex(c.column);
    const format = grid?.dateFormats?.get(col);
    if (grid === undefined || format === undefined) return c.to;
    const roster = report.rosters.find((r) => r.sheet === c.sheet && c.row >= r.firstRow && c.row <= r.lastRow);
    if (roster === undefined) return c.to;
    const key = `${c.sheet}\u0000${roster.firstRow}\u0000${col}`;
    let dates = datesColumn.get(key);
    if (dates === undefined) datesColumn.set(key, (dates = mostlyDates(grid, roster.firstRow - 1, roster.lastRow - 1, col)));
    if (!dates) return c.to;
    const serial = isoToSerial(c.to, date1904);
    if (serial === undefined) return c.to;
    const write: DateWrite = { kind: "date", serial, format, iso: c.to };
    return write;
  };
}

/** Whether at least half of the column's filled cells in rows r0..r1 (0-based) are date cells. */
function mostlyDates(grid: SheetGrid, r0: number, r1: number, col: number): boolean {
  let dates = 0;
  let others = 0;
  for (let r = r0; r <= r1; r++) {
    const v = grid.rows[r]?.[col];
    if (v === undefined || v === null || v === "") continue;
    if (isDateCell(v)) dates++;
    else others++;
  }
  return dates > 0 && dates >= others;
}
