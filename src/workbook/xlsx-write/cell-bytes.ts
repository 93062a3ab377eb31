// row-edit.ts's inlineCell written as UTF-8 bytes into one buffer used again row after row: a fix writes hundreds of
// thousands of cells into rows edited on bytes (row-edit-bytes.ts), none of them built as a string and encoded.
import { columnLetter } from "../../domain/grid";
import { escapeCellText } from "./xml-escape";
import { putUint } from "./xml-bytes";

/** Bytes written one after another into a buffer that grows (and is kept for the next row). */
export class ByteBuf {
  bytes = new Uint8Array(1 << 16);
  length = 0;

  /** Room for n more bytes. */
  ensure(n: number): void {
    if (this.length + n <= this.bytes.length) return;
    const next = new Uint8Array(Math.max(2 * this.bytes.length, this.length + n));
    next.set(this.bytes.subarray(0, this.length));
    this.bytes = next;
  }

  /** b[a, e) as it is. */
  copy(b: Uint8Array, a: number, e: number): void {
    const n = e - a;
    this.ensure(n);
    const out = this.bytes;
    let o = this.length;
    if (n < 48) for (let i = a; i < e; i++) out[o++] = b[i];
    else out.set(b.subarray(a, e), o);
    this.length += n;
  }

  /** Text as TextEncoder encodes it (a lone surrogate as U+FFFD). */
  utf8(s: string): void {
    this.ensure(3 * s.length);
    const out = this.bytes;
    let o = this.length;
    for (let i = 0; i < s.length; i++) {
      let c = s.charCodeAt(i);
      if (c < 0x80) out[o++] = c;
      else if (c < 0x800) {
        out[o++] = 0xc0 | (c >> 6);
        out[o++] = 0x80 | (c & 0x3f);
      } else {
        if (c >= 0xd800 && c <= 0xdfff) {
          const d = c <= 0xdbff && i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
          if (d >= 0xdc00 && d <= 0xdfff) {
            const u = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
            out[o++] = 0xf0 | (u >> 18);
            out[o++] = 0x80 | ((u >> 12) & 0x3f);
            out[o++] = 0x80 | ((u >> 6) & 0x3f);
            out[o++] = 0x80 | (u & 0x3f);
            i++;
            continue;
          }
          c = 0xfffd;
        }
        out[o++] = 0xe0 | (c >> 12);
        out[o++] = 0x80 | ((c >> 6) & 0x3f);
        out[o++] = 0x80 | (c & 0x3f);
      }
    }
    this.length = o;
  }

  /** A non-negative integer, as String(n) writes it. */
  uint(n: number): void {
    this.ensure(16);
    this.length = putUint(this.bytes, this.length, n);
  }
}

/** A cell's markup for one namespace prefix, as bytes. */
export interface CellMarkup {
  readonly prefix: string;
  /** `<{p}c r="` */
  readonly open: Uint8Array;
  /** `" s="` */
  readonly style: Uint8Array;
  /** ` t="inlineStr"><{p}is><{p}t xml:space="preserve">` */
  readonly text: Uint8Array;
  readonly textEnd: Uint8Array;
  /** `><{p}v>` */
  readonly number: Uint8Array;
  readonly numberEnd: Uint8Array;
}

const enc = new TextEncoder();
let last: CellMarkup | undefined;

export function cellMarkup(p: string): CellMarkup {
  if (last?.prefix === p) return last;
  return (last = {
    prefix: p, open: enc.encode(`<${p}c r="`), style: enc.encode('" s="'),
    text: enc.encode(` t="inlineStr"><${p}is><${p}t xml:space="preserve">`), textEnd: enc.encode(`</${p}t></${p}is></${p}c>`),
    number: enc.encode(`><${p}v>`), numberEnd: enc.encode(`</${p}v></${p}c>`),
  });
}

/** Column letters as bytes, by 1-based column, made once a column. */
const letters: Uint8Array[] = [];

/** `<{p}c r="F7` (then the caller's `" s="..` or nothing, then cellEnd). */
export function cellStart(buf: ByteBuf, m: CellMarkup, col: number, row: number): void {
  const l = (letters[col] ??= enc.encode(columnLetter(col - 1)));
  buf.copy(m.open, 0, m.open.length);
  buf.copy(l, 0, l.length);
  buf.uint(row);
}

/** The rest of inlineCell's cell after its reference (and style): `"` then the value, as inlineCell writes it. */
export function cellEnd(buf: ByteBuf, m: CellMarkup, value: string | number): void {
  buf.ensure(1);
  buf.bytes[buf.length++] = 0x22;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`cannot write ${value} into a cell`);
    buf.copy(m.number, 0, m.number.length);
    buf.utf8(String(value));
    buf.copy(m.numberEnd, 0, m.numberEnd.length);
  } else if (value === "") {
    buf.ensure(2);
    buf.bytes[buf.length++] = 0x2f;
    buf.bytes[buf.length++] = 0x3e;
  } else {
    buf.copy(m.text, 0, m.text.length);
    buf.utf8(escapeCellText(value));
    buf.copy(m.textEnd, 0, m.textEnd.length);
  }
}
