// Shared strings read from the part's bytes (each text decoded on its own byte range) and inline strings decoded
// alone: the texts read the same as the decoded part read as one string, whatever the markup.
import { openXlsx } from "../../src/workbook/xlsx";
import { parseSharedStringBytes } from "../../src/workbook/xlsx/shared-string-bytes";
import { parseSharedStrings } from "../../src/workbook/xlsx/shared-strings";
import { buildXlsx } from "./xlsx-builder";

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';

/** [what, the markup inside <si> or <is>, the text] */
const CASES: Array<[string, string, string]> = [
  ["ASCII ID (18 characters)", "<t>11010519491231002X</t>", "11010519491231002X"],
  ["short CJK name", "<t>张三</t>", "张三"],
  ["long CJK address", "<t>辽宁省沈阳市铁西区兴华南街道办事处党工委第三党支部</t>", "辽宁省沈阳市铁西区兴华南街道办事处党工委第三党支部"],
  ["entities", "<t>A &amp; B &lt;1&gt; &quot;q&quot; &apos;a&apos; &#20013;&#x6587;</t>", "A & B <1> \"q\" 'a' 中文"],
  ["_xHHHH_ escapes", "<t>a_x000D_b_x005F_x0041_</t>", "a\rb_x0041_"],
  ["line ends", "<t>a\r\nb\rc</t>", "a\nb\nc"],
  ["surrogate pair", "<t>𠀀党员😀</t>", "𠀀党员😀"],
  ["two-byte and E0/ED/EE forms", "<t>é ࠀ 한 </t>", "é ࠀ 한 "],
  ["xml:space", '<t xml:space="preserve">  lead and trail  </t>', "  lead and trail  "],
  ["rich text runs", '<r><rPr><b/></rPr><t>中共</t></r><r><t xml:space="preserve"> 党员 </t></r>', "中共 党员 "],
  ["phonetic run skipped", "<t>漢族</t><rPh sb=\"0\" eb=\"1\"><t>かんぞく</t></rPh><phoneticPr fontId=\"1\"/>", "漢族"],
  ["empty text", "<t></t>", ""],
  ["empty element", "<t/>", ""],
];

const encode = (s: string): Uint8Array => new TextEncoder().encode(s);
const sstXml = (items: string[]): string =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<sst ${NS}><!-- a comment --> ${items.map((m) => `<si>${m}</si>`).join("\n")}<si/></sst>`;

describe("shared strings from the part's bytes", () => {
  it.each(CASES)("%s", (_, markup, text) => {
    const xml = sstXml([markup]);
    expect(parseSharedStringBytes(encode(xml))).toEqual([text, ""]);
    expect(parseSharedStrings(xml)).toEqual([text, ""]);
  });
  it("reads all the cases in one part as the decoded part reads", () => {
    const xml = sstXml(CASES.map((c) => c[1]));
    expect(parseSharedStringBytes(encode(xml))).toEqual(parseSharedStrings(xml));
  });
  it.each<[string, string]>([
    ["inside a text", "<si><t>ab"],
    ["inside a tag", "<si><t"],
    ["inside a rich text", "<si><r><t>ab</t></r>"],
  ])("a part cut short %s is undefined", (_, tail) => {
    expect(parseSharedStringBytes(encode(`<sst ${NS}><si><t>ok</t></si>${tail}`))).toBeUndefined();
  });
  it.each<[string, Uint8Array]>([
    ["in a text", Uint8Array.from([...encode(`<sst ${NS}><si><t>a`), 0xff, ...encode("</t></si></sst>")])],
    ["in a short text", Uint8Array.from([...encode(`<sst ${NS}><si><t>`), 0xe4, 0xb8, ...encode("</t></si></sst>")])],
    ["in the markup", Uint8Array.from([...encode(`<sst ${NS}>`), 0xc3, ...encode("<si><t>a</t></si></sst>")])],
  ])("bytes that are not UTF-8 %s are refused", (_, b) => {
    const book = buildXlsx({ sheets: [{ name: "S", rows: '<row r="1"><c r="A1" t="s"><v>0</v></c></row>' }], extra: { "xl/sharedStrings.xml": b }, sharedStrings: [] });
    expect(() => openXlsx(book, "bad.xlsx").readSheet("S")).toThrow(/not valid UTF-8/);
  });
  it("a DTD is refused", () => {
    const xml = `<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY x "y">]><sst ${NS}><si><t>a</t></si></sst>`;
    const book = buildXlsx({ sheets: [{ name: "S", rows: '<row r="1"><c r="A1" t="s"><v>0</v></c></row>' }], sharedStrings: { xml } });
    expect(() => openXlsx(book, "dtd.xlsx").readSheet("S")).toThrow(/DTD/);
  });
});

describe("the reader's texts", () => {
  it.each(CASES)("%s: shared and inline read the same text", (_, markup, text) => {
    const rows = `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is>${markup}</is></c></row>`;
    const book = buildXlsx({ sheets: [{ name: "S", rows }], sharedStrings: { xml: sstXml([markup]) } });
    const row = openXlsx(book, "t.xlsx").readSheet("S").rows[0];
    expect(row?.slice(0, 2)).toEqual([text, text]);
  });
});
