// The reader notes, while it inflates a worksheet part in full, where each deflate block starts and the part's ends
// (read-sheet.ts SheetPartEnds); the writer keeps a flagged sheet's compressed start with them instead of inflating
// the part a second time. The notes hold the part's own bytes, blocks and CRC-32s whatever wrote the deflate data
// and however small the window; none are given where they could not be whole; and a check written with them holds
// the parts a check written without them holds, on the example, generated rosters (one sheet and twenty, inline
// strings), with and without --fix, and on the real-world corpus.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { crc32 } from "node:zlib";
import { unzipSync } from "fflate";
import { writeBigRoster } from "../../bench/make-big";
import { makeRealWorldCorpus } from "../../scripts/make-real-world-corpus";
import { checkRoster, NoRosterError } from "../../src/app/check-roster";
import { checkAndWrite } from "../../src/app/write-workbook";
import { nodeCompressor } from "../../src/cli/node-compressor";
import { DEFAULT_LIMITS, openXlsx, type SheetPartEnds, UnreadableInputError } from "../../src/workbook/xlsx";
import { PartInflater } from "../../src/workbook/xlsx/inflate";
import { scanSheetPart } from "../../src/workbook/xlsx/read-sheet";
import { entryData, readZipIndex } from "../../src/workbook/xlsx/zip";
import { inflateBlocks } from "../../src/workbook/xlsx/inflate-blocks";
import { PackageEditor } from "../../src/workbook/xlsx-write/package";
import { readRawEntries, ZipWriter } from "../../src/workbook/xlsx-write/zip-write";
import { makeBigRoster } from "../fixtures/xlsx-reader/make-big-roster";
import { parts } from "../helpers/package-parts";
import { buildXlsx, compressedRange, utf16le, worksheetXml, zipFiles } from "../workbook/xlsx-builder";

const PART = "xl/worksheets/sheet1.xml";

function rowsXml(n: number): string {
  const out: string[] = [];
  for (let r = 1; r <= n; r++) {
    out.push(`<row r="${r}"><c r="A${r}"><v>${r}</v></c><c r="B${r}" t="inlineStr"><is><t>名${(r * 7919) % 100003}</t></is></c>` +
      `<c r="C${r}" s="1"><v>${20000 + (r % 9000)}</v></c><c r="D${r}" t="s"><v>${r % 2}</v></c></row>`);
  }
  return out.join("");
}
const TAIL = '<dataValidations count="1"><dataValidation type="list" sqref="F2:F9"><formula1>"是,否"</formula1></dataValidation></dataValidations>';
const XML = worksheetXml(rowsXml(30_000)).replace("</sheetData>", `</sheetData>${TAIL}`);

/** The book with every part deflated anew: by zlib (in 1 MB sync-flushed batches, as the CLI writes) or fflate. */
function rezip(book: Uint8Array, level: number, native: boolean): Uint8Array {
  const zip = new ZipWriter(level, native ? nodeCompressor : undefined);
  for (const [name, bytes] of Object.entries(unzipSync(book))) zip.deflate(name, [bytes], { time: 0, date: 0x21, versionMadeBy: 20, externalAttrs: 0 });
  return zip.finish();
}

const ctx = (maxRows = Infinity) => ({
  sharedStrings: ["零", "一"], dateStyles: new Uint8Array([0, 1]), date1904: false, maxRows,
  fail: (code: string): never => {
    throw new Error(code);
  },
});

function notesOf(book: Uint8Array, windowStart?: number, maxRows = Infinity): SheetPartEnds | undefined {
  const entry = readZipIndex(book, "n.xlsx").get(PART)!;
  return scanSheetPart(new PartInflater(book, "n.xlsx", DEFAULT_LIMITS), entry, ctx(maxRows), windowStart).ends;
}

/** The notes against the part itself: its bytes, its blocks as inflateBlocks finds them, the CRC-32 before each. */
function expectTrueNotes(book: Uint8Array, ends: SheetPartEnds | undefined): void {
  expect(ends).toBeDefined();
  const e = readZipIndex(book, "n.xlsx").get(PART)!;
  const bytes = Buffer.from(unzipSync(book)[PART]);
  const blocks = inflateBlocks(entryData(book, e, "n.xlsx"), e.size);
  expect([ends!.size, ends!.crc, ends!.compressedSize]).toEqual([e.size, e.crc, e.compressedSize]);
  const dataTag = bytes.indexOf("<sheetData>") + "<sheetData>".length;
  expect(Buffer.from(ends!.head).equals(bytes.subarray(0, dataTag))).toBe(true);
  expect(Buffer.from(ends!.tail).equals(bytes.subarray(ends!.tailAt))).toBe(true);
  expect([...ends!.outAt]).toEqual(blocks.outAt);
  expect([...ends!.bitAt]).toEqual(blocks.bitAt);
  expect([...ends!.crcAt]).toEqual(blocks.outAt.map((at) => crc32(bytes.subarray(0, at)) >>> 0));
  // the tail starts at the last block start at or before </sheetData>
  const close = bytes.lastIndexOf("</sheetData>");
  expect(blocks.outAt).toContain(ends!.tailAt);
  expect(ends!.tailAt).toBeLessThanOrEqual(close);
  expect(blocks.outAt.some((o) => o > ends!.tailAt && o <= close)).toBe(false);
}

