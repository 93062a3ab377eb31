import { stripSystemCode } from "../../../src/domain/normalise/system-code";

describe("stripSystemCode", () => {
  it.each([
    ["95_男", "男"], ["868_汉族", "汉族"], ["223_正式党员", "正式党员"], ["59327_已死亡", "已死亡"], ["01 汉族", "汉族"],
    ["1A 中央党校研究生", "中央党校研究生"], ["0211 事业单位管理岗位", "事业单位管理岗位"], ["１２_男", "男"],
  ])("%s -> %s", (input, expected) => expect(stripSystemCode(input)).toBe(expected));

  it.each([["男"], ["2002.3.5"], ["20020305"], ["3号楼"], ["1995.1"], ["13812345678"], ["12 345"], ["第一党支部"]])(
    "%s stays as it is", (input) => expect(stripSystemCode(input)).toBe(input),
  );
});
