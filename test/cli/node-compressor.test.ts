// The CLI's native compressor (Node's zlib) writes the same parts as the default (fflate): only the bytes on disk differ.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { checkAndWrite } from "../../src/app/write-workbook";
import { WRITE } from "../../src/cli/check-command";
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

  it("the CLI writes with it at level 1", () => {
    expect(WRITE).toEqual({ compressor: nodeCompressor, deflateLevel: 1 });
  });
});
