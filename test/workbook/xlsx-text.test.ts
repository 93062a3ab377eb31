// Text decoding, ISO dates and part-name resolution used by the reader.
import { serialFromIso } from "../../src/workbook/xlsx/iso-date";
import { relsPartFor, resolveTarget } from "../../src/workbook/xlsx/opc";
import { decodeCellText, decodeEntities, decodeXEscapes } from "../../src/workbook/xlsx/xml-text";

describe("decodeEntities", () => {
  it.each<[string, string]>([
    ["plain", "plain"],
    ["a &amp; b", "a & b"],
    ["&lt;&gt;&quot;&apos;", "<>\"'"],
    ["&#20013;&#x6587;", "中文"],
    ["&#x1F600;", "\u{1F600}"],
    ["&unknown; & alone &#xZZ;", "&unknown; & alone &#xZZ;"],
    ["&amp;lt;", "&lt;"],
  ])("%j", (raw, expected) => expect(decodeEntities(raw)).toBe(expected));
});

describe("decodeXEscapes", () => {
  it.each<[string, string]>([
    ["no escapes", "no escapes"],
    ["a_x000D_b", "a\rb"],
    ["_x0009_", "\t"],
    ["_x005F_x000D_", "_x000D_"],
    ["_x00_", "_x00_"],
    ["_xZZZZ_", "_xZZZZ_"],
    ["x_x4E2D_", "x中"],
  ])("%j", (raw, expected) => expect(decodeXEscapes(raw)).toBe(expected));
  it("normalises literal line ends as an XML parser does, keeping escaped ones", () => {
    expect(decodeCellText("a\r\nb\rc&#13;d_x000D_e")).toBe("a\nb\nc\rd\re");
  });
});

describe("serialFromIso", () => {
  it.each<[string, boolean, number | undefined]>([
    ["2024-01-01", false, 45292],
    ["2024-01-01", true, 43830],
    ["2024-01-01T06:00:00", false, 45292.25],
    ["2024-01-01T06:00:00.000Z", false, 45292.25],
    ["1900-02-28", false, 59],
    ["1900-03-01", false, 61],
    ["1899-12-31", false, 0],
    ["1904-01-01", true, 0],
    ["0099-01-01", false, -657800], // year 99, not 1999
    ["12:00:00", false, 0.5],
    ["2023-02-29", false, undefined],
    ["yesterday", false, undefined],
  ])("%s (1904: %s) -> %s", (text, d1904, serial) => {
    const got = serialFromIso(text, d1904);
    if (serial === undefined) expect(got).toBeUndefined();
    else expect(got).toBeCloseTo(serial, 9);
  });
});

describe("part names", () => {
  it.each<[string, string, string]>([
    ["xl/workbook.xml", "worksheets/sheet1.xml", "xl/worksheets/sheet1.xml"],
    ["xl/workbook.xml", "/xl/worksheets/sheet1.xml", "xl/worksheets/sheet1.xml"],
    ["xl/workbook.xml", "../customXml/item1.xml", "customXml/item1.xml"],
    ["xl/workbook.xml", "./worksheets/./sheet%201.xml", "xl/worksheets/sheet 1.xml"],
    ["", "xl/workbook.xml", "xl/workbook.xml"],
    ["", "/book/wb.xml", "book/wb.xml"],
    ["xl/workbook.xml", "worksheets\\sheet2.xml", "xl/worksheets/sheet2.xml"],
  ])("%s + %s", (source, target, expected) => expect(resolveTarget(source, target)).toBe(expected));
  it.each<[string, string]>([
    ["xl/workbook.xml", "xl/_rels/workbook.xml.rels"],
    ["", "_rels/.rels"],
    ["book.xml", "_rels/book.xml.rels"],
  ])("rels of %j", (part, rels) => expect(relsPartFor(part)).toBe(rels));
});
