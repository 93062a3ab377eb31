// The package being edited: the input's parts by name, which of them change, which go, which are new. Parts
// nobody touches are copied as raw compressed bytes when the output is built.
import { Inflate } from "fflate";
import { DEFAULT_LIMITS, PartInflater, partText, refuseLongText } from "../xlsx/inflate";
import { unreadable } from "../xlsx/errors";
import type { SheetPartEnds } from "../xlsx/read-sheet";
import { entryData } from "../xlsx/zip";
import { blockFedChunks, type InflatePiece, WINDOW, windowStarts } from "./block-fed";
import { crc32Update } from "./crc32";
import { type SpliceSource, spliceHeadOf } from "./deflate-splice";
import { InflateError, inflateBlocks, inflateBlocksTo } from "../xlsx/inflate-blocks";
import type { SheetEnds } from "./roster-patch";
import { hasDtd } from "../xlsx/xml-text";
import { asUtf8Declaration } from "./xml-edit";
import { type Compressor, type EntryTemplate, type RawEntry, readRawEntries, ZipWriter, type ZipSink } from "./zip-write";

/** New content of a part: text, or a producer of chunks (called once, when the zip is written). */
export type PartContent = string | (() => Iterable<Uint8Array | string>);

const key = (name: string): string => name.toLowerCase();

/** The input's damaged deflate data, said as the reader says it; anything else (memory, a bug) is thrown on. */
function badDeflate(fileName: string, part: string, err: unknown): never {
  if (err instanceof InflateError) {
    return unreadable(fileName, "partNoInflate", { part, reason: err.message });
  }
  throw err;
}

export class PackageEditor {
  private readonly raw: RawEntry[];
  private readonly byName = new Map<string, RawEntry>();
  private readonly inflater: PartInflater;
  private readonly changed = new Map<string, { name: string; content: PartContent }>();
  private readonly removed = new Set<string>();
  private readonly added: string[] = [];
  /** Parts written after every other (setLast). */
  private readonly last = new Set<string>();
  private readonly textCache = new Map<string, string>();
  private readonly spliceable = new Map<string, SpliceSource>();
  /** Parts read by partEnds: their tails and blocks. */
  private readonly ends = new Map<string, SpliceSource>();

  constructor(
    private readonly input: Uint8Array,
    readonly fileName: string,
    /** CRC-32 (the compressor's, when one is passed): the input's large parts are checked with it. */
    private readonly crc32: (data: Uint8Array, crc: number) => number = (d, c) => crc32Update(c, d),
    /** A native raw inflate (Compressor.inflateRaw), for parts whose blocks the reader noted. */
    private readonly inflateRaw?: (data: Uint8Array, size: number) => Uint8Array,
    /** A native inflate of whole blocks (Compressor.inflatePiece), for streamed parts whose blocks the reader noted. */
    private readonly inflatePiece?: InflatePiece,
  ) {
    this.raw = readRawEntries(input, fileName);
    for (const r of this.raw) if (!this.byName.has(key(r.entry.name))) this.byName.set(key(r.entry.name), r);
    this.inflater = new PartInflater(input, fileName, DEFAULT_LIMITS, crc32);
  }

  /** Whether the part exists after the edits so far. */
  has(name: string): boolean {
    const k = key(name);
    if (this.removed.has(k)) return false;
    return this.changed.has(k) || this.byName.has(k);
  }

  /** The input's own name for a part (OPC names compare case-insensitively). */
  nameOf(name: string): string {
    return this.changed.get(key(name))?.name ?? this.byName.get(key(name))?.entry.name ?? name;
  }

  /** Every part name present after the edits so far. */
  names(): string[] {
    const out: string[] = [];
    for (const r of this.raw) if (this.has(r.entry.name) && !this.changed.has(key(r.entry.name))) out.push(r.entry.name);
    for (const v of this.changed.values()) out.push(v.name);
    return out;
  }

  /** The input's inflated size of a part (undefined when the input has none). */
  sizeOf(name: string): number | undefined {
    return this.byName.get(key(name))?.entry.size;
  }

  /** Whether the part is the input's, unchanged. */
  isOriginal(name: string): boolean {
    const k = key(name);
    return this.byName.has(k) && !this.changed.has(k) && !this.removed.has(k);
  }

  /** The input's inflated bytes of a part (undefined when the input has none). */
  originalBytes(name: string): Uint8Array | undefined {
    const r = this.byName.get(key(name));
    return r === undefined ? undefined : this.inflater.bytes(r.entry);
  }

