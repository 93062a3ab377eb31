// Streams one worksheet part through a window: inflate into a buffer that holds only what the scanner has not yet
// scanned, feeding the byte scanner as data arrives and stopping as soon as it is done (end of sheetData, or maxRows
// reached). Memory is the window (a few inflated chunks, or one element however long), not the part: a sheet of
// Excel's 1,048,576 rows inflates to more than 600 MB.
import { decodeXml, type PartInflater } from "./inflate";
import { type SheetScanContext, SheetScanner } from "./sheet-scan";
import type { ZipEntry } from "./zip";

const LT = 60;
/** The window's first size; it grows when one chunk, or one element, needs more. */
export const WINDOW_START = 4 * 1024 * 1024;
const PEEK_START = 256 * 1024;
const MIN_FEED = 16 * 1024;

export interface ScannedSheet {
  readonly scanner: SheetScanner;
  /** The part's XML after </sheetData> (dataValidations, extLst ...), on a full read; "" otherwise. */
  readonly tail: string;
  /** The largest the window grew (bytes): about the inflated chunks' size, whatever the part's. */
  readonly window: number;
}

/** Longest tail kept for its dropdown lists: a tail is page setup, formats and validations, rarely over a few KB. */
const MAX_TAIL = 8 * 1024 * 1024;

export function scanSheetPart(inflater: PartInflater, entry: ZipEntry, ctx: SheetScanContext, windowStart = WINDOW_START): ScannedSheet {
  const scanner = new SheetScanner(ctx);
  // One spare byte holds the "<" sentinel.
  let buf = new Uint8Array(Math.min(entry.size, ctx.maxRows === Infinity ? windowStart : Math.min(windowStart, PEEK_START)) + 1);
  let widest = buf.length;
  let at = 0;
  let utf16 = false;
  let first = true;
  let fedTo = 0;
  /** Makes room for `more` bytes after `at`: drops what the scanner has scanned, growing only when what is left needs it. */
  const room = (more: number): void => {
    if (at + more + 1 <= buf.length) return;
    const from = utf16 ? 0 : scanner.pos; // UTF-16 (rare) is decoded whole below
    const keep = at - from;
    if (from > 0 && keep + more + 1 <= buf.length && from >= keep) {
      buf.copyWithin(0, from, at);
    } else {
      const grown = new Uint8Array(Math.max(buf.length * 2, keep + more + 1));
      grown.set(buf.subarray(from, at));
      buf = grown;
      widest = Math.max(widest, buf.length);
    }
    at = keep;
    fedTo -= from;
    if (from > 0) scanner.rebase(from);
  };
  inflater.stream(entry, (chunk) => {
    if (first && chunk.length >= 2 && ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff))) utf16 = true;
    first = false;
    room(chunk.length);
    buf.set(chunk, at);
    at += chunk.length;
    buf[at] = LT;
    if (utf16) return true; // rare: decoded and re-encoded as UTF-8 below
    // A full read goes on to the end of the part, whose tail holds the dropdown lists.
    if (scanner.done) return ctx.maxRows === Infinity && at - scanner.pos < MAX_TAIL;
    // An element cut off at the end of the data is scanned again with the next feed. Feeding only once the new data
    // is at least as long as that pending tail keeps the total scanning under twice the part's size, however long
    // one element is (a huge comment or cell); a peek still stops within a chunk or two of its last row.
    if (at - fedTo < Math.max(MIN_FEED, fedTo - scanner.pos)) return true;
    fedTo = at;
    scanner.feed(buf, at);
    return !scanner.done || (ctx.maxRows === Infinity && at - scanner.pos < MAX_TAIL);
  });
  if (!utf16 && !scanner.done && fedTo < at) scanner.feed(buf, at);
  if (utf16) {
    const limit = inflater.limits.maxTextBytes;
    if (at > limit) ctx.fail("partTextTooBig", { part: entry.name, size: at, limit }); // decoded as one string below
    const utf8 = new TextEncoder().encode(decodeXml(buf.subarray(0, at)));
    const b = new Uint8Array(utf8.length + 1);
    b.set(utf8);
    b[utf8.length] = LT;
    scanner.feed(b, utf8.length);
  }
  if (scanner.phase === 1) ctx.fail("sheetEndsInside", { part: entry.name });
  const tail = ctx.maxRows === Infinity && !utf16 && scanner.done ? decodeXml(buf.subarray(scanner.pos, Math.min(at, scanner.pos + MAX_TAIL))) : "";
  return { scanner, tail, window: widest };
}