describe("the reader's notes of a worksheet part read in full", () => {
  const book = buildXlsx({ sheets: [{ name: "S", xml: XML }], sharedStrings: ["零", "一"] });
  it.each<[string, number, boolean]>([
    ["zlib level 1, sync-flushed batches", 1, true],
    ["zlib level 6", 6, true],
    ["zlib level 9", 9, true],
    ["fflate level 1", 1, false],
    ["fflate level 9", 9, false],
  ])("%s: the part's own bytes, blocks and CRC-32s, through any window", (_what, level, native) => {
    const b = rezip(book, level, native);
    for (const windowStart of [undefined, 100_000, 4096, 1]) expectTrueNotes(b, notesOf(b, windowStart));
    const wb = openXlsx(b, "n.xlsx");
    wb.readSheet("S");
    expectTrueNotes(b, wb.partEnds(PART));
    expect(wb.partEnds("XL/Worksheets/Sheet1.xml")).toBe(wb.partEnds(PART));
  });

  it("none for a peek, a stored part or a UTF-16 part", () => {
    expect(notesOf(book, undefined, 10)).toBeUndefined();
    const wb = openXlsx(book, "n.xlsx");
    wb.readSheet("S", { maxRows: 10 });
    expect(wb.partEnds(PART)).toBeUndefined();
    const stored = zipFiles(unzipSync(book), 0);
    expect(readZipIndex(stored, "s.xlsx").get(PART)!.method).toBe(0);
    expect(notesOf(stored)).toBeUndefined();
    const utf16 = rezip(buildXlsx({ sheets: [{ name: "S", xml: "x" }], sharedStrings: ["零", "一"], extra: { [PART]: utf16le(XML) } }), 6, true);
    expect(notesOf(utf16)).toBeUndefined();
  });

  it("none when the part's tail is not read to its end (over 8 MiB after </sheetData>)", () => {
    const long = worksheetXml(rowsXml(100)).replace("</sheetData>", `</sheetData><!--${"x".repeat(9 << 20)}-->`);
    const b = rezip(buildXlsx({ sheets: [{ name: "S", xml: long }], sharedStrings: ["零", "一"] }), 6, true);
    expect(notesOf(b)).toBeUndefined();
  });
});

