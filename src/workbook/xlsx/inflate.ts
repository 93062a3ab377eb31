// Inflates zip parts under caps, checked before anything is inflated (declared size, compression ratio, the total
// of the distinct parts read) and again while inflating (actual size); the CRC-32 of every fully inflated part is
// checked, so damage inside a part is refused, never read as data.
import { crc32Update } from "../xlsx-write/crc32";
import { InflateError, inflateBlocksTo } from "./inflate-blocks";
import type { EdgeParams } from "../../i18n/edge-errors";
import { unreadable } from "./errors";
import { entryData, type ZipEntry } from "./zip";

export interface ReadLimits {
  /** Largest inflated size of one part. */
  readonly maxPartBytes: number;
  /** Largest inflated size of all the distinct parts read from one file. */
  readonly maxTotalBytes: number;
  /** Largest ratio of inflated to compressed size, for parts larger than ratioFreeBytes. */
  readonly maxRatio: number;
  /** Parts up to this size may have any ratio (small parts of repeated markup compress very well). */
  readonly ratioFreeBytes: number;
  /** Largest part decoded into one string (V8 allows about 512 MiB of characters in one string). */
  readonly maxTextBytes: number;
}

/**
 * The caps admit Excel's largest sheet, 1,048,576 rows: 669 MB of XML for the bench's 18-column roster in shared
 * strings, about 1.1 GB with inline text and 1.5 GB at 45 columns (10.5 times the 100,000-row files), more wide and
 * inline. The sheet is scanned through a window (read-sheet.ts), so its size costs time, not memory. A zip bomb is
 * refused by its ratio (a real sheet deflates 5-30 times, a bomb up to 1,000), by inflating past the size it
 * declares, by declaring more than a zip directory entry holds without ZIP64 (4 GiB), or by the total.
 */
export const DEFAULT_LIMITS: ReadLimits = {
  maxPartBytes: 2 ** 32 - 1,
  maxTotalBytes: 6 * 1024 ** 3,
  maxRatio: 100,
  ratioFreeBytes: 16 * 1024 ** 2,
  maxTextBytes: 480 * 1024 ** 2,
};

/** A stored part is handed over in pieces of this size. */
const STORED_STEP = 4 * 1024 * 1024;

/** CRC-32 of `data` continuing from `crc` (0 to start): ours, or a native one passed in (the CLI passes zlib's). */
export type Crc32 = (data: Uint8Array, crc: number) => number;

/** Told of each deflate block as it starts: its output offset, its bit offset in the data, the CRC-32 before it. */
export type OnBlock = (outAt: number, bitAt: number, crc: number) => void;

export class PartInflater {
  private readonly counted = new Set<string>();
  private total = 0;

  constructor(
    private readonly zipBytes: Uint8Array,
    private readonly fileName: string,
    readonly limits: ReadLimits,
    private readonly crc32: Crc32 = (d, c) => crc32Update(c, d),
  ) {}

  /**
   * Streams the inflated bytes of `e` in chunks (one at least at each deflate block's start, told to `onBlock`);
   * `onChunk` returns false to stop early (nothing more is inflated). True when the part was streamed to its end:
   * its size and CRC-32 then checked.
   */
  stream(e: ZipEntry, onChunk: (chunk: Uint8Array) => boolean, onBlock?: OnBlock): boolean {
    const data = entryData(this.zipBytes, e, this.fileName);
    this.charge(e);
    const declared = e.size;
    let crc = 0;
    if (e.method === 0) {
      if (data.length !== declared) unreadable(this.fileName, "partStoredSize", { part: e.name, size: data.length, declared });
      for (let i = 0; i < data.length; i += STORED_STEP) {
        const chunk = data.subarray(i, Math.min(data.length, i + STORED_STEP));
        crc = this.crc32(chunk, crc) >>> 0;
        if (!onChunk(chunk)) return false;
      }
      this.verify(e, crc, data.length);
      return true;
    }
    let done;
    try {
      done = inflateBlocksTo(data, declared, {
        bytes: (chunk) => {
          crc = this.crc32(chunk, crc) >>> 0;
          return onChunk(chunk);
        },
        block: (outAt, bitAt) => onBlock?.(outAt, bitAt, crc),
      });
    } catch (err) {
      if (!(err instanceof InflateError)) throw err;
      if (err.kind === "beyond") this.bomb(e);
      if (err.kind === "short") this.verify(e, crc, err.produced);
      unreadable(this.fileName, "partNoInflate", { part: e.name, reason: err.message.replace(/^deflate data: /, "") });
    }
    if (done === undefined) return false;
    this.verify(e, crc, declared);
    return true;
  }

