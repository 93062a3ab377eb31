// Cell writes inside one <row> element, on its UTF-8 bytes: what row-edit.ts's editRow does on the row's text, without
// decoding the row, parsing it into objects or building its new cells as strings (a fix writes into hundreds of
// thousands of rows). One pass over the row's tags finds its end and its cells; the edited row is then written into
// a buffer used again for the next row. Rows it does not cover (a comment, CDATA or a processing instruction inside,
// an entity in an attribute it reads, a self-closing row, a cell added to a row with a spans hint) are left to
// editRow: the caller falls back on it.
import { ascii, btag, readTagAt } from "../xlsx/byte-scan";
import { ByteBuf, cellEnd, cellMarkup, cellStart } from "./cell-bytes";
import type { CellValueWrite } from "./row-edit";

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
    if (!isXmlns(b, nameStart, nameEnd) && nameEnd - localStart === local.length && sameBytes(b, localStart, local)) {
      for (let k = p + 1; k < valEnd; k++) if (b[k] === 38) return (attr.found = -2);
      attr.start = p + 1;
      attr.end = valEnd;
      return (attr.found = 0);
    }
    p = valEnd + 1;
  }
  return attr.found;
}

const isXmlns = (b: Uint8Array, a: number, e: number): boolean =>
  e - a >= 5 && b[a] === 120 && b[a + 1] === 109 && b[a + 2] === 108 && b[a + 3] === 110 && b[a + 4] === 115 && (e - a === 5 || b[a + 5] === 58);

function sameBytes(b: Uint8Array, at: number, name: Uint8Array): boolean {
  for (let k = 0; k < name.length; k++) if (b[at + k] !== name[k]) return false;
  return true;
}

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

/** The row's end tag `</{p}row>` as bytes, for the last prefix asked. */
let closeOf = { p: "", bytes: ascii("</row>") };
export function rowClose(p: string): Uint8Array {
  if (closeOf.p !== p) closeOf = { p, bytes: ascii(`</${p}row>`) };
  return closeOf.bytes;
}

/** The last tag read by tagAt (as byte-scan's btag). */
const tag = { localStart: 0, nameEnd: 0, end: 0, selfClosing: false };

/**
 * byte-scan's readTagAt, false as well where the row's end tag `close` starts inside the tag: the row then ends
 * inside a tag (as the first `</row>` in the bytes, which is where the text editor cuts it), which editRow is left.
 */
function tagAt(b: Uint8Array, p: number, end: number, close: Uint8Array): boolean {
  let local = p;
  for (; p < end; p++) {
    const c = b[p];
    if (c === 58) local = p + 1;
    else if (c <= 32 || c === 47 || c === 62) break;
    else if (c === 60 && startsWith(b, p, end, close)) return false;
  }
  tag.localStart = local;
  tag.nameEnd = p;
  let quote = 0;
  for (; p < end; p++) {
    const c = b[p];
    if (c === 60 && startsWith(b, p, end, close)) return false;
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === 62) {
      tag.end = p + 1;
      tag.selfClosing = b[p - 1] === 47;
      return true;
    } else if (c === 34 || c === 39) quote = c;
  }
  return false;
}

const startsWith = (b: Uint8Array, at: number, end: number, pat: Uint8Array): boolean => at + pat.length <= end && sameBytes(b, at, pat);

// the row's cells as found (column, extent, s attribute), and its edits; kept for the next row
let cols: Int32Array = new Int32Array(64);
let starts: Int32Array = new Int32Array(64);
let ends: Int32Array = new Int32Array(64);
/** Where a cell's attributes are: its s is read only where the cell is written. */
let attrsAt: Int32Array = new Int32Array(64);
let attrsEnd: Int32Array = new Int32Array(64);
const grow = (a: Int32Array): Int32Array => {
  const next = new Int32Array(2 * a.length);
  next.set(a);
  return next;
};
let editAt: Int32Array = new Int32Array(16);
let editTo: Int32Array = new Int32Array(16);
let editOf: Int32Array = new Int32Array(16);
/** The replaced cell, -1 for a new cell (styled by editStyle); a replaced cell's s attribute ([editSAt, editSEnd), -1
 * where it has none) is the new cell's. */
