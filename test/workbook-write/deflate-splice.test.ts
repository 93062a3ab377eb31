// A rewritten part that keeps its first bytes keeps their deflate blocks: the block-noting inflater gives what zlib
// and fflate give (and refuses what they refuse), a spliced stream inflates to the new content at every block
// boundary, and a check written this way holds the same parts as before, the roster sheet's blocks reused.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { crc32, constants, deflateRawSync, inflateRawSync } from "node:zlib";
import { deflateSync as fflateDeflate, inflateSync as fflateInflate } from "fflate";
import { checkAndWrite } from "../../src/app/write-workbook";
import { nodeCompressor } from "../../src/cli/node-compressor";
import { streamSheetsAbove } from "../../src/workbook/xlsx-write/apply-plan";
import { spliceHead, spliceHeadOf, type SpliceSource } from "../../src/workbook/xlsx-write/deflate-splice";
import { PackageEditor } from "../../src/workbook/xlsx-write/package";
import { patchSheetEnds, patchWorksheet } from "../../src/workbook/xlsx-write/roster-patch";
import { inflateBlocks } from "../../src/workbook/xlsx/inflate-blocks";
import { readRawEntries, ZipWriter } from "../../src/workbook/xlsx-write/zip-write";
import { entryData } from "../../src/workbook/xlsx/zip";
import { makeBigRoster } from "../fixtures/xlsx-reader/make-big-roster";
import { parts } from "../helpers/package-parts";

const utf8 = new TextEncoder();

/** Row-like XML with some variety, `n` rows. */
function sheetXml(n: number): Uint8Array {
  let s = '<?xml version="1.0"?><worksheet><sheetData>';
  for (let r = 1; r <= n; r++) s += `<row r="${r}"><c r="A${r}" t="s"><v>${(r * 7919) % 1013}</v></c><c r="B${r}"><v>${r * 3.25}</v></c></row>`;
  return utf8.encode(s + "</sheetData></worksheet>");
}

function randomBytes(n: number, seed = 1): Uint8Array {
  const b = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    b[i] = x >>> 24;
  }
  return b;
}

const XML = sheetXml(20_000);
const zlibRaw = (b: Uint8Array, level: number) => new Uint8Array(deflateRawSync(b, { level }));

describe("inflateBlocks", () => {
  const inputs: Array<[string, Uint8Array]> = [
    ["sheet XML", XML],
    ["random bytes", randomBytes(200_000)],
    ["empty", new Uint8Array(0)],
    ["one repeated byte", new Uint8Array(300_000).fill(65)],
  ];
  const deflaters: Array<[string, (b: Uint8Array) => Uint8Array]> = [
    ["zlib 0 (stored)", (b) => zlibRaw(b, 0)],
    ["zlib 1", (b) => zlibRaw(b, 1)],
    ["zlib 6", (b) => zlibRaw(b, 6)],
    ["zlib 9", (b) => zlibRaw(b, 9)],
    ["fflate 1", (b) => fflateDeflate(b, { level: 1 })],
    ["fflate 9", (b) => fflateDeflate(b, { level: 9 })],
  ];
  const cases = inputs.flatMap(([what, b]) => deflaters.map(([how, d]) => [what, how, b, d] as const));

  it.each(cases)("%s deflated by %s inflates to itself, its blocks in order", (_what, _how, b, d) => {
    const data = d(b);
    const r = inflateBlocks(data, b.length);
    expect(Buffer.from(r.bytes).equals(Buffer.from(b))).toBe(true);
    expect(r.bitAt[0]).toBe(0);
    expect(r.outAt[0]).toBe(0);
    for (let j = 1; j < r.bitAt.length; j++) {
      expect(r.bitAt[j]).toBeGreaterThan(r.bitAt[j - 1]);
      expect(r.outAt[j]).toBeGreaterThanOrEqual(r.outAt[j - 1]);
    }
  });

  it("a large part has many blocks", () => {
    expect(inflateBlocks(zlibRaw(XML, 6), XML.length).bitAt.length).toBeGreaterThan(10);
  });

  const good = zlibRaw(XML, 6);
  it.each<[string, Uint8Array, number]>([
    ["cut short", good.subarray(0, good.length >> 1), XML.length],
    ["more bytes than declared", good, XML.length - 1],
    ["fewer bytes than declared", good, XML.length + 1],
    ["an invalid block type", new Uint8Array([0x07, 0, 0, 0]), 0],
    ["a stored block whose length check fails", new Uint8Array([0x01, 5, 0, 5, 0, 1, 2, 3, 4, 5]), 5],
    // a fixed-code block whose first symbol copies 3 bytes from 1 back: nothing is there yet
    ["a distance before the start", new Uint8Array([0x03, 0x02, 0x00, 0x00]), 3],
  ])("refuses %s", (_what, data, size) => {
    expect(() => inflateBlocks(data, size)).toThrow(/deflate data/);
  });
});

