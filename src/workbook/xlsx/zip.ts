// Reads a zip's central directory (with ZIP64) so that only the parts we need are ever inflated.
import { unreadable } from "./errors";

export interface ZipEntry {
  /** Name as stored, backslashes turned into slashes, no leading slash. */
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly compressedSize: number;
  /** Uncompressed size as declared by the central directory. */
  readonly size: number;
  readonly localOffset: number;
  /** CRC-32 of the uncompressed data, as the central directory records it. */
  readonly crc: number;
}

export interface ZipIndex {
  readonly entries: readonly ZipEntry[];
  /** Lookup by lower-cased name: OPC part names are case-insensitive. */
  get(name: string): ZipEntry | undefined;
}

const SIG_EOCD = 0x06054b50;
const SIG_EOCD64 = 0x06064b50;
const SIG_EOCD64_LOCATOR = 0x07064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;
const U32_MAX = 0xffffffff;

const u16 = (b: Uint8Array, i: number): number => b[i] | (b[i + 1] << 8);
const u32 = (b: Uint8Array, i: number): number => (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24)) >>> 0;
const u64 = (b: Uint8Array, i: number): number => u32(b, i) + u32(b, i + 4) * 0x100000000;

const nameDecoder = new TextDecoder("utf-8");

/** True when the bytes start like a zip (local header, empty archive or spanned marker). */
export function looksLikeZip(b: Uint8Array): boolean {
  return b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && (b[2] === 3 || b[2] === 5 || b[2] === 7) && (b[3] === 4 || b[3] === 6 || b[3] === 8);
}

function findEocd(b: Uint8Array): number {
  const stop = Math.max(0, b.length - 22 - 0xffff);
  for (let i = b.length - 22; i >= stop; i--) {
    if (b[i] === 0x50 && b[i + 1] === 0x4b && u32(b, i) === SIG_EOCD) return i;
  }
  return -1;
}

/** Parses the central directory; throws UnreadableInputError naming `fileName` when it is truncated or damaged. */
export function readZipIndex(b: Uint8Array, fileName: string): ZipIndex {
  const eocd = findEocd(b);
  if (eocd < 0) unreadable(fileName, "zipNoDirectory");
  let count = u16(b, eocd + 10);
  let cdSize = u32(b, eocd + 12);
  let cdOffset = u32(b, eocd + 16);
  if (u16(b, eocd + 4) !== 0 || u16(b, eocd + 6) !== 0) unreadable(fileName, "multiVolume");
  if (eocd >= 20 && u32(b, eocd - 20) === SIG_EOCD64_LOCATOR) {
    const at = u64(b, eocd - 12);
    if (at + 56 <= b.length && u32(b, at) === SIG_EOCD64) {
      count = u64(b, at + 32);
      cdSize = u64(b, at + 40);
      cdOffset = u64(b, at + 48);
    }
  }
  if (cdOffset + cdSize > b.length) unreadable(fileName, "zipDirectoryPastEnd");
  const entries: ZipEntry[] = [];
  const byName = new Map<string, ZipEntry>();
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > b.length || u32(b, p) !== SIG_CENTRAL) unreadable(fileName, "zipBadEntry");
    const flags = u16(b, p + 8);
    const method = u16(b, p + 10);
    const crc = u32(b, p + 16);
    let compressedSize = u32(b, p + 20);
    let size = u32(b, p + 24);
    const nameLen = u16(b, p + 28);
    const extraLen = u16(b, p + 30);
    const commentLen = u16(b, p + 32);
    let localOffset = u32(b, p + 42);
    const nameEnd = p + 46 + nameLen;
    if (nameEnd + extraLen > b.length) unreadable(fileName, "zipBadEntry");
    let name = nameDecoder.decode(b.subarray(p + 46, nameEnd)).replace(/\\/g, "/");
    if (name.startsWith("/")) name = name.replace(/^\/+/, "");
    if (size === U32_MAX || compressedSize === U32_MAX || localOffset === U32_MAX) {
      // ZIP64 extra field: the 64-bit values follow in this order, only for the fields that overflowed.
      for (let e = nameEnd; e + 4 <= nameEnd + extraLen; e += 4 + u16(b, e + 2)) {
        if (u16(b, e) !== 1) continue;
        let q = e + 4;
        if (size === U32_MAX) size = u64(b, q), (q += 8);
        if (compressedSize === U32_MAX) compressedSize = u64(b, q), (q += 8);
        if (localOffset === U32_MAX) localOffset = u64(b, q);
        break;
      }
    }
    const entry: ZipEntry = { name, method, flags, compressedSize, size, localOffset, crc };
    entries.push(entry);
    const key = name.toLowerCase();
    if (!byName.has(key)) byName.set(key, entry);
    p = nameEnd + extraLen + commentLen;
  }
  return { entries, get: (n) => byName.get(n.toLowerCase()) };
}

/** The compressed bytes of an entry, located through its local header. */
export function entryData(b: Uint8Array, e: ZipEntry, fileName: string): Uint8Array {
  const at = e.localOffset;
  if (at + 30 > b.length || u32(b, at) !== SIG_LOCAL) {
    unreadable(fileName, "partNotFound", { part: e.name });
  }
  const start = at + 30 + u16(b, at + 26) + u16(b, at + 28);
  const end = start + e.compressedSize;
  if (end > b.length) unreadable(fileName, "partCutShort", { part: e.name });
  if (e.flags & 1) unreadable(fileName, "partEncrypted", { part: e.name });
  if (e.method !== 0 && e.method !== 8) unreadable(fileName, "partMethod", { part: e.name, method: e.method });
  return b.subarray(start, end);
}
