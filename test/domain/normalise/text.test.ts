import { CellValue } from "../../../src/domain/grid";
import { cellText, normaliseName, normaliseText } from "../../../src/domain/normalise/text";

const date = (serial: number): CellValue => ({ kind: "date", serial });

describe("cellText", () => {
  it.each<{ input: CellValue | undefined; date1904?: boolean; expected: string }>([
    { input: undefined, expected: "" },
    { input: null, expected: "" },
    { input: "  张三 ", expected: "  张三 " }, // as stored
    { input: 35, expected: "35" },
    { input: 35.0, expected: "35" },
    { input: 1968.05, expected: "1968.05" },
    { input: 0.1 + 0.2, expected: "0.3" }, // 15 significant digits, as Excel shows
    { input: 13812345678, expected: "13812345678" },
    { input: 110105194912310020, expected: "110105194912310020" }, // no 1.1e+17
    { input: 1e21, expected: "1000000000000000000000" },
    { input: -3, expected: "-3" },
    { input: true, expected: "TRUE" },
    { input: false, expected: "FALSE" },
    { input: date(37320), expected: "2002-03-05" },
    { input: date(37320.75), expected: "2002-03-05" },
    { input: date(35858), date1904: true, expected: "2002-03-05" },
    { input: date(60), expected: "1900-02-29" }, // what Excel shows for its fictitious day
    { input: date(-5), expected: "-5" },
  ])("$input -> $expected", ({ input, date1904, expected }) => {
    expect(cellText(input, date1904 ?? false)).toBe(expected);
  });
});

describe("normaliseText", () => {
  it.each<{ input: CellValue | undefined; expected: string | null }>([
    { input: "铁西街3号", expected: "铁西街3号" },
    { input: "  铁西街  3号 ", expected: "铁西街 3号" },
    { input: "铁西街\u30003号", expected: "铁西街 3号" },
    { input: "Ｎａｍｅ１２", expected: "Name12" },
    { input: "思想稳定，积极参加（组织）生活：好！", expected: "思想稳定，积极参加（组织）生活：好！" }, // Chinese punctuation stays
    { input: "３号楼＃２０１", expected: "3号楼#201" },
    { input: "a\t\tb", expected: "a b" },
    { input: "第一行  \r\n\r\n  第二行", expected: "第一行\n第二行" }, // lines kept, each break once
    { input: "张\u200b三", expected: "张三" }, // zero-width space goes
    { input: "\u00a0x\u00a0", expected: "x" },
    { input: "無", expected: null },
    { input: "不详", expected: null },
    { input: " — ", expected: null },
    { input: "/", expected: null },
    { input: "   ", expected: null },
    { input: "", expected: null },
    { input: null, expected: null },
    { input: undefined, expected: null },
    { input: "无业", expected: "无业" }, // a real value, not a placeholder
    { input: "聯繫", expected: "聯繫" }, // never converted to simplified
    { input: 42, expected: "42" },
    { input: true, expected: "TRUE" },
    { input: date(37320), expected: "2002-03-05" },
  ])("$input -> $expected", ({ input, expected }) => {
    expect(normaliseText(input, false)).toBe(expected);
  });

  it("returns the very string when it is already clean", () => {
    const s = "铁西街道 3号楼";
    expect(normaliseText(s, false)).toBe(s);
  });
});

describe("normaliseName", () => {
  it.each<{ input: CellValue | undefined; expected: string | null }>([
    { input: "张 三", expected: "张三" },
    { input: "张　三", expected: "张三" },
    { input: " 欧阳  小 明 ", expected: "欧阳小明" },
    { input: "John  Smith", expected: "John Smith" },
    { input: "张三 John", expected: "张三 John" }, // CJK beside Latin keeps its space
    { input: "阿依古丽 · 买买提", expected: "阿依古丽 · 买买提" }, // the dot is not CJK
    { input: "张\n三", expected: "张三" },
    { input: "张三", expected: "张三" },
    { input: "无", expected: null },
  ])("$input -> $expected", ({ input, expected }) => {
    expect(normaliseName(input, false)).toBe(expected);
  });
});
