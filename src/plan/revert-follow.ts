// A revert finds each logged value's member where the rows have moved since the batch (the fixed roster sorted by
// name, a row inserted or deleted above): an entry whose logged cell no longer shows what the batch wrote goes to the
// one row of that sheet whose member has the entry's key (the ID number, else the name) and whose cell in that column
// shows it. Where no row or several do, the entry keeps its cell, and the revert is refused there as before. A sync's
// batch that inserted rows keeps every cell: its rows are deleted by address.
import { columnLetter } from "../domain/grid";
import { cellText, numberText } from "../domain/normalise/text";
import { Member } from "../domain/schema";
import { ChangeLogEntry, INSERTED_ROWS_FIELD, parseCellRef } from "./change-log";
import { RosterGrids } from "./flags";

/** The cell a revert writes an entry back into: its logged cell, or its member's row now (see the file's comment). */
export type CellOf = (e: ChangeLogEntry) => string;

/** `members`: the check of the workbook as it is now, with the change-log key of each (memberKey). */
export function followMembers(log: readonly ChangeLogEntry[], batch: number, members: readonly Member[], keyOf: (m: Member) => string, grids: RosterGrids, date1904: boolean): CellOf {
  const logged: CellOf = (e) => e.cell;
  if (log.some((e) => e.batch === batch && e.field === INSERTED_ROWS_FIELD)) return logged;
  const shows = (sheet: string, row: number, col: number, text: string): boolean =>
    cellText(grids.get(sheet)?.rows[row - 1]?.[col - 1], date1904) === text;
  let rowsByKey: Map<string, Map<string, number[]>> | undefined; // made on the first entry that moved
  return (e) => {
    if (e.key === "") return e.cell;
    const { row, col } = parseCellRef(e.cell);
    const to = typeof e.to === "number" ? numberText(e.to) : e.to;
    if (shows(e.sheet, row, col, to)) return e.cell;
    rowsByKey ??= rowsOfKeys(members, keyOf);
    const rows = (rowsByKey.get(e.sheet)?.get(e.key) ?? []).filter((r) => shows(e.sheet, r, col, to));
    return rows.length === 1 ? `${columnLetter(col - 1)}${rows[0]}` : e.cell;
  };
}

/** Each sheet's member rows by key. */
function rowsOfKeys(members: readonly Member[], keyOf: (m: Member) => string): Map<string, Map<string, number[]>> {
  const out = new Map<string, Map<string, number[]>>();
  for (const m of members) {
    const key = keyOf(m);
    if (key === "") continue;
    let byKey = out.get(m.sheet);
    if (byKey === undefined) out.set(m.sheet, (byKey = new Map()));
    const rows = byKey.get(key);
    if (rows === undefined) byKey.set(key, [m.row]);
    else if (!rows.includes(m.row)) rows.push(m.row);
  }
  return out;
}