/** What the block-noting inflate of `data` gives the splice, with zlib's CRC. */
function source(data: Uint8Array, size: number): SpliceSource {
  const r = inflateBlocks(data, size);
  const crcAt = r.outAt.map((at) => crc32(r.bytes.subarray(0, at)) >>> 0);
  return { ...r, crcAt, data };
}

const concat = (xs: readonly Uint8Array[]): Uint8Array => new Uint8Array(Buffer.concat(xs));

describe("spliceHead", () => {
  const data = zlibRaw(XML, 6);
  const src = source(data, XML.length);
  const tail = "<conditionalFormatting/>新的尾巴";

  it("at every block boundary, the kept blocks and a fresh stream inflate to the new content (zlib and fflate)", () => {
    const offsets = new Set<number>();
    for (let j = 0; j < src.outAt.length; j++) {
      for (const cut of [src.outAt[j], src.outAt[j] + 1]) {
        if (cut > XML.length) continue;
        const chunks = [src.bytes.subarray(0, cut), tail];
        const split = spliceHead(src, chunks);
        if (cut < 64 * 1024) {
          expect(split).toBeUndefined();
          continue;
        }
        expect(split).toBeDefined();
        offsets.add(src.bitAt[src.outAt.indexOf(split!.head.size)] & 7);
        const restBytes = concat(split!.rest.map((c) => (typeof c === "string" ? utf8.encode(c) : c)));
        const stream = concat([...split!.head.data, zlibRaw(restBytes, 1)]);
        const want = concat([XML.subarray(0, cut), utf8.encode(tail)]);
        expect(Buffer.from(inflateRawSync(stream)).equals(Buffer.from(want))).toBe(true);
        expect(Buffer.from(fflateInflate(stream)).equals(Buffer.from(want))).toBe(true);
        expect(split!.head.crc).toBe(crc32(XML.subarray(0, split!.head.size)) >>> 0);
        expect(split!.head.size).toBeLessThanOrEqual(cut);
      }
    }
    expect(offsets.size).toBeGreaterThan(1); // blocks ending at several bit offsets were spliced
  });

  it.each<[string, () => (Uint8Array | string)[]]>([
    ["a copy of the bytes, not a view of them", () => [src.bytes.slice(0, 500_000), tail]],
    ["text first", () => ["<?xml", src.bytes.subarray(5)]],
    ["a view of the bytes at another offset", () => [src.bytes.subarray(1, 500_000)]],
    ["the same bytes in another buffer", () => [XML.subarray(0, 500_000)]],
    ["too little kept", () => [src.bytes.subarray(0, 1000), tail]],
  ])("keeps nothing for %s", (_what, chunks) => {
    expect(spliceHead(src, chunks())).toBeUndefined();
  });
});

