// Roster sheet surgery on bytes: where conditional formats go in CT_Worksheet's order, taking ours out again to
// the byte, and cell writes into existing cells, empty cells of existing rows and missing rows.
import { patchWorksheet, type RowWrites } from "../../src/workbook/xlsx-write/roster-patch";
import { editRow, inlineCell } from "../../src/workbook/xlsx-write/row-edit";
import { conditionalFormatInsertAt, removeMarkedFormats } from "../../src/workbook/xlsx-write/worksheet-tail";
import { escapeAttr, escapeCellText } from "../../src/workbook/xlsx-write/xml-escape";
import { decodeCellText } from "../../src/workbook/xlsx/xml-text";

const enc = new TextEncoder();
const dec = new TextDecoder();
const OPEN = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">';
const ROWS = '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData>';
const OURS = '<conditionalFormatting sqref="A2:C9"><cfRule type="expression" dxfId="4" priority="1"><formula>INDEX(_RosterAssistant_flagGrid1,ROW()-1,COLUMN()-0)=1</formula></cfRule></conditionalFormatting>';
const USER_CF = '<conditionalFormatting sqref="B2:B9"><cfRule type="cellIs" dxfId="0" priority="1" operator="equal"><formula>0</formula></cfRule></conditionalFormatting>';

function patch(xml: string, formats: string, writes: RowWrites[] = [], removeMark?: string): string {
  const chunks = patchWorksheet(enc.encode(xml), { formats: () => formats, writes, removeMark });
  if (chunks === undefined) return xml;
  return chunks.map((c) => dec.decode(c)).join("");
}

describe("conditional formats go where CT_Worksheet puts them, and come out to the byte", () => {
  const cases: Array<[string, string, string]> = [
    ["sheetData only", `${OPEN}${ROWS}</worksheet>`, `${ROWS}${OURS}</worksheet>`],
    ["self-closing <sheetData/>", `${OPEN}<sheetData/></worksheet>`, `<sheetData/>${OURS}</worksheet>`],
    ["after mergeCells and autoFilter", `${OPEN}${ROWS}<autoFilter ref="A1:C9"/><mergeCells count="1"><mergeCell ref="A1:C1"/></mergeCells><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`,
      `<mergeCell ref="A1:C1"/></mergeCells>${OURS}<pageMargins`],
    ["before the user's conditional formats (top priority)", `${OPEN}${ROWS}<mergeCells count="1"><mergeCell ref="A1:C1"/></mergeCells>${USER_CF}<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`,
      `</mergeCells>${OURS}${USER_CF}`],
    ["before dataValidations", `${OPEN}${ROWS}<dataValidations count="1"><dataValidation type="list" sqref="C2"><formula1>"a,b"</formula1></dataValidation></dataValidations></worksheet>`,
      `${ROWS}${OURS}<dataValidations`],
    ["before extLst only", `${OPEN}${ROWS}<extLst><ext uri="{x}"><conditionalFormatting/></ext></extLst></worksheet>`, `${ROWS}${OURS}<extLst>`],
    ["before hyperlinks and after phoneticPr", `${OPEN}${ROWS}<phoneticPr fontId="1" type="noConversion"/><hyperlinks><hyperlink ref="A1" r:id="rId1" xmlns:r="urn:r"/></hyperlinks></worksheet>`,
      `<phoneticPr fontId="1" type="noConversion"/>${OURS}<hyperlinks>`],
    ["before an mc:AlternateContent (controls)", `${OPEN}${ROWS}<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><mc:AlternateContent xmlns:mc="urn:mc"><mc:Choice Requires="x14"><controls/></mc:Choice></mc:AlternateContent></worksheet>`,
      `${ROWS}${OURS}<pageMargins`],
  ];
  it.each(cases)("%s", (_label, xml, expected) => {
    const out = patch(xml, OURS);
    expect(out).toContain(expected);
    expect(patch(out, "", [], "_RosterAssistant_flagGrid")).toBe(xml);
    // a re-run: ours out, the same in again, same bytes
    expect(patch(out, OURS, [], "_RosterAssistant_flagGrid")).toBe(out);
  });

  it("finds the place without the data: an index into the tail", () => {
    expect(conditionalFormatInsertAt(`${USER_CF}<pageMargins/></worksheet>`)).toBe(0);
    expect(conditionalFormatInsertAt("<mergeCells/></worksheet>")).toBe("<mergeCells/>".length);
  });

  it("takes only our rules out of an element Excel merged with a user's rule", () => {
    const mixed = `<conditionalFormatting sqref="A2:C9"><cfRule type="cellIs" dxfId="0" priority="4" operator="equal"><formula>0</formula></cfRule><cfRule type="expression" dxfId="4" priority="1"><formula>INDEX(_RosterAssistant_flagGrid1,ROW()-1,COLUMN()-0)=1</formula></cfRule></conditionalFormatting></worksheet>`;
    expect(removeMarkedFormats(mixed, "_RosterAssistant_flagGrid")).toBe(`<conditionalFormatting sqref="A2:C9"><cfRule type="cellIs" dxfId="0" priority="4" operator="equal"><formula>0</formula></cfRule></conditionalFormatting></worksheet>`);
  });

  it("uses the sheet's namespace prefix", () => {
    const xml = '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="2"><x:c r="A2"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>';
    const chunks = patchWorksheet(enc.encode(xml), { formats: (p) => `<${p}conditionalFormatting sqref="A1"/>`, writes: [{ row: 2, cells: [{ col: 2, value: "v" }] }] })!;
    const out = chunks.map((c) => dec.decode(c)).join("");
    expect(out).toContain('</x:sheetData><x:conditionalFormatting sqref="A1"/></x:worksheet>');
    expect(out).toContain('<x:c r="B2" t="inlineStr"><x:is><x:t xml:space="preserve">v</x:t></x:is></x:c></x:row>');
  });
});

