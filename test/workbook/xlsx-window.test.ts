// The sheet is scanned through a window that keeps only what the scanner has not yet scanned (read-sheet.ts): any
// window gives the grid, the formula cells and the tail one whole buffer gives, and the window stays far smaller
// than the part (a sheet of Excel's 1,048,576 rows inflates to more than 600 MB).
import { strToU8, unzipSync } from "fflate";
import { DEFAULT_LIMITS } from "../../src/workbook/xlsx";
import { PartInflater } from "../../src/workbook/xlsx/inflate";
import { scanSheetPart } from "../../src/workbook/xlsx/read-sheet";
import { readZipIndex } from "../../src/workbook/xlsx/zip";
import { buildXlsx, utf16le, worksheetXml, zipFiles } from "./xlsx-builder";

const PART = "xl/worksheets/sheet1.xml";

function scan(book: Uint8Array, windowStart?: number, maxRows = Infinity) {
  const entry = readZipIndex(book, "w.xlsx").get(PART)!;
  const inflater = new PartInflater(book, "w.xlsx", DEFAULT_LIMITS);
  const ctx = {
    sharedStrings: ["零", "一"], dateStyles: new Uint8Array([0, 1]), date1904: false, maxRows,
    fail: (code: string) => { throw new Error(code); },
  };
  const s = scanSheetPart(inflater, entry, ctx, windowStart);
  return { rows: s.scanner.rows, formulas: [...s.scanner.formulaCells], tail: s.tail, window: s.window, size: entry.size };
}

function rowsXml(n: number, comment = 0): string {
  const out: string[] = [];
  for (let r = 1; r <= n; r++) {
    out.push(`<row r="${r}"><c r="A${r}"><v>${r}</v></c><c r="B${r}" t="inlineStr"><is><t>名${(r * 7919) % 100003}</t></is></c>` +
      `<c r="C${r}" s="1"><v>${20000 + (r % 9000)}</v></c><c r="D${r}" t="s"><v>${r % 2}</v></c>` +
      (r % 97 === 0 ? `<c r="E${r}"><f>A${r}*2</f><v>${2 * r}</v></c>` : "") + "</row>");
    if (comment && r === Math.floor(n / 2)) out.push(`<!--${"长".repeat(comment)}-->`);
  }
  return out.join("");
}

const TAIL = '<dataValidations count="1"><dataValidation type="list" sqref="F2:F9"><formula1>"是,否"</formula1></dataValidation></dataValidations>';
const xml = (n: number, comment = 0) => worksheetXml(rowsXml(n, comment)).replace("</sheetData>", `</sheetData>${TAIL}`);

describe("scanning through a window", () => {
  // deflated: the inflated chunks start at a few KB and grow; a 300 KB comment spans many of them
  const book = buildXlsx({ sheets: [{ name: "S", xml: xml(20_000, 100_000) }], sharedStrings: ["零", "一"] });
  const whole = scan(book, 64 * 1024 * 1024);

  it("the whole part in one buffer reads every row, the formulas and the tail", () => {
    expect(whole.rows.length).toBe(20_000);
    expect(whole.rows[19_999]).toEqual([20_000, `名${(20_000 * 7919) % 100003}`, { kind: "date", serial: 20000 + (20_000 % 9000) }, "零"]);
    expect(whole.formulas.length).toBe(Math.floor(20_000 / 97));
    expect(whole.tail).toContain("<dataValidation ");
  });

  it.each([1, 7, 64, 4096, 100_000])("a window starting at %d bytes gives the same", (start) => {
    const w = scan(book, start);
    expect(w.rows).toEqual(whole.rows);
    expect(w.formulas).toEqual(whole.formulas);
    expect(w.tail).toBe(whole.tail);
  });

  it("a peek through a small window stops at its last row", () => {
    const peek = scan(book, 16, 30);
    expect(peek.rows).toEqual(whole.rows.slice(0, 30));
  });

  it("the window stays a small part of a large sheet (stored: 4 MB chunks of a 34 MB part)", () => {
    const files = unzipSync(buildXlsx({ sheets: [{ name: "S", xml: xml(1) }], sharedStrings: ["零", "一"] }));
    files[PART] = strToU8(xml(200_000));
    const stored = zipFiles(files, 0);
    const w = scan(stored);
    expect(w.size).toBeGreaterThan(32 * 1024 * 1024);
    expect(w.rows.length).toBe(200_000);
    expect(w.rows[123_456]?.[0]).toBe(123_457);
    expect(w.window).toBeLessThan(w.size / 4);
  });

  it("a UTF-16 part is still decoded whole, through any window", () => {
    const text = xml(50);
    const bytes = utf16le(text);
    const utf16 = buildXlsx({ sheets: [{ name: "S", xml: "x" }], sharedStrings: ["零", "一"], extra: { [PART]: bytes } });
    const utf8 = buildXlsx({ sheets: [{ name: "S", xml: text }], sharedStrings: ["零", "一"] });
    expect(scan(utf16, 3).rows).toEqual(scan(utf8).rows);
  });
});
