/// <reference types="office-js" />
// Writes a ProductSheet into a (new, temporary) worksheet: number formats and cells in row blocks sized to the
// request budget, then styles, merges, column widths, frozen rows, the AutoFilter and the print setup.
import { columnLetter } from "../../domain/grid";
import type { PlanCell, ProductSheet } from "../../plan/write-plan";
import { valueBytes } from "./payload";
import { applyStyles, numberFormatOf } from "./styles";
import { SyncBudget } from "./sync-budget";
import { asText } from "./typed-text";

/** What the formulas setter gets for a plan cell: "=f", a number, text kept as text, "" for none. */
function cellInput(c: PlanCell | null | undefined): string | number {
  if (!c) return "";
  if (c.f !== undefined) return `=${c.f}`;
  if (c.v === null) return "";
  return typeof c.v === "number" ? c.v : asText(c.v);
}

/** Excel's column width in characters as points: (chars * 7 + 5) pixels of Calibri 11 at 96 dpi. */
export function widthPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

async function writeCells(budget: SyncBudget, ws: Excel.Worksheet, rows: ProductSheet["rows"]): Promise<void> {
  let start = 0;
  while (start < rows.length) {
    // Take rows while their values fit half the budget (number formats may double it).
    let end = start;
    let width = 1;
    let bytes = 0;
    const limit = 1024 * 1024;
    while (end < rows.length && (end === start || bytes < limit)) {
      const row = rows[end];
      width = Math.max(width, row.length);
      for (const c of row) bytes += c?.f ? c.f.length + 4 : valueBytes(c?.v ?? "");
      bytes += 4;
      end++;
    }
    const block = rows.slice(start, end);
    const formulas = block.map((row) => Array.from({ length: width }, (_, j) => cellInput(row[j])));
    const formats = block.map((row) => Array.from({ length: width }, (_, j) => numberFormatOf(row[j]?.style ?? undefined) ?? null));
    const anyFormat = formats.some((r) => r.some((f) => f !== null));
    await budget.room(bytes * 1.1 + width * block.length * (anyFormat ? 6 : 0), anyFormat ? 3 : 2);
    const range = ws.getRangeByIndexes(start, 0, block.length, width);
    if (anyFormat) range.numberFormat = formats;
    range.formulas = formulas;
    start = end;
  }
}

export async function writeProductSheet(budget: SyncBudget, ws: Excel.Worksheet, sheet: ProductSheet): Promise<void> {
  await writeCells(budget, ws, sheet.rows);
  await applyStyles(budget, ws, sheet.rows);
  for (const m of sheet.merges) {
    await budget.room(m.length, 2);
    ws.getRange(m).merge(false);
  }
  // Columns of equal width in one go.
  const widths = sheet.columnWidths;
  for (let c = 0; c < widths.length; ) {
    let e = c;
    while (e + 1 < widths.length && widths[e + 1] === widths[c]) e++;
    await budget.room(16, 2);
    ws.getRange(`${columnLetter(c)}:${columnLetter(e)}`).format.columnWidth = widthPoints(widths[c]);
    c = e + 1;
  }
  await budget.room(200, 8);
  if (sheet.freezeRows) ws.freezePanes.freezeRows(sheet.freezeRows);
  if (sheet.autoFilter) ws.autoFilter.apply(ws.getRange(sheet.autoFilter));
  const layout = ws.pageLayout;
  layout.orientation = sheet.print.orientation === "landscape" ? "Landscape" : "Portrait";
  layout.paperSize = "A4";
  // Fit all columns on one page wide, as many pages tall as needed (0: automatic, as fitToHeight="0" in the file).
  if (sheet.print.fitToWidth) layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  if (sheet.print.titleRows) layout.setPrintTitleRows(`$${sheet.print.titleRows[0]}:$${sheet.print.titleRows[1]}`);
  // A manual break above row r+1 is the break after row r (rowBreaks in the file).
  for (const r of sheet.print.rowBreaks ?? []) {
    await budget.room(16, 1);
    ws.horizontalPageBreaks.add(`A${r + 1}`);
  }
}
