// A rewritten part that keeps its first bytes keeps their deflate blocks: the block-noting inflater gives what zlib
// and fflate give (and refuses what they refuse), a spliced stream inflates to the new content at every block
// boundary, and a check written this way holds the same parts as before, the roster sheet's blocks reused.
import { crc32, constants, deflateRawSync, inflateRawSync } from "node:zlib";
import { deflateSync as fflateDeflate, inflateSync as fflateInflate } from "fflate";
import { checkAndWrite } from "../../src/app/write-workbook";
import { nodeCompressor } from "../../src/cli/node-compressor";
import { spliceHead, type SpliceSource } from "../../src/workbook/xlsx-write/deflate-splice";
import { inflateBlocks } from "../../src/workbook/xlsx-write/inflate-blocks";
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
