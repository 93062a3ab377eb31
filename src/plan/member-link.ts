// Links that find the member: an issue's place is the member's row now, not the row it had at the check. The member is
// looked up by a value that is unique in its column at the check (the ID number, else the name), with MATCH in the
// issues sheet's HYPERLINK and with findMemberRow in the task pane; where neither is unique, or the member is gone,
// the link keeps the address the check saw.
import { CellValue, columnIndex, columnLetter, isDateCell } from "../domain/grid";
import { Report } from "../domain/report-schema";
import { RosterGrids } from "./flags";

/** How to find one member's row: the first row whose cell in `col` (1-based) holds `value` (text or number). */
export interface MemberLink {
  readonly col: number;
  readonly value: string | number;
}

/** The lookup value of a cell: text as text, a number (or date serial) as its number; empty or boolean: none. */
function lookupValue(v: CellValue | undefined): string | number | undefined {
  if (typeof v === "string") return v.trim() === "" ? undefined : v;
  // A number is a safe lookup only where its 15 significant digits say it all (MATCH's literal is read so).
  if (typeof v === "number") return Number(v.toPrecision(15)) === v ? v : undefined;
  if (isDateCell(v)) return v.serial;
  return undefined;
}

/** Text compares case-insensitively (as MATCH does); a number never equals a text. */
const same = (a: string | number, b: string | number): boolean =>
  typeof a === "number" || typeof b === "number" ? a === b : a.toLowerCase() === b.toLowerCase();

const identity = (v: string | number): string => (typeof v === "number" ? `n${v}` : `t${v.toLowerCase()}`);

/**
 * For each roster sheet, the link of each member row that has one: "sheet\u0000row" -> link. The ID column is tried
 * first, then the name column; a value counts as unique when no other cell of that column (header and all) holds it.
 */
export function memberLinks(report: Report, grids: RosterGrids): Map<string, MemberLink> {
  const out = new Map<string, MemberLink>();
  for (const roster of report.rosters) {
    const grid = grids.get(roster.sheet);
    if (grid === undefined) continue;
    const cols = [roster.columns.idNumber, roster.columns.name].filter((c): c is string => c !== undefined).map((c) => columnIndex(c) + 1);
    const counts = cols.map((col) => {
      const n = new Map<string, number>();
      for (const row of grid.rows) {
        const v = lookupValue(row?.[col - 1]);
        if (v !== undefined) n.set(identity(v), (n.get(identity(v)) ?? 0) + 1);
      }
      return n;
    });
    for (let row = roster.firstRow; row <= roster.lastRow; row++) {
      for (let i = 0; i < cols.length; i++) {
        const v = lookupValue(grid.rows[row - 1]?.[cols[i] - 1]);
        if (v !== undefined && counts[i].get(identity(v)) === 1) {
          out.set(`${roster.sheet}\u0000${row}`, { col: cols[i], value: v });
          break;
        }
      }
    }
  }
  return out;
}

/** MATCH's wildcards (* ? ~) taken literally: each escaped with ~. */
const literal = (s: string): string => `"${s.replace(/[~*?]/g, "~$&").replace(/"/g, '""')}"`;

/**
 * The HYPERLINK formula of an issue's cell: the target's row found by MATCH on the member's link in the roster (the
 * row the check saw when the member is not found), the text the address the check saw.
 */
export function issueLinkFormula(sheet: string, column: string, row: number, link: MemberLink | undefined): string {
  const quoted = `'${sheet.replace(/'/g, "''")}'`;
  const prefix = `"#${quoted.replace(/"/g, '""')}!${column}"`;
  const text = `"${column}${row}"`;
  if (link === undefined) return `HYPERLINK(${prefix.slice(0, -1)}${row}",${text})`;
  const letter = columnLetter(link.col - 1);
  const value = typeof link.value === "number" ? String(link.value) : literal(link.value);
  return `HYPERLINK(${prefix}&IFERROR(MATCH(${value},${quoted}!$${letter}:$${letter},0),${row}),${text})`;
}

/** The pane's lookup, MATCH's rule: the first row (1-based) whose value in the link's column equals it, else `fallback`. */
export function findMemberRow(link: MemberLink | undefined, column: ReadonlyArray<CellValue | undefined>, fallback: number): number {
  if (link === undefined) return fallback;
  const i = column.findIndex((v) => {
    const x = lookupValue(v);
    return x !== undefined && same(x, link.value);
  });
  return i < 0 ? fallback : i + 1;
}