  /**
   * The input's inflated bytes of a deflated part, its blocks noted: when the part's new content (set as chunks)
   * begins with views of these very bytes, the blocks that inflate to them are copied, not deflated again.
   */
  originalBytesKept(name: string, noted?: SheetPartEnds): Uint8Array | undefined {
    const r = this.byName.get(key(name));
    if (r === undefined || r.entry.method !== 8) return this.originalBytes(name);
    const e = r.entry;
    this.inflater.admit(e); // the same caps as the reader's (size, ratio, total)
    const data = entryData(this.input, e, this.fileName);
    const bytes = this.nativelyNoted(e, data, noted);
    if (bytes !== undefined) return bytes;
    let blocks;
    try {
      blocks = inflateBlocks(data, e.size);
    } catch (err) {
      return badDeflate(this.fileName, e.name, err);
    }
    const crcAt: number[] = [];
    let crc = 0;
    for (let j = 0; j < blocks.outAt.length; j++) {
      crcAt.push(crc);
      const end = j + 1 < blocks.outAt.length ? blocks.outAt[j + 1] : e.size;
      if (end > blocks.outAt[j]) crc = this.crc32(blocks.bytes.subarray(blocks.outAt[j], end), crc) >>> 0;
    }
    if (crc !== e.crc) unreadable(this.fileName, "partCrc", { part: e.name });
    this.spliceable.set(key(name), { ...blocks, crcAt, data });
    return blocks.bytes;
  }

  /**
   * The part inflated by the native inflater, its blocks as the reader noted them while it read the part in full
   * (size and CRC-32 checked then, of these same compressed bytes): undefined without an inflater or notes of this
   * part, or when the native inflate fails (the caller then inflates it itself and says why it cannot).
   */
  private nativelyNoted(e: RawEntry["entry"], data: Uint8Array, noted: SheetPartEnds | undefined): Uint8Array | undefined {
    if (this.inflateRaw === undefined || noted === undefined) return undefined;
    if (noted.size !== e.size || noted.crc !== e.crc || noted.compressedSize !== e.compressedSize) return undefined;
    let bytes: Uint8Array;
    try {
      bytes = this.inflateRaw(data, e.size);
    } catch {
      return undefined;
    }
    if (bytes.length !== e.size) return undefined;
    this.spliceable.set(key(e.name), { bytes, outAt: noted.outAt, bitAt: noted.bitAt, crcAt: noted.crcAt, data });
    return bytes;
  }

  /**
   * The input's inflated bytes of a deflated part as they come (each a fresh array: fflate copies what it hands out, so
   * a consumer may keep them), under the reader's
   * caps, its size and CRC-32 checked at its end: a sheet patched as it streams is never held whole. Undefined for
   * a stored part or none.
   */
  partChunks(name: string, noted?: SheetPartEnds): Iterable<Uint8Array> | undefined {
    const r = this.byName.get(key(name));
    if (r === undefined || r.entry.method !== 8) return undefined;
    const e = r.entry;
    this.inflater.admit(e);
    const data = entryData(this.input, e, this.fileName);
    const { fileName, inflatePiece } = this;
    // the blocks the reader noted (of these same bytes: sizes and CRC as the directory says), inflated natively
    const starts = inflatePiece !== undefined && noted !== undefined && noted.size === e.size && noted.crc === e.crc && noted.compressedSize === e.compressedSize && noted.outAt.length > 0
      ? windowStarts(data, noted.outAt, noted.bitAt, WINDOW) : undefined;
    if (starts !== undefined) return this.checkedChunks(e, blockFedChunks(data, noted!.outAt, noted!.bitAt, e.size, inflatePiece!, starts));
    return this.checkedChunks(e, (function* () {
      const pending: Uint8Array[] = [];
      let produced = 0;
      const inflater = new Inflate((chunk) => {
        produced += chunk.length;
        if (produced > e.size) unreadable(fileName, "partBeyondDeclared", { part: e.name, size: e.size });
        if (chunk.length) pending.push(chunk);
      });
      const STEP = 1 << 20;
      for (let i = 0; i < data.length || i === 0; i += STEP) {
        const end = Math.min(data.length, i + STEP);
        inflater.push(data.subarray(i, end), end === data.length);
        yield* pending;
        pending.length = 0;
        if (end === data.length) break;
      }
    })());
  }

