// The roster patch reaches an edited row by bisecting the rows (rowsBefore) instead of walking every row tag: the
// patched sheet must be what a row-by-row edit gives (an oracle here, on strings: each row edited with editRow, a
// missing row made with newRowXml in its place), on sheets large enough for the bisection to run.
import { patchWorksheet, rowsBefore, type RowWrites } from "../../src/workbook/xlsx-write/roster-patch";
import { editRow, newRowXml } from "../../src/workbook/xlsx-write/row-edit";
import { ascii } from "../../src/workbook/xlsx/byte-scan";

const enc = new TextEncoder();
const dec = new TextDecoder();
const OPEN = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">';
const noStyle = () => undefined;

/** Row XML of a member row (about 130 bytes); `bare` leaves out the r attributes. */
const rowXml = (r: number, bare = false) =>
  bare
    ? `<row><c t="inlineStr"><is><t>成员${r}</t></is></c><c><v>${r * 7}</v></c><c t="inlineStr"><is><t>铁安社区${r % 3}</t></is></c></row>`
    : `<row r="${r}" spans="1:3"><c r="A${r}" t="inlineStr"><is><t>成员${r}</t></is></c><c r="B${r}"><v>${r * 7}</v></c><c r="C${r}" t="inlineStr"><is><t>铁安社区${r % 3}</t></is></c></row>`;

function sheet(rows: number[], bare = false): string {
  return `${OPEN}<sheetData>${rows.map((r) => rowXml(r, bare)).join("")}</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;
}

/** The oracle: every row edited or made on its own, in order. */
function expected(rows: number[], writes: RowWrites[]): string {
  const byRow = new Map(writes.map((w) => [w.row, w]));
  const out: string[] = [];
  const all = [...new Set([...rows, ...writes.map((w) => w.row)])].sort((a, b) => a - b);
  for (const r of all) {
    const w = byRow.get(r);
    if (!rows.includes(r)) out.push(newRowXml("", r, w!.cells, noStyle));
    else out.push(w ? editRow(rowXml(r), "", r, w.cells, noStyle) : rowXml(r));
  }
  return `<sheetData>${out.join("")}</sheetData>`;
}

function patched(xml: string, writes: RowWrites[]): string {
  const chunks = patchWorksheet(enc.encode(xml), { formats: () => "", writes });
  return chunks === undefined ? xml : chunks.map((c) => dec.decode(c)).join("");
}

const dataOf = (xml: string) => xml.slice(xml.indexOf("<sheetData>"), xml.indexOf("</sheetData>") + "</sheetData>".length);
const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);
const write = (row: number, value: string | number, col = 2): RowWrites => ({ row, cells: [{ col, value }] });

describe("cell writes on a sheet of 3,000 rows (about 400 KB, bisected)", () => {
  const full = range(1, 3000);
  const gappy = full.filter((r) => r % 97 !== 0); // rows 97, 194, ... missing
  const cases: Array<[string, number[], RowWrites[]]> = [
    ["the first row", full, [write(1, "改")]],
    ["the last row", full, [write(3000, 1)]],
    ["scattered rows in order", full, [write(5, "a"), write(777, "b"), write(1500, 3), write(2999, "d")]],
    ["two rows next to each other", full, [write(1999, "x"), write(2000, "y")]],
    ["a missing row in a gap (made in its place)", gappy, [write(970, "新"), write(1001, "改")]],
    ["a row past the last", full, [write(3005, "尾")]],
    ["every 50th row", full, range(1, 60).map((i) => write(i * 50, `v${i}`))],
    ["every row (walked, no search)", full, range(1, 3000).map((r) => write(r, `w${r}`))],
    ["every row from 2,500 on, after row 3 (one gallop, then walked)", full, [write(3, "x"), ...range(2500, 3000).map((r) => write(r, r))]],
    ["rows 40 apart across gaps (searched each time)", gappy, range(1, 74).map((i) => write(i * 40 + 7, `g${i}`))],
  ];
  it.each(cases)("%s: the same as row-by-row edits", (_label, rows, writes) => {
    const out = patched(sheet(rows), writes);
    expect(dataOf(out)).toBe(expected(rows, writes));
    expect(out.endsWith('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>')).toBe(true);
  });
});

describe("rowsBefore: how near the bisection comes", () => {
  const xml = enc.encode(sheet(range(1, 3000)));
  const pat = ascii("<row");
  const start = dec.decode(xml).indexOf("<sheetData>");
  const endAt = dec.decode(xml).indexOf("</sheetData>");
  // byte offsets: the text is ASCII up to the first row's Chinese, so index the bytes themselves
  const bytesStart = enc.encode(dec.decode(xml).slice(0, start)).length;
  const bytesEnd = enc.encode(dec.decode(xml).slice(0, endAt)).length;

  it.each([[2000], [2999], [1500]])("row %d: a row below it, within 64 KiB of it", (row) => {
    const near = rowsBefore(xml, pat, bytesStart, bytesEnd, row)!;
    expect(near).toBeDefined();
    expect(near.row).toBeLessThan(row);
    const target = dec.decode(xml).indexOf(`<row r="${row}"`);
    const targetBytes = enc.encode(dec.decode(xml).slice(0, target)).length;
    expect(near.at).toBeLessThanOrEqual(targetBytes);
    expect(targetBytes - near.at).toBeLessThanOrEqual(1 << 16);
  });

  it("for every row of the sheet: never at or past the row itself", () => {
    const text = dec.decode(xml);
    let wrong = 0;
    for (let row = 1; row <= 3000; row++) {
      const near = rowsBefore(xml, pat, bytesStart, bytesEnd, row);
      if (near === undefined) continue;
      const targetBytes = enc.encode(text.slice(0, text.indexOf(`<row r="${row}"`))).length;
      if (near.row >= row || near.at > targetBytes) wrong++;
    }
    expect(wrong).toBe(0);
  });

  it("a row near the start: no nearer than where it began (undefined)", () => {
    expect(rowsBefore(xml, pat, bytesStart, bytesEnd, 2)).toBeUndefined();
  });

  it("rows without r: undefined, the walk numbers them", () => {
    const bare = enc.encode(sheet(range(1, 3000), true));
    expect(rowsBefore(bare, pat, 0, bare.length, 2000)).toBeUndefined();
  });
});
