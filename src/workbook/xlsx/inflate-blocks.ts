// Inflating a part while noting where each deflate block starts (bit offset in the compressed data, byte offset in
// the output), so a rewrite that keeps the part's first bytes can keep their compressed blocks as they are
// (xlsx-write/deflate-splice.ts); the reader inflates every part with it. The algorithm is fflate's inflate (MIT,
// 101arrowz), for one whole buffer of known size.

const u8 = Uint8Array;
const u16 = Uint16Array;
const i32 = Int32Array;

/** Extra bits and bases of length and distance codes (RFC 1951 3.2.5). */
const fleb = new u8([0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0, 0, 0, 0]);
const fdeb = new u8([0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13, 0, 0]);
const clim = new u8([16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]);

function bases(eb: Uint8Array, start: number): Uint16Array {
  const b = new u16(31);
  for (let i = 0; i < 31; ++i) b[i] = start += i === 0 ? 0 : 1 << eb[i - 1];
  return b;
}
const fl = bases(fleb, 3);
fl[28] = 258;
const fd = bases(fdeb, 1);

const rev = new u16(32768);
for (let i = 0; i < 32768; ++i) {
  let x = ((i & 0xaaaa) >> 1) | ((i & 0x5555) << 1);
  x = ((x & 0xcccc) >> 2) | ((x & 0x3333) << 2);
  x = ((x & 0xf0f0) >> 4) | ((x & 0x0f0f) << 4);
  rev[i] = (((x & 0xff00) >> 8) | ((x & 0x00ff) << 8)) >> 1;
}

/** A decoding table of code lengths `cd`, `mb` bits wide: entry = symbol << 4 | code length. */
function hMap(cd: Uint8Array, mb: number): Uint16Array {
  const l = new u16(mb);
  for (let i = 0; i < cd.length; ++i) if (cd[i]) ++l[cd[i] - 1];
  const le = new u16(mb);
  for (let i = 1; i < mb; ++i) le[i] = (le[i - 1] + l[i - 1]) << 1;
  const co = new u16(1 << mb);
  const rvb = 15 - mb;
  for (let i = 0; i < cd.length; ++i) {
    if (!cd[i]) continue;
    const sv = (i << 4) | cd[i];
    const r = mb - cd[i];
    let v = le[cd[i] - 1]++ << r;
    for (const m = v | ((1 << r) - 1); v <= m; ++v) co[rev[v] >> rvb] = sv;
  }
  return co;
}

const flt = new u8(288);
flt.fill(8, 0, 144).fill(9, 144, 256).fill(7, 256, 280).fill(8, 280, 288);
const fdt = new u8(32).fill(5);
const flrm = hMap(flt, 9);
const fdrm = hMap(fdt, 5);

const max = (a: Uint8Array): number => {
  let m = a[0];
  for (let i = 1; i < a.length; ++i) if (a[i] > m) m = a[i];
  return m;
};
const bits = (d: Uint8Array, p: number, m: number): number => {
  const o = (p / 8) | 0;
  return ((d[o] | (d[o + 1] << 8)) >> (p & 7)) & m;
};
const bits16 = (d: Uint8Array, p: number): number => {
  const o = (p / 8) | 0;
  return (d[o] | (d[o + 1] << 8) | (d[o + 2] << 16)) >> (p & 7);
};

export interface BlockStarts {
  /** Each block's start: its bit offset in the compressed data, and how many bytes were inflated before it. */
  readonly bitAt: readonly number[];
  readonly outAt: readonly number[];
}

export interface InflatedBlocks extends BlockStarts {
  readonly bytes: Uint8Array;
}

/** Where a streamed inflate puts its output: every byte once, in order, in views valid only during the call. */
export interface InflateSink {
  /** Returns false to stop: nothing more is inflated (the part is then neither size- nor CRC-checked). */
  bytes(chunk: Uint8Array): boolean | void;
  /** A block starts at this output offset and this bit of the data (everything before it has gone to bytes()). */
  block(outAt: number, bitAt: number): void;
}

/**
 * Deflate data refused: "beyond" (it inflates past the declared size: a possible bomb), "short" (it ends, its final
 * block done, before the declared size: `produced` bytes) or "damaged" (anything else).
 */
export class InflateError extends Error {
  constructor(readonly kind: "beyond" | "short" | "damaged", what: string, readonly produced = 0) {
    super(`deflate data: ${what}`);
  }
}

const fail = (what: string): never => {
  throw new InflateError(what === BEYOND ? "beyond" : "damaged", what);
};
const BEYOND = "more bytes than declared";

const WINDOW = 32768;
/** Output held at once by a streamed inflate, besides the 32 KiB window. */
const STEP = 4 << 20;

/** Inflates raw deflate `data` that must inflate to exactly `size` bytes; throws (a plain Error) on anything else. */
export function inflateBlocks(data: Uint8Array, size: number): InflatedBlocks {
  let bytes: Uint8Array | undefined;
  const starts = inflateTo(data, size, undefined, (b) => (bytes = b))!;
  return { ...starts, bytes: bytes! };
}

/**
 * The same, streamed: the output goes to `sink` a piece at a time (about 4 MiB held, a piece at least at every block
 * start), never whole. Undefined when the sink stopped it.
 */
export function inflateBlocksTo(data: Uint8Array, size: number, sink: InflateSink): BlockStarts | undefined {
  return inflateTo(data, size, sink, () => undefined);
}

