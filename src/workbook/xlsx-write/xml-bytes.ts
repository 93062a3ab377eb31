// XML written straight into UTF-8 chunks: a large new sheet (every row an issue: 130 MB of XML) is never built as
// strings and then encoded. Cell text and formulas are escaped as escapeCellText and escapeFormula escape them and
// encoded as TextEncoder encodes them, in the one pass that copies them in.
import { escapeCellText, escapeFormula } from "./xml-escape";

/** Bytes a chunk holds (a longer piece gets a chunk of its own size). */
const CHUNK = 1 << 18;
const utf8 = new TextEncoder();

/** Markup as bytes, copied in with `raw` (a copy of bytes is several times faster than one of a string's characters). */
export const markup = (s: string): Uint8Array => utf8.encode(s);

/** Markup up to this long is copied in byte by byte. */
const SHORT = 12;
/** The most bytes one UTF-16 code unit takes in: & as &amp;. */
const MAX_BYTES = 5;

export class XmlBytes {
  private buf = new Uint8Array(CHUNK);
  private at = 0;
  private full: Uint8Array[] = [];

  /** Room for n more bytes in the current chunk: the filled part is set aside and a new chunk begun where it lacks it. */
  private room(n: number): void {
    if (this.at + n <= this.buf.length) return;
    if (this.at > 0) this.full.push(this.buf.subarray(0, this.at));
    this.buf = new Uint8Array(Math.max(CHUNK, n));
    this.at = 0;
    this.turns++;
  }

  /** Chunks begun so far: where it has not moved since `mark`, what was written since is in one chunk (`since`). */
  turns = 0;

  /** Whether filled chunks wait to be taken. */
  get ready(): boolean {
    return this.full.length > 0;
  }

  /** The filled chunks, handed over (each a view of its own buffer, never written again). */
  take(): Uint8Array[] {
    const out = this.full;
    this.full = [];
    return out;
  }

  /** Everything written and not yet taken; the writer is empty after. */
  end(): Uint8Array[] {
    if (this.at > 0) this.full.push(this.buf.subarray(0, this.at));
    this.buf = new Uint8Array(0);
    this.at = 0;
    return this.take();
  }

  /** Room for `n` bytes in the current chunk (what is written within them can be rewound: see mark). */
  reserve(n: number): void {
    this.room(n);
  }

  /** Where the next byte goes, with room for `n` bytes from there in the current chunk: `rewind` to it drops what
   * was written since, provided it was no more than n bytes. */
  mark(n: number): number {
    this.room(n);
    return this.at;
  }

  rewind(to: number): void {
    this.at = to;
  }

  /** A copy of what was written since `mark` gave `from`, no new chunk begun since (see `turns`). */
  since(from: number): Uint8Array {
    return this.buf.slice(from, this.at);
  }

  /** Bytes made once (markup), as they are: short ones copied byte by byte (a call to set costs more than their copy). */
  raw(b: Uint8Array): void {
    const n = b.length;
    this.room(n);
    if (n > SHORT) {
      this.buf.set(b, this.at);
      this.at += n;
      return;
    }
    const out = this.buf;
    let at = this.at;
    for (let i = 0; i < n; i++) out[at++] = b[i];
    this.at = at;
  }

  /** The row number `ref` writes, as its digits (a row's cells all name it). */
  private readonly digits = new Uint8Array(16);
  private digitCount = 0;

  /** Sets the row number that `ref` writes after a cell's column. */
  row(n: number): void {
    this.digitCount = putUint(this.digits, 0, n);
  }

  /** `open` (a cell's markup up to its column letters: `<c r="B`), then the row number set by `row`. */
  ref(open: Uint8Array): void {
    const n = open.length;
    const d = this.digitCount;
    this.room(n + d);
    const out = this.buf;
    let at = this.at;
    for (let i = 0; i < n; i++) out[at++] = open[i];
    const g = this.digits;
    for (let i = 0; i < d; i++) out[at++] = g[i];
    this.at = at;
  }

