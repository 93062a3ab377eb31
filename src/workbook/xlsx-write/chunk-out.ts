// New content of a large part built as few chunks: long runs of the input's bytes stay views of them (no copy, and a
// leading run keeps the part's compressed start: deflate-splice.ts); short runs between edits and the edits
// themselves are gathered in a 1 MiB block and pushed as one chunk of their exact size, not one small array each (a
// fix edits hundreds of thousands of rows: each chunk costs the writer a CRC call and a place in a batch).

/** Runs of the input at least this long stay views. */
const VIEW_MIN = 64 * 1024;
const BLOCK = 1 << 20;

export class ChunkOut {
  readonly chunks: Uint8Array[] = [];
  private readonly block = new Uint8Array(BLOCK);
  private used = 0;
  private copied = false;
  private readonly enc = new TextEncoder();

  /** Bytes of the input (a view of them is kept where long, or where nothing was copied yet). */
  view(bytes: Uint8Array): void {
    if (bytes.length === 0) return;
    if (!this.copied || bytes.length >= VIEW_MIN) {
      this.flush();
      this.chunks.push(bytes);
    } else this.copy(bytes);
  }

  /** New bytes (copied: the caller may reuse them). */
  copy(bytes: Uint8Array): void {
    this.copied = true;
    let at = 0;
    while (at < bytes.length) {
      const room = this.room(1);
      const n = Math.min(room, bytes.length - at);
      this.block.set(bytes.subarray(at, at + n), this.used);
      this.used += n;
      at += n;
    }
  }

  /** New text, as UTF-8. */
  text(s: string): void {
    if (s.length === 0) return;
    this.copied = true;
    if (s.length * 3 > BLOCK) return this.copy(this.enc.encode(s));
    this.room(s.length * 3);
    this.used += this.enc.encodeInto(s, this.block.subarray(this.used)).written;
  }

  /** The chunks, the last block cut to what it holds. */
  finish(): Uint8Array[] {
    this.flush();
    return this.chunks;
  }

  /** The chunks so far (as finish), handed over: the next ones start a new list. */
  take(): Uint8Array[] {
    this.flush();
    return this.chunks.splice(0, this.chunks.length);
  }

  /** The chunks complete so far (the block being filled stays), handed over: the same chunks, in the same order,
   * as finish would give, handed over a few at a time. */
  takeDone(): Uint8Array[] {
    return this.chunks.splice(0, this.chunks.length);
  }

  /** Room for `n` bytes in the block (emptied first where it has less), the room there is. */
  private room(n: number): number {
    if (BLOCK - this.used < n) this.flush();
    return BLOCK - this.used;
  }

  /** What the block holds, out as a chunk of its own (a copy: the block is used again). */
  private flush(): void {
    if (this.used > 0) this.chunks.push(this.block.slice(0, this.used));
    this.used = 0;
  }
}
