// Streams one worksheet part through a window: inflate into a buffer that holds only what the scanner has not yet
// scanned, feeding the byte scanner as data arrives and stopping as soon as it is done (end of sheetData, or maxRows
// reached). Memory is the window (a few inflated chunks, or one element however long), not the part: a sheet of
// Excel's 1,048,576 rows inflates to more than 600 MB.
import { decodeXml, type PartInflater } from "./inflate";
import { findSheetData } from "./sheet-prolog";
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
  /** What a writer needs to keep the part's compressed start, on a full read of a deflated UTF-8 part. */
  readonly ends?: SheetPartEnds;
}

/**
 * A deflated worksheet part read in full, as noted while it was inflated (its size and CRC-32 checked): its bytes up
 * to and with the <sheetData> start tag, its bytes from a deflate block's start at or before </sheetData> to its end,
 * and where each deflate block starts (output offset, bit offset in the data, CRC-32 of the bytes before it). A
 * writer that changes only what follows </sheetData> copies the blocks before the tail instead of inflating the
 * part again (xlsx-write/deflate-splice.ts).
 */
export interface SheetPartEnds {
  /** The part as the zip directory gives it, so a writer can tell the notes belong to the part it holds. */
  readonly size: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly head: Uint8Array;
  readonly tail: Uint8Array;
  /** Offset of tail[0] in the part: a block's start. */
  readonly tailAt: number;
  readonly outAt: readonly number[];
  readonly bitAt: readonly number[];
  readonly crcAt: readonly number[];
}

/** Longest tail kept for its dropdown lists: a tail is page setup, formats and validations, rarely over a few KB. */
const MAX_TAIL = 8 * 1024 * 1024;
/** The window keeps bytes back to the last block start for the notes (ends), unless that is further back than this. */
const MAX_BLOCK_SPAN = 8 * 1024 * 1024;
const LT_BYTE = 0x3c;

export function scanSheetPart(inflater: PartInflater, entry: ZipEntry, ctx: SheetScanContext, windowStart = WINDOW_START): ScannedSheet {
  const scanner = new SheetScanner(ctx);
  // One spare byte holds the "<" sentinel.
  let buf = new Uint8Array(Math.min(entry.size, ctx.maxRows === Infinity ? windowStart : Math.min(windowStart, PEEK_START)) + 1);
  let widest = buf.length;
  let at = 0;
  let utf16 = false;
  let first = true;
  let fedTo = 0;
  // Noting the ends (a full read of a deflated part): the window then starts at a block's start, at or before what
  // the scanner has yet to scan (or, once done, before </sheetData>), so the last such block is still held at the end.
  let noting = ctx.maxRows === Infinity && entry.method === 8;
  let dropped = 0; // the part's offset of buf[0]
  const outAt: number[] = [];
  const bitAt: number[] = [];
  const crcAt: number[] = [];
  let floor = 0; // index of the last block start at or before the scanner's position
  let closeAt = -1; // the part's offset of </sheetData>, once the scanner is done
  let head: Uint8Array | undefined;
  /** Where the window may start: what the scanner has scanned, back to a block's start while noting. */
  const keepFrom = (): number => {
    if (!noting) return scanner.pos;
    const upTo = closeAt >= 0 ? closeAt : dropped + scanner.pos;
    while (floor + 1 < outAt.length && outAt[floor + 1] <= upTo) floor++;
    if (dropped + scanner.pos - outAt[floor] <= MAX_BLOCK_SPAN) return outAt[floor] - dropped;
    noting = false; // a block this long (no common writer makes one): no notes, the window stays small
    return scanner.pos;
  };
  const fed = (phase: number): void => {
    if (!noting) return;
    if (phase === 0 && scanner.phase !== 0) {
      // the <sheetData> start tag has just been scanned: the head is everything up to its end
      const start = dropped === 0 ? findSheetData(buf, 0, at, ctx.fail) : undefined;
      if (start === undefined || start.phase === 0) noting = false;
      else head = buf.slice(0, start.pos);
    }
    if (scanner.done && closeAt < 0) closeAt = dropped + buf.lastIndexOf(LT_BYTE, scanner.pos - 1);
  };
  /** Makes room for `more` bytes after `at`: drops what the scanner has scanned, growing only when what is left needs it. */
  const room = (more: number): void => {
    if (at + more + 1 <= buf.length) return;
    const from = utf16 ? 0 : keepFrom(); // UTF-16 (rare) is decoded whole below
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
    dropped += from;
    if (from > 0) scanner.rebase(from);
  };
  const complete = inflater.stream(entry, (chunk) => {
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
    const phase = scanner.phase;
    scanner.feed(buf, at);
    fed(phase);
    return !scanner.done || (ctx.maxRows === Infinity && at - scanner.pos < MAX_TAIL);
  }, noting ? (o, b, crc) => {
    outAt.push(o);
    bitAt.push(b);
    crcAt.push(crc);
  } : undefined);
  if (!utf16 && !scanner.done && fedTo < at) {
    const phase = scanner.phase;
    scanner.feed(buf, at);
    fed(phase);
  }
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
  let ends: SheetPartEnds | undefined;
  if (noting && complete && !utf16 && head !== undefined && closeAt >= dropped) {
    keepFrom(); // the last block start at or before </sheetData>: held, as the window never starts after it
    const tailAt = outAt[floor];
    ends = {
      size: entry.size, crc: entry.crc, compressedSize: entry.compressedSize, head,
      tail: buf.slice(tailAt - dropped, at), tailAt, outAt, bitAt, crcAt,
    };
  }
  return { scanner, tail, window: widest, ends };
}
