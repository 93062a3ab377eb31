// patchWorksheet for a sheet too large to hold whole (a fix on 1,048,575 rows: 669 MB of XML): the same edits made
// as the part's inflated bytes stream by, holding one window of them (what is not yet passed on: at most a row or a
// tag cut at a chunk's end, the head before <sheetData>, the tail after it). A sheet it cannot take so (UTF-16, a
// self-closing or missing <sheetData>, a head over 64 MiB) is gathered whole and patched by patchWorksheet.
import { ascii, btag, readTagAt } from "../xlsx/byte-scan";
import { ChunkOut } from "./chunk-out";
import { columnStyles, findTag, meetRow, newRowAt, newTail, patchWorksheet, rootPrefix, type RosterPatch, type RowWalk, searchAhead, widenDimension } from "./roster-patch";

const dec = new TextDecoder("utf-8", { ignoreBOM: true });
const utf8 = new TextEncoder();
/** The head (before <sheetData>'s start tag ends) is looked for in this much; a prefix read from less than this. */
const HEAD_MAX = 64 << 20;
const PREFIX_AFTER = 64 << 10;
/** How much of a chunk a window's unscanned end is joined to (see more()). */
const BRIDGE = 64 << 10;

/** The first `</{p}sheetData>` (pat) in b[from, end), or -1: found by the native search for its "D" (a row's bytes have
 * few; indexOfBytes stops at every "<"), every hit then compared whole. */
