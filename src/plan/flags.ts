// The flags of each roster sheet: the worst severity of the issues on each cell of its data block, each stored as
// the key of the flagged cell (its row's ID and name, its column, its value: see flag-key.ts), so the flag follows
// the member and not the position.
import { flatString } from "../domain/flat-string";
import { CellValue, columnIndex, SheetGrid } from "../domain/grid";
import { Report } from "../domain/report-schema";
import { fingerprint, flagKey } from "./flag-key";
import { FLAG_CODE, FlagBlock, FlagCode, FlagEntry } from "./write-plan";

/** The roster sheets as the check read them: sheet name -> grid (their cells build the flag keys). */
export type RosterGrids = ReadonlyMap<string, SheetGrid>;

/** Cell key radix: above Excel's 16,384 columns. */
const COLS = 16385;

/**
 * One block per roster with member rows: rows firstRow..lastRow, columns A .. the last mapped column. Only issues of
 * that sheet inside the block flag a cell (a missing column, reported on the header row, flags none; nor do issues of
 * the projects or settings sheet). A roster with no member rows has no block: there is nothing to flag. Each block's
 * entries are sorted by fingerprint, then key: the order the rules' binary MATCH needs.
 */
export function flagBlocks(report: Report, grids: RosterGrids): FlagBlock[] {
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
    if (letters.length === 0 || roster.columns.name === undefined) continue;
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
    const nameCol = columnIndex(roster.columns.name) + 1;
    const idCol = roster.columns.idNumber === undefined ? undefined : columnIndex(roster.columns.idNumber) + 1;
    const grid = grids.get(roster.sheet);
    if (grid === undefined) throw new Error(`flags: the cells of roster sheet "${roster.sheet}" were not given`);
    const entries = flagEntries(cells, grid, idCol, nameCol);
    entries.sort((a, b) => a.fp - b.fp || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    blocks.push({ sheet: roster.sheet, firstRow: roster.firstRow, lastRow: roster.lastRow, firstCol: 1, lastCol, idCol, nameCol, cells, entries });
  }
  return blocks;
}

/** Each flagged cell's entry (its row's fingerprint made once: a row's flagged cells come together, in row order). A
 * loop of its own, not a closure beside the grid: V8 kept the context of such a closure (the grid in it) after the call
 * returned, the checked roster's cells alive through the whole write (26 MB on 100,000 inline-string rows). */
function flagEntries(cells: readonly { row: number; col: number; code: FlagCode }[], grid: SheetGrid, idCol: number | undefined, nameCol: number): FlagEntry[] {
  const entries: FlagEntry[] = [];
  let fpRow = 0;
  let fp = 0;
  for (const c of cells) {
    const row = grid.rows[c.row - 1];
    const id = idCol === undefined ? undefined : row?.[idCol - 1];
    const name = row?.[nameCol - 1];
    if (c.row !== fpRow) {
      fpRow = c.row;
      fp = fingerprint(id, name);
    }
    entries.push({ fp, key: flatString(flagKey(id, name, c.col, row?.[c.col - 1], c.code)) });
  }
  return entries;
}
