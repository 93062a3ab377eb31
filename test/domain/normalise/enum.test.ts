import { CellValue } from "../../../src/domain/grid";
import { buildEnumMatcher, EnumResult } from "../../../src/domain/normalise/enum";
import { CATEGORY, EDUCATION, EnumTable, GENDER, MEMBERSHIP_TYPE, STATUS, YES_NO } from "../../../src/domain/vocabulary";

const ok = (code: string): EnumResult => ({ kind: "ok", code });
const unknown = (value: string, suggestion?: string): EnumResult =>
  suggestion === undefined ? { kind: "unknown", value } : { kind: "unknown", value, suggestion };
const empty: EnumResult = { kind: "empty" };

describe("buildEnumMatcher", () => {
  it.each<{ table: EnumTable; input: CellValue | undefined; expected: EnumResult }>([
    // labels in all three languages, spellings, folding
    { table: CATEGORY, input: "下岗职工", expected: ok("laid_off") },
    { table: CATEGORY, input: "下崗職工", expected: ok("laid_off") },
    { table: CATEGORY, input: "Laid-off worker", expected: ok("laid_off") },
    { table: CATEGORY, input: " 下岗 ", expected: ok("laid_off") },
    { table: CATEGORY, input: "有偿解除", expected: ok("oilfield_released") },
    { table: CATEGORY, input: "退伍军人", expected: ok("veteran") },
    { table: CATEGORY, input: "復員軍人", expected: ok("veteran") },
    { table: CATEGORY, input: "机关干部", expected: ok("agency") },
    // a trailing 党员/人员/干部 dropped
    { table: CATEGORY, input: "下岗职工党员", expected: ok("laid_off") },
    { table: CATEGORY, input: "离退休人员", expected: ok("retired") },
    { table: CATEGORY, input: "社区居民党员", expected: ok("resident") },
    { table: STATUS, input: "失联党员", expected: ok("lost_contact") },
    { table: STATUS, input: "流動黨員", expected: ok("mobile") },
    { table: STATUS, input: "已故", expected: ok("deceased") },
    { table: GENDER, input: "M", expected: ok("male") },
    { table: GENDER, input: "Ｆ", expected: ok("female") },
    { table: GENDER, input: "女", expected: ok("female") },
    { table: EDUCATION, input: "大學本科", expected: ok("bachelor") },
    { table: EDUCATION, input: "高中、中技", expected: { kind: "ok", code: "high_school", narrow: true } },
    { table: EDUCATION, input: "小学", expected: { kind: "ok", code: "junior_or_below", narrow: true } },
    { table: EDUCATION, input: "本科", expected: ok("bachelor") },
    { table: GENDER, input: "95_男", expected: ok("male") },
    { table: MEMBERSHIP_TYPE, input: "223_正式党员", expected: ok("full") },
    { table: STATUS, input: "59327_已死亡", expected: ok("deceased") },
    { table: MEMBERSHIP_TYPE, input: "预备", expected: ok("probationary") },
    { table: YES_NO, input: "是", expected: ok("yes") },
    { table: YES_NO, input: 1, expected: ok("yes") }, // a number cell
    { table: YES_NO, input: false, expected: ok("no") }, // a boolean cell
    { table: YES_NO, input: "×", expected: ok("no") },
    // empty and placeholders
    { table: CATEGORY, input: undefined, expected: empty },
    { table: CATEGORY, input: null, expected: empty },
    { table: CATEGORY, input: "  ", expected: empty },
    { table: CATEGORY, input: "无", expected: empty },
    { table: STATUS, input: "/", expected: empty },
    // unknown: never guessed into a category; the suggestion is a hint
    { table: CATEGORY, input: "下岗职工党员(退休)", expected: { ...unknown("下岗职工党员(退休)", "laid_off"), within: "laid_off" } as EnumResult },
    { table: CATEGORY, input: "油田", expected: unknown("油田", "oilfield_released") },
    { table: CATEGORY, input: "居名", expected: unknown("居名", "resident") },
    { table: CATEGORY, input: "学生", expected: unknown("学生") },
    { table: CATEGORY, input: "  学生  党员 ", expected: unknown("学生 党员") },
    { table: STATUS, input: "正长", expected: unknown("正长", "normal") },
    { table: STATUS, input: "dead", expected: unknown("dead") },
    { table: GENDER, input: "x", expected: unknown("x") }, // one letter: no fuzzy hint
    { table: GENDER, input: "Femal", expected: unknown("Femal", "female") },
    { table: GENDER, input: "男性党员", expected: ok("male") },
    { table: YES_NO, input: 2, expected: unknown("2") },
    // a cell of several lines (an export joining a member's education records): the highest, kept as written
    { table: EDUCATION, input: "大学专科\n大学本科\n", expected: { kind: "ok", code: "bachelor", narrow: true } },
    { table: EDUCATION, input: "大学本科\n", expected: { kind: "ok", code: "bachelor", narrow: true } },
    { table: EDUCATION, input: "大学本科\n某某培训班\n", expected: { ...unknown("大学本科\n某某培训班", "bachelor"), within: "bachelor" } as EnumResult },
    { table: GENDER, input: "男\n男", expected: { kind: "ok", code: "male", narrow: true } },
    { table: GENDER, input: "男\n女", expected: { ...unknown("男\n女", "male"), within: "male" } as EnumResult }, // only education has an order
  ])("$input -> $expected", ({ table, input, expected }) => {
    expect(buildEnumMatcher(table)(input)).toEqual(expected);
  });

  describe("with extra spellings from the config sheet", () => {
    const extra = [
      { code: "oilfield_released", spelling: "有偿解除合同" },
      { code: "no", spelling: "无" }, // staff may map a placeholder to a value
      { code: "normal", spelling: "下岗" }, // a clash with a built-in: the built-in wins
    ];
    it.each<{ table: EnumTable; input: CellValue; expected: EnumResult }>([
      { table: CATEGORY, input: "有償解除合同", expected: ok("oilfield_released") },
      { table: CATEGORY, input: "有偿解除合同党员", expected: ok("oilfield_released") },
      { table: YES_NO, input: "无", expected: ok("no") },
      { table: CATEGORY, input: "下岗", expected: ok("laid_off") },
      { table: CATEGORY, input: "有偿解除合同书", expected: { ...unknown("有偿解除合同书", "oilfield_released"), within: "oilfield_released" } as EnumResult },
    ])("$input -> $expected", ({ table, input, expected }) => {
      expect(buildEnumMatcher(table, extra)(input)).toEqual(expected);
    });
  });

  it("gives the same answer from its cache", () => {
    const match = buildEnumMatcher(STATUS);
    expect(match("流动")).toBe(match("流动"));
    expect(match("流动")).toEqual(ok("mobile"));
  });
});
