// Writing the output zip: entries copied as their raw compressed bytes (same method, CRC and sizes as the input's
// central directory says), or deflated anew with fflate; our own local headers, never data descriptors.
import { Deflate } from "fflate";
import { entryData, readZipIndex, type ZipEntry } from "../xlsx/zip";
import { crc32Update } from "./crc32";
import type { DeflateHead } from "./deflate-splice";

/** A central-directory record of the input, with what the reader's index leaves out (CRC, time, attributes). */
export interface RawEntry {
  readonly entry: ZipEntry;
  readonly nameBytes: Uint8Array;
  readonly versionMadeBy: number;
  readonly versionNeeded: number;
  readonly flags: number;
  readonly time: number;
  readonly date: number;
  readonly crc: number;
  readonly internalAttrs: number;
  readonly externalAttrs: number;
}

const u16 = (b: Uint8Array, i: number): number => b[i] | (b[i + 1] << 8);
const u32 = (b: Uint8Array, i: number): number => (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24)) >>> 0;

/** The input's entries in central-directory order; readZipIndex validates and resolves ZIP64, this adds the rest. */
export function readRawEntries(b: Uint8Array, fileName: string): RawEntry[] {
  const index = readZipIndex(b, fileName);
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff); i--) {
    if (b[i] === 0x50 && u32(b, i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  let cd = u32(b, eocd + 16);
  if (eocd >= 20 && u32(b, eocd - 20) === 0x07064b50) {
    const at = u32(b, eocd - 12) + u32(b, eocd - 8) * 0x100000000;
    if (at + 56 <= b.length && u32(b, at) === 0x06064b50) cd = u32(b, at + 48) + u32(b, at + 52) * 0x100000000;
  }
  const out: RawEntry[] = [];
  let p = cd;
  for (const entry of index.entries) {
    const nameLen = u16(b, p + 28);
    out.push({
      entry,
      nameBytes: b.subarray(p + 46, p + 46 + nameLen),
      versionMadeBy: u16(b, p + 4),
      versionNeeded: u16(b, p + 6),
      flags: u16(b, p + 8),
      time: u16(b, p + 12),
      date: u16(b, p + 14),
      crc: u32(b, p + 16),
      internalAttrs: u16(b, p + 36),
      externalAttrs: u32(b, p + 38),
    });
    p += 46 + nameLen + u16(b, p + 30) + u16(b, p + 32);
  }
  return out;
}

interface Written {
  nameBytes: Uint8Array;
  versionMadeBy: number;
  versionNeeded: number;
  flags: number;
  method: number;
  time: number;
  date: number;
  crc: number;
  compressedSize: number;
  size: number;
  internalAttrs: number;
  externalAttrs: number;
  offset: number;
}

const LIMIT = 0xffffffff;
/** A native compressor is handed this much at a time (a new part is deflated in batches, never concatenated whole). */
const BATCH = 1 << 20;
const utf8 = new TextEncoder();

/** Header fields a new entry takes from an existing one (time, date, attributes), so output is deterministic. */
export interface EntryTemplate {
  readonly time: number;
  readonly date: number;
  readonly versionMadeBy: number;
  readonly externalAttrs: number;
}

/** A native deflate and CRC-32 (the CLI passes Node's zlib); without one, fflate and our own CRC are used. */
export interface Compressor {
  /**
   * Raw deflate (no zlib header) of the concatenated pieces at the given level. With `final` false the stream is
   * left open, as zlib's sync flush leaves it (no final block, ending on a byte boundary), so that another raw
   * deflate stream can follow it: a large part is deflated a batch at a time, never held whole.
   */
  deflateRaw(pieces: readonly Uint8Array[], level: number, final?: boolean): Uint8Array;
  /** CRC-32 of data continuing from crc (0 to start). */
  crc32(data: Uint8Array, crc: number): number;
  /**
   * Optionally, the same deflate of a part's batches run beside this thread: `push` each batch as deflateRaw would
   * be given it (`final` for the last), `end` for every batch's deflate in order and the CRC-32 of the part's bytes
   * continued from `crc`. The same bytes as deflateRaw batch by batch.
   */
  deflateStream?(level: number, crc: number): DeflateStream;
  /** Raw inflate of data that must inflate to exactly `size` bytes (a native one: the writer's own, in
   * JavaScript, is used without it); throws on anything else. */
  inflateRaw?(data: Uint8Array, size: number): Uint8Array;
  /** Raw inflate of whole deflate blocks after a dictionary, flushed (block-fed.ts InflatePiece): a sheet too large
   * to inflate whole, inflated natively a window at a time at the blocks the reader noted. */
  inflatePiece?(data: Uint8Array, dictionary: Uint8Array | undefined, size: number): Uint8Array;
}

export interface DeflateStream {
  push(pieces: readonly Uint8Array[], final: boolean): void;
  /** Optionally, the batches deflated so far, handed over in order (end then gives the rest). */
  take?(): Uint8Array[];
  end(): { data: Uint8Array[]; crc: number };
}

/** Where the zip's bytes go as they are made, instead of being held until finish (the CLI: a temporary file beside the
 * output, renamed over it once whole). */
export interface ZipSink {
  /** Appends bytes (the writer never changes them once given). */
  write(bytes: Uint8Array): void;
  /** Writes bytes over ones appended at `offset`: an entry's local header, once its CRC and sizes are known. */
  writeAt(offset: number, bytes: Uint8Array): void;
}

export class ZipWriter {
  private readonly chunks: Uint8Array[] = [];
  private readonly written: Written[] = [];
  private offset = 0;

  /** With a sink, every byte goes to it as made and finish returns nothing; without, finish returns the whole zip. */
  constructor(private readonly level: number, private readonly compressor?: Compressor, private readonly sink?: ZipSink) {}

  /** Copies an input entry's compressed bytes unchanged. */
  copy(input: Uint8Array, raw: RawEntry, fileName: string): void {
    const data = entryData(input, raw.entry, fileName);
    this.add({
      nameBytes: raw.nameBytes, versionMadeBy: raw.versionMadeBy, versionNeeded: raw.versionNeeded,
      flags: raw.flags & ~8, method: raw.entry.method, time: raw.time, date: raw.date, crc: raw.crc,
      compressedSize: data.length, size: raw.entry.size, internalAttrs: raw.internalAttrs,
      externalAttrs: raw.externalAttrs, offset: 0,
    }, [data]);
  }

  /**
   * Deflates `content` (chunks of bytes or text, consumed once) as a new entry named `name`; after `head` (blocks
   * kept from the input, deflate-splice.ts) when given.
   */
  deflate(name: string, content: Iterable<Uint8Array | string>, tpl: EntryTemplate, head?: DeflateHead): void {
    if (this.compressor) return this.deflateWith(this.compressor, name, content, tpl, head);
    const out: Uint8Array[] = [...(head?.data ?? [])];
    let compressed = out.reduce((n, d) => n + d.length, 0);
    const deflater = new Deflate({ level: this.level as 0 }, (chunk) => {
      out.push(chunk);
      compressed += chunk.length;
    });
    let crc = head?.crc ?? 0;
    let size = head?.size ?? 0;
    let pending: Uint8Array | undefined;
    for (const piece of content) {
      const bytes = typeof piece === "string" ? utf8.encode(piece) : piece;
      if (bytes.length === 0) continue;
      if (pending !== undefined) deflater.push(pending, false);
      crc = crc32Update(crc, bytes);
      size += bytes.length;
      pending = bytes;
    }
    deflater.push(pending ?? new Uint8Array(0), true);
    const nameBytes = utf8.encode(name);
    const nonAscii = nameBytes.some((c) => c > 127);
    this.add({
      nameBytes, versionMadeBy: tpl.versionMadeBy, versionNeeded: 20, flags: nonAscii ? 0x800 : 0, method: 8,
      time: tpl.time, date: tpl.date, crc, compressedSize: compressed, size, internalAttrs: 0,
      externalAttrs: tpl.externalAttrs, offset: 0,
    }, out);
  }

  /** The same entry through a native compressor (Node's zlib: several times faster than deflate in JavaScript). */
  private deflateWith(c: Compressor, name: string, content: Iterable<Uint8Array | string>, tpl: EntryTemplate, head?: DeflateHead): void {
    const nameBytes = utf8.encode(name);
    // the local header's room first, filled once the CRC and sizes are known: each deflated batch goes on as it comes
    // (to the sink: a large part is never held deflated whole), not held for a header written before it
    const start = this.offset;
    const header = new Uint8Array(30 + nameBytes.length);
    this.put(header);
    let compressed = 0;
    const out = (d: Uint8Array): void => {
      this.put(d);
      compressed += d.length;
    };
    for (const d of head?.data ?? []) out(d);
    let batch: Uint8Array[] = [];
    let batched = 0;
    let crc = head?.crc ?? 0;
    let size = head?.size ?? 0;
    // with a stream, the batches are deflated (and the CRC-32 taken) beside this thread while the next are made
    const stream = c.deflateStream?.(this.level, crc);
    for (const piece of content) {
      const bytes = typeof piece === "string" ? utf8.encode(piece) : piece;
      if (bytes.length === 0) continue;
      if (stream === undefined) crc = c.crc32(bytes, crc);
      size += bytes.length;
      // a large view (the kept bulk of a sheet) is handed over in batch-sized slices, never copied whole
      for (let at = 0; at < bytes.length; ) {
        const take = Math.min(bytes.length - at, BATCH - batched);
        batch.push(at === 0 && take === bytes.length ? bytes : bytes.subarray(at, at + take));
        batched += take;
        at += take;
        if (batched === BATCH) {
          if (stream !== undefined) {
            stream.push(batch, false);
            for (const d of stream.take?.() ?? []) out(d);
          } else out(c.deflateRaw(batch, this.level, false));
          batch = [];
          batched = 0;
        }
      }
    }
    if (stream !== undefined) {
      stream.push(batch, true);
      const done = stream.end();
      for (const d of done.data) out(d);
      crc = done.crc;
    } else out(c.deflateRaw(batch, this.level, true));
    const nonAscii = nameBytes.some((x) => x > 127);
    const w: Written = {
      nameBytes, versionMadeBy: tpl.versionMadeBy, versionNeeded: 20, flags: nonAscii ? 0x800 : 0, method: 8,
      time: tpl.time, date: tpl.date, crc, compressedSize: compressed, size, internalAttrs: 0,
      externalAttrs: tpl.externalAttrs, offset: start,
    };
    this.checkLimits(w);
    this.localHeader(w, header);
    this.sink?.writeAt(start, header);
    this.written.push(w);
  }

  /** Bytes out: to the sink, else kept for finish. */
  private put(b: Uint8Array): void {
    if (this.sink !== undefined) this.sink.write(b);
    else this.chunks.push(b);
    this.offset += b.length;
  }

  private checkLimits(w: Written): void {
    if (w.size >= LIMIT || w.compressedSize >= LIMIT || w.offset >= LIMIT) {
      throw new Error("the output workbook would exceed 4 GiB (ZIP64 output is not supported)");
    }
  }

  private add(w: Written, data: Uint8Array[]): void {
    w.offset = this.offset;
    this.checkLimits(w);
    this.put(this.localHeader(w, new Uint8Array(30 + w.nameBytes.length)));
    for (const d of data) this.put(d); // one argument per chunk could overflow the stack
    this.written.push(w);
  }

  /** An entry's local header, into h (30 bytes and the name). */
  private localHeader(w: Written, h: Uint8Array): Uint8Array {
    const v = new DataView(h.buffer, h.byteOffset, h.byteLength);
    v.setUint32(0, 0x04034b50, true);
    v.setUint16(4, w.versionNeeded, true);
    v.setUint16(6, w.flags, true);
    v.setUint16(8, w.method, true);
    v.setUint16(10, w.time, true);
    v.setUint16(12, w.date, true);
    v.setUint32(14, w.crc, true);
    v.setUint32(18, w.compressedSize, true);
    v.setUint32(22, w.size, true);
    v.setUint16(26, w.nameBytes.length, true);
    v.setUint16(28, 0, true);
    h.set(w.nameBytes, 30);
    return h;
  }

  /** The whole zip: entries, central directory, end record (with a sink, written to it: nothing is returned but an
   * empty array). */
  finish(): Uint8Array {
    if (this.written.length > 0xfffe) throw new Error("the output workbook would hold more than 65534 parts (ZIP64 output is not supported)");
    const cdStart = this.offset;
    let cdSize = 0;
    const cd: Uint8Array[] = [];
    for (const w of this.written) {
      const h = new Uint8Array(46 + w.nameBytes.length);
      const v = new DataView(h.buffer);
      v.setUint32(0, 0x02014b50, true);
      v.setUint16(4, w.versionMadeBy, true);
      v.setUint16(6, w.versionNeeded, true);
      v.setUint16(8, w.flags, true);
      v.setUint16(10, w.method, true);
      v.setUint16(12, w.time, true);
      v.setUint16(14, w.date, true);
      v.setUint32(16, w.crc, true);
      v.setUint32(20, w.compressedSize, true);
      v.setUint32(24, w.size, true);
      v.setUint16(28, w.nameBytes.length, true);
      v.setUint16(36, w.internalAttrs, true);
      v.setUint32(38, w.externalAttrs, true);
      v.setUint32(42, w.offset, true);
      h.set(w.nameBytes, 46);
      cd.push(h);
      cdSize += h.length;
    }
    if (cdStart + cdSize >= LIMIT) throw new Error("the output workbook would exceed 4 GiB (ZIP64 output is not supported)");
    const e = new Uint8Array(22);
    const v = new DataView(e.buffer);
    v.setUint32(0, 0x06054b50, true);
    v.setUint16(8, this.written.length, true);
    v.setUint16(10, this.written.length, true);
    v.setUint32(12, cdSize, true);
    v.setUint32(16, cdStart, true);
    for (const h of cd) this.put(h);
    this.put(e);
    if (this.sink !== undefined) return new Uint8Array(0);
    let total = 0;
    for (const c of this.chunks) total += c.length;
    const out = new Uint8Array(total);
    let at = 0;
    for (const c of this.chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  }
}