  /** ASCII text as it is (nothing escaped). */
  ascii(s: string): void {
    this.room(s.length);
    const b = this.buf;
    let at = this.at;
    for (let i = 0; i < s.length; i++) b[at++] = s.charCodeAt(i);
    this.at = at;
  }

  /** A non-negative integer below 2^53, as String(n) writes it. */
  uint(n: number): void {
    this.room(16);
    this.at = putUint(this.buf, this.at, n);
  }

  /** A finite number as String(n) writes it. */
  number(n: number): void {
    if (Number.isInteger(n) && n >= 0 && n <= Number.MAX_SAFE_INTEGER && !Object.is(n, -0)) this.uint(n);
    else this.ascii(String(n));
  }

  /** Cell text (ST_Xstring), as escapeCellText escapes it. */
  text(s: string): void {
    if (!this.plain(s, true)) this.encoded(escapeCellText(s));
  }

  /**
   * Cell text, as `text` writes it, where it holds no control character (tab and line feed included: a cell with
   * them needs xml:space="preserve"), no _, no surrogate and no U+FFFE/U+FFFF (nearly every cell); else nothing is
   * written and false said.
   */
  plainText(s: string): boolean {
    return this.plain(s, true);
  }

  /** Formula text, as escapeFormula escapes it. */
  formula(s: string): void {
    if (!this.plain(s, false)) this.encoded(escapeFormula(s));
  }

  /** Text as TextEncoder encodes it (lone surrogates as U+FFFD). */
  private encoded(s: string): void {
    this.room(3 * s.length); // a UTF-16 code unit takes 3 bytes at most, a pair of them 4
    this.at += utf8.encodeInto(s, this.buf.subarray(this.at)).written;
  }

  /**
   * Copies s in as UTF-8 with & < > as entities where it has no control character, no surrogate, no U+FFFE/U+FFFF
   * and, for cell text, no _ (escapeCellText's _xHHHH_ cases) and says so; else writes nothing and says false.
   */
  private plain(s: string, text: boolean): boolean {
    this.room(MAX_BYTES * s.length);
    const b = this.buf;
    let at = this.at;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x80) {
        if (c > 0x3e || (c > 0x26 && c < 0x3c) || (c >= 0x20 && c < 0x26)) {
          if (c === 0x5f && text) return false;
          b[at++] = c;
        } else if (c === 0x26) {
          b[at++] = 0x26; // &amp;
          b[at++] = 0x61;
          b[at++] = 0x6d;
          b[at++] = 0x70;
          b[at++] = 0x3b;
        } else if (c === 0x3c || c === 0x3e) {
          b[at++] = 0x26; // &lt; &gt;
          b[at++] = c === 0x3c ? 0x6c : 0x67;
          b[at++] = 0x74;
          b[at++] = 0x3b;
        } else if (c === 0x3d) b[at++] = c;
        else return false; // a control character
      } else if (c < 0x800) {
        b[at++] = 0xc0 | (c >> 6);
        b[at++] = 0x80 | (c & 0x3f);
      } else {
        if ((c >= 0xd800 && c <= 0xdfff) || c >= 0xfffe) return false;
        b[at++] = 0xe0 | (c >> 12);
        b[at++] = 0x80 | ((c >> 6) & 0x3f);
        b[at++] = 0x80 | (c & 0x3f);
      }
    }
    this.at = at;
    return true;
  }
}

/** Writes a non-negative integer below 2^53 into b at `at` as String(n) writes it (b has room for 16 bytes there);
 * returns where it ends. */
export function putUint(b: Uint8Array, at: number, n: number): number {
  let digits = 1;
  for (let p = 10; p <= n; p *= 10) digits++;
  const end = at + digits;
  let o = end;
  do {
    const q = Math.floor(n / 10);
    b[--o] = 0x30 + (n - q * 10);
    n = q;
  } while (n > 0);
  return end;
}
