// patchWorksheetStream must give patchWorksheet's bytes however the part's inflated bytes are cut into chunks (a row,
// a tag, </sheetData> cut anywhere), and the same workbook through applyPlan as the whole-sheet patch.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { applyPlan, streamWritesAbove } from "../../src/workbook/xlsx-write/apply-plan";
import { patchWorksheet, type RowWrites } from "../../src/workbook/xlsx-write/roster-patch";
import * as stream from "../../src/workbook/xlsx-write/roster-patch-stream";
import { patchWorksheetStream } from "../../src/workbook/xlsx-write/roster-patch-stream";
import { EMPTY_PLAN } from "../../src/plan/write-plan";
import { openXlsx } from "../../src/workbook/xlsx";
import { parts } from "../helpers/package-parts";

const enc = new TextEncoder();
const OPEN = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:C6"/><cols><col min="4" max="4" style="7"/></cols><sheetData>';
const ROWS = [
  '<row r="1" spans="1:3"><c r="A1" t="s"><v>0</v></c><c r="C1" s="3"><v>5</v></c></row>',
  '<row r="2"><c r="A2" t="inlineStr"><is><t>甲乙</t></is></c><c r="B2" s="2"/></row>',
  '<row r="4" s="5" customFormat="1"><c r="A4"><v>1</v></c><c r="C4"><f>A4</f><v>1</v></c></row>',
  '<row r="5"/>',
  '<row r="6"><!-- c --><c r="A6"><v>6</v></c></row>',
].join("");
const TAIL = '</sheetData><conditionalFormatting sqref="A1"><cfRule type="expression" priority="1"><formula>_RosterAssistant_flagGrid1=1</formula></cfRule></conditionalFormatting><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>';
const SHEET = enc.encode(OPEN + ROWS + TAIL);
const WRITES: Array<[string, RowWrites[]]> = [
  ["rows edited, added between, emptied", [{ row: 1, cells: [{ col: 2, value: "b" }] }, { row: 2, cells: [{ col: 1, value: "新" }, { col: 2, value: "" }] }, { row: 3, cells: [{ col: 1, value: "三" }] }, { row: 4, cells: [{ col: 4, value: "d" }] }]],
  ["a self-closing row, a row with a comment, rows past the end", [{ row: 5, cells: [{ col: 1, value: "五" }] }, { row: 6, cells: [{ col: 1, value: "六" }] }, { row: 9, cells: [{ col: 1, value: "九" }] }, { row: 12, cells: [{ col: 2, value: "" }] }]],
  ["the first row only", [{ row: 1, cells: [{ col: 1, value: "一" }] }]],
];
const PATCH = { removeMark: "_RosterAssistant_flagGrid", formats: () => '<conditionalFormatting sqref="B2"/>' };

function* cut(b: Uint8Array, size: number): Generator<Uint8Array> {
  for (let i = 0; i < b.length; i += size) yield b.slice(i, i + size);
}
/** The chunks' text, decoded as one (a chunk may end inside a character). */
const text = (chunks: Iterable<Uint8Array>): string => {
  const d = new TextDecoder();
  let out = "";
  for (const c of chunks) out += d.decode(c, { stream: true });
  return out + d.decode();
};

