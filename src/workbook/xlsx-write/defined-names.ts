// Defined names: the product's hidden workbook-level names, sheet references in their formulas, and keeping
// localSheetId (an index into <sheets>) right when sheets are removed.
import { columnLetter } from "../../domain/grid";
import type { NameEl } from "./workbook-xml";

export const PREFIX = "_RosterAssistant_";
export const FLAGS_NAME = `${PREFIX}flags`;
/** Block k's key table on the flag sheet: `_RosterAssistant_flagKeys<k>`. */
export const FLAG_KEYS_PREFIX = `${PREFIX}flagKeys`;
/** The first version's position grids (`_RosterAssistant_flagGrid<k>`): dropped whenever the flags are replaced. */
export const FLAG_GRID_PREFIX = `${PREFIX}flagGrid`;
export const STYLES_NAME = `${PREFIX}styles`;
export const FILTER_DATABASE = "_xlnm._FilterDatabase";
export const PRINT_TITLES = "_xlnm.Print_Titles";

/** The sheet name as a formula prefix: always quoted, quotes doubled ("It's" -> 'It''s'). */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** "$A$1" style absolute reference, 1-based. */
export function absCell(row: number, col: number): string {
  return `$${columnLetter(col - 1)}$${row}`;
}

/** `'<sheet>'!$A$1` (or a range when the second corner is given). */
export function sheetRef(sheet: string, row1 = 1, col1 = 1, row2?: number, col2?: number): string {
  const a = absCell(row1, col1);
  return `${quoteSheet(sheet)}!${a}${row2 === undefined || col2 === undefined ? "" : `:${absCell(row2, col2)}`}`;
}



/**
 * Renumbers localSheetId after sheets were removed: `indexMap[old]` is the new index, -1 where the sheet went
 * (its local names go with it); `withLocal` rewrites a name that moves.
 */
export function renumberLocalNames(names: NameEl[], indexMap: readonly number[], withLocal: (n: NameEl, id: number) => void): NameEl[] {
  const out: NameEl[] = [];
  for (const n of names) {
    if (n.localSheetId === undefined) {
      out.push(n);
      continue;
    }
    const next = n.localSheetId < indexMap.length ? indexMap[n.localSheetId] : n.localSheetId;
    if (next === -1) continue;
    if (next !== n.localSheetId) withLocal(n, next);
    out.push(n);
  }
  return out;
}
