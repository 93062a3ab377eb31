// Cell writes inside one <row> element, on its UTF-8 bytes: what row-edit.ts's editRow does on the row's text, without
// decoding the row or parsing it into objects (a fix writes into hundreds of thousands of rows). Rows it does not
// cover (a comment, CDATA or a processing instruction inside, an entity in an attribute it reads, a self-closing
// row, a cell added to a row with a spans hint) are left to editRow: the caller falls back on undefined.
import { columnLetter } from "../../domain/grid";
import { ascii, btag, readTagAt } from "../xlsx/byte-scan";
import { type CellValueWrite, inlineCell } from "./row-edit";

const utf8 = new TextEncoder();
const text = new TextDecoder("utf-8", { ignoreBOM: true });

/** An attribute's value as [start, end) of b, by local name (any prefix, xmlns skipped), as XmlCursor.attr reads it.
 * `found` -1: absent (or cut short); -2: the value holds an entity (the text editor decodes it). */
const attr = { start: 0, end: 0, found: 0 as 0 | -1 | -2 };

function readAttr(b: Uint8Array, p: number, end: number, local: Uint8Array): 0 | -1 | -2 {
  attr.found = -1;
  while (p < end) {
    while (p < end && b[p] <= 32) p++;
    const nameStart = p;
    let localStart = p;
    while (p < end) {
      const c = b[p];
      if (c === 61 || c <= 32) break;
      if (c === 58) localStart = p + 1;
      p++;
    }
    const nameEnd = p;
    while (p < end && b[p] !== 61) p++;
    p++;
    while (p < end && b[p] <= 32) p++;
    const quote = b[p];
    if (quote !== 34 && quote !== 39) return attr.found;
    let valEnd = p + 1;
    while (valEnd < end && b[valEnd] !== quote) valEnd++;
    if (valEnd >= end) return attr.found;
    const isXmlns = nameEnd - nameStart >= 5 && b[nameStart] === 120 && b[nameStart + 1] === 109 && b[nameStart + 2] === 108 &&
      b[nameStart + 3] === 110 && b[nameStart + 4] === 115 && (nameEnd - nameStart === 5 || b[nameStart + 5] === 58);
    if (!isXmlns && nameEnd - localStart === local.length && sameBytes(b, localStart, local)) {
      for (let k = p + 1; k < valEnd; k++) if (b[k] === 38) return (attr.found = -2);
      attr.start = p + 1;
      attr.end = valEnd;
      return (attr.found = 0);
    }
    p = valEnd + 1;
  }
  return attr.found;
}

function sameBytes(b: Uint8Array, at: number, name: Uint8Array): boolean {
  for (let k = 0; k < name.length; k++) if (b[at + k] !== name[k]) return false;
  return true;
}

/** The attribute's value read last, as text (undefined where absent). */
const attrText = (b: Uint8Array): string | undefined => (attr.found === 0 ? text.decode(b.subarray(attr.start, attr.end)) : undefined);

/** A cell reference's 1-based column ($ allowed, 1-3 letters, digits), as row-edit's cellCol; 0 when not one. */
function refColumn(b: Uint8Array, a: number, e: number): number {
  let i = a;
  if (b[i] === 36) i++;
  let col = 0;
  const lettersAt = i;
  while (i < e && ((b[i] >= 65 && b[i] <= 90) || (b[i] >= 97 && b[i] <= 122))) col = col * 26 + ((b[i++] | 32) - 96);
  if (i - lettersAt < 1 || i - lettersAt > 3) return 0;
  if (b[i] === 36) i++;
  const digitsAt = i;
  while (i < e && b[i] >= 48 && b[i] <= 57) i++;
  return i === e && i > digitsAt ? col : 0;
}

/** A row start tag's r attribute b[start, end) as digits only, else undefined (rowNumberAt in roster-patch reads it then). */
export function rowNumberFast(b: Uint8Array, start: number, end: number): number | undefined {
  if (!readTagAt(b, start + 1, end)) return undefined;
  if (readAttr(b, btag.nameEnd, btag.selfClosing ? btag.end - 2 : btag.end - 1, R) !== 0 || attr.end === attr.start || attr.end - attr.start > 7) return undefined;
  let n = 0;
  for (let i = attr.start; i < attr.end; i++) {
    const c = b[i];
    if (c < 48 || c > 57) return undefined;
    n = n * 10 + c - 48;
  }
  return n;
}

const R = ascii("r");
const S = ascii("s");
const SPANS = ascii("spans");
const CUSTOM = ascii("customFormat");

/**
 * The row element b[start, end) (start at its "<", end after its end tag) with the writes (sorted by column, one per
 * column) applied, as editRow gives it; undefined where editRow must do it.
 */