function indexOfClose(b: Uint8Array, pat: Uint8Array, from: number, end: number): number {
  const k = pat.length - 5;
  for (let i = b.indexOf(pat[k], from + k); i >= 0 && i + pat.length - k <= end; i = b.indexOf(pat[k], i + 1)) {
    let same = true;
    for (let j = 0; j < pat.length && same; j++) same = b[i - k + j] === pat[j];
    if (same) return i - k;
  }
  return -1;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

/** The patched worksheet's chunks, from the part's inflated chunks (consumed once). Only for writes (patch.writes
 * holding cells): the caller patches a sheet without writes by patchSheetEnds or patchWorksheet. */
export function* patchWorksheetStream(chunks: Iterable<Uint8Array>, patch: RosterPatch): Generator<Uint8Array> {
  const it = chunks[Symbol.iterator]();
  let win: Uint8Array = new Uint8Array(0);
  let ended = false;
  // A window's unscanned end (a row cut at the chunk's end) goes on with a copy of only the next chunk's first
  // BRIDGE bytes; the rest of that chunk waits here. Once that bridge is scanned, what is left of it (no longer than
  // the chunk's bytes it copied) is the chunk's own bytes just before the rest: the window goes on as a view of the
  // chunk, not a copy (a copy of every 8 MiB chunk, each held across collections, cost a full collection every few).
  let rest: Uint8Array | undefined;
  const more = (): boolean => {
    if (rest !== undefined) {
      const r = rest;
      rest = undefined;
      win = win.length <= BRIDGE ? new Uint8Array(r.buffer, r.byteOffset - win.length, win.length + r.length) : concat(win, r);
      return true;
    }
    if (ended) return false;
    const n = it.next();
    if (n.done) {
      ended = true;
      return false;
    }
    const c = n.value;
    if (win.length > 0 && c.length > 2 * BRIDGE) {
      rest = c.subarray(BRIDGE);
      win = concat(win, c.subarray(0, BRIDGE));
    } else win = concat(win, c);
    return true;
  };
  const whole = function* (): Generator<Uint8Array> {
    while (more());
    yield* patchWorksheet(win, patch) ?? [win];
  };

  // the head: the root's prefix, <sheetData>'s start tag whole
  while (win.length < PREFIX_AFTER && more());
  if (win.length >= 2 && ((win[0] === 0xff && win[1] === 0xfe) || (win[0] === 0xfe && win[1] === 0xff))) return yield* whole();
  const p = rootPrefix(win);
  const dataPat = ascii(`<${p}sheetData`);
  let dataTag = findTag(win, dataPat, 0, win.length);
  while ((dataTag < 0 || !readTagAt(win, dataTag + 1, win.length)) && win.length < HEAD_MAX && more()) dataTag = findTag(win, dataPat, 0, win.length);
  if (dataTag < 0 || !readTagAt(win, dataTag + 1, win.length) || btag.selfClosing) return yield* whole();
  const dataStart = btag.end;
  const head0 = dec.decode(win.subarray(0, dataTag));
  const head = widenDimension(head0, patch.writes);
  const colStyle = columnStyles(head0);
  yield head === head0 ? win.subarray(0, dataTag) : utf8.encode(head);
  yield win.subarray(dataTag, dataStart);
  win = win.subarray(dataStart);

  // the rows, as roster-patch's writeCells edits them, a window at a time
  const rowPat = ascii(`<${p}row`);
  const close = ascii(`</${p}sheetData>`);
  const out = new ChunkOut();
  const rows = patch.writes;
  let wi = 0;
  const walk: RowWalk = { pos: 0, search: 0, prevRow: 0 };
  // </sheetData> is looked for only where the rows run out (no row tag left in the window, or no write left), and only
  // past the walk: rows stand only inside <sheetData>, so the rows walked need not be searched for it (a search of
  // every window cost about as much as the rows' edits of a sheet with few). The walk never passes where it may start.
  let closeAt = -1;
  let searched = 0;
  const findClose = (): void => {
    closeAt = indexOfClose(win, close, Math.max(0, walk.search, searched - close.length + 1), win.length);
    searched = win.length;
  };
  const refill = (): boolean => {
    // what is scanned is passed on; the window keeps the rest, and enough of its end to find </sheetData> cut there
    const keep = Math.max(walk.pos, Math.min(walk.search, win.length - close.length + 1));
    out.view(win.subarray(walk.pos, keep));
    win = win.subarray(keep);
    walk.search -= keep;
    walk.pos = 0;
    searched = Math.max(0, searched - keep);
    return more();
  };
  for (;;) {
    const limit = closeAt < 0 ? win.length : closeAt;
    if (wi === rows.length) {
      if (closeAt < 0) findClose();
      if (closeAt >= 0) break;
      walk.search = Math.max(walk.search, win.length - close.length + 1); // the walk stays before where </sheetData> may start
      if (!refill()) throw new Error("the worksheet's <sheetData> has no end");
      yield* out.take();
      continue;
    }
    const w = rows[wi];
    // a row far on is searched for within the window, as writeCells does: scattered edits of a sheet of a million rows
    // otherwise walk every row tag of it
    searchAhead(win, rowPat, walk, limit, w.row);
    const q = findTag(win, rowPat, walk.search, limit);
    if (q < 0 || !readTagAt(win, q + 1, limit)) {
      if (closeAt < 0 && searched < win.length) {
        findClose();
        continue;
      }
      if (closeAt < 0) {
        walk.search = Math.max(walk.search, q < 0 ? win.length - close.length + 1 : q); // no row tag (or </sheetData>) starts before
        if (!refill()) throw new Error("the worksheet's <sheetData> has no end");
        yield* out.take();
        continue;
      }
      if (q >= 0) throw new Error("worksheet row tag is cut short");
      newRowAt(win, limit, w, walk, out, p, colStyle);
      wi++;
      continue;
    }
    const met = meetRow(win, q, limit, closeAt < 0, w, walk, out, p, colStyle);
    if (met === "done") wi++;
    else if (met === "cut" && closeAt < 0 && searched < win.length) findClose(); // the row may end at </sheetData>: say so
    else if (met === "cut") {
      walk.search = q;
      if (!refill()) throw new Error("the worksheet's <sheetData> has no end");
      yield* out.take();
    }
  }
  out.view(win.subarray(walk.pos, closeAt));
  yield* out.take();

  // the tail: </sheetData> and what follows, our conditional formats out and in
  const tailStart = closeAt + close.length;
  yield win.subarray(closeAt, tailStart);
  win = win.subarray(tailStart);
  while (more());
  const tail0 = dec.decode(win);
  const tail = newTail(tail0, patch, p);
  yield tail === tail0 ? win : utf8.encode(tail);
}
