// A1 addresses as office.js gives and takes them: a RangeAreas address ("Sheet1!A2:A9, 'My sheet'!C4") parsed into
// rectangles, and rectangles printed back for getRanges / getRange.
import { columnIndex, columnLetter } from "../../domain/grid";

/** A rectangle of cells, 0-based, inclusive. */
export interface Rect {
  readonly r0: number;
  readonly c0: number;
  readonly r1: number;
  readonly c1: number;
}

/** The areas of a RangeAreas address; sheet prefixes (quoted or not) are dropped. Throws on what it cannot read. */
export function parseAreas(address: string): Rect[] {
  const out: Rect[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i <= address.length; i++) {
    const ch = address[i];
    if (ch === "'") quoted = !quoted;
    if (i < address.length && (ch !== "," || quoted)) continue;
    const part = address.slice(start, i).trim();
    start = i + 1;
    if (part === "") continue;
    const ref = part.slice(part.lastIndexOf("!") + 1).replace(/\$/g, "").toUpperCase();
    const m = /^([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?$/.exec(ref);
    if (!m) throw new Error(`unexpected area "${part}" in the address "${address}"`);
    const r0 = Number(m[2]) - 1;
    const c0 = columnIndex(m[1]);
    out.push(m[3] ? { r0, c0, r1: Number(m[4]) - 1, c1: columnIndex(m[3]) } : { r0, c0, r1: r0, c1: c0 });
  }
  return out;
}

/** "B3" or "B3:D9". */
export function areaA1(r: Rect): string {
  const a = `${columnLetter(r.c0)}${r.r0 + 1}`;
  return r.r0 === r.r1 && r.c0 === r.c1 ? a : `${a}:${columnLetter(r.c1)}${r.r1 + 1}`;
}

/** `'<sheet>'!$A$1` or a range, always quoted, quotes doubled: the form the product's names refer with. */
export function sheetRef(sheet: string, r: Rect): string {
  const abs = (row: number, col: number) => `$${columnLetter(col)}$${row + 1}`;
  const a = abs(r.r0, r.c0);
  return `'${sheet.replace(/'/g, "''")}'!${r.r0 === r.r1 && r.c0 === r.c1 ? a : `${a}:${abs(r.r1, r.c1)}`}`;
}