  /** A part's inflated chunks passed on as they come, an inflater's failure said as the part's, its size and CRC-32
   * checked at its end. */
  private *checkedChunks(e: RawEntry["entry"], chunks: Iterable<Uint8Array>): Generator<Uint8Array> {
    const { fileName, crc32 } = this;
    let produced = 0;
    let crc = 0;
    try {
      for (const c of chunks) {
        produced += c.length;
        crc = crc32(c, crc) >>> 0;
        yield c;
      }
    } catch (err) {
      if (err instanceof Error && err.constructor !== Error) throw err;
      unreadable(fileName, "partNoInflate", { part: e.name, reason: String((err as Error)?.message ?? err) });
    }
    if (produced !== e.size) unreadable(fileName, "partSize", { part: e.name, size: produced, declared: e.size });
    if (crc !== e.crc >>> 0) unreadable(fileName, "partCrc", { part: e.name });
  }

  /**
   * A deflated part's first `headMax` bytes and about its last `tailMax` (4 MiB more at most), inflated in one
   * streamed pass (the whole part is never held) that checks its CRC and notes its blocks, so that setKeptStart can
   * keep all but its end. Undefined for a stored part.
   */
  partEnds(name: string, headMax: number, tailMax: number): SheetEnds | undefined {
    const r = this.byName.get(key(name));
    if (r === undefined || r.entry.method !== 8) return undefined;
    const e = r.entry;
    this.inflater.admit(e);
    const data = entryData(this.input, e, this.fileName);
    const head = new Uint8Array(Math.min(headMax, e.size));
    let headLen = 0;
    let tail: Array<{ at: number; bytes: Uint8Array }> = [];
    let tailLen = 0;
    let at = 0;
    let crc = 0;
    const crcAt: number[] = [];
    let starts;
    try {
      starts = inflateBlocksTo(data, e.size, {
        bytes: (chunk) => {
          crc = this.crc32(chunk, crc) >>> 0;
          if (headLen < head.length) {
            const n = Math.min(chunk.length, head.length - headLen);
            head.set(chunk.subarray(0, n), headLen);
            headLen += n;
          }
          tail.push({ at, bytes: chunk.slice() });
          tailLen += chunk.length;
          at += chunk.length;
          let drop = 0;
          while (drop < tail.length - 1 && tailLen - tail[drop].bytes.length >= tailMax) tailLen -= tail[drop++].bytes.length;
          if (drop > 0) tail = tail.slice(drop);
        },
        block: () => {
          crcAt.push(crc);
        },
      })!; // the sink never stops it
    } catch (err) {
      return badDeflate(this.fileName, e.name, err);
    }
    if (crc !== e.crc) unreadable(this.fileName, "partCrc", { part: e.name });
    const window = new Uint8Array(tailLen);
    let w = 0;
    for (const c of tail) {
      window.set(c.bytes, w);
      w += c.bytes.length;
    }
    const tailAt = tail.length ? tail[0].at : e.size;
    this.ends.set(key(name), { bytes: window, bytesAt: tailAt, ...starts, crcAt, data });
    return { head, tail: window, tailAt, size: e.size };
  }

  /**
   * partEnds without inflating anything: what the reader noted of the part while it read it in full (the same caps,
   * size and CRC-32 checked then). Undefined when the notes are not of this part as the input holds it.
   */
  notedEnds(name: string, noted: SheetPartEnds): SheetEnds | undefined {
    const r = this.byName.get(key(name));
    if (r === undefined || r.entry.method !== 8) return undefined;
    const e = r.entry;
    if (noted.size !== e.size || noted.crc !== e.crc || noted.compressedSize !== e.compressedSize) return undefined;
    this.inflater.admit(e);
    const data = entryData(this.input, e, this.fileName);
    const { tail, tailAt, outAt, bitAt, crcAt } = noted;
    this.ends.set(key(name), { bytes: tail, bytesAt: tailAt, outAt, bitAt, crcAt, data });
    return { head: noted.head, tail, tailAt, size: e.size };
  }

  /**
   * Sets a part (read by partEnds or notedEnds) to its input's bytes [0, keep) followed by `rest`: the blocks before keep are
   * copied. False, and nothing set, when no block of the part starts between its tail's start and keep.
   */
  setKeptStart(name: string, keep: number, rest: readonly Uint8Array[]): boolean {
    const src = this.ends.get(key(name));
    if (src === undefined || keep < src.bytesAt! || keep > src.bytesAt! + src.bytes.length) return false;
    if (!src.outAt.some((o) => o >= src.bytesAt! && o <= keep)) return false;
    this.spliceable.set(key(name), src);
    this.set(name, () => [src.bytes.subarray(0, keep - src.bytesAt!), ...rest]);
    return true;
  }

