// The invalid_date message says why a date cannot be: an impossible one (month 13, 30 February, year 3002) is out
// of range, not only "like 30 February" (a clerk reading 1986.13.2 against that example was left guessing); an
// unreadable one says it cannot be read.
import { checkWorkbook } from "../../src/domain/check";
import { renderIssue } from "../../src/i18n/issue-messages";
import { grid, makeId, workbook } from "../helpers/grid";

const ASOF = "2025-12-31";
const header = ["姓名", "身份证号", "党支部", "联系电话", "入党时间", "出生日期"];

describe("the invalid_date message", () => {
  it.each<[string, string, string, RegExp]>([
    ["month 13", "1986.13.2", "zh-CN", /出生日期不存在（年、月或日超出范围，如13月、2月30日）/],
    ["30 February", "1986.2.30", "en", /birth date does not exist \(its year, month or day is out of range/],
    ["year 3002", "3002.1.2", "zh-TW", /不存在（年、月或日超出範圍/],
    ["unreadable text: not called out of range", "去年春天", "zh-CN", /^(?!.*超出范围).*出生日期无法识别为日期/],
  ])("%s", (_l, birth, lang, message) => {
    const row = ["甲", makeId("19860302", "101"), "一支部", "13812345678", "2010-07-01", birth];
    const r = checkWorkbook(workbook([grid("Sheet1", [header, row])]), { today: ASOF, asOf: ASOF });
    const issue = r.issues.find((i) => i.code === "invalid_date" && i.column === "F");
    expect(issue).toBeDefined();
    expect(renderIssue(issue!, lang as "zh-CN")).toMatch(message);
  });
});
