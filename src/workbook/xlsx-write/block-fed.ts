// A deflated part inflated natively a window at a time, without a streaming API: the reader noted where each
// deflate block starts (bit offset) and what it inflates from (byte offset), so whole blocks can be handed to a
// one-shot raw inflate, their first bit moved to a byte's first bit, with the 32 KiB inflated before them as the
// dictionary their back-references reach into (RFC 1951 3.2.5: distances reach at most 32,768 bytes back). Node's
// zlib does a 61 MB sheet this way in about a third of fflate's streamed inflate's time.

/** What inflates whole blocks: `data` from a block's first bit (at bit 0 of data[0]), the 32 KiB before as
 * `dictionary`; flushed, not finished (what follows the last whole block is cut off by the caller). `size` is what
 * the blocks inflate to, as noted (the output may be made in one buffer of about that size, not pieces joined). */
export type InflatePiece = (data: Uint8Array, dictionary: Uint8Array | undefined, size: number) => Uint8Array;

/** Output a window holds at least (then to the next block start where a window may start). */
export const WINDOW = 8 << 20;
const DICT = 32 << 10;

/** Bits [from, to) of data as bytes starting at bit 0 (one byte more at the end, for the inflater's look-ahead). */
function bitsFrom(data: Uint8Array, from: number, to: number): Uint8Array {
  const s = from >>> 3;
  const k = from & 7;
  const e = Math.min(data.length, ((to + 7) >>> 3) + 1);
  if (k === 0) return data.subarray(s, e);
  const out = new Uint8Array(e - s);
  for (let i = s, o = 0; i < e; i++, o++) out[o] = ((data[i] >>> k) | ((i + 1 < data.length ? data[i + 1] : 0) << (8 - k))) & 0xff;
  return out;
}

/** Whether the block whose first bit is `bit` is a stored one (BTYPE 00, RFC 1951 3.2.3): after its header it skips to
 * a byte boundary of the stream as fed, so it may be fed only where the stream's bytes are as written (unshifted). */
function stored(data: Uint8Array, bit: number): boolean {
  const t = ((data[bit >>> 3] | (data[(bit >>> 3) + 1] << 8)) >>> ((bit & 7) + 1)) & 3;
  return t === 0;
}

/**
 * Where each window of whole blocks starts (block indices), or undefined where no cut exists. A window is fed
 * shifted when its first block starts inside a byte, and a stored block must not be fed shifted: so a window may
 * start inside a byte only where no stored block comes before the next byte-aligned block start (zlib's sync
 * flushes end each batch with a stored block and align the next; Excel's and fflate's streams hold none). A window
 * ends once it holds `window` bytes, at a block where the next window may start (a byte-aligned one, else one
 * within 4 windows where that is safe; past that, any safe one).
 */
export function windowStarts(data: Uint8Array, outAt: readonly number[], bitAt: readonly number[], window: number): number[] | undefined {
  const n = outAt.length;
  const aligned = (j: number): boolean => (bitAt[j] & 7) === 0;
  // safe[j]: a window may start at block j
  const safe = new Uint8Array(n + 1);
  safe[n] = 1;
  for (let j = n - 1; j >= 0; j--) safe[j] = aligned(j) ? 1 : !stored(data, bitAt[j]) && (j + 1 === n || aligned(j + 1) || safe[j + 1] === 1) ? 1 : 0;
  if (n > 0 && safe[0] === 0) return undefined;
  const starts: number[] = [];
  for (let i = 0; i < n;) {
    starts.push(i);
    let j = i + 1;
    while (j < n) {
      if (!aligned(i) && aligned(j)) break; // a shifted window ends at the next byte-aligned block (stored ones follow)
      const size = outAt[j] - outAt[i];
      if (size >= window && (aligned(j) || (size >= 4 * window && safe[j] === 1) || (!aligned(i) && safe[j] === 1))) break;
      j++;
    }
    i = j;
  }
  return starts;
}

/**
 * The part's inflated bytes in windows of whole blocks (each a fresh array), from its compressed `data` and the
 * reader's notes of its blocks (`outAt[i]` where block i's output begins, `bitAt[i]` its first bit), cut where
 * windowStarts says; `size` the part's inflated size. Throws where a window inflates to fewer bytes than the notes say.
 */
export function* blockFedChunks(data: Uint8Array, outAt: readonly number[], bitAt: readonly number[], size: number, inflate: InflatePiece, starts: readonly number[]): Generator<Uint8Array> {
  let dict: Uint8Array | undefined;
  for (let w = 0; w < starts.length; w++) {
    const i = starts[w];
    const j = w + 1 < starts.length ? starts[w + 1] : outAt.length;
    const want = (j < outAt.length ? outAt[j] : size) - outAt[i];
    const out = inflate(bitsFrom(data, bitAt[i], j < bitAt.length ? bitAt[j] : data.length * 8), dict, want);
    if (out.length < want) throw new Error(`inflated ${out.length} bytes where the blocks hold ${want}`);
    const piece = out.length === want ? out : out.subarray(0, want); // a view: the buffer is this window's own
    // a copy: a view would hold this window's whole buffer while the next is inflated and used
    if (piece.length >= DICT) dict = piece.slice(piece.length - DICT);
    else {
      const joined = new Uint8Array(Math.min(DICT, (dict?.length ?? 0) + piece.length));
      const keep = joined.length - piece.length;
      if (keep > 0) joined.set(dict!.subarray(dict!.length - keep), 0);
      joined.set(piece, keep);
      dict = joined;
    }
    yield piece;
  }
}
