// Cell values as the reader returns them: every cell type and every trap of SpreadsheetML markup.
import { type CellValue, cellKey, columnIndex, type SheetGrid } from "../../src/domain/grid";
import { openXlsx } from "../../src/workbook/xlsx";
import { buildXlsx, utf16le, worksheetXml } from "./xlsx-builder";

const SST = `<?xml version="1.0" encoding="UTF-8"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="9" uniqueCount="9">
<si><t>姓名</t></si>
<si><r><rPr><b/><sz val="11"/></rPr><t>张</t></r><r><t xml:space="preserve"> 三</t></r></si>
<si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="1"/></si>
<si><t>A &amp; B &lt;C&gt; &quot;q&quot; &apos;s&apos; &#65;&#x42;&#x1F600;</t></si>
<si><t>line1_x000D__x000A_line2 _x005F_x0041_</t></si>
<si><t/></si>
<si/>
<si><r><t>a</t></r><rPh sb="0" eb="1"><t>x</t></rPh><r><t>b</t></r></si>
<si><t>multi
line</t></si>
</sst>`;

const ROWS = `
<row r="1" spans="1:9"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c><c r="F1" t="s"><v>5</v></c><c r="G1" t="s"><v>6</v></c><c r="H1" t="s"><v>7</v></c><c r="I1" t="s"><v>8</v></c></row>
<row r="2"><c r="A2"><v>42</v></c><c r="B2"><v>-3.5</v></c><c r="C2"><v>1.5E3</v></c><c r="D2"><v>220702196503151234</v></c><c r="E2" t="n"><v>0</v></c><c r="F2"><v></v></c><c r="G2" s="1"/><c r="H2" s="4"><v>2.5</v></c><c r="I2" s="6"><v>1000</v></c><c r="J2" s="8"><v>7</v></c><c r="K2" s="11"><v>12345</v></c></row>
<row r="3"><c r="A3" t="b"><v>1</v></c><c r="B3" t="b"><v>0</v></c><c r="C3" t="e"><v>#N/A</v></c><c r="D3" t="str"><f>A1&amp;"x"</f><v>a&amp;b</v></c><c r="E3" t="inlineStr"><is><t>inline &amp; text</t></is></c><c r="F3" t="inlineStr"><is><r><t>ri</t></r><r><rPr><i/></rPr><t>ch</t></r><rPh sb="0" eb="1"><t>zz</t></rPh></is></c><c r="G3" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="H3" t="inlineStr"><is><t/></is></c></row>
<row r="4"><c r="A4" s="1"><v>45292</v></c><c r="B4" s="2"><v>45292</v></c><c r="C4" s="3"><v>45292</v></c><c r="D4" s="5"><v>1.5</v></c><c r="E4" s="7"><v>45292.5</v></c><c r="F4" s="9"><v>3</v></c><c r="G4" s="10"><v>45292</v></c><c r="H4" t="d"><v>2024-01-01</v></c><c r="I4" t="d"><v>2024-01-01T12:00:00Z</v></c><c r="J4" t="d"><v>1900-01-01</v></c><c r="K4" t="d"><v>1900-03-01</v></c><c r="L4" s="1"><v>60</v></c><c r="M4" s="99"><v>45292</v></c></row>
<row r="6"><c r="A6"><f>SUM(A2:B2)</f><v>38.5</v></c><c r="B6"><f t="shared" ref="B6:C6" si="0">A6*2</f><v>77</v></c><c r="C6"><f t="shared" si="0"/><v>154</v></c><c r="D6" s="1"><f>NOW()</f></c></row>
<row><c t="s"><v>0</v></c><c><v>1</v></c><c r="E7"><v>5</v></c><c><v>6</v></c></row>
<row r='8' customHeight="1"><c t='s' r='A8' s='0' cm="1"><v>0</v></c><c r = "B8" t = "n" ><v> 7 </v></c><!-- a comment --><c r="C8" t="str"><v>x_x0009_y</v></c></row>
<row r="9" hidden="1"/>
<row r="10"><c r="XFD10"><v>1</v></c></row>
<row r="11"><c r="A11" t="s"><v> 1 </v></c><c r="B11" t="s"><v></v></c><c r="C11" t="s"><v>99</v></c><c r="D11" t="s"><v>1x</v></c></row>`;

const book = buildXlsx({ sheets: [{ name: "Values", rows: ROWS }], sharedStrings: { xml: SST } });
const grid = openXlsx(book, "values.xlsx").readSheet("Values");

