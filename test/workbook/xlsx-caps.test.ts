// The reader's caps (inflate.ts DEFAULT_LIMITS) admit Excel's largest sheet, 1,048,576 rows, and still refuse a zip
// bomb: by the sizes a part declares (before anything is inflated), and on a real sheet of 1,048,576 rows.
import { strToU8, unzipSync } from "fflate";
import { DEFAULT_LIMITS, openXlsx, UnreadableInputError } from "../../src/workbook/xlsx";
import { capRefusal } from "../../src/workbook/xlsx/inflate";
import { MAX_ROWS } from "../../src/workbook/xlsx/sheet-scan";
import * as hostile from "../fixtures/hostile/make-hostile";
import { buildXlsx, worksheetXml } from "./xlsx-builder";

const SHEET = "xl/worksheets/sheet1.xml";
const MB = 1e6;

describe("the caps by what a part declares", () => {
  it.each<[string, number, number, number, string | undefined]>([
    // the bench's 1,048,575 members under one header (bench/out/today-bare-1048575.xlsx, measured)
    ["Excel's largest sheet, 18 columns, shared strings", 669_249_595, 96_008_319, 0, undefined],
    ["the same with its shared strings read first", 669_249_595, 96_008_319, 83_049_404, undefined],
    ["Excel's largest sheet, inline text (1,048,576 rows at 1,034 bytes)", 1_084_000_000, 126_000_000, 0, undefined],
    ["Excel's largest sheet, 45 columns (1,048,576 rows at 1,465 bytes)", 1_536_000_000, 213_000_000, 12 * MB, undefined],
    ["a wide inline sheet of 2.5 GB", 2_500_000_000, 300_000_000, 0, undefined],
    ["a bomb: 669 MB from 600 KB (ratio 1,115)", 669_249_595, 600_000, 0, "partRatio"],
    ["a bomb: 24 MiB from 24 KB", 24 * 1024 * 1024, 24_000, 0, "partRatio"],
    ["more than a zip entry declares without ZIP64", 2 ** 32, 2 ** 30, 0, "partTooBig"],
    ["parts adding up past the total", 2_500_000_000, 300_000_000, 4_000_000_000, "totalTooBig"],
  ])("%s", (_what, size, compressedSize, total, refused) => {
    expect(capRefusal({ name: SHEET, size, compressedSize }, DEFAULT_LIMITS, total)?.code).toBe(refused);
  });
});

describe("a sheet of Excel's 1,048,576 rows", () => {
  // one short cell a row: 1,048,576 rows in about 40 MB of XML (deflated about 20 times: under the ratio cap)
  const rows = (n: number) => Array.from({ length: n }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i % 1000}</v></c></row>`).join("");
  const book = buildXlsx({ sheets: [{ name: "S", rows: rows(MAX_ROWS) }] });

  it("is read to its last row under the default caps", () => {
    const grid = openXlsx(book, "max.xlsx").readSheet("S");
    expect(grid.rows.length).toBe(MAX_ROWS);
    expect(grid.rows[MAX_ROWS - 1]?.[0]).toBe((MAX_ROWS - 1) % 1000);
  });

  it("one row more is refused", () => {
    const files = unzipSync(book);
    files[SHEET] = strToU8(worksheetXml(`${rows(2)}<row r="${MAX_ROWS + 1}"><c><v>1</v></c></row>`));
    const wb = openXlsx(buildXlsx({ sheets: [{ name: "S", rows: "" }], extra: { [SHEET]: files[SHEET] } }), "max.xlsx");
    expect(() => wb.readSheet("S")).toThrow(/row 1048577 is beyond Excel's limit of 1048576 rows$/);
  });

  it("a bomb is still refused under the default caps", () => {
    const wb = openXlsx(hostile.inflationBomb(24), "bomb.xlsx");
    expect(() => wb.snapshot()).toThrow(UnreadableInputError);
    expect(() => wb.snapshot()).toThrow(/inflates \d+ times .* over the limit of 100; refused as a possible zip bomb$/);
  });
});