export function editRowBytes(b: Uint8Array, start: number, end: number, p: string, row: number, writes: readonly CellValueWrite[], colStyle: (col: number) => string | undefined): Uint8Array | undefined {
  if (!readTagAt(b, start + 1, end) || btag.selfClosing) return undefined;
  const rowNameEnd = btag.nameEnd;
  const rowTagEnd = btag.end;
  const innerEnd = b.lastIndexOf(60, end - 1);
  if (innerEnd < rowTagEnd) return undefined;
  // the row's cells: [start, end) and style attribute of each child element named c, in order
  const cols: number[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const styles: Array<string | undefined> = [];
  let depth = 0;
  let childStart = 0;
  let childIsCell = false;
  let prev = 0;
  for (let i = b.indexOf(60, rowTagEnd); i >= 0 && i < innerEnd; i = b.indexOf(60, i)) {
    const c1 = b[i + 1];
    if (c1 === 33 || c1 === 63) return undefined;
    const closing = c1 === 47;
    if (!readTagAt(b, closing ? i + 2 : i + 1, innerEnd)) return undefined;
    const tagEnd = btag.end;
    const selfClosing = !closing && btag.selfClosing;
    if (closing) {
      if (--depth < 0) return undefined;
      if (depth === 0 && childIsCell) ends.push(tagEnd);
    } else if (depth === 0) {
      childStart = i;
      childIsCell = btag.nameEnd - btag.localStart === 1 && b[btag.localStart] === 99;
      if (childIsCell) {
        const attrEnd = selfClosing ? tagEnd - 2 : tagEnd - 1;
        const nameEnd = btag.nameEnd;
        const r = readAttr(b, nameEnd, attrEnd, R);
        if (r === -2) return undefined;
        const col = (r === 0 ? refColumn(b, attr.start, attr.end) : 0) || prev + 1;
        if (readAttr(b, nameEnd, attrEnd, S) === -2) return undefined;
        cols.push(col);
        starts.push(childStart);
        styles.push(attrText(b));
        if (selfClosing) ends.push(tagEnd);
        prev = col;
      }
      if (!selfClosing) depth = 1;
    } else if (!selfClosing) depth++;
    i = tagEnd;
  }
  if (depth !== 0) return undefined;
  // the edits, in the row's order: a written cell replaced in place, a new one before the first cell right of it
  const at: number[] = [];
  const to: number[] = [];
  const xml: string[] = [];
  let rowStyle: string | undefined | null = null; // null: not read yet
  for (const w of writes) {
    const ref = `${columnLetter(w.col - 1)}${row}`;
    const k = cols.indexOf(w.col);
    if (k >= 0) {
      at.push(starts[k]);
      to.push(ends[k]);
      xml.push(inlineCell(p, ref, styles[k], w.value));
      continue;
    }
    if (w.value === "") continue;
    if (rowStyle === null) {
      // a new cell: the row's style where it has a custom format, else the column's; a spans hint is editRow's
      if (readAttr(b, rowNameEnd, rowTagEnd - 1, SPANS) !== -1) return undefined;
      if (readAttr(b, rowNameEnd, rowTagEnd - 1, S) === -2) return undefined;
      const s = attrText(b);
      if (readAttr(b, rowNameEnd, rowTagEnd - 1, CUSTOM) === -2) return undefined;
      const custom = attrText(b);
      rowStyle = s !== undefined && (custom === "1" || custom === "true") ? s : undefined;
    }
    let k2 = 0;
    while (k2 < cols.length && cols[k2] <= w.col) k2++; // the first cell right of it
    const pos = k2 < cols.length ? starts[k2] : innerEnd;
    at.push(pos);
    to.push(pos);
    xml.push(inlineCell(p, ref, rowStyle ?? colStyle(w.col), w.value));
  }
  return spliceBytes(b, start, end, at, to, xml);
}

/** b[start, end) with [at[i], to[i]) replaced by text[i] (non-overlapping; sorted by at here, stable). */
function spliceBytes(b: Uint8Array, start: number, end: number, at: number[], to: number[], text: string[]): Uint8Array {
  const order = at.map((_, i) => i).sort((x, y) => at[x] - at[y] || x - y);
  const pieces = order.map((i) => utf8.encode(text[i]));
  let size = end - start;
  for (let j = 0; j < order.length; j++) size += pieces[j].length - (to[order[j]] - at[order[j]]);
  const out = new Uint8Array(size);
  let o = 0;
  let from = start;
  for (let j = 0; j < order.length; j++) {
    const i = order[j];
    if (at[i] < from) throw new Error("overlapping XML edits");
    out.set(b.subarray(from, at[i]), o);
    o += at[i] - from;
    out.set(pieces[j], o);
    o += pieces[j].length;
    from = to[i];
  }
  out.set(b.subarray(from, end), o);
  return out;
}