let editCell: Int32Array = new Int32Array(16);
let editSAt: Int32Array = new Int32Array(16);
let editSEnd: Int32Array = new Int32Array(16);
const editStyle: Array<string | undefined> = [];
const buf = new ByteBuf();

/** The row written by editRowAt: bytes[0, length). Valid until the next call. */
export const editedRow = { bytes: buf.bytes, length: 0 };

/**
 * The row element whose start tag is at b[start] with the writes (sorted by column, one per column) applied, as
 * editRow gives it, into editedRow; says where the row ends (after its end tag), -1 where editRow must do it (the
 * caller finds the end as the first `</{p}row>`, as before) or 0 where the row's end tag is not before `limit`.
 */
export function editRowAt(b: Uint8Array, start: number, limit: number, p: string, row: number, writes: readonly CellValueWrite[], colStyle: (col: number) => string | undefined): number {
  if (!readTagAt(b, start + 1, limit)) return 0;
  if (btag.selfClosing) return -1;
  const rowNameEnd = btag.nameEnd;
  const rowTagEnd = btag.end;
  const close = rowClose(p);
  // the row's cells: [start, end) and style attribute of each child element named c, in order; the row's end
  let n = 0;
  let depth = 0;
  let isCell = false;
  let prev = 0;
  let rowEnd = 0;
  // a cell right of every write ends what the edits need: the rest of the row is only looked through for its end
  let lastCol = 0;
  for (let k = 0; k < writes.length; k++) if (writes[k].col > lastCol) lastCol = writes[k].col;
  let skim = true;
  for (let i = rowTagEnd; ; ) {
    while (i < limit && b[i] !== 60) i++; // the text between tags is short: a loop costs less than indexOf's call
    if (i >= limit) return 0;
    const c1 = b[i + 1];
    if (c1 === 33 || c1 === 63) return -1;
    if (c1 === 47) {
      if (b[i + 2] === close[2] && startsWith(b, i, limit, close)) {
        if (depth !== 0) return -1;
        rowEnd = i + close.length;
        break;
      }
      if (!tagAt(b, i + 2, limit, close)) return tagCut(b, i, limit, close);
      if (--depth < 0) return -1;
      if (depth === 0 && isCell) ends[n - 1] = tag.end;
      i = tag.end;
      continue;
    }
    if (!tagAt(b, i + 1, limit, close)) return tagCut(b, i, limit, close);
    const tagEnd = tag.end;
    const selfClosing = tag.selfClosing;
    if (depth === 0) {
      isCell = tag.nameEnd - tag.localStart === 1 && b[tag.localStart] === 99;
      if (isCell) {
        const attrEnd = selfClosing ? tagEnd - 2 : tagEnd - 1;
        let col = 0;
        const q = tag.nameEnd + 4;
        let e = q;
        if (b[q - 4] === 32 && b[q - 3] === 114 && b[q - 2] === 61 && b[q - 1] === 34) {
          // nearly every cell: r="F7" first, as readAttr finds it
          while (e < attrEnd && b[e] !== 34 && b[e] !== 38) e++;
          if (b[e] === 38 && e < attrEnd) return -1;
        }
        if (e > q && e < attrEnd) col = refColumn(b, q, e) || prev + 1;
        else {
          const r = readAttr(b, tag.nameEnd, attrEnd, R);
          if (r === -2) return -1;
          col = (r === 0 ? refColumn(b, attr.start, attr.end) : 0) || prev + 1;
        }
        if (n === cols.length) {
          cols = grow(cols);
          starts = grow(starts);
          ends = grow(ends);
          attrsAt = grow(attrsAt);
          attrsEnd = grow(attrsEnd);
        }
        cols[n] = col;
        starts[n] = i;
        attrsAt[n] = tag.nameEnd;
        attrsEnd[n] = attrEnd;
        if (selfClosing) ends[n] = tagEnd;
        n++;
        prev = col;
        if (col > lastCol && skim) {
          const r = restOfRow(b, tagEnd, limit, close, col);
          if (r !== UNSURE) {
            if (r <= 0) return r;
            rowEnd = r;
            break;
          }
          skim = false; // read on as before
        }
      }
      if (!selfClosing) depth = 1;
    } else if (!selfClosing) depth++;
    i = tagEnd;
  }
  const innerEnd = rowEnd - close.length;
  // the edits, in the writes' order: a written cell replaced in place, a new one before the first cell right of it
  let m = 0;
  let rowStyle: string | undefined | null = null; // null: not read yet
  for (let k = 0; k < writes.length; k++) {
    const w = writes[k];
    if (m === editAt.length) {
      editAt = grow(editAt);
      editTo = grow(editTo);
      editOf = grow(editOf);
      editCell = grow(editCell);
      editSAt = grow(editSAt);
      editSEnd = grow(editSEnd);
    }
    let j = 0;
    while (j < n && cols[j] !== w.col) j++;
    if (j < n) {
      // its style: its own s (an entity in it is editRow's, which decodes it)
      if (readAttr(b, attrsAt[j], attrsEnd[j], S) === -2) return -1;
      editAt[m] = starts[j];
      editSAt[m] = attr.found === 0 ? attr.start : -1;
      editSEnd[m] = attr.end;
      editTo[m] = ends[j];
      editOf[m] = k;
      editCell[m++] = j;
      continue;
    }
    if (w.value === "") continue;
    if (rowStyle === null) {
      // a new cell: the row's style where it has a custom format, else the column's; a spans hint is editRow's
      if (readAttr(b, rowNameEnd, rowTagEnd - 1, SPANS) !== -1) return -1;
      if (readAttr(b, rowNameEnd, rowTagEnd - 1, S) === -2) return -1;
      const s = attrText(b);
      if (readAttr(b, rowNameEnd, rowTagEnd - 1, CUSTOM) === -2) return -1;
      const custom = attrText(b);
      rowStyle = s !== undefined && (custom === "1" || custom === "true") ? s : undefined;
    }
    let k2 = 0;
    while (k2 < n && cols[k2] <= w.col) k2++; // the first cell right of it
    const pos = k2 < n ? starts[k2] : innerEnd;
    editAt[m] = pos;
    editTo[m] = pos;
    editOf[m] = k;
    editCell[m] = -1;
    editStyle[m++] = rowStyle ?? colStyle(w.col);
  }
  writeEdited(b, start, rowEnd, m, p, row, writes);
  return rowEnd;
}