  /** The whole inflated part. */
  bytes(e: ZipEntry): Uint8Array {
    const out = new Uint8Array(e.size);
    let at = 0;
    this.stream(e, (chunk) => {
      out.set(chunk, at);
      at += chunk.length;
      return true;
    });
    return out;
  }

  /** The whole part as text (UTF-8 unless a byte-order mark says UTF-16); refuses a part too large for one string. */
  text(e: ZipEntry): string {
    refuseLongText(e.name, e.size, this.fileName, this.limits.maxTextBytes);
    return partText(this.bytes(e), e.name, this.fileName);
  }

  /** Checks the part against the caps, as before inflating it here (the writer inflates some parts itself). */
  admit(e: ZipEntry): void {
    this.charge(e);
  }

  /** Checks the part against the caps before inflating; the total counts each distinct part once. */
  private charge(e: ZipEntry): void {
    const key = e.name.toLowerCase();
    const counted = this.counted.has(key);
    const refusal = capRefusal(e, this.limits, counted ? 0 : this.total);
    if (refusal !== undefined) unreadable(this.fileName, refusal.code, refusal.params);
    if (counted) return;
    this.counted.add(key);
    this.total += e.size;
  }

  private verify(e: ZipEntry, crc: number, produced: number): void {
    if (produced !== e.size) unreadable(this.fileName, "partSize", { part: e.name, size: produced, declared: e.size });
    if (crc !== e.crc) unreadable(this.fileName, "partCrc", { part: e.name });
  }

  private bomb(e: ZipEntry): never {
    return unreadable(this.fileName, "partBeyondDeclared", { part: e.name, size: e.size });
  }
}

/**
 * Why a part declaring `e.size` bytes from `e.compressedSize` may not be inflated, when `total` bytes of other parts
 * have been (0 for a part already counted), or undefined when the caps admit it.
 */
export function capRefusal(
  e: Pick<ZipEntry, "name" | "size" | "compressedSize">, limits: ReadLimits, total: number,
): { code: "partTooBig" | "partRatio" | "totalTooBig"; params: EdgeParams } | undefined {
  const { maxPartBytes, maxTotalBytes, maxRatio, ratioFreeBytes } = limits;
  if (e.size > maxPartBytes) return { code: "partTooBig", params: { part: e.name, size: e.size, limit: maxPartBytes } };
  if (e.size > ratioFreeBytes && e.size > e.compressedSize * maxRatio) {
    const ratio = Math.round(e.size / Math.max(1, e.compressedSize));
    return { code: "partRatio", params: { part: e.name, ratio, compressed: e.compressedSize, size: e.size, limit: maxRatio } };
  }
  if (total + e.size > maxTotalBytes) return { code: "totalTooBig", params: { part: e.name, limit: maxTotalBytes } };
  return undefined;
}

export interface Decoder {
  decode(input?: Uint8Array, options?: { stream?: boolean }): string;
}

/** A decoder for XML bytes: UTF-8 unless a UTF-16 byte-order mark says otherwise; `fatal` throws on invalid bytes. */
export function xmlDecoder(first: Uint8Array, fatal = false): Decoder {
  if (first.length >= 2 && first[0] === 0xff && first[1] === 0xfe) return new TextDecoder("utf-16le", { fatal });
  if (first.length >= 2 && first[0] === 0xfe && first[1] === 0xff) return new TextDecoder("utf-16be", { fatal });
  return new TextDecoder("utf-8", { fatal });
}

/** Refuses a part too large to become one string, before it is inflated (V8 would fail with a JavaScript error). */
export function refuseLongText(name: string, size: number, fileName: string, maxTextBytes = DEFAULT_LIMITS.maxTextBytes): void {
  if (size > maxTextBytes) {
    unreadable(fileName, "partTextTooBig", { part: name, size, limit: maxTextBytes });
  }
}

/** A part's bytes as text; bytes that are not valid UTF-8 (or UTF-16 with its mark) are refused naming the part. */
export function partText(bytes: Uint8Array, name: string, fileName: string): string {
  try {
    return xmlDecoder(bytes, true).decode(bytes);
  } catch {
    return unreadable(fileName, "partNotUtf8", { part: name });
  }
}

export function decodeXml(bytes: Uint8Array): string {
  return xmlDecoder(bytes).decode(bytes);
}