function inflateTo(data: Uint8Array, size: number, sink: InflateSink | undefined, whole: (b: Uint8Array) => void): BlockStarts | undefined {
  // whole: one buffer of the declared size (slack for the last copy); streamed: a sliding one, the window kept
  const cap = sink === undefined ? size + 258 : Math.min(size, STEP) + WINDOW + 258;
  const buf = new u8(cap);
  const bitAt: number[] = [];
  const outAt: number[] = [];
  const tbts = data.length * 8;
  let base = 0; // output offset of buf[0]
  let emitted = 0; // buf[0, emitted) has gone to the sink
  let lim = Math.min(cap - 258, size); // bt may reach lim before a slide (or, at the declared size, a refusal)
  let pos = 0;
  let bt = 0;
  let final = 0;
  let stopped = false;
  const emit = (): void => {
    if (sink !== undefined && bt > emitted && sink.bytes(buf.subarray(emitted, bt)) === false) stopped = true;
    emitted = bt;
  };
  /** Makes room: everything is emitted, the last 32 KiB kept for back references. */
  const slide = (): void => {
    if (sink === undefined || base + bt >= size) fail(BEYOND);
    emit();
    const keep = Math.min(bt, WINDOW);
    buf.copyWithin(0, bt - keep, bt);
    base += bt - keep;
    bt = emitted = keep;
    lim = Math.min(cap - 258, size - base);
  };
  while (!final) {
    if (pos + 3 > tbts) fail("unexpected end");
    emit();
    if (stopped) return undefined;
    bitAt.push(pos);
    outAt.push(base + bt);
    sink?.block(base + bt, pos);
    final = bits(data, pos, 1);
    const type = bits(data, pos + 1, 3);
    pos += 3;
    let lm: Uint16Array;
    let dm: Uint16Array;
    let lbt: number;
    let dbt: number;
    if (type === 0) {
      const s = ((pos + 7) / 8 | 0) + 4;
      if (s > data.length) fail("unexpected end");
      const l = data[s - 4] | (data[s - 3] << 8);
      if ((l ^ 0xffff) !== (data[s - 2] | (data[s - 1] << 8))) fail("stored block length");
      const t = s + l;
      if (t > data.length) fail("unexpected end");
      if (base + bt + l > size) fail(BEYOND);
      for (let at = s; at < t; ) {
        if (bt >= lim) {
          slide();
          if (stopped) return undefined;
        }
        const n = Math.min(t - at, lim - bt);
        buf.set(data.subarray(at, at + n), bt);
        bt += n;
        at += n;
      }
      pos = t * 8;
      continue;
    } else if (type === 1) {
      lm = flrm;
      dm = fdrm;
      lbt = 9;
      dbt = 5;
    } else if (type === 2) {
      const hLit = bits(data, pos, 31) + 257;
      const hcLen = bits(data, pos + 10, 15) + 4;
      const tl = hLit + bits(data, pos + 5, 31) + 1;
      pos += 14;
      const ldt = new u8(tl);
      const clt = new u8(19);
      for (let i = 0; i < hcLen; ++i) clt[clim[i]] = bits(data, pos + i * 3, 7);
      pos += hcLen * 3;
      const clb = max(clt);
      const clbmsk = (1 << clb) - 1;
      const clm = hMap(clt, clb);
      for (let i = 0; i < tl; ) {
        const r = clm[bits(data, pos, clbmsk)];
        if (!r) fail("invalid code length code");
        pos += r & 15;
        const s = r >> 4;
        if (s < 16) ldt[i++] = s;
        else {
          let c = 0;
          let n = 0;
          if (s === 16) {
            if (i === 0) fail("repeat with no previous length");
            n = 3 + bits(data, pos, 3);
            pos += 2;
            c = ldt[i - 1];
          } else if (s === 17) {
            n = 3 + bits(data, pos, 7);
            pos += 3;
          } else {
            n = 11 + bits(data, pos, 127);
            pos += 7;
          }
          if (i + n > tl) fail("too many code lengths");
          while (n--) ldt[i++] = c;
        }
        if (pos > tbts) fail("unexpected end");
      }
      const lt = ldt.subarray(0, hLit);
      const dt = ldt.subarray(hLit);
      lbt = max(lt);
      dbt = max(dt);
      lm = hMap(lt, lbt);
      dm = hMap(dt, dbt);
    } else return fail("invalid block type");
    const lms = (1 << lbt) - 1;
    const dms = (1 << dbt) - 1;
    for (;;) {
      const c = lm[bits16(data, pos) & lms];
      const sym = c >> 4;
      pos += c & 15;
      if (pos > tbts) fail("unexpected end");
      if (!c) fail("invalid length/literal");
      if (sym < 256) {
        if (bt >= lim) {
          slide();
          if (stopped) return undefined;
        }
        buf[bt++] = sym;
      } else if (sym === 256) break;
      else {
        if (sym > 285) fail("invalid length code");
        let add = sym - 254;
        if (sym > 264) {
          const i = sym - 257;
          const b = fleb[i];
          add = bits(data, pos, (1 << b) - 1) + fl[i];
          pos += b;
        }
        const d = dm[bits16(data, pos) & dms];
        const dsym = d >> 4;
        if (!d || dsym > 29) fail("invalid distance");
        pos += d & 15;
        let dist = fd[dsym];
        if (dsym > 3) {
          const b = fdeb[dsym];
          dist += bits16(data, pos) & ((1 << b) - 1);
          pos += b;
        }
        if (pos > tbts) fail("unexpected end");
        if (dist > base + bt) fail("distance too far back");
        if (bt + add > lim) {
          slide();
          if (stopped) return undefined;
        }
        const end = bt + add;
        if (end > lim) fail(BEYOND);
        for (; bt < end; ++bt) buf[bt] = buf[bt - dist];
      }
    }
  }
  emit();
  if (stopped) return undefined;
  if (base + bt !== size) throw new InflateError("short", `${base + bt} bytes, ${size} declared`, base + bt);
  if (sink === undefined) whole(buf.subarray(0, size));
  return { bitAt, outAt };
}