describe("patchWorksheetStream", () => {
  it.each(WRITES)("%s: patchWorksheet's bytes, the part cut into chunks of any size", (_name, writes) => {
    const whole = text(patchWorksheet(SHEET, { ...PATCH, writes })!);
    for (const size of [1, 2, 3, 5, 7, 11, 13, 64, 100, 257, SHEET.length]) {
      expect([size, text(patchWorksheetStream(cut(SHEET, size), { ...PATCH, writes }))]).toEqual([size, whole]);
    }
  });

  it("a long sheet with scattered writes: rows far on searched for within each window, </sheetData> cut anywhere", () => {
    // 20,000 rows (some without r, as the reader numbers them: the search stops at them), a prefix; windows of many rows
    const rows: string[] = [];
    for (let r = 1; r <= 20000; r++) {
      const ref = r % 4999 === 0 ? "" : ` r="${r}"`;
      rows.push(`<x:row${ref}><x:c r="A${r}" t="inlineStr"><x:is><x:t>名${r}</x:t></x:is></x:c><x:c r="C${r}"><x:v>${r}</x:v></x:c></x:row>`);
    }
    const open = OPEN.replace("<worksheet xmlns", "<x:worksheet xmlns:x").replace("<dimension", "<x:dimension").replace("<cols><col", "<x:cols><x:col").replace("</cols>", "</x:cols>").replace("<sheetData>", "<x:sheetData>");
    const sheet = enc.encode(`${open}${rows.join("")}</x:sheetData><x:pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></x:worksheet>`);
    const writes: RowWrites[] = [];
    for (let r = 3; r <= 20000; r += r < 3000 ? 97 : 1499) writes.push({ row: r, cells: [{ col: 2, value: `b${r}` }, { col: 3, value: "" }] });
    writes.push({ row: 4999, cells: [{ col: 1, value: "无 r" }] }, { row: 5000, cells: [{ col: 1, value: "其后" }] }, { row: 20003, cells: [{ col: 1, value: "末" }] });
    writes.sort((a, b) => a.row - b.row);
    const whole = text(patchWorksheet(sheet, { ...PATCH, writes })!);
    for (const size of [4096, 70001, 300007, 1 << 20, sheet.length - 5, sheet.length]) {
      expect([size, text(patchWorksheetStream(cut(sheet, size), { ...PATCH, writes }))]).toEqual([size, whole]);
    }
  });

  it("rows longer than the 64 KiB a cut row is joined to in a large chunk, and rows shorter, cut anywhere", () => {
    const long = (r: number, n: number) => `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>${"长".repeat(n)}</t></is></c><c r="B${r}"><v>${r}</v></c></row>`;
    const rows = Array.from({ length: 60 }, (_, i) => long(i + 1, i % 3 === 0 ? 40_000 : 20 + i));
    const sheet = enc.encode(`${OPEN}${rows.join("")}${TAIL}`);
    const writes: RowWrites[] = Array.from({ length: 20 }, (_, i) => ({ row: i * 3 + 1 + (i % 2), cells: [{ col: 2, value: `b${i}` }] }));
    const whole = text(patchWorksheet(sheet, { ...PATCH, writes })!);
    for (const size of [131_073, 200_003, 300_007, 1 << 20]) {
      expect([size, text(patchWorksheetStream(cut(sheet, size), { ...PATCH, writes }))]).toEqual([size, whole]);
    }
  });

  it("</sheetData> cut at every byte by a chunk's end, after the last write and where a row is added past the end", () => {
    const rows = Array.from({ length: 2000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`);
    const sheet = enc.encode(`${OPEN}${rows.join("")}${TAIL}`);
    const closeAt = new TextDecoder().decode(sheet).indexOf("</sheetData>");
    const two = (at: number) => [sheet.slice(0, at), sheet.slice(at)];
    for (const writes of [[{ row: 1, cells: [{ col: 2, value: "一" }] }], [{ row: 1999, cells: [{ col: 2, value: "a" }] }, { row: 2100, cells: [{ col: 1, value: "末" }] }]]) {
      const whole = text(patchWorksheet(sheet, { ...PATCH, writes })!);
      for (let k = -30; k <= 13; k++) expect([k, text(patchWorksheetStream(two(closeAt + k), { ...PATCH, writes }))]).toEqual([k, whole]);
    }
  });

  it("gathers a sheet it cannot stream and patches it whole: UTF-16, a self-closing <sheetData/>", () => {
    const writes = WRITES[0][1];
    const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(new Uint16Array([...(OPEN + ROWS + TAIL)].map((c) => c.charCodeAt(0))).buffer)]);
    expect(text(patchWorksheetStream(cut(utf16, 9), { ...PATCH, writes }))).toBe(text(patchWorksheet(utf16, { ...PATCH, writes })!));
    const empty = enc.encode(`${OPEN.replace("<sheetData>", "<sheetData/>")}</worksheet>`);
    expect(text(patchWorksheetStream(cut(empty, 5), { ...PATCH, writes }))).toBe(text(patchWorksheet(empty, { ...PATCH, writes })!));
  });

  it("refuses a sheet whose <sheetData> has no end", () => {
    const cutShort = enc.encode(OPEN + ROWS);
    expect(() => text(patchWorksheetStream(cut(cutShort, 16), { ...PATCH, writes: WRITES[0][1] }))).toThrow(/no end/);
  });
});

describe("patchWorksheetStream on a sheet of 6,000 rows (about 900 KB: rows far apart are searched for in each window)", () => {
  const row = (r: number) => `<row r="${r}" spans="1:3"><c r="A${r}" t="inlineStr"><is><t>成员${r}</t></is></c><c r="B${r}"><v>${r * 7}</v></c><c r="C${r}" t="inlineStr"><is><t>铁安社区${r % 3}</t></is></c></row>`;
  const rows = Array.from({ length: 6000 }, (_, i) => i + 1).filter((r) => r % 101 !== 0); // rows 101, 202, ... missing
  const big = enc.encode(`${OPEN}${rows.map(row).join("")}${TAIL}`);
  const w = (r: number, value: string | number): RowWrites => ({ row: r, cells: [{ col: 2, value }] });
  const cases: Array<[string, RowWrites[]]> = [
    ["scattered rows, one in a gap, one past the end", [w(3, "a"), w(808, "b"), w(2500, 1), w(4040, "缺"), w(5999, "d"), w(6100, "尾")]],
    ["every 400th row", Array.from({ length: 14 }, (_, i) => w((i + 1) * 400, `v${i}`))],
    ["a run of rows next to each other far down", Array.from({ length: 40 }, (_, i) => w(5000 + i, i))],
  ];
  it.each(cases)("%s: patchWorksheet's bytes, in windows of 64 KiB to 1 MiB", (_name, writes) => {
    const whole = text(patchWorksheet(big, { ...PATCH, writes })!);
    for (const size of [4093, 65536, 100_000, 1 << 20]) {
      const got = text(patchWorksheetStream(cut(big, size), { ...PATCH, writes }));
      let at = 0;
      while (at < got.length && got[at] === whole[at]) at++; // where they part, shown briefly (the sheet is long)
      expect([size, got.length, got.slice(at, at + 200)]).toEqual([size, whole.length, whole.slice(at, at + 200)]);
    }
  });
});

describe("applyPlan patches a large sheet with cell writes as it streams", () => {
  afterEach(() => streamWritesAbove());
  it("gives the workbook the whole-sheet patch gives (the example, a fix's writes and the change log)", () => {
    const input = readFileSync(join(__dirname, "../../examples/铁西街党员花名册.xlsx"));
    const wb = openXlsx(input, "e.xlsx");
    const sheet = wb.sheets.find((s) => s.kind === "worksheet")!.name;
    const grid = wb.readSheet(sheet);
    const cellWrites = [4, 5, 9].map((row) => ({ sheet, row, col: 2, value: `新${row}`, expect: String(grid.rows[row - 1]?.[1] ?? "") }));
    const plan = { ...EMPTY_PLAN, cellWrites, sheets: [{ role: "changelog" as const, name: "修改记录", rows: [[{ v: "x" }]], merges: [], columnWidths: [], print: { orientation: "portrait" as const, fitToWidth: false } }] };
    const whole = applyPlan(input, "e.xlsx", plan);
    const spy = jest.spyOn(stream, "patchWorksheetStream");
    expect(spy).not.toHaveBeenCalled();
    streamWritesAbove(0);
    const streamed = applyPlan(input, "e.xlsx", plan);
    expect(spy).toHaveBeenCalledTimes(1);
    expect(parts(streamed)).toEqual(parts(whole));
  });
});