const UNSURE = -3;

/**
 * The end of a row (after its end tag `close`) from `p`, just after the start tag of a cell of column `col` right of
 * every write: each `<` is looked at, not each tag read whole. -1 at a comment, CDATA or processing instruction (as
 * editRowAt), 0 where the end tag is not before `limit`, UNSURE where a cell after it is not plainly further right
 * (no r read at once, cells out of order, an element named c inside a cell): editRowAt then reads on tag by tag.
 * Unlike editRowAt, it does not check the nesting of what follows (well-formed XML nests).
 */
function restOfRow(b: Uint8Array, p: number, limit: number, close: Uint8Array, col: number): number {
  const c2 = close[2];
  for (let i = p; ; i++) {
    while (i < limit && b[i] !== 60) i++;
    if (i + 1 >= limit) return 0;
    const c1 = b[i + 1];
    if (c1 === 47) {
      if (b[i + 2] === c2 && startsWith(b, i, limit, close)) return i + close.length;
      continue;
    }
    if (c1 === 33 || c1 === 63) return -1;
    // a start tag: a cell's (local name c, any prefix) must name a column further right in its first attribute
    let q = i + 1;
    let local = q;
    for (; q < limit; q++) {
      const c = b[q];
      if (c === 58) local = q + 1;
      else if (c <= 32 || c === 47 || c === 62 || c === 60) break;
    }
    if (q - local !== 1 || b[local] !== 99) continue;
    if (q + 4 >= limit) return 0;
    if (b[q] !== 32 || b[q + 1] !== 114 || b[q + 2] !== 61 || b[q + 3] !== 34) return UNSURE;
    let e = q + 4;
    while (e < limit && b[e] !== 34 && b[e] !== 60) e++;
    if (e >= limit) return 0;
    const next = b[e] === 34 ? refColumn(b, q + 4, e) : 0;
    if (next <= col) return UNSURE;
    col = next;
    i = e;
  }
}

