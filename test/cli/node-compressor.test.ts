// The CLI's native compressor (Node's zlib) writes the same parts as the default (fflate): only the bytes on disk differ.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { checkAndWrite } from "../../src/app/write-workbook";
import { WRITE } from "../../src/cli/check-command";
import { fullCollection } from "../../src/cli/full-collection";
import { workerDeflateStream } from "../../src/cli/deflate-worker";
import { nodeCompressor } from "../../src/cli/node-compressor";
import { openXlsx } from "../../src/workbook/xlsx";
import { parts } from "../helpers/package-parts";

const EXAMPLE = readFileSync(join(__dirname, "../../examples/铁西街党员花名册.xlsx"));
const REQ = { today: "2025-12-31", asOf: "2025-12-31" };

describe("the native compressor", () => {
  it.each([[1], [6], [9]])("level %d: the same parts as fflate's, readable by the reader", async (level) => {
    const time = "2025-12-31 10:00:00";
    const native = await checkAndWrite(EXAMPLE, "ex.xlsx", REQ, { time, deflateLevel: level, compressor: nodeCompressor });
    const js = await checkAndWrite(EXAMPLE, "ex.xlsx", REQ, { time, deflateLevel: level });
    const a = parts(native.output);
    const b = parts(js.output);
    expect([...a.keys()]).toEqual([...b.keys()]);
    for (const [name, data] of a) expect([name, Buffer.from(data).equals(Buffer.from(b.get(name)!))]).toEqual([name, true]);
    expect(openXlsx(native.output, "x").sheets.map((s) => s.name)).toEqual(openXlsx(js.output, "x").sheets.map((s) => s.name));
  });

  it.each([
    [new Uint8Array(0), 0],
    [new TextEncoder().encode("123456789"), 0xcbf43926], // the CRC-32 check value
  ])("crc32 of %p is %d", (data, crc) => {
    expect(nodeCompressor.crc32(data, 0) >>> 0).toBe(crc);
  });

  it("the CLI writes with it at level 1, settling the heap between a fix's steps", () => {
    expect(WRITE).toEqual({ compressor: nodeCompressor, deflateLevel: 1, settle: fullCollection });
  });
});

describe("the native compressor's stream (batches past the first few deflated in a worker thread)", () => {
  // 12 batches of 1 MiB of XML-like text, two pieces each, as the zip writer hands them over
  const text = (k: number) => new TextEncoder().encode(`<row r="${k}"><c r="A${k}" t="inlineStr"><is><t>党员${k % 97}</t></is></c></row>`.repeat(20000)).subarray(0, 1 << 20);
  const batches = Array.from({ length: 12 }, (_, k) => { const t = text(k); return [t.subarray(0, 1000), t.subarray(1000)]; });

  it.each([
    ["a part of 12 batches", 12],
    ["a part of one batch (deflated here)", 1],
  ])("%s: the same bytes as deflateRaw batch by batch, the CRC-32 of them all", (_what, n) => {
    const want: Uint8Array[] = [];
    let crc = 7;
    batches.slice(0, n).forEach((pieces, k) => {
      want.push(nodeCompressor.deflateRaw(pieces, 1, k === n - 1));
      for (const p of pieces) crc = nodeCompressor.crc32(p, crc);
    });
    for (let round = 0; round < 2; round++) {
      const s = nodeCompressor.deflateStream!(1, 7);
      batches.slice(0, n).forEach((pieces, k) => s.push(pieces, k === n - 1));
      const got = s.end();
      expect(Buffer.concat(got.data).equals(Buffer.concat(want))).toBe(true);
      expect(got.crc >>> 0).toBe(crc >>> 0);
    }
  });

  // the zip writer takes the deflated batches after every push (to write them on as they come): the first few parts'
  // batches are deflated on this thread, the rest must still go to the worker (a count of them, not of what is held)
  it.each([
    ["taken after every push, as the zip writer does", true],
    ["taken only at the end", false],
  ])("12 batches %s: 4 deflated on this thread, 8 in the worker, the same bytes", (_what, takeEach) => {
    let here = 0;
    const s = workerDeflateStream(1, 0, (pieces, final) => { here++; return nodeCompressor.deflateRaw(pieces, 1, final); }, (d, c) => nodeCompressor.crc32(d, c));
    const got: Uint8Array[] = [];
    batches.forEach((pieces, k) => {
      s.push(pieces, k === batches.length - 1);
      if (takeEach) got.push(...s.take!());
    });
    got.push(...s.end().data);
    const want = batches.map((pieces, k) => nodeCompressor.deflateRaw(pieces, 1, k === batches.length - 1));
    expect(Buffer.concat(got).equals(Buffer.concat(want))).toBe(true);
    expect(here).toBe(4);
  });
});
