// The one rule for a plan's cell writes, used by both back ends (the file back end's xlsx-write/cell-writes.ts and
// the Office.js back end's office/cell-writes.ts), so a plan is refused, resumed or finished the same way in both:
// - a target holding a formula refuses the plan (formula cells are never overwritten);
// - a cell already showing the last value the plan gives it, of the same kind (text, number or date, empty), is done
//   and left alone (a date write: a date cell showing its ISO date): a re-run, a batch resumed after a cut-off, or the cells a cancelled batch never reached;
// - otherwise the writes are taken in order, each finding the cell showing what it expects, or the plan is refused.
import { CellValue, cellKey, columnLetter, isDateCell } from "../domain/grid";
import { cellText, numberText } from "../domain/normalise/text";
import type { CellWrite, WriteValue } from "./write-plan";

/** A written value as the sheet will show it (a date as its ISO date, as cellText shows a date cell). */
export const valueText = (v: WriteValue): string => (typeof v === "number" ? numberText(v) : typeof v === "string" ? v : v.iso);

type Kind = "empty" | "number" | "text" | "other";

/** What kind of value a cell holds, or a write gives it: dates are numbers in a cell, "" is no value. */
export function valueKind(v: CellValue | string | number | undefined): Kind {
  if (v === undefined || v === null || v === "") return "empty";
  if (typeof v === "number" || isDateCell(v)) return "number";
  if (typeof v === "string") return "text";
  return "other";
}

const show = (s: string): string => JSON.stringify(s.length > 60 ? `${s.slice(0, 57)}...` : s);

/** What a back end knows of one sheet's targets. */
export interface SheetCells {
  /** The cell at a key (cellKey of 0-based row and column); undefined where empty. */
  value(key: number): CellValue | undefined;
  isFormula(key: number): boolean;
  readonly date1904: boolean;
}

/**
 * Resolves one sheet's writes (in plan order) against what its cells hold: the final value of each cell that
 * changes, by key. `conflict` makes the error for a refused plan (cell as "F7", and why).
 */
/** Why a plan is refused at a cell: an edge code (i18n/edge-errors) and its params, rendered in the user's language. */
export type CellConflict = { readonly code: "planFormula" } | { readonly code: "planChanged"; readonly params: { readonly now: string; readonly expected: string } };

export function resolveSheetWrites(list: readonly CellWrite[], cells: SheetCells, conflict: (cell: string, why: CellConflict) => Error): Map<number, WriteValue> {
  return eachCellOnce(list, cells, conflict) ?? resolveInOrder(list, cells, conflict);
}

/**
 * The same rule where no cell is written twice (a fix, a revert): a write is done where the cell shows its value
 * already, else the cell must show what it expects; the first refusal in plan order is thrown once the whole list is
 * known to write each cell once. Undefined where some cell is written twice (the general rule then takes them in
 * order). One look at each cell instead of three: a fix writes hundreds of thousands.
 */
function eachCellOnce(list: readonly CellWrite[], cells: SheetCells, conflict: (cell: string, why: CellConflict) => Error): Map<number, WriteValue> | undefined {
  const seen = new Map<number, WriteValue | null>(); // null: the cell shows the value already
  let refused: (() => Error) | undefined;
  for (const w of list) {
    const key = cellKey(w.row - 1, w.col - 1);
    if (seen.has(key)) return undefined;
    const v = cells.value(key);
    const now = cellText(v, cells.date1904);
    if (refused === undefined && cells.isFormula(key)) refused = () => conflict(`${columnLetter(w.col - 1)}${w.row}`, { code: "planFormula" });
    if (now === valueText(w.value) && valueKind(v) === valueKind(w.value)) {
      seen.set(key, null);
      continue;
    }
    if (refused === undefined && now !== w.expect) {
      refused = () => conflict(`${columnLetter(w.col - 1)}${w.row}`, { code: "planChanged", params: { now: show(now), expected: show(w.expect) } });
    }
    seen.set(key, w.value);
  }
  if (refused !== undefined) throw refused();
  // the cells that show their value already taken out of this map, not the rest copied to a second one (a fix of
  // 300,000 cells: two maps of them at once, at its peak); the order of the rest is kept
  for (const [key, value] of seen) if (value === null) seen.delete(key);
  return seen as Map<number, WriteValue>;
}

function resolveInOrder(list: readonly CellWrite[], cells: SheetCells, conflict: (cell: string, why: CellConflict) => Error): Map<number, WriteValue> {
  const last = new Map<number, WriteValue>();
  for (const w of list) last.set(cellKey(w.row - 1, w.col - 1), w.value);
  const shown = (key: number): string => cellText(cells.value(key), cells.date1904);
  const done = (key: number, v: WriteValue): boolean => shown(key) === valueText(v) && valueKind(cells.value(key)) === valueKind(v);
  const current = new Map<number, WriteValue>();
  for (const w of list) {
    const key = cellKey(w.row - 1, w.col - 1);
    const ref = `${columnLetter(w.col - 1)}${w.row}`;
    if (cells.isFormula(key)) throw conflict(ref, { code: "planFormula" });
    if (!current.has(key) && done(key, last.get(key)!)) continue;
    const pending = current.get(key);
    const now = pending === undefined ? shown(key) : valueText(pending);
    if (now === valueText(w.value) && (pending !== undefined || valueKind(cells.value(key)) === valueKind(w.value))) continue;
    if (now !== w.expect) throw conflict(ref, { code: "planChanged", params: { now: show(now), expected: show(w.expect) } });
    current.set(key, w.value);
  }
  const changed = new Map<number, WriteValue>();
  for (const [key, value] of current) if (!done(key, value)) changed.set(key, value);
  return changed;
}
