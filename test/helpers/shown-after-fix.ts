// What a fixed roster cell shows, worked out here apart from the plan (src/plan/date-writes.ts) so the e2e tests
// hold the product to it: a full date (yyyy-mm-dd) fixed into a column whose roster cells are at least half date
// cells becomes a date cell, read back as its serial number (1900 date system, counted here from the calendar);
// anything else shows the change's text.
import type { Report } from "../../src/domain/report-schema";
import type { Change } from "../../src/domain/schema";
import { isDateCell } from "../../src/domain/grid";
import { openXlsx } from "../../src/workbook/xlsx";

const DAY = 86_400_000;

/** The 1900-system serial of an ISO date after 1900-02-28 (Excel counts a 1900-02-29 that never was). */
export function serialOf(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number);
  return (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / DAY;
}

const columnOf = (letters: string): number => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;

export function shownAfterFix(input: Uint8Array, name: string, report: Report): (c: Change) => string {
  const book = openXlsx(input, name);
  return (c) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(c.to)) return c.to;
    const roster = report.rosters.find((r) => r.sheet === c.sheet && c.row >= r.firstRow && c.row <= r.lastRow);
    if (roster === undefined) return c.to;
    const rows = book.readSheet(c.sheet).rows;
    const col = columnOf(c.column);
    let dates = 0;
    let others = 0;
    for (let r = roster.firstRow - 1; r < roster.lastRow; r++) {
      const v = rows[r]?.[col];
      if (v === undefined || v === null || v === "") continue;
      if (isDateCell(v)) dates++;
      else others++;
    }
    return dates > 0 && dates >= others ? String(serialOf(c.to)) : c.to;
  };
}