describe("damaged deflate data in a sheet", () => {
  const book = buildXlsx({ sheets: [{ name: "S", xml: XML }], sharedStrings: ["零", "一"] });
  const [start, end] = compressedRange(book, PART);
  it.each<[string, (b: Uint8Array) => void]>([
    ["its second half zeroed", (b) => b.fill(0, (start + end) >> 1, end)],
    ["its last block's header changed to an invalid type", (b) => b.fill(0xff, end - 600, end)],
  ])("%s: refused naming the part, as damage", (_what, damage) => {
    const bad = book.slice();
    damage(bad);
    const wb = openXlsx(bad, "d.xlsx");
    expect(() => wb.readSheet("S")).toThrow(UnreadableInputError);
    expect(() => wb.readSheet("S")).toThrow(/^d\.xlsx: the file is damaged \(part xl\/worksheets\/sheet1\.xml (does not inflate: |fails its CRC-32 check|inflates to )/);
  });
});

describe("a check written with the reader's notes", () => {
  const REQ = { today: "2025-12-31", asOf: "2025-12-31" };
  const time = "2025-12-31 10:00:00";
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "reader-ends-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** Writes the check with the notes and without them (the writer inflating the sheets itself); same parts. */
  async function sameWithAndWithout(bytes: Uint8Array, fix: boolean, expectNoted: boolean): Promise<number> {
    let kept = 0;
    for (const compressor of [nodeCompressor, undefined]) {
      const opts = { time, deflateLevel: 1, compressor };
      const noted = jest.spyOn(PackageEditor.prototype, "notedEnds");
      const inflated: string[] = [];
      const again = jest.spyOn(PackageEditor.prototype, "partEnds");
      const whole = jest.spyOn(PackageEditor.prototype, "originalBytesKept");
      const withNotes = await checkAndWrite(bytes, "in.xlsx", { ...REQ, fix }, opts);
      for (const c of [...again.mock.calls, ...whole.mock.calls]) inflated.push(c[0]);
      const used = noted.mock.calls.filter((_c, i) => noted.mock.results[i].value !== undefined).map((c) => c[0]);
      if (expectNoted) expect(used.length).toBeGreaterThan(0);
      kept += used.length;
      // a sheet kept with the notes is never inflated again
      for (const part of used) expect(inflated).not.toContain(part);
      noted.mockReturnValue(undefined);
      const without = await checkAndWrite(bytes, "in.xlsx", { ...REQ, fix }, opts);
      jest.restoreAllMocks();
      expect(withNotes.report).toEqual(without.report);
      const a = parts(without.output);
      const b = parts(withNotes.output);
      expect([...b.keys()]).toEqual([...a.keys()]);
      for (const [name, data] of a) expect([name, Buffer.from(data).equals(Buffer.from(b.get(name)!))]).toEqual([name, true]);
      const crcs = (o: Uint8Array) => readRawEntries(o, "o").map((r) => [r.entry.name, r.crc, r.entry.size]);
      expect(crcs(withNotes.output)).toEqual(crcs(without.output));
    }
    return kept;
  }

  it.each<[string, () => Promise<Uint8Array>]>([
    ["the example", async () => readFileSync(join(__dirname, "../../examples/铁西街党员花名册.xlsx"))],
    ["5,000 members", async () => makeBigRoster(5000)],
    ["2,000 members on 20 branch sheets", async () => {
      await writeBigRoster(join(dir, "branches.xlsx"), 2000, { sheets: 20 });
      return readFileSync(join(dir, "branches.xlsx"));
    }],
    ["3,000 members, inline strings, traditional, text dates", async () => {
      await writeBigRoster(join(dir, "inline.xlsx"), 3000, { inline: true, traditional: true, textDates: true });
      return readFileSync(join(dir, "inline.xlsx"));
    }],
  ])("%s: the same parts as without them, with and without --fix", async (_what, input) => {
    const bytes = await input();
    await sameWithAndWithout(bytes, false, true);
    await sameWithAndWithout(bytes, true, false);
  }, 120_000);

  it.each<[string, () => Promise<Uint8Array>]>([
    ["5,000 members", async () => {
      await writeBigRoster(join(dir, "today-native.xlsx"), 5000, {});
      return readFileSync(join(dir, "today-native.xlsx"));
    }],
    ["3,000 members, inline strings, traditional, text dates", async () => {
      await writeBigRoster(join(dir, "inline-native.xlsx"), 3000, { inline: true, traditional: true, textDates: true });
      return readFileSync(join(dir, "inline-native.xlsx"));
    }],
  ])("%s, --fix: a sheet with cell writes inflated natively, its blocks as noted: the same parts as the writer's own inflater gives", async (_what, input) => {
    const bytes = await input();
    const opts = { time, deflateLevel: 1 };
    const inflateRaw = jest.fn(nodeCompressor.inflateRaw!);
    const native = await checkAndWrite(bytes, "in.xlsx", { ...REQ, fix: true }, { ...opts, compressor: { ...nodeCompressor, inflateRaw } });
    const own = await checkAndWrite(bytes, "in.xlsx", { ...REQ, fix: true }, { ...opts, compressor: { ...nodeCompressor, inflateRaw: undefined } });
    expect(native.report.changes.length).toBeGreaterThan(0);
    expect(inflateRaw).toHaveBeenCalledWith(expect.anything(), readZipIndex(bytes, "in.xlsx").get(PART)!.size);
    expect(native.output).toEqual(own.output);
  }, 120_000);

  it("the real-world corpus: the same parts as without them", async () => {
    const files = await makeRealWorldCorpus(join(dir, "corpus"));
    expect(files.length).toBeGreaterThan(10);
    let rosters = 0;
    let kept = 0;
    for (const f of files) {
      const bytes = readFileSync(f);
      try {
        await checkRoster(openXlsx(bytes, f), REQ);
      } catch (e) {
        if (e instanceof NoRosterError) continue; // the corpus's non-rosters: nothing is written
        throw e;
      }
      rosters++;
      kept += await sameWithAndWithout(bytes, false, false);
    }
    expect(rosters).toBeGreaterThan(10);
    expect(kept).toBeGreaterThan(0);
  }, 180_000);
});
