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

/**
 * Text as MATCH compares it: lower case. Text without a character that has a lower case (digits, CJK ideographs and
 * punctuation: most IDs and names) is its own lower case, found without making a new string.
 */
export function lowerCase(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 0x41 && c <= 0x5a) || (c >= 0xc0 && !(c >= 0x3000 && c <= 0x9fff))) return s.toLowerCase();
  }
  return s;
}

/** Counts of lookup values in one column: text by its lower case (MATCH ignores case), numbers by value. */
class ValueCounts {
  private readonly texts = new Map<string, number>();
  private readonly numbers = new Map<number, number>();
  /** Starts counting v (only the values asked for are counted: a roster's links are wanted for its issues' rows). */
  want(v: string | number): void {
    if (typeof v === "number") this.numbers.set(v, 0);
    else this.texts.set(lowerCase(v), 0);
  }
  /** Counts v where it is wanted. */
  see(v: string | number): void {
    if (typeof v === "number") {
      const n = this.numbers.get(v);
      if (n !== undefined) this.numbers.set(v, n + 1);
      return;
    }
    const k = lowerCase(v);
    const n = this.texts.get(k);
    if (n !== undefined) this.texts.set(k, n + 1);
  }
  count(v: string | number): number {
    return (typeof v === "number" ? this.numbers.get(v) : this.texts.get(lowerCase(v))) ?? 0;
  }
}

/** Member links by sheet, then by the row (1-based) an issue is on at the check. */
export type MemberLinks = ReadonlyMap<string, ReadonlyMap<number, MemberLink>>;

/**
 * For each roster sheet, the link of each row an issue is on, where it has one: sheet -> row -> link. The ID
 * column is tried first, then the name column; a value counts as unique when no other cell of that column (header
 * and all) holds it. Only the issues' rows get links (a roster of 100,000 members with 2,000 issues needs 2,000).
 */
export function memberLinks(report: Report, grids: RosterGrids): Map<string, Map<number, MemberLink>> {
  const out = new Map<string, Map<number, MemberLink>>();
  const issueRows = new Map<string, Set<number>>();
  let lastSheet: string | undefined;
  let lastRows: Set<number> | undefined;
  for (const i of report.issues) {
    if (i.sheet !== lastSheet) {
      lastSheet = i.sheet;
      lastRows = issueRows.get(i.sheet);
      if (lastRows === undefined) issueRows.set(i.sheet, (lastRows = new Set()));
    }
    lastRows!.add(i.row);
  }
  for (const roster of report.rosters) {
    const grid = grids.get(roster.sheet);
    const rows = [...(issueRows.get(roster.sheet) ?? [])].filter((r) => r >= roster.firstRow && r <= roster.lastRow).sort((a, b) => a - b);
    if (grid === undefined || rows.length === 0) continue;
    const cols = [roster.columns.idNumber, roster.columns.name].filter((c): c is string => c !== undefined).map((c) => columnIndex(c) + 1);
    const counts = cols.map((col) => {
      const n = new ValueCounts();
      for (const row of rows) {
        const v = lookupValue(grid.rows[row - 1]?.[col - 1]);
        if (v !== undefined) n.want(v);
      }
      for (const row of grid.rows) {
        const v = lookupValue(row?.[col - 1]);
        if (v !== undefined) n.see(v);
      }
      return n;
    });
    let links = out.get(roster.sheet);
    for (const row of rows) {
      for (let i = 0; i < cols.length; i++) {
        const v = lookupValue(grid.rows[row - 1]?.[cols[i] - 1]);
        if (v !== undefined && counts[i].count(v) === 1) {
          if (links === undefined) out.set(roster.sheet, (links = new Map()));
          links.set(row, { col: cols[i], value: v });
          break;
        }
      }
    }
  }
  return out;
}

/** Whether s holds a character MATCH or a formula's string literal needs escaped: * ? ~ or ". */
function plainLiteral(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x2a || c === 0x3f || c === 0x7e || c === 0x22) return false;
  }
  return true;
}

/** MATCH's wildcards (* ? ~) taken literally: each escaped with ~. */
const literal = (s: string): string => (plainLiteral(s) ? `"${s}"` : `"${s.replace(/[~*?]/g, "~$&").replace(/"/g, '""')}"`);

/**
 * The HYPERLINK formula of an issue's cell: the target's row found by MATCH on the member's link in the roster (the
 * row the check saw when the member is not found), the text the address the check saw.
 */
export function issueLinkFormula(sheet: string, column: string, row: number, link: MemberLink | undefined): string {
  return linkFormulas(sheet)(column, row, `${column}${row}`, link);
}

/**
 * issueLinkFormula for the issues of one sheet (`cell` is column and row together, as the issue's cell shows it):
 * the sheet's quoted name and the lookup columns' ranges made once, not per issue.
 */
export function linkFormulas(sheet: string): (column: string, row: number, cell: string, link: MemberLink | undefined) => string {
  const quoted = `'${sheet.replace(/'/g, "''")}'`;
  const target = `"#${quoted.replace(/"/g, '""')}!`;
  const ranges: string[] = [];
  return (column, row, cell, link) => {
    if (link === undefined) return `HYPERLINK(${target}${cell}","${cell}")`;
    let range = ranges[link.col];
    if (range === undefined) {
      const letter = columnLetter(link.col - 1);
      ranges[link.col] = range = `,${quoted}!$${letter}:$${letter},0),`;
    }
    const value = typeof link.value === "number" ? String(link.value) : literal(link.value);
    return `HYPERLINK(${target}${column}"&IFERROR(MATCH(${value}${range}${row}),"${cell}")`;
  };
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