describe("spliceHeadOf: content made as it is written", () => {
  const src = source(zlibRaw(XML, 6), XML.length);
  const bytesOf = (rest: Iterable<Uint8Array | string>) => concat([...rest].map((c) => (typeof c === "string" ? utf8.encode(c) : c)));
  function* made(chunks: readonly (Uint8Array | string)[]): Generator<Uint8Array | string> {
    yield* chunks;
  }
  it.each<[string, () => (Uint8Array | string)[]]>([
    ["views then new text", () => [src.bytes.subarray(0, 300_000), src.bytes.subarray(300_000, 400_000), "<x/>", src.bytes.subarray(500_000)]],
    ["views then a copy", () => [src.bytes.subarray(0, 450_000), XML.slice(450_000, 460_000), src.bytes.subarray(460_000)]],
    ["too little kept", () => [src.bytes.subarray(0, 1000), "<x/>", src.bytes.subarray(1000)]],
    ["nothing of the part's own", () => ["<x/>", XML.slice(0, 1000)]],
  ])("%s: the head spliceHead keeps, the same content after it", (_what, chunks) => {
    const held = spliceHead(src, chunks());
    const got = spliceHeadOf(src, made(chunks()));
    expect(got.head).toEqual(held?.head);
    expect(Buffer.from(bytesOf(got.rest)).equals(Buffer.from(bytesOf(held?.rest ?? chunks())))).toBe(true);
  });
});

describe("the zip writer after a kept head", () => {
  it.each([["native, in 1 MB batches"], ["fflate"]])("%s: the entry inflates to head + rest, with its CRC and size", (how) => {
    const data = zlibRaw(XML, 6);
    const src = source(data, XML.length);
    const big = randomBytes(3 << 20, 7); // more than one batch
    const split = spliceHead(src, [src.bytes.subarray(0, 900_000), big, "</worksheet>"])!;
    const zip = new ZipWriter(1, how === "fflate" ? undefined : nodeCompressor);
    zip.deflate("x.xml", split.rest, { time: 0, date: 0x21, versionMadeBy: 20, externalAttrs: 0 }, split.head);
    const out = zip.finish();
    const [raw] = readRawEntries(out, "out.zip");
    const want = concat([XML.subarray(0, 900_000), big, utf8.encode("</worksheet>")]);
    const got = inflateRawSync(entryData(out, raw.entry, "out.zip"), { finishFlush: constants.Z_SYNC_FLUSH });
    expect(Buffer.from(got).equals(Buffer.from(want))).toBe(true);
    expect(raw.crc).toBe(crc32(want) >>> 0);
    expect(raw.entry.size).toBe(want.length);
    expect(Buffer.from(parts(out).get("x.xml")!).equals(Buffer.from(want))).toBe(true);
  });
});

describe("a check written with the roster sheet's blocks kept", () => {
  const input = makeBigRoster(5000);
  const REQ = { today: "2025-12-31", asOf: "2025-12-31" };
  const time = "2025-12-31 10:00:00";

  it.each([["native"], ["fflate"]])("%s: the roster sheet keeps its compressed start and inflates to the sheet with its flags", async (how) => {
    const { output } = await checkAndWrite(input, "big.xlsx", REQ, { time, deflateLevel: 1, compressor: how === "native" ? nodeCompressor : undefined });
    const inEntry = readRawEntries(input, "in").find((r) => r.entry.name === "xl/worksheets/sheet1.xml")!;
    const outEntry = readRawEntries(output, "out").find((r) => r.entry.name === "xl/worksheets/sheet1.xml")!;
    const a = entryData(input, inEntry.entry, "in");
    const b = entryData(output, outEntry.entry, "out");
    expect(Buffer.from(b.subarray(0, 1000)).equals(Buffer.from(a.subarray(0, 1000)))).toBe(true);
    const before = Buffer.from(parts(input).get("xl/worksheets/sheet1.xml")!);
    const after = Buffer.from(inflateRawSync(b));
    const end = before.lastIndexOf("</sheetData>");
    expect(after.subarray(0, end).equals(before.subarray(0, end))).toBe(true);
    expect(after.toString("utf8")).toContain("_RosterAssistant_flagKeys1");
    expect(outEntry.crc).toBe(crc32(after) >>> 0);
  });

  it("native and fflate write the same parts", async () => {
    const native = await checkAndWrite(input, "big.xlsx", REQ, { time, deflateLevel: 1, compressor: nodeCompressor });
    const js = await checkAndWrite(input, "big.xlsx", REQ, { time, deflateLevel: 1 });
    const a = parts(native.output);
    const b = parts(js.output);
    expect([...a.keys()]).toEqual([...b.keys()]);
    for (const [name, data] of a) expect([name, Buffer.from(data).equals(Buffer.from(b.get(name)!))]).toEqual([name, true]);
  });
});

