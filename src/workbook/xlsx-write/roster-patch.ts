// Patching a user's worksheet (60 MB for 100,000 rows) without parsing it: the bytes are cut at <sheetData>'s
// ends; conditional formats are edited in the small tail after it, cell writes in the rows they touch (found by
// scanning for "<row" only), in one pass over the sorted writes. Everything else is passed through as slices.
import { columnIndex, columnLetter } from "../../domain/grid";
import { ascii, btag, indexOfBytes, readTagAt } from "../xlsx/byte-scan";
import { decodeXml } from "../xlsx/inflate";
import { XmlCursor } from "../xlsx/xml-scan";
import { type CellValueWrite, editRow, newRowXml } from "./row-edit";
import { editedRow, editRowAt, rowClose, rowNumberFast } from "./row-edit-bytes";
import { ChunkOut } from "./chunk-out";
import { asUtf8Declaration, childrenIn, findElement, setAttr } from "./xml-edit";
import { insertConditionalFormats, removeMarkedFormats } from "./worksheet-tail";

export interface RowWrites {
  readonly row: number;
  /** Sorted by column, one per column. */
  readonly cells: readonly CellValueWrite[];
}

export interface RosterPatch {
  /** Take out conditional formats whose formulas hold this mark (our flags), if set. */
  readonly removeMark?: string;
  /** Conditional formats to insert at top priority, given the sheet's namespace prefix ("" for none). */
  readonly formats: (prefix: string) => string;
  /** Sorted by row. */
  readonly writes: readonly RowWrites[];
}

const utf8 = new TextEncoder();
const dec = new TextDecoder("utf-8", { ignoreBOM: true });

function lastIndexOfBytes(b: Uint8Array, pat: Uint8Array, from: number): number {
  const first = pat[0];
  for (let i = Math.min(from, b.length - pat.length); i >= 0; i--) {
    if (b[i] !== first) continue;
    let k = 1;
    while (k < pat.length && b[i + k] === pat[k]) k++;
    if (k === pat.length) return i;
  }
  return -1;
}

/** The root element's namespace prefix ("" or "x:"), read from the bytes. */
export function rootPrefix(b: Uint8Array): string {
  let i = 0;
  for (;;) {
    i = b.indexOf(60, i);
    if (i < 0) return "";
    const c = b[i + 1];
    if (c === 63 || c === 33) {
      i = b.indexOf(62, i + 1);
      if (i < 0) return "";
      continue;
    }
    let e = i + 1;
    while (e < b.length && b[e] > 32 && b[e] !== 62 && b[e] !== 47) e++;
    const name = dec.decode(b.subarray(i + 1, e));
    const colon = name.indexOf(":");
    return colon < 0 ? "" : name.slice(0, colon + 1);
  }
}

/** The first `<{p}name` tag (followed by space, > or /) at or after `from`, or -1. */
export function findTag(b: Uint8Array, pat: Uint8Array, from: number, end: number): number {
  for (let i = indexOfBytes(b, pat, from, end); i >= 0; i = indexOfBytes(b, pat, i + 1, end)) {
    const c = b[i + pat.length];
    if (c === 32 || c === 62 || c === 47 || c === 9 || c === 10 || c === 13) return i;
  }
  return -1;
}

export interface SheetSplit {
  readonly prefix: string;
  /** Start of the <sheetData> tag, end of that tag, start of </sheetData> (= tagEnd when self-closing), tail start. */
  readonly dataTag: number;
  readonly dataStart: number;
  readonly dataEnd: number;
  readonly tailStart: number;
  readonly selfClosing: boolean;
}

/** Finds <sheetData>'s extent in the bytes; undefined when the part has none. */
export function splitSheet(b: Uint8Array): SheetSplit | undefined {
  const prefix = rootPrefix(b);
  const tagAt = findTag(b, ascii(`<${prefix}sheetData`), 0, b.length);
  if (tagAt < 0) return undefined;
  if (!readTagAt(b, tagAt + 1, b.length)) return undefined;
  const tagEnd = btag.end;
  if (btag.selfClosing) return { prefix, dataTag: tagAt, dataStart: tagEnd, dataEnd: tagEnd, tailStart: tagEnd, selfClosing: true };
  const close = ascii(`</${prefix}sheetData>`);
  const closeAt = lastIndexOfBytes(b, close, b.length);
  if (closeAt < tagEnd) return undefined;
  return { prefix, dataTag: tagAt, dataStart: tagEnd, dataEnd: closeAt, tailStart: closeAt + close.length, selfClosing: false };
}

