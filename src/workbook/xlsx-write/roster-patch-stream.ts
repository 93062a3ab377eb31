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
  const more = (): boolean => {
    if (ended) return false;
    const n = it.next();
    if (n.done) {
      ended = true;
      return false;
    }
    win = concat(win, n.value);
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
  let closeAt = indexOfClose(win, close, 0, win.length);
  const refill = (): boolean => {
    // what is scanned is passed on; the window keeps the rest, and enough of its end to find </sheetData> cut there
    const keep = Math.max(walk.pos, Math.min(walk.search, win.length - close.length + 1));
    out.view(win.subarray(walk.pos, keep));
    win = win.subarray(keep);
    walk.search -= keep;
    walk.pos = 0;
    // what the window kept was searched for </sheetData> already (but for its last bytes, where one may start)
    const searched = Math.max(0, win.length - close.length + 1);
    if (!more()) return false;
    closeAt = indexOfClose(win, close, searched, win.length);
    return true;
  };
  for (;;) {
    const limit = closeAt < 0 ? win.length : closeAt;
    if (wi === rows.length) {
      if (closeAt >= 0) break;
      walk.search = win.length;
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
      if (closeAt < 0) {
        walk.search = Math.max(walk.search, q < 0 ? win.length - rowPat.length : q);
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
