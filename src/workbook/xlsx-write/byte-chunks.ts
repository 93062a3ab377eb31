// New XML written straight as UTF-8 bytes into 1 MiB blocks, each handed out whole once full (no copy): a product
// sheet of hundreds of thousands of rows is never a string to concatenate, flatten and encode again.

const BLOCK = 1 << 20;
/** Text up to this long is encoded here (a row number, a reference); longer, by TextEncoder.encodeInto. */
const SHORT = 8;

export class ByteChunks {
  private block = new Uint8Array(BLOCK);
  private used = 0;
  private readonly full: Uint8Array[] = [];
  private readonly enc = new TextEncoder();

  /** How many bytes the current block holds (a mark to cut back to while nothing was handed out since). */
  get mark(): number {
    return this.used;
  }

  /** Cuts the current block back to a mark. */
  cut(mark: number): void {
    this.used = mark;
  }

  /** Room for n bytes in the current block (a new block when it has less); n at most a block. */
  room(n: number): void {
    if (BLOCK - this.used < n) this.next();
  }

  /** Text as UTF-8, as TextEncoder writes it (a lone surrogate as U+FFFD). */
  text(s: string): void {
    const n = s.length;
    if (n * 3 > BLOCK) return this.bytes(this.enc.encode(s));
    this.room(n * 3);
    if (n > SHORT) {
      this.used += this.enc.encodeInto(s, this.block.subarray(this.used)).written;
      return;
    }
    const b = this.block;
    let u = this.used;
    for (let i = 0; i < n; i++) {
      let c = s.charCodeAt(i);
      if (c < 0x80) b[u++] = c;
      else if (c < 0x800) {
        b[u++] = 0xc0 | (c >> 6);
        b[u++] = 0x80 | (c & 63);
      } else {
        if (c >= 0xd800 && c <= 0xdfff) {
          const d = i + 1 < n ? s.charCodeAt(i + 1) : 0;
          if (c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) {
            c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
            i++;
            b[u++] = 0xf0 | (c >> 18);
            b[u++] = 0x80 | ((c >> 12) & 63);
            b[u++] = 0x80 | ((c >> 6) & 63);
            b[u++] = 0x80 | (c & 63);
            continue;
          }
          c = 0xfffd;
        }
        b[u++] = 0xe0 | (c >> 12);
        b[u++] = 0x80 | ((c >> 6) & 63);
        b[u++] = 0x80 | (c & 63);
      }
    }
    this.used = u;
  }

  /** Bytes, copied (the caller may reuse them). */
  bytes(x: Uint8Array): void {
    let at = 0;
    while (at < x.length) {
      this.room(Math.min(x.length - at, BLOCK));
      const n = Math.min(BLOCK - this.used, x.length - at);
      if (n < 32) for (let k = 0; k < n; k++) this.block[this.used + k] = x[at + k];
      else this.block.set(at === 0 && n === x.length ? x : x.subarray(at, at + n), this.used);
      this.used += n;
      at += n;
    }
  }

  /** Whether a block was filled since the last take. */
  get ready(): boolean {
    return this.full.length > 0;
  }

  /** The blocks filled since the last take, handed over. */
  take(): Uint8Array[] {
    return this.full.splice(0, this.full.length);
  }

  /** Everything left, the current block cut to what it holds. */
  finish(): Uint8Array[] {
    if (this.used > 0) this.full.push(this.block.subarray(0, this.used));
    this.block = new Uint8Array(0);
    this.used = 0;
    return this.take();
  }

  private next(): void {
    if (this.used > 0) this.full.push(this.block.subarray(0, this.used));
    this.block = new Uint8Array(BLOCK);
    this.used = 0;
  }
}