describe("a large roster sheet streamed past (only its ends held)", () => {
  const REQ = { today: "2025-12-31", asOf: "2025-12-31" };
  const time = "2025-12-31 10:00:00";
  const EXAMPLE = readFileSync(join(__dirname, "../../examples/铁西街党员花名册.xlsx"));
  afterEach(() => streamSheetsAbove());

  it.each<[string, () => Uint8Array, number]>([
    ["the example", () => EXAMPLE, 4 << 20],
    ["5,000 members", () => makeBigRoster(5000), 4 << 20],
    ["5,000 members, ends of 2 KiB (the tail window slides)", () => makeBigRoster(5000), 2048],
  ])("%s: the same parts as with the whole sheet read", async (_what, input, ends) => {
    const bytes = input();
    for (const compressor of [nodeCompressor, undefined]) {
      const whole = await checkAndWrite(bytes, "in.xlsx", REQ, { time, deflateLevel: 1, compressor });
      streamSheetsAbove(0, ends);
      const kept = jest.spyOn(PackageEditor.prototype, "setKeptStart");
      const streamed = await checkAndWrite(bytes, "in.xlsx", REQ, { time, deflateLevel: 1, compressor });
      streamSheetsAbove();
      // the streamed path was taken for every roster sheet, not the fallback
      expect(kept.mock.results.length).toBeGreaterThan(0);
      expect(kept.mock.results.every((r) => r.value === true)).toBe(true);
      kept.mockRestore();
      const a = parts(whole.output);
      const b = parts(streamed.output);
      expect([...b.keys()]).toEqual([...a.keys()]);
      for (const [name, data] of a) expect([name, Buffer.from(data).equals(Buffer.from(b.get(name)!))]).toEqual([name, true]);
      const entry = (o: Uint8Array) => readRawEntries(o, "o").find((r) => /worksheets\/sheet1\.xml$/.test(r.entry.name))!;
      expect(entry(streamed.output).crc).toBe(entry(whole.output).crc);
    }
  }, 60_000);

  const sheet = (xml: string) => new TextEncoder().encode(xml);
  const patch = { removeMark: "_RosterAssistant_flag", formats: (p: string) => `<${p}conditionalFormatting sqref="A1"/>` };
  const BODY = '<worksheet xmlns="x"><sheetData><row r="1"/></sheetData><pageMargins/></worksheet>';
  it.each<[string, string, Uint8Array, number, number]>([
    ["ends that hold it all", "patched", sheet(BODY), 1 << 20, 1 << 20],
    ["a head without <sheetData>", "whole", sheet(BODY), 10, 1 << 20],
    ["a tail without </sheetData>", "whole", sheet(BODY), 1 << 20, 20],
    ["UTF-16", "whole", new Uint8Array([0xff, 0xfe, ...Buffer.from(BODY, "utf16le")]), 1 << 20, 1 << 20],
  ])("patchSheetEnds on %s: %s", (_what, want, bytes, headMax, tailMax) => {
    const ends = { head: bytes.subarray(0, headMax), tail: bytes.subarray(Math.max(0, bytes.length - tailMax)), tailAt: Math.max(0, bytes.length - tailMax), size: bytes.length };
    const r = patchSheetEnds(ends, patch);
    expect(r === "whole" ? "whole" : r === undefined ? "unchanged" : "patched").toBe(want);
    if (r !== undefined && r !== "whole") {
      const whole = patchWorksheet(bytes, { ...patch, writes: [] })!;
      const got = Buffer.concat([bytes.subarray(0, r.keep), r.tail]);
      expect(got.equals(Buffer.concat(whole))).toBe(true);
    }
  });
});
