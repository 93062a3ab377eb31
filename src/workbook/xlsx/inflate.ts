// Inflates zip parts under size caps (declared size checked before, actual size while inflating).
import { Inflate } from "fflate";
import { formatBytes, UnreadableInputError, unreadable } from "./errors";
import { entryData, type ZipEntry } from "./zip";

export interface ReadLimits {
  /** Largest inflated size of one part. */
  readonly maxPartBytes: number;
  /** Largest inflated size of all parts read from one file. */
  readonly maxTotalBytes: number;
}

export const DEFAULT_LIMITS: ReadLimits = { maxPartBytes: 1024 ** 3, maxTotalBytes: 2 * 1024 ** 3 };

const FIRST_STEP = 32 * 1024;
const MAX_STEP = 1024 * 1024;

export class PartInflater {
  private readonly counted = new Map<string, number>();
  private total = 0;

  constructor(
    private readonly zipBytes: Uint8Array,
    private readonly fileName: string,
    private readonly limits: ReadLimits,
  ) {}

  /** Streams the inflated bytes of `e` in chunks; `onChunk` returns false to stop early (nothing more is inflated). */
  stream(e: ZipEntry, onChunk: (chunk: Uint8Array) => boolean): void {
    const data = entryData(this.zipBytes, e, this.fileName);
    this.charge(e);
    const declared = e.size;
    if (e.method === 0) {
      if (data.length > declared) this.bomb(e);
      for (let i = 0; i < data.length; i += 4 * MAX_STEP) {
        if (!onChunk(data.subarray(i, Math.min(data.length, i + 4 * MAX_STEP)))) return;
      }
      return;
    }
    let produced = 0;
    const pending: Uint8Array[] = [];
    const inflater = new Inflate((chunk) => {
      produced += chunk.length;
      if (produced > declared) this.bomb(e);
      if (chunk.length) pending.push(chunk);
    });
    let step = FIRST_STEP;
    for (let i = 0; i < data.length || i === 0; ) {
      const end = Math.min(data.length, i + step);
      try {
        inflater.push(data.subarray(i, end), end === data.length);
      } catch (err) {
        if (err instanceof UnreadableInputError) throw err;
        unreadable(this.fileName, `the file is damaged (part ${e.name} does not inflate: ${(err as Error).message})`);
      }
      for (let k = 0; k < pending.length; k++) if (!onChunk(pending[k])) return;
      pending.length = 0;
      if (end === data.length) break;
      i = end;
      step = Math.min(step * 2, MAX_STEP);
    }
  }

  /** The whole inflated part. */
  bytes(e: ZipEntry): Uint8Array {
    const out = new Uint8Array(e.size);
    let at = 0;
    this.stream(e, (chunk) => {
      out.set(chunk, at);
      at += chunk.length;
      return true;
    });
    return at === out.length ? out : out.subarray(0, at);
  }

  /** Counts the part's declared size against the caps once per part. */
  private charge(e: ZipEntry): void {
    const { maxPartBytes, maxTotalBytes } = this.limits;
    if (e.size > maxPartBytes) {
      unreadable(this.fileName, `part ${e.name} declares ${formatBytes(e.size)} uncompressed, over the ${formatBytes(maxPartBytes)} limit per part; refused as a possible zip bomb`);
    }
    if (this.counted.has(e.name)) return;
    if (this.total + e.size > maxTotalBytes) {
      unreadable(this.fileName, `the parts needed inflate to more than ${formatBytes(maxTotalBytes)} in total; refused as a possible zip bomb`);
    }
    this.counted.set(e.name, e.size);
    this.total += e.size;
  }

  private bomb(e: ZipEntry): never {
    return unreadable(this.fileName, `part ${e.name} inflates beyond its declared size of ${formatBytes(e.size)}; refused as a possible zip bomb`);
  }
}

export interface Decoder {
  decode(input?: Uint8Array, options?: { stream?: boolean }): string;
}

/** A decoder for XML bytes: UTF-8 unless a UTF-16 byte-order mark says otherwise. */
export function xmlDecoder(first: Uint8Array): Decoder {
  if (first.length >= 2 && first[0] === 0xff && first[1] === 0xfe) return new TextDecoder("utf-16le");
  if (first.length >= 2 && first[0] === 0xfe && first[1] === 0xff) return new TextDecoder("utf-16be");
  return new TextDecoder("utf-8");
}

export function decodeXml(bytes: Uint8Array): string {
  return xmlDecoder(bytes).decode(bytes);
}