/** The worksheet as UTF-8 bytes (UTF-16 parts are re-encoded, their declaration with them). */
export function asUtf8(b: Uint8Array): Uint8Array {
  const utf16 = b.length >= 2 && ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff));
  return utf16 ? utf8.encode(asUtf8Declaration(decodeXml(b))) : b;
}

/** Column styles from <cols> (col -> style index), for cells we add where the row sets none. */
export function columnStyles(head: string): (col: number) => string | undefined {
  const cols = findElement(head, "cols");
  if (cols === undefined) return () => undefined;
  const list: Array<[number, number, string]> = [];
  for (const c of childrenIn(head, cols.innerStart, cols.innerEnd)) {
    const cur = new XmlCursor(head, c.start);
    cur.next();
    const style = cur.attr("style");
    if (style !== undefined && style !== "0") list.push([Number(cur.attr("min")), Number(cur.attr("max")), style]);
  }
  return (col) => list.find(([a, z]) => col >= a && col <= z)?.[2];
}

/** Widens <dimension ref> to cover the cells we add. */
export function widenDimension(head: string, rows: readonly RowWrites[]): string {
  const dim = findElement(head, "dimension");
  if (dim === undefined) return head;
  const cur = new XmlCursor(head, dim.start);
  cur.next();
  const ref = cur.attr("ref") ?? "";
  const m = /^([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?$/.exec(ref.toUpperCase());
  if (!m) return head;
  let c1 = columnIndex(m[1]) + 1;
  let r1 = Number(m[2]);
  let c2 = m[3] ? columnIndex(m[3]) + 1 : c1;
  let r2 = m[4] ? Number(m[4]) : r1;
  for (const w of rows) {
    for (const c of w.cells) {
      if (c.value === "") continue;
      r1 = Math.min(r1, w.row);
      r2 = Math.max(r2, w.row);
      c1 = Math.min(c1, c.col);
      c2 = Math.max(c2, c.col);
    }
  }
  const next = r1 === r2 && c1 === c2 ? `${columnLetter(c1 - 1)}${r1}` : `${columnLetter(c1 - 1)}${r1}:${columnLetter(c2 - 1)}${r2}`;
  if (next === ref) return head;
  const raw = head.slice(dim.start, dim.end);
  return head.slice(0, dim.start) + setAttr(raw, "ref", next) + head.slice(dim.end);
}

/** Row number from a row start tag's r attribute, or undefined. */
export function rowNumber(b: Uint8Array, start: number, end: number): number | undefined {
  const fast = rowNumberFast(b, start, end);
  if (fast !== undefined) return fast;
  const cur = new XmlCursor(dec.decode(b.subarray(start, end)));
  cur.next();
  const r = cur.attr("r");
  return r === undefined ? undefined : Number(r);
}

/** How near a bisection comes before the rows are walked tag by tag. */
const NEAR = 1 << 16;
/** Rows between the walk and an edited row below which the walk goes on without a search. */
const GAP = 32;

/**
 * The end of a row start tag numbered below `row`, as far into b[from, end) as a search finds within NEAR bytes of
 * where `row` is (or would go), with that row's number; undefined when it gets no nearer than `from`. A worksheet's
 * rows are in ascending order (ECMA-376 Part 1, 18.3.1.73 row: r "the row index"; Excel repairs a file whose rows go
 * back), so every row before a row numbered n is numbered below n. It stops at the first row tag without a plain `r`
 * (the walk then numbers rows as the reader does). The walk over every row to reach a few edited ones was most of
 * the patch's time on a 100,000-row sheet with 450 writes. The search gallops out from `from` (NEAR, 2 NEAR, 4 NEAR..)
 * before it bisects: edits on nearly every row (a fix of every date) each cost one probe, not a bisection of the
 * whole rest of the sheet (1.1 s of a 100,000-row fix with 299,121 writes).
 */
export function rowsBefore(b: Uint8Array, rowPat: Uint8Array, from: number, end: number, row: number): { at: number; row: number } | undefined {
  let lo = from;
  let hi = end;
  let best: { at: number; row: number } | undefined;
  /** The row tag at or after `mid` (before hi): "above" when it is numbered row or more (or there is none), "stop"
   * when it has no plain r, else "below" (lo and best move past it). */
  const probe = (mid: number): "above" | "below" | "stop" => {
    const q = findTag(b, rowPat, mid, hi);
    if (q < 0) return "above";
    const n = rowNumberFast(b, q, end);
    if (n === undefined) return "stop";
    if (n >= row) return "above";
    lo = btag.end;
    best = { at: lo, row: n };
    return "below";
  };
  for (let step = NEAR; hi - lo > step; step *= 2) {
    const mid = lo + step;
    const seen = probe(mid);
    if (seen === "stop") return best;
    if (seen === "above") {
      hi = mid; // no row tag numbered below `row` starts in [mid, end): the row, or its place, is before mid or at q
      break;
    }
  }
  while (hi - lo > NEAR) {
    const mid = lo + Math.floor((hi - lo) / 2);
    const seen = probe(mid);
    if (seen === "stop") return best;
    if (seen === "above") hi = mid;
  }
  return best;
}

/** Moves the walk past the rows below `row` found by rowsBefore in b[walk.search, end), where `row` is more than GAP
 * rows on (a row nearer is walked to: rows ascend, so at most GAP row tags stand before it). */
export function searchAhead(b: Uint8Array, rowPat: Uint8Array, walk: RowWalk, end: number, row: number): void {
  if (row - walk.prevRow <= GAP) return;
  const near = rowsBefore(b, rowPat, walk.search, end, row);
  if (near !== undefined) {
    walk.search = near.at;
    walk.prevRow = near.row;
  }
}

/** Where a walk through a sheet's rows stands: its bytes passed on up to `pos`, looked at up to `search`, the number
 * of the last row met (a row without r is the one after it, as the reader numbers it). */
export interface RowWalk {
  pos: number;
  search: number;
  prevRow: number;
}

/** Write w's row made as a new row at `at` (where the first row numbered above it starts, or </sheetData>). */
export function newRowAt(b: Uint8Array, at: number, w: RowWrites, walk: RowWalk, out: ChunkOut, p: string, colStyle: (col: number) => string | undefined): void {
  const xml = newRowXml(p, w.row, w.cells, colStyle);
  if (xml) {
    out.view(b.subarray(walk.pos, at));
    out.text(xml);
    walk.pos = at;
  }
  walk.search = at;
}

/**
 * The row whose start tag is at q (just read by readTagAt: btag holds it), met while looking for write w's row:
 * "below" (a row above w's, walked past), "done" (w's row made before it, or this row edited, into out) or "cut"
 * (its end tag is not in b before limit; thrown unless `more` says the bytes go on).
 */
export function meetRow(b: Uint8Array, q: number, limit: number, more: boolean, w: RowWrites, walk: RowWalk, out: ChunkOut, p: string, colStyle: (col: number) => string | undefined): "below" | "done" | "cut" {
  const tagEnd = btag.end;
  const selfClosing = btag.selfClosing;
  const n = rowNumber(b, q, tagEnd) ?? walk.prevRow + 1;
  if (n < w.row) {
    walk.prevRow = n;
    walk.search = tagEnd;
    return "below";
  }
  if (n > w.row) {
    newRowAt(b, q, w, walk, out, p, colStyle);
    return "done";
  }
  // the row edited on its bytes where it can be, found to its end as it is read; else by its text
  let rowEnd = selfClosing ? -1 : editRowAt(b, q, limit, p, n, w.cells, colStyle);
  if (rowEnd === 0) {
    if (more) return "cut";
    throw new Error(`worksheet row ${n} has no end tag`);
  }
  if (rowEnd > 0) {
    out.view(b.subarray(walk.pos, q));
    out.copy(editedRow.bytes.subarray(0, editedRow.length));
  } else {
    rowEnd = tagEnd;
    if (!selfClosing) {
      const close = rowClose(p);
      const c = indexOfBytes(b, close, tagEnd, limit);
      if (c < 0) {
        if (more) return "cut";
        throw new Error(`worksheet row ${n} has no end tag`);
      }
      rowEnd = c + close.length;
    }
    out.view(b.subarray(walk.pos, q));
    out.text(editRow(dec.decode(b.subarray(q, rowEnd)), p, n, w.cells, colStyle));
  }
  walk.pos = walk.search = rowEnd;
  walk.prevRow = n;
  return "done";
}

/** Applies cell writes to the sheetData content b[from, to): chunks of the new content, handed out as they are made. */
function* writeCells(b: Uint8Array, s: SheetSplit, rows: readonly RowWrites[], colStyle: (col: number) => string | undefined): Generator<Uint8Array> {
  const p = s.prefix;
  const rowPat = ascii(`<${p}row`);
  const out = new ChunkOut();
  const walk: RowWalk = { pos: s.dataStart, search: s.dataStart, prevRow: 0 };
  for (const w of rows) {
    searchAhead(b, rowPat, walk, s.dataEnd, w.row);
    for (;;) {
      const q = findTag(b, rowPat, walk.search, s.dataEnd);
      if (q < 0) {
        newRowAt(b, s.dataEnd, w, walk, out, p, colStyle);
        break;
      }
      if (!readTagAt(b, q + 1, s.dataEnd)) throw new Error("worksheet row tag is cut short");
      if (meetRow(b, q, s.dataEnd, false, w, walk, out, p, colStyle) === "done") break;
    }
    if (out.chunks.length > 0) yield* out.takeDone();
  }
  out.view(b.subarray(walk.pos, s.dataEnd));
  yield* out.finish();
}

/**
 * The patched worksheet as chunks, or undefined when nothing changes (the part is then copied raw).
 * `bytes` is the inflated part; throws when it has no sheetData.
 */
export function patchWorksheet(bytes: Uint8Array, patch: RosterPatch): Uint8Array[] | undefined {
  const chunks = patchedChunks(bytes, patch);
  if (chunks === undefined) return undefined;
  const out: Uint8Array[] = [];
  for (const c of chunks) out.push(c); // one by one: a spread of a chunk per row would overflow the stack
  return out;
}

/**
 * patchWorksheet's chunks as they are made: the rows' edits are gathered while the writer deflates what comes before
 * them, never held whole beside the part (a fix of every row copies nearly all of it). The part is split, its tail
 * patched and its head read first (throwing as patchWorksheet does); the chunks may be taken once.
 */
export function patchedChunks(bytes: Uint8Array, patch: RosterPatch): Iterable<Uint8Array> | undefined {
  const b = asUtf8(bytes);
  const s = splitSheet(b);
  if (s === undefined) throw new Error("the worksheet has no <sheetData>");
  const tail0 = dec.decode(b.subarray(s.tailStart));
  const tail = newTail(tail0, patch, s.prefix);
  const hasWrites = patch.writes.some((w) => w.cells.length > 0);
  if (!hasWrites && tail === tail0 && b === bytes) return undefined;
  const last = tail === tail0 ? b.subarray(s.tailStart) : utf8.encode(tail);
  if (!hasWrites) return [b.subarray(0, s.tailStart), last];
  const head0 = dec.decode(b.subarray(0, s.dataTag));
  const head = widenDimension(head0, patch.writes);
  const colStyle = columnStyles(head0);
  const first = head === head0 ? b.subarray(0, s.dataTag) : utf8.encode(head);
  return (function* () {
    yield first;
    if (s.selfClosing) {
      const body = [...writeCells(b, s, patch.writes, colStyle)];
      const added = body.some((c) => c.length > 0);
      yield added ? utf8.encode(`<${s.prefix}sheetData>`) : b.subarray(s.dataTag, s.dataStart);
      yield* body;
      if (added) yield utf8.encode(`</${s.prefix}sheetData>`);
    } else {
      yield b.subarray(s.dataTag, s.dataStart);
      yield* writeCells(b, s, patch.writes, colStyle);
      yield b.subarray(s.dataEnd, s.tailStart);
    }
    yield last;
  })();
}

/** The worksheet's tail (after </sheetData>) with our old conditional formats out and the new ones in. */
export function newTail(tail0: string, patch: Omit<RosterPatch, "writes">, prefix: string): string {
  const tail = patch.removeMark === undefined ? tail0 : removeMarkedFormats(tail0, patch.removeMark);
  return insertConditionalFormats(tail, patch.formats(prefix));
}

/** A large worksheet's first and last bytes (the middle streamed past, package.ts partEnds). */
export interface SheetEnds {
  readonly head: Uint8Array;
  readonly tail: Uint8Array;
  /** Offset of tail[0] in the part. */
  readonly tailAt: number;
  readonly size: number;
}

/**
 * patchWorksheet without cell writes, from the sheet's ends: the part's bytes [0, keep) then `tail`; undefined when
 * nothing changes; "whole" when the ends do not hold what the patch needs (UTF-16, no <sheetData> start in the
 * head or no end in the tail): the caller then patches the whole part.
 */
export function patchSheetEnds(ends: SheetEnds, patch: Omit<RosterPatch, "writes">): { keep: number; tail: Uint8Array } | undefined | "whole" {
  const { head, tail: t } = ends;
  if (asUtf8(head) !== head) return "whole";
  const prefix = rootPrefix(head);
  const tagAt = findTag(head, ascii(`<${prefix}sheetData`), 0, head.length);
  if (tagAt < 0 || !readTagAt(head, tagAt + 1, head.length) || btag.selfClosing) return "whole";
  const dataStart = btag.end;
  const close = ascii(`</${prefix}sheetData>`);
  const closeAt = lastIndexOfBytes(t, close, t.length);
  if (closeAt < 0 || ends.tailAt + closeAt < dataStart) return "whole";
  const tail0 = dec.decode(t.subarray(closeAt + close.length));
  const tail = newTail(tail0, patch, prefix);
  if (tail === tail0) return undefined;
  return { keep: ends.tailAt + closeAt + close.length, tail: utf8.encode(tail) };
}
