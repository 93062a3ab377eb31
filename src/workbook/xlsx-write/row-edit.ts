// Cell writes inside one <row> element (a short string): replace a cell keeping its style, or insert it in
// column order; everything else in the row is kept as written.
import { columnIndex, columnLetter } from "../../domain/grid";
import { XmlCursor } from "../xlsx/xml-scan";
import { childrenIn, extentAt, setAttr, splice } from "./xml-edit";
import { escapeCellText } from "./xml-escape";

/** A date cell written: its serial, and its style made from the style the cell had (date-styles.ts: the cell's own
 * format with the date's number format). */
export interface DateValueWrite {
  readonly serial: number;
  styleOf(s: string | undefined): string;
}

export interface CellValueWrite {
  /** 1-based column. */
  readonly col: number;
  readonly value: string | number | DateValueWrite;
}

/** An inline-string cell as the spec asks: style kept, xml:space preserved. Empty text is a styled empty cell. A
 * date is a number cell in the date style made from the cell's own. */
export function inlineCell(p: string, ref: string, s: string | undefined, value: string | number | DateValueWrite): string {
  if (typeof value === "object") return inlineCell(p, ref, value.styleOf(s), value.serial);
  const sa = s === undefined ? "" : ` s="${s}"`;
  if (typeof value === "number") return `<${p}c r="${ref}"${sa}><${p}v>${numberLiteral(value)}</${p}v></${p}c>`;
  if (value === "") return `<${p}c r="${ref}"${sa}/>`;
  return `<${p}c r="${ref}"${sa} t="inlineStr"><${p}is><${p}t xml:space="preserve">${escapeCellText(value)}</${p}t></${p}is></${p}c>`;
}

/** A number as a cell's <v>: round-trips exactly (JavaScript's shortest form; no NaN or infinity in a sheet). */
function numberLiteral(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`cannot write ${n} into a cell`);
  return String(n);
}

/** A new row holding the given writes (sorted by column); empty values are left out. */
export function newRowXml(p: string, row: number, writes: readonly CellValueWrite[], styleOf: (col: number) => string | undefined): string {
  const cells = writes.filter((w) => w.value !== "").map((w) => inlineCell(p, `${columnLetter(w.col - 1)}${row}`, styleOf(w.col), w.value));
  return cells.length ? `<${p}row r="${row}">${cells.join("")}</${p}row>` : "";
}

const cellCol = (ref: string | undefined): number | undefined => {
  const m = ref === undefined ? null : /^\$?([A-Za-z]{1,3})\$?\d+$/.exec(ref);
  return m ? columnIndex(m[1].toUpperCase()) + 1 : undefined;
};

/**
 * Applies writes (sorted by column, one per column) to the row element `rowXml` of row number `row`.
 * `colStyle(col)` gives the style a new cell takes where the row has no custom format (the column's, as Excel does).
 */
export function editRow(rowXml: string, p: string, row: number, writes: readonly CellValueWrite[], colStyle: (col: number) => string | undefined): string {
  const cur = new XmlCursor(rowXml);
  cur.next();
  const rowS = cur.attr("s");
  const custom = cur.attr("customFormat");
  const newStyle = (col: number): string | undefined => (rowS !== undefined && (custom === "1" || custom === "true") ? rowS : colStyle(col));
  const row0 = extentAt(cur);
  let xml = rowXml;
  let innerStart = row0.innerStart;
  let innerEnd = row0.innerEnd;
  if (row0.selfClosing) {
    const open = rowXml.slice(0, row0.end).replace(/\s*\/>$/, ">");
    xml = `${open}</${p}row>`;
    innerStart = innerEnd = open.length;
  }
  const cells: Array<{ col: number; start: number; end: number; s: string | undefined }> = [];
  let prev = 0;
  for (const e of childrenIn(xml, innerStart, innerEnd)) {
    if (e.name !== "c") continue;
    const c = new XmlCursor(xml, e.start);
    c.next();
    const col = cellCol(c.attr("r")) ?? prev + 1;
    cells.push({ col, start: e.start, end: e.end, s: c.attr("s") });
    prev = col;
  }
  const edits: Array<{ start: number; end: number; text: string }> = [];
  const added: number[] = [];
  for (const w of writes) {
    const ref = `${columnLetter(w.col - 1)}${row}`;
    const hit = cells.find((c) => c.col === w.col);
    if (hit !== undefined) {
      edits.push({ start: hit.start, end: hit.end, text: inlineCell(p, ref, hit.s, w.value) });
      continue;
    }
    if (w.value === "") continue;
    const at = cells.find((c) => c.col > w.col)?.start ?? innerEnd;
    edits.push({ start: at, end: at, text: inlineCell(p, ref, newStyle(w.col), w.value) });
    added.push(w.col);
  }
  let out = splice(xml, edits);
  if (added.length) out = widenSpans(out, added);
  return out;
}

/** Keeps the row's optional spans hint covering a cell we added. */
function widenSpans(rowXml: string, cols: readonly number[]): string {
  const cur = new XmlCursor(rowXml);
  cur.next();
  const spans = cur.attr("spans");
  if (spans === undefined) return rowXml;
  const ranges = spans.trim().split(/\s+/).map((r) => r.split(":").map(Number));
  if (ranges.some((r) => r.length !== 2 || r.some((n) => !Number.isInteger(n)))) return rowXml;
  const inside = (c: number): boolean => ranges.some(([a, b]) => c >= a && c <= b);
  if (cols.every(inside)) return rowXml;
  const lo = Math.min(...cols, ...ranges.map((r) => r[0]));
  const hi = Math.max(...cols, ...ranges.map((r) => r[1]));
  return setAttr(rowXml, "spans", `${lo}:${hi}`);
}