describe("cell writes", () => {
  const sheet = (rows: string, head = ""): string => `${OPEN}${head}<dimension ref="A1:C4"/><cols><col min="4" max="4" width="9" style="7" customWidth="1"/></cols><sheetData>${rows}</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;
  const r1 = '<row r="1" spans="1:3"><c r="A1" s="2" t="s"><v>0</v></c><c r="C1" s="3"><v>5</v></c></row>';
  const r4 = '<row r="4" spans="1:3"><c r="A4" s="2" t="inlineStr"><is><t>x</t></is></c></row>';
  const cases: Array<[string, RowWrites[], string[]]> = [
    ["an existing shared-string cell keeps its style", [{ row: 1, cells: [{ col: 1, value: "新" }] }],
      ['<c r="A1" s="2" t="inlineStr"><is><t xml:space="preserve">新</t></is></c><c r="C1" s="3">']],
    ["an existing number cell", [{ row: 1, cells: [{ col: 3, value: "5号" }] }], ['<c r="C1" s="3" t="inlineStr"><is><t xml:space="preserve">5号</t></is></c></row>']],
    ["an empty cell of an existing row, in column order", [{ row: 1, cells: [{ col: 2, value: "b" }] }],
      ['<c r="A1" s="2" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t xml:space="preserve">b</t></is></c><c r="C1" s="3">']],
    ["past the row's spans: the hint widens; the column's style is taken", [{ row: 1, cells: [{ col: 4, value: "d" }] }],
      ['<row r="1" spans="1:4">', '<c r="D1" s="7" t="inlineStr"><is><t xml:space="preserve">d</t></is></c></row>', '<dimension ref="A1:D4"/>']],
    ["a missing row between two rows", [{ row: 2, cells: [{ col: 2, value: "two" }] }],
      [`${r1}<row r="2"><c r="B2" t="inlineStr"><is><t xml:space="preserve">two</t></is></c></row>${r4}`]],
    ["a missing row after the last", [{ row: 9, cells: [{ col: 1, value: "nine" }] }],
      [`${r4}<row r="9"><c r="A9" t="inlineStr"><is><t xml:space="preserve">nine</t></is></c></row></sheetData>`, '<dimension ref="A1:C9"/>']],
    ["several rows in one pass", [{ row: 1, cells: [{ col: 2, value: "b" }, { col: 3, value: "c" }] }, { row: 3, cells: [{ col: 1, value: "a3" }] }, { row: 4, cells: [{ col: 1, value: "" }] }],
      ['<c r="B1" t="inlineStr">', '<c r="C1" s="3" t="inlineStr"><is><t xml:space="preserve">c</t>', '<row r="3"><c r="A3"', '<row r="4" spans="1:3"><c r="A4" s="2"/></row>']],
  ];
  it.each(cases)("%s", (_label, writes, expected) => {
    const out = patch(sheet(r1 + r4), "", writes);
    for (const e of expected) expect(out).toContain(e);
    expect(out.endsWith('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>')).toBe(true);
  });

  it("writes into a self-closing <sheetData/> and a self-closing row", () => {
    expect(patch(`${OPEN}<sheetData/></worksheet>`, "", [{ row: 3, cells: [{ col: 1, value: "a" }] }]))
      .toBe(`${OPEN}<sheetData><row r="3"><c r="A3" t="inlineStr"><is><t xml:space="preserve">a</t></is></c></row></sheetData></worksheet>`);
    expect(editRow('<row r="5" s="4" customFormat="1"/>', "", 5, [{ col: 2, value: "b" }], () => undefined))
      .toBe('<row r="5" s="4" customFormat="1"><c r="B5" s="4" t="inlineStr"><is><t xml:space="preserve">b</t></is></c></row>');
  });

  it("handles cells without r (their column follows the previous one)", () => {
    expect(editRow('<row r="2"><c><v>1</v></c><c><v>2</v></c></row>', "", 2, [{ col: 2, value: "x" }], () => undefined))
      .toBe('<row r="2"><c><v>1</v></c><c r="B2" t="inlineStr"><is><t xml:space="preserve">x</t></is></c></row>');
  });

  it("leaves the part alone when there is nothing to do", () => {
    expect(patchWorksheet(enc.encode(sheet(r1)), { formats: () => "", writes: [], removeMark: "_RosterAssistant_flagGrid" })).toBeUndefined();
  });
});

describe("XML escaping of written values", () => {
  const cases: Array<[string, string]> = [
    ["a & b", "a &amp; b"],
    ["<tag>", "&lt;tag&gt;"],
    ['say "hi"', 'say "hi"'],
    ["bell\u0007", "bell_x0007_"],
    ["nul\u0000 vt\u000b ff\u000c", "nul_x0000_ vt_x000B_ ff_x000C_"],
    ["line\r\nbreak", "line_x000D_\nbreak"],
    ["tab\there", "tab\there"],
    ["_x0041_ literal", "_x005F_x0041_ literal"],
    ["lone \ud800 surrogate", "lone _xD800_ surrogate"],
    ["emoji 😀 kept", "emoji 😀 kept"],
    ["\uffff", "_xFFFF_"],
  ];
  it.each(cases)("%j", (value, escaped) => {
    expect(escapeCellText(value)).toBe(escaped);
    expect(decodeCellText(escaped)).toBe(value.replace(/\ud800/, "\ud800"));
  });
  it("attributes also escape quotes and whitespace", () => expect(escapeAttr('a"b\tc\nd')).toBe("a&quot;b&#9;c&#10;d"));
  it("a written cell", () => expect(inlineCell("", "F7", "3", "A&B")).toBe('<c r="F7" s="3" t="inlineStr"><is><t xml:space="preserve">A&amp;B</t></is></c>'));
});