  /** Current text of an XML part (edits included); undefined when absent. DTDs are refused. */
  text(name: string): string | undefined {
    const k = key(name);
    if (this.removed.has(k)) return undefined;
    const c = this.changed.get(k);
    if (c !== undefined) {
      if (typeof c.content !== "string") throw new Error(`${name} is streamed; its text cannot be read back`);
      return c.content;
    }
    const cached = this.textCache.get(k);
    if (cached !== undefined) return cached;
    const size = this.byName.get(k)?.entry.size;
    if (size === undefined) return undefined;
    refuseLongText(name, size, this.fileName);
    const bytes = this.originalBytes(name)!;
    const text = partText(bytes, name, this.fileName);
    if (hasDtd(text)) unreadable(this.fileName, "dtd", { part: name });
    const utf16 = bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
    const bom = !utf16 && bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    const t = utf16 ? asUtf8Declaration(text) : bom ? "\uFEFF" + text : text;
    this.textCache.set(k, t);
    return t;
  }

  /** Sets a part's new content (the input's name is kept where the part exists). */
  set(name: string, content: PartContent): void {
    const k = key(name);
    const existing = this.byName.get(k);
    this.removed.delete(k);
    if (!this.changed.has(k) && existing === undefined) this.added.push(k);
    this.changed.set(k, { name: existing?.entry.name ?? name, content });
  }

  /** Sets an XML part's text unless it equals the current text (an unchanged part stays a raw copy). */
  setText(name: string, text: string): void {
    if (this.text(name) === text) return;
    this.set(name, text);
  }

  /** Sets a part's content, made only after every other part has been written (moved to the end of the package):
   * styles.xml where writing the sheets adds cell formats to it (date-styles.ts). */
  setLast(name: string, content: () => Iterable<string | Uint8Array>): void {
    this.set(name, content);
    this.last.add(key(name));
  }

  remove(name: string): void {
    const k = key(name);
    this.changed.delete(k);
    const i = this.added.indexOf(k);
    if (i >= 0) this.added.splice(i, 1);
    if (this.byName.has(k)) this.removed.add(k);
  }

  /** Builds the output zip: input order kept, changed parts in place, new parts at the end (into the sink where one is
   * given: then nothing is returned but an empty array). Called once: the edits are consumed. */
  build(level: number, compressor?: Compressor, sink?: ZipSink): Uint8Array {
    const zip = new ZipWriter(level, compressor, sink);
    const first = this.raw.find((r) => !r.entry.name.endsWith("/")) ?? this.raw[0];
    const base: EntryTemplate = first ?? { time: 0, date: 0x21, versionMadeBy: 20, externalAttrs: 0 };
    const emit = (name: string, content: PartContent, tpl: EntryTemplate): void => {
      const chunks = typeof content === "string" ? [content] : content();
      const src = this.spliceable.get(key(name));
      if (src === undefined) return zip.deflate(name, chunks, tpl);
      const split = spliceHeadOf(src, chunks);
      if (split.head === undefined && src.bytesAt) throw new Error(`${name}: its kept start could not be spliced`);
      zip.deflate(name, split.rest, tpl, split.head);
    };
    const lastOnes: Array<{ name: string; content: PartContent; tpl: EntryTemplate }> = [];
    for (const r of this.raw) {
      const k = key(r.entry.name);
      if (this.removed.has(k)) continue;
      if (this.last.has(k) && this.byName.get(k) === r) {
        lastOnes.push({ name: r.entry.name, content: this.changed.get(k)!.content, tpl: r });
        continue;
      }
      const c = this.changed.get(k);
      if (c === undefined) zip.copy(this.input, r, this.fileName);
      else if (this.byName.get(k) === r) {
        emit(r.entry.name, c.content, r);
        // a rewritten sheet's inflated bytes go as soon as it is written, before the new sheets are generated
        c.content = "";
        this.spliceable.delete(k);
      }
    }
    for (const k of this.added) {
      const c = this.changed.get(k)!;
      if (this.last.has(k)) lastOnes.push({ name: c.name, content: c.content, tpl: { ...base, externalAttrs: 0 } });
      else emit(c.name, c.content, { ...base, externalAttrs: 0 });
    }
    for (const l of lastOnes) emit(l.name, l.content, l.tpl);
    return zip.finish();
  }
}