function at(g: SheetGrid, address: string): CellValue | undefined {
  const m = /^([A-Z]+)(\d+)$/.exec(address)!;
  return g.rows[Number(m[2]) - 1]?.[columnIndex(m[1])];
}
const date = (serial: number) => ({ kind: "date", serial });

describe("cell values", () => {
  it.each<[string, string, unknown]>([
    ["shared string", "A1", "姓名"],
    ["rich text runs concatenated", "B1", "张 三"],
    ["phonetic run skipped", "C1", "東京"],
    ["entities and character references", "D1", `A & B <C> "q" 's' AB\u{1F600}`],
    ["_xHHHH_ escapes, _x005F_ escapes an underscore", "E1", "line1\r\nline2 _x0041_"],
    ["empty <t/>", "F1", ""],
    ["empty <si/>", "G1", ""],
    ["rPh between rich runs", "H1", "ab"],
    ["literal line break kept", "I1", "multi\nline"],
    ["integer", "A2", 42],
    ["negative decimal", "B2", -3.5],
    ["exponent", "C2", 1500],
    ["18-digit number keeps float precision loss", "D2", 220702196503151230],
    ["t=n", "E2", 0],
    ["empty <v></v> is no value", "F2", undefined],
    ["styled empty cell is no value", "G2", undefined],
    ["0.00 is not a date", "H2", 2.5],
    ["#,##0;[Red] is not a date", "I2", 1000],
    ["text format @ on a number stays a number", "J2", 7],
    ["scientific E+ is not a date", "K2", 12345],
    ["boolean true", "A3", true],
    ["boolean false", "B3", false],
    ["error as its text", "C3", "#N/A"],
    ["formula string with entities", "D3", "a&b"],
    ["inline string", "E3", "inline & text"],
    ["inline rich text, rPh skipped", "F3", "rich"],
    ["error from a formula", "G3", "#DIV/0!"],
    ["empty inline string", "H3", ""],
    ["built-in date format 14", "A4", date(45292)],
    ['custom yyyy"年"m"月"', "B4", date(45292)],
    ["[$-804] locale date", "C4", date(45292)],
    ["[h]:mm elapsed time counts as a date/time", "D4", date(1.5)],
    ["built-in 22 date time", "E4", date(45292.5)],
    ['"days" in quotes is not a date', "F4", 3],
    ["built-in 57 (CJK) date", "G4", date(45292)],
    ["t=d ISO date", "H4", date(45292)],
    ["t=d ISO date time", "I4", date(45292.5)],
    ["t=d 1900-01-01 is serial 1", "J4", date(1)],
    ["t=d 1900-03-01 is serial 61 (after the phantom 29 Feb)", "K4", date(61)],
    ["serial 60 kept as written", "L4", date(60)],
    ["style index beyond cellXfs: a number", "M4", 45292],
    ["row 5 absent", "A5", undefined],
    ["formula cached value", "A6", 38.5],
    ["shared formula master", "B6", 77],
    ["shared formula child", "C6", 154],
    ["formula without cached value", "D6", undefined],
    ["row without r follows row 6; cell without r is column A", "A7", "姓名"],
    ["cell without r follows the previous cell", "B7", 1],
    ["cell with r after gaps", "E7", 5],
    ["cell without r after a gap", "F7", 6],
    ["single quotes, attributes in any order", "A8", "姓名"],
    ["spaces around = and in the value", "B8", 7],
    ["_x0009_ in a formula string", "C8", "x\ty"],
    ["last column XFD", "XFD10", 1],
    ["shared string index with spaces", "A11", "张 三"],
    ["empty shared string index", "B11", undefined],
    ["shared string index out of range", "C11", undefined],
    ["shared string index that is not a number", "D11", undefined],
  ])("%s (%s)", (_what, address, expected) => {
    expect(at(grid, address)).toEqual(expected);
  });

  it("holds missing rows and cells as undefined, rows as arrays", () => {
    expect(grid.rows[4]).toBeUndefined(); // row 5
    expect(grid.rows[8]).toBeUndefined(); // row 9: empty
    expect(grid.rows.length).toBe(11);
    expect(Array.isArray(grid.rows[0])).toBe(true);
    expect(grid.rows[6]![2]).toBeUndefined(); // C7
  });

  it("lists formula cells, shared-formula children included, by cellKey", () => {
    expect([...grid.formulaCells].sort((a, b) => a - b)).toEqual(
      [cellKey(2, 3), cellKey(2, 6), cellKey(5, 0), cellKey(5, 1), cellKey(5, 2), cellKey(5, 3)].sort((a, b) => a - b),
    );
    expect(grid.formulaCells.has(cellKey(0, 0))).toBe(false);
  });
});

