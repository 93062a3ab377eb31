// A few rows of a sheet around one row, as text, for the page's preview of where an issue is.
import { cellText } from "../domain/normalise/text";
import type { OpenedWorkbook } from "../workbook/xlsx";
import type { SheetWindow } from "./engine-protocol";

/** Widest preview, in columns (a roster has 15 to 40). */
const MAX_COLUMNS = 60;

/** Rows `row - around` .. `row + around` of `sheet` (1-based), and its header row when that lies above them. */
export function sheetWindow(wb: OpenedWorkbook, sheet: string, row: number, around: number, headerRow: number): SheetWindow {
  const grid = wb.readSheet(sheet, { maxRows: row + around });
  const first = Math.max(1, row - around);
  const text = (r: number): string[] => (grid.rows[r - 1] ?? []).slice(0, MAX_COLUMNS).map((v) => cellText(v ?? null, wb.date1904));
  const rows: string[][] = [];
  const last = Math.max(row, Math.min(row + around, grid.rows.length));
  for (let r = first; r <= last; r++) rows.push(text(r));
  const header = headerRow < first ? text(headerRow) : undefined;
  const columns = Math.min(MAX_COLUMNS, Math.max(1, ...rows.map((r) => r.length), header?.length ?? 0));
  return { sheet: grid.name, firstRow: first, rows, columns, header, headerRow: header ? headerRow : undefined };
}
