// Incoming text tables: the encoding and the delimiter found, the guard apostrophe taken off, system codes stripped.
import iconv from "iconv-lite";
import { decodeText } from "../../src/csv/decode";
import { readCsv, unguardCell } from "../../src/csv/read-csv";
import { stripSystemCode } from "../../src/domain/normalise/system-code";

const TEXT = "姓名,性别,所在支部\r\n张三,男,铁安社区\r\n李四,女,鐵康社區\r\n";
const bom = (b: Buffer, head: number[]) => Buffer.concat([Buffer.from(head), b]);

describe("decodeText", () => {
  it.each<[string, Buffer, string]>([
    ["UTF-8 with BOM", bom(Buffer.from(TEXT, "utf8"), [0xef, 0xbb, 0xbf]), "utf-8"],
    ["UTF-8 without BOM", Buffer.from(TEXT, "utf8"), "utf-8"],
    ["GBK (Excel on Chinese Windows)", iconv.encode(TEXT.replace("鐵康社區", "铁康社区"), "gbk"), "gb18030"],
    ["GB18030 with a character GBK lacks", iconv.encode(TEXT.replace("张三", "张𠀀"), "gb18030"), "gb18030"],
    ["UTF-16 LE with BOM (Excel's Unicode text)", iconv.encode(TEXT, "utf16le", { addBOM: true }), "utf-16le"],
    ["UTF-16 BE with BOM", bom(iconv.encode(TEXT, "utf16-be"), [0xfe, 0xff]), "utf-16be"],
    ["UTF-16 LE without BOM", iconv.encode(TEXT, "utf16le"), "utf-16le"],
  ])("%s", (_, bytes, encoding) => {
    const d = decodeText(bytes);
    expect(d.encoding).toBe(encoding);
    expect(d.text).toBe(encoding === "gb18030" ? iconv.decode(bytes, "gb18030") : TEXT);
  });

  it("GBK bytes are not taken for UTF-8 (they are not valid UTF-8)", () => {
    const gbk = iconv.encode("张三", "gbk");
    expect(new TextDecoder("utf-8").decode(gbk)).not.toBe("张三");
    expect(decodeText(gbk).text).toBe("张三");
  });
});

describe("readCsv", () => {
  it.each<[string, string, string]>([
    ["comma", TEXT, ","],
    ["tab", TEXT.replace(/,/g, "\t"), "\t"],
    ["semicolon", TEXT.replace(/,/g, ";"), ";"],
    ["Excel's sep= line", "sep=|\r\n" + TEXT.replace(/,/g, "|"), "|"],
  ])("finds the %s delimiter", (_, text, delimiter) => {
    const r = readCsv(Buffer.from(text, "utf8"), "铁安社区名单.csv");
    expect(r.delimiter).toBe(delimiter);
    expect(r.grid.rows[1]).toEqual(["张三", "男", "铁安社区"]);
    expect(r.grid.name).toBe("铁安社区名单");
  });

  it("keeps every cell text (IDs and phones never become numbers); blank lines are missing rows; quoted newlines stay", () => {
    const r = readCsv(Buffer.from('身份证号,联系电话,备注\n220702196503151234,013812345678,"两行\n备注"\n\n', "utf8"), "x.csv");
    expect(r.grid.rows).toEqual([["身份证号", "联系电话", "备注"], ["220702196503151234", "013812345678", "两行\n备注"]]);
  });
});

describe("guards and codes", () => {
  it.each<[string, string]>([
    ["'=1+2", "=1+2"], ["'+86 138", "+86 138"], ["'-5", "-5"], ["'@SUM(A1)", "@SUM(A1)"],
    ["'abc", "'abc"], ["'", "'"], ["=1+2", "=1+2"],
  ])("unguardCell(%j) = %j", (input, out) => expect(unguardCell(input)).toBe(out));

  it.each<[string, string]>([
    ["95_男", "男"], ["223_正式党员", "正式党员"], ["12_铁康社区", "铁康社区"], ["1 _ 女", "女"],
  ])("stripSystemCode(%j) = %j", (input, out) => expect(stripSystemCode(input)).toBe(out));
});