describe("namespace prefixes", () => {
  const xml = `<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetPr/><x:sheetData>
<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="inlineStr"><x:is><x:t>p&amp;q</x:t></x:is></x:c><x:c r="C1" s="1"><x:v>45292</x:v></x:c><x:c r="D1"><x:f>1+1</x:f><x:v>2</x:v></x:c></x:row>
<x:row r="2"><x:c r="A2" t="b"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
  const sst = `<x:sst xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:si><x:r><x:t>pre</x:t></x:r><x:r><x:t>fixed</x:t></x:r></x:si></x:sst>`;
  const g = openXlsx(buildXlsx({ sheets: [{ name: "P", xml }], sharedStrings: { xml: sst } }), "p.xlsx").readSheet("P");
  it.each<[string, unknown]>([
    ["A1", "prefixed"],
    ["B1", "p&q"],
    ["C1", date(45292)],
    ["D1", 2],
    ["A2", true],
  ])("%s", (address, expected) => expect(at(g, address)).toEqual(expected));
  it("sees the prefixed formula", () => expect(g.formulaCells.has(cellKey(0, 3))).toBe(true));
});

describe("the 1904 date system", () => {
  const rows = '<row r="1"><c r="A1" s="1"><v>43830</v></c><c r="B1" t="d"><v>2024-01-01</v></c></row>';
  it.each<[boolean, number]>([
    [true, 43830],
    [false, 45292],
  ])("date1904=%s: t=d 2024-01-01 becomes serial %d; number cells keep their serial", (date1904, serial) => {
    const wb = openXlsx(buildXlsx({ sheets: [{ name: "S", rows }], date1904 }), "d.xlsx");
    expect(wb.date1904).toBe(date1904);
    const g = wb.readSheet("S");
    expect(at(g, "A1")).toEqual(date(43830));
    expect(at(g, "B1")).toEqual(date(serial));
    expect(wb.snapshot().date1904).toBe(date1904);
  });
  it('reads date1904="true" too', () => {
    const xml = `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr date1904="true"/><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`;
    expect(openXlsx(buildXlsx({ sheets: [{ name: "S", rows }], workbookXml: xml }), "d.xlsx").date1904).toBe(true);
  });
});

describe("maxRows peek", () => {
  const rows = Array.from({ length: 50 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i + 1}</v></c></row>`).join("");
  const wb = openXlsx(buildXlsx({ sheets: [{ name: "S", rows }, { name: "T", rows }] }), "peek.xlsx");
  it.each<[number | undefined, number]>([
    [undefined, 50],
    [20, 20],
    [1, 1],
    [0, 0],
    [500, 50],
  ])("maxRows %s gives %d rows", (maxRows, n) => {
    const g = wb.readSheet("S", maxRows === undefined ? undefined : { maxRows });
    expect(g.rows.length).toBe(n);
    if (n > 0) expect(g.rows[n - 1]![0]).toBe(n);
  });
  it("applies to every sheet of a snapshot", () => {
    expect(wb.snapshot({ maxRows: 3 }).sheets.map((s) => s.rows.length)).toEqual([3, 3]);
  });
});

describe("sheet XML around sheetData", () => {
  it.each<[string, string, number]>([
    ["self-closing sheetData", `<worksheet xmlns="x"><sheetData/></worksheet>`, 0],
    ["no sheetData at all", `<worksheet xmlns="x"><dimension ref="A1"/></worksheet>`, 0],
    ["elements before and after", `<worksheet xmlns="x"><cols><col min="1" max="2"/></cols><sheetData><row r="2"><c r="B2"><v>1</v></c></row></sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells></worksheet>`, 2],
    ["extLst inside a row", `<worksheet xmlns="x"><sheetData><row r="1"><c r="A1"><v>1</v></c><extLst><ext uri="u"><x>1</x></ext></extLst></row></sheetData></worksheet>`, 1],
    ["UTF-8 BOM", `\uFEFF<?xml version="1.0"?>${worksheetXml('<row r="1"><c r="A1"><v>1</v></c></row>')}`, 1],
  ])("%s", (_what, xml, n) => {
    expect(openXlsx(buildXlsx({ sheets: [{ name: "S", xml }] }), "s.xlsx").readSheet("S").rows.length).toBe(n);
  });

  it("reads a UTF-16 sheet part", () => {
    const xml = worksheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>中文</t></is></c></row>');
    const bytes = utf16le(xml);
    const wb = openXlsx(buildXlsx({ sheets: [{ name: "S" }], extra: { "xl/worksheets/sheet1.xml": bytes } }), "u.xlsx");
    expect(wb.readSheet("S").rows[0]![0]).toBe("中文");
  });
});