/** Where a tag is not read whole before `limit`: -1 where the row's end tag starts in it (editRow's), else 0. */
function tagCut(b: Uint8Array, i: number, limit: number, close: Uint8Array): number {
  for (let k = i + 1; k < limit; k++) if (b[k] === 60 && startsWith(b, k, limit, close)) return -1;
  return 0;
}

/** The attribute read last by readAttr, as text (undefined where absent). */
const attrText = (b: Uint8Array): string | undefined => (attr.found === 0 ? text.decode(b.subarray(attr.start, attr.end)) : undefined);

/** b[start, end) with the m edits applied (sorted by where they go, stably; they must not overlap), into editedRow. */
function writeEdited(b: Uint8Array, start: number, end: number, m: number, p: string, row: number, writes: readonly CellValueWrite[]): void {
  for (let i = 1; i < m; i++) {
    // insertion sort: a row has a few edits, nearly always in order already
    const at = editAt[i], to = editTo[i], of = editOf[i], cell = editCell[i], sa = editSAt[i], se = editSEnd[i], st = editStyle[i];
    let j = i - 1;
    while (j >= 0 && editAt[j] > at) {
      editAt[j + 1] = editAt[j];
      editTo[j + 1] = editTo[j];
      editOf[j + 1] = editOf[j];
      editCell[j + 1] = editCell[j];
      editSAt[j + 1] = editSAt[j];
      editSEnd[j + 1] = editSEnd[j];
      editStyle[j + 1] = editStyle[j];
      j--;
    }
    editAt[j + 1] = at;
    editTo[j + 1] = to;
    editOf[j + 1] = of;
    editCell[j + 1] = cell;
    editSAt[j + 1] = sa;
    editSEnd[j + 1] = se;
    editStyle[j + 1] = st;
  }
  const mk = cellMarkup(p);
  buf.length = 0;
  let from = start;
  for (let i = 0; i < m; i++) {
    const at = editAt[i];
    if (at < from) throw new Error("overlapping XML edits");
    buf.copy(b, from, at);
    const w = writes[editOf[i]];
    cellStart(buf, mk, w.col, row);
    const v = w.value;
    if (typeof v === "object") {
      // a date: the cell's style made into the date's (its s decoded), then the serial
      const a = editCell[i] >= 0 ? editSAt[i] : -2;
      const own = a === -2 ? editStyle[i] : a >= 0 ? text.decode(b.subarray(a, editSEnd[i])) : undefined;
      buf.copy(mk.style, 0, mk.style.length);
      buf.utf8(v.styleOf(own));
      cellEnd(buf, mk, v.serial);
      from = editTo[i];
      continue;
    }
    if (editCell[i] >= 0) {
      // the replaced cell's own s, copied as it is where ASCII (else decoded and encoded again, as editRow does)
      const a = editSAt[i];
      if (a >= 0) {
        const e = editSEnd[i];
        buf.copy(mk.style, 0, mk.style.length);
        if (isAscii(b, a, e)) buf.copy(b, a, e);
        else buf.utf8(text.decode(b.subarray(a, e)));
      }
    } else {
      const st = editStyle[i];
      if (st !== undefined) {
        buf.copy(mk.style, 0, mk.style.length);
        buf.utf8(st);
      }
    }
    cellEnd(buf, mk, v);
    from = editTo[i];
  }
  buf.copy(b, from, end);
  editedRow.bytes = buf.bytes;
  editedRow.length = buf.length;
}

function isAscii(b: Uint8Array, a: number, e: number): boolean {
  for (let i = a; i < e; i++) if (b[i] >= 0x80) return false;
  return true;
}

/**
 * The row element b[start, end) (start at its "<", end after its end tag) with the writes (sorted by column, one per
 * column) applied, as editRow gives it; undefined where editRow must do it.
 */
export function editRowBytes(b: Uint8Array, start: number, end: number, p: string, row: number, writes: readonly CellValueWrite[], colStyle: (col: number) => string | undefined): Uint8Array | undefined {
  return editRowAt(b, start, end, p, row, writes, colStyle) === end ? editedRow.bytes.slice(0, editedRow.length) : undefined;
}
