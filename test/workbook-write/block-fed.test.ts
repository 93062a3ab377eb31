// A part too large to inflate whole is inflated natively a window of whole blocks at a time, at the blocks the reader
// noted (block-fed.ts): the same bytes as inflating it whole, whatever wrote its deflate data and however small the
// windows; notes that do not fit the data are refused (the package then says the part is unreadable in one line).
import { unzipSync } from "fflate";
import { inflateRawSync } from "node:zlib";
import { nodeCompressor } from "../../src/cli/node-compressor";
import { openXlsx } from "../../src/workbook/xlsx";
import { entryData, readZipIndex } from "../../src/workbook/xlsx/zip";
import { blockFedChunks, windowStarts } from "../../src/workbook/xlsx-write/block-fed";
import { PackageEditor } from "../../src/workbook/xlsx-write/package";
import { ZipWriter } from "../../src/workbook/xlsx-write/zip-write";
import { buildXlsx, worksheetXml } from "../workbook/xlsx-builder";

const PART = "xl/worksheets/sheet1.xml";
const rows = (n: number): string =>
  Array.from({ length: n }, (_, i) => i + 1).map((r) => `<row r="${r}"><c r="A${r}"><v>${r}</v></c><c r="B${r}" t="inlineStr"><is><t>名${(r * 7919) % 100003}</t></is></c></row>`).join("");
const BOOK = buildXlsx({ sheets: [{ name: "名册", rows: rows(40_000) }] });

/** The book with every part deflated anew: by zlib (1 MB sync-flushed batches, as the CLI writes) or by fflate. */
function rezip(level: number, native: boolean): Uint8Array {
  const zip = new ZipWriter(level, native ? nodeCompressor : undefined);
  for (const [name, bytes] of Object.entries(unzipSync(BOOK))) zip.deflate(name, [bytes], { time: 0, date: 0x21, versionMadeBy: 20, externalAttrs: 0 });
  return zip.finish();
}

const concat = (chunks: Iterable<Uint8Array>): Buffer => Buffer.concat([...chunks]);

describe("blockFedChunks: the part's bytes a window of whole blocks at a time", () => {
  const cases: Array<[string, Uint8Array]> = [
    ["zlib level 1, sync-flushed batches", rezip(1, true)],
    ["zlib level 6", rezip(6, true)],
    ["fflate level 6", rezip(6, false)],
  ];
  it.each(cases)("%s: the same bytes as one inflate, in windows of 1 byte to the whole part", (_label, book) => {
    const wb = openXlsx(book, "b.xlsx");
    wb.snapshot();
    const notes = wb.partEnds(PART)!;
    expect(notes.outAt.length).toBeGreaterThan(2);
    const data = entryData(book, readZipIndex(book, "b.xlsx").get(PART)!, "b.xlsx");
    const whole = inflateRawSync(data);
    for (const window of [1, 40_000, 300_000, 8 << 20]) {
      const starts = windowStarts(data, notes.outAt, notes.bitAt, window)!;
      expect(starts).toBeDefined();
      const got = concat(blockFedChunks(data, notes.outAt, notes.bitAt, notes.size, nodeCompressor.inflatePiece!, starts));
      expect([window, got.equals(whole)]).toEqual([window, true]);
    }
  });

  it("notes that do not fit the data (a window's first bit moved) give no part: an inflate error, else other bytes", () => {
    const book = rezip(1, true);
    const wb = openXlsx(book, "b.xlsx");
    wb.snapshot();
    const notes = wb.partEnds(PART)!;
    const data = entryData(book, readZipIndex(book, "b.xlsx").get(PART)!, "b.xlsx");
    const whole = inflateRawSync(data);
    const starts = windowStarts(data, notes.outAt, notes.bitAt, 40_000)!;
    const moved = notes.bitAt.map((b, i) => (i === starts[1] ? b + 3 : b));
    const run = () => {
      if (!concat(blockFedChunks(data, notes.outAt, moved, notes.size, nodeCompressor.inflatePiece!, starts)).equals(whole)) throw new Error("other bytes");
    };
    expect(run).toThrow();
    // through the package: its bytes as fflate's (the CRC-32 and size checked at the end)
    const pkg = new PackageEditor(book, "b.xlsx", undefined, undefined, nodeCompressor.inflatePiece).partChunks(PART, notes)!;
    expect(concat(pkg).equals(concat(new PackageEditor(book, "b.xlsx").partChunks(PART)!))).toBe(true);
  });

  it.each([["fflate, streamed", false], ["zlib, block-fed at the notes", true]])("a part damaged after it was read (%s): refused in one line naming the file, as the input's", (_label, native) => {
    const book = rezip(1, true);
    const wb = openXlsx(book, "b.xlsx");
    wb.snapshot();
    const notes = wb.partEnds(PART)!;
    const damaged = book.slice();
    const entry = readZipIndex(book, "b.xlsx").get(PART)!;
    const start = entryData(book, entry, "b.xlsx").byteOffset - book.byteOffset;
    damaged[start + Math.floor(entry.compressedSize / 2)] ^= 0x55;
    const pkg = native ? new PackageEditor(damaged, "b.xlsx", undefined, undefined, nodeCompressor.inflatePiece) : new PackageEditor(damaged, "b.xlsx");
    expect(() => concat(pkg.partChunks(PART, native ? notes : undefined)!)).toThrow(/b\.xlsx/);
  });
});
