// Streams one worksheet part: inflate into one growing buffer, feeding the byte scanner as data arrives and
// stopping as soon as it is done (end of sheetData, or maxRows reached).
import { decodeXml, type PartInflater } from "./inflate";
import { type SheetScanContext, SheetScanner } from "./sheet-scan";
import type { ZipEntry } from "./zip";

const LT = 60;
const PEEK_START = 256 * 1024;
const MIN_FEED = 16 * 1024;

export interface ScannedSheet {
  readonly scanner: SheetScanner;
  /** The part's XML after </sheetData> (dataValidations, extLst ...), on a full read; "" otherwise. */
  readonly tail: string;
}

/** Longest tail kept for its dropdown lists: a tail is page setup, formats and validations, rarely over a few KB. */
const MAX_TAIL = 8 * 1024 * 1024;

export function scanSheetPart(inflater: PartInflater, entry: ZipEntry, ctx: SheetScanContext): ScannedSheet {
  const scanner = new SheetScanner(ctx);
  // A full read gets the declared size at once; a peek grows as needed. One spare byte holds the "<" sentinel.
  let buf = new Uint8Array((ctx.maxRows === Infinity ? entry.size : Math.min(entry.size, PEEK_START)) + 1);
  let at = 0;
  let utf16 = false;
  let fedTo = 0;
  inflater.stream(entry, (chunk) => {
    if (at === 0 && chunk.length >= 2 && ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff))) utf16 = true;
    if (at + chunk.length + 1 > buf.length) {
      const grown = new Uint8Array(Math.min(entry.size, Math.max(buf.length * 2, at + chunk.length)) + 1);
      grown.set(buf.subarray(0, at));
      buf = grown;
    }
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
  return { scanner, tail };
}
