// The flags of each roster sheet: the worst severity of the issues on each cell of its data block.
import { columnIndex } from "../domain/grid";
import { Report } from "../domain/report-schema";
import { FLAG_CODE, FlagBlock, FlagCode } from "./write-plan";

/** Cell key radix: above Excel's 16,384 columns. */
const COLS = 16385;

/**
 * One block per roster with member rows: rows firstRow..lastRow, columns A .. the last mapped column. Only issues of
 * that sheet inside the block flag a cell (a missing column, reported on the header row, flags none; nor do issues of
 * the projects or settings sheet). A roster with no member rows has no block: there is nothing to flag.
 */
export function flagBlocks(report: Report): FlagBlock[] {
  const bySheet = new Map<string, Report["issues"]>();
  for (const i of report.issues) {
    const list = bySheet.get(i.sheet);
    if (list) list.push(i);
    else bySheet.set(i.sheet, [i]);
  }
  const blocks: FlagBlock[] = [];
  for (const roster of report.rosters) {
    if (roster.lastRow < roster.firstRow) continue;
    const letters = Object.values(roster.columns).filter((c): c is string => c !== undefined);
    if (letters.length === 0) continue;
    const lastCol = Math.max(...letters.map(columnIndex)) + 1;
    const worst = new Map<number, FlagCode>(); // key: row * COLS + col
    for (const i of bySheet.get(roster.sheet) ?? []) {
      const col = columnIndex(i.column) + 1;
      if (i.row < roster.firstRow || i.row > roster.lastRow || col < 1 || col > lastCol) continue;
      const key = i.row * COLS + col;
      const code = FLAG_CODE[i.severity];
      const had = worst.get(key);
      if (had === undefined || code < had) worst.set(key, code);
    }
    const cells = [...worst.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([key, code]) => ({ row: Math.floor(key / COLS), col: key % COLS, code }));
    blocks.push({ sheet: roster.sheet, firstRow: roster.firstRow, lastRow: roster.lastRow, firstCol: 1, lastCol, cells });
  }
  return blocks;
}
