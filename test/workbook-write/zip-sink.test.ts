// A zip written to a sink as it is made (the CLI: a temporary file) is the same bytes as the zip held and returned:
// each entry's local header is written first and filled in place once its CRC and sizes are known.
import { unzipSync } from "fflate";
import { nodeCompressor } from "../../src/cli/node-compressor";
import { ZipWriter, type ZipSink } from "../../src/workbook/xlsx-write/zip-write";
import { buildXlsx } from "../workbook/xlsx-builder";

const rows = (n: number): string =>
  Array.from({ length: n }, (_, i) => i + 1).map((r) => `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>名${(r * 7919) % 100003}</t></is></c></row>`).join("");
// a part of ~6 MB: past the batches deflated here, so the worker's stream hands its batches over as they come
const BOOK = buildXlsx({ sheets: [{ name: "名册", rows: rows(120_000) }] });
const TPL = { time: 0, date: 0x21, versionMadeBy: 20, externalAttrs: 0 };

/** A sink into memory: bytes appended, and written over where the writer says. */
class MemorySink implements ZipSink {
  bytes = new Uint8Array(0);
  write(b: Uint8Array): void {
    const next = new Uint8Array(this.bytes.length + b.length);
    next.set(this.bytes);
    next.set(b, this.bytes.length);
    this.bytes = next;
  }
  writeAt(offset: number, b: Uint8Array): void {
    if (offset + b.length > this.bytes.length) throw new Error("written past the end");
    this.bytes.set(b, offset);
  }
}

function zipOf(level: number, native: boolean, sink?: ZipSink): Uint8Array {
  const zip = new ZipWriter(level, native ? nodeCompressor : undefined, sink);
  const input = unzipSync(BOOK);
  for (const [name, bytes] of Object.entries(input)) zip.deflate(name, [bytes], TPL);
  return zip.finish();
}

describe("ZipWriter with a sink", () => {
  it.each([
    ["zlib (the worker's stream), level 1", 1, true],
    ["fflate, level 6", 6, false],
  ])("%s: the same bytes as the zip returned whole, nothing returned", (_what, level, native) => {
    const sink = new MemorySink();
    const held = zipOf(level, native);
    expect(zipOf(level, native, sink)).toHaveLength(0);
    expect(Buffer.from(sink.bytes).equals(Buffer.from(held))).toBe(true);
    expect(Object.keys(unzipSync(sink.bytes))).toEqual(Object.keys(unzipSync(BOOK)));
  });
});
