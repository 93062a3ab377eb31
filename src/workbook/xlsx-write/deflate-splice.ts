// Keeping the compressed start of a rewritten part: where the new content begins with the part's own first bytes
// (a roster sheet whose conditional formats, after <sheetData>, are all that changes), the input's deflate blocks
// that inflate to those bytes are copied as they are, an empty stored block brings the stream to a byte boundary
// (what zlib's sync flush writes), and only the rest is deflated anew: a fresh stream may follow a non-final block.
import type { InflatedBlocks } from "../xlsx/inflate-blocks";

/** Deflate blocks kept from the input: not final, ending on a byte boundary; what they inflate to and its CRC-32. */
export interface DeflateHead {
  readonly data: readonly Uint8Array[];
  readonly size: number;
  readonly crc: number;
}

/** An inflated part with its blocks (inflate-blocks.ts), the CRC-32 of its bytes before each block, and its deflate data. */
export interface SpliceSource extends InflatedBlocks {
  readonly crcAt: readonly number[];
  readonly data: Uint8Array;
  /**
   * The output offset of bytes[0]: 0 when bytes is the whole part; else bytes is its end only, and new content is
   * the part's [0, bytesAt) followed by the chunks, which must then be spliced (there is nothing else to deflate).
   */
  readonly bytesAt?: number;
}

/** Blocks shorter than this are not worth keeping (the empty stored block costs 5 bytes, the lost window a little). */
const MIN_KEEP = 64 * 1024;

/**
 * Splits new content into a head of the input's blocks and the rest to deflate, or undefined when the content does
 * not begin with enough of the part's own bytes. A chunk counts as the part's own only when it is a view of the
 * very bytes inflated (same buffer, the next offset): nothing is compared byte by byte.
 */
export function spliceHead(src: SpliceSource, chunks: readonly (Uint8Array | string)[]): { head: DeflateHead; rest: (Uint8Array | string)[] } | undefined {
  const b = src.bytes;
  const at = src.bytesAt ?? 0;
  let common = at;
  let i = 0;
  for (; i < chunks.length; i++) {
    const c = chunks[i];
    if (typeof c === "string") break;
    if (c.length === 0) continue;
    if (c.buffer !== b.buffer || c.byteOffset !== b.byteOffset + common - at) break;
    common += c.length;
  }
  // the last block that starts within the common part: every block before it inflates to bytes kept unchanged
  let j = 0;
  while (j + 1 < src.outAt.length && src.outAt[j + 1] <= common) j++;
  const keep = src.outAt[j];
  if (keep < at || (at === 0 && keep < MIN_KEEP)) return undefined;
  const bit = src.bitAt[j];
  const p = bit >>> 3;
  const k = bit & 7;
  // an empty stored block (3 header bits, zero; padding to the byte; LEN 0, NLEN 0xffff) after the kept bits
  const sync = k === 0 ? [0] : k <= 5 ? [src.data[p] & ((1 << k) - 1)] : [src.data[p] & ((1 << k) - 1), 0];
  const head: DeflateHead = {
    data: [src.data.subarray(0, p), new Uint8Array([...sync, 0, 0, 0xff, 0xff])],
    size: keep,
    crc: src.crcAt[j],
  };
  const rest: (Uint8Array | string)[] = [b.subarray(keep - at, common - at)];
  for (let r = i; r < chunks.length; r++) rest.push(chunks[r]);
  return { head, rest };
}

/**
 * spliceHead for content made as it is written: the leading chunks that are views of the part's bytes are taken, the
 * head split off them, and the rest goes on from where they stop. Without a head (too little of the part's own
 * bytes), the rest is the whole content.
 */
export function spliceHeadOf(src: SpliceSource, chunks: Iterable<Uint8Array | string>): { head?: DeflateHead; rest: Iterable<Uint8Array | string> } {
  if (Array.isArray(chunks)) return spliceHead(src, chunks as (Uint8Array | string)[]) ?? { rest: chunks };
  const it = chunks[Symbol.iterator]();
  const b = src.bytes;
  const at = src.bytesAt ?? 0;
  const lead: (Uint8Array | string)[] = [];
  let common = at;
  for (let n = it.next(); !n.done; n = it.next()) {
    const c = n.value;
    lead.push(c);
    if (typeof c === "string") break;
    if (c.length === 0) continue;
    if (c.buffer !== b.buffer || c.byteOffset !== b.byteOffset + common - at) break;
    common += c.length;
  }
  const split = spliceHead(src, lead);
  const first = split?.rest ?? lead;
  return {
    head: split?.head,
    rest: (function* () {
      yield* first;
      for (let n = it.next(); !n.done; n = it.next()) yield n.value;
    })(),
  };
}
