// The dates of the steps before membership (递交入党申请书, 确定为入党积极分子, 确定为发展对象): read, checked and fixed
// like the other dates, and in order: 申请 <= 积极分子 <= 发展对象 <= 入党 <= 转正, none after the as-of date.
import { checkWorkbook } from "../../src/domain/check";
import { fixKindOf } from "../../src/domain/fix-kinds";
import { CellValue } from "../../src/domain/grid";
import { matchHeader } from "../../src/domain/header-match";
import { IssueCode } from "../../src/domain/schema";
import { renderIssue } from "../../src/i18n/issue-messages";
import { grid, makeId, workbook } from "../helpers/grid";

const HEADER = ["序号", "姓名", "性别", "出生日期", "身份证号", "递交入党申请书时间", "确定为入党积极分子时间", "确定为发展对象时间", "入党时间", "转正时间", "所在支部", "联系电话", "家庭住址", "状态"];
type Row = Record<string, CellValue>;
const BASE: Row = {
  序号: 1, 姓名: "张三", 性别: "男", 出生日期: "1965-03-15", 身份证号: makeId("19650315", "123"),
  递交入党申请书时间: "1988-03-01", 确定为入党积极分子时间: "1988-09-01", 确定为发展对象时间: "1989-09-01",
  入党时间: "1990-07-01", 转正时间: "1991-07-01", 所在支部: "铁安社区", 联系电话: "13812345678", 家庭住址: "铁安小区1号楼", 状态: "正常",
};
const ASOF = "2025-12-31";

function run(rows: Row[], header = HEADER) {
  const cells = rows.map((r) => header.map((h) => r[h] ?? null));
  return checkWorkbook(workbook([grid("铁安社区", [["铁安社区党员花名册"], header, ...cells])]), { today: ASOF, asOf: ASOF });
}
const m = (over: Row): Row => ({ ...BASE, ...over });
const NO_JOIN = HEADER.filter((h) => h !== "入党时间");

type Case = [string, IssueCode, Row, string | null, string[]];
const CASES: Case[] = [
  ["application date as 1988.03.01 text", "invalid_date", m({ 递交入党申请书时间: "1988.03.01" }), null, HEADER],
  ["application date 1988-02-30", "invalid_date", m({ 递交入党申请书时间: "1988-02-30" }), "applicationDate", HEADER],
  ["candidate date before the as-of date", "date_in_future", BASE, null, HEADER],
  ["activist date after the as-of date", "date_in_future", m({ 确定为入党积极分子时间: "2026-03-01", 确定为发展对象时间: null, 入党时间: null, 转正时间: null }), "activistDate", HEADER],
  ["activist date in the month of the application", "stage_date_order", m({ 确定为入党积极分子时间: "1988.3" }), null, HEADER],
  ["activist date before the application", "stage_date_order", m({ 确定为入党积极分子时间: "1987-12-01" }), "activistDate", HEADER],
  ["candidate date after the activist date", "stage_date_order", BASE, null, HEADER],
  ["candidate date before an activist date after the as-of date (flagged as future)", "stage_date_order", m({ 确定为入党积极分子时间: "2041-09-01" }), null, HEADER],
  ["candidate date before an activist date on the as-of date", "stage_date_order", m({ 确定为入党积极分子时间: ASOF, 确定为发展对象时间: "2025-06-01", 入党时间: null, 转正时间: null }), "candidateDate", HEADER],
  ["candidate date before the activist date", "stage_date_order", m({ 确定为发展对象时间: "1988-06-01" }), "candidateDate", HEADER],
  ["candidate date before the join date, the activist date empty", "stage_date_order", m({ 确定为入党积极分子时间: null }), null, HEADER],
  ["candidate date after the join date", "stage_date_order", m({ 确定为发展对象时间: "1990-09-01" }), "candidateDate", HEADER],
  ["no join date: candidate date before the full-member date", "stage_date_order", BASE, null, NO_JOIN],
  ["no join date: candidate date after the full-member date", "stage_date_order", m({ 确定为发展对象时间: "1991-09-01" }), "candidateDate", NO_JOIN],
];

describe("stage dates", () => {
  it.each(CASES)("%s (%s)", (_label, code, row, field, header) => {
    const hits = run([row], header).issues.filter((i) => i.code === code);
    expect(hits.map((i) => i.field)).toEqual(field === null ? [] : [field]);
  });

  it("the base member with every stage dated is clean", () => {
    expect(run([BASE]).issues).toEqual([]);
  });

  it("one flag per inversion, named in both languages", () => {
    const [issue] = run([m({ 确定为入党积极分子时间: "1987-12-01" })]).issues;
    expect(issue).toMatchObject({ column: "G", params: { date: "1987-12-01", than: "applicationDate", thanDate: "1988-03-01" } });
    expect(renderIssue(issue!, "zh-CN")).toContain("确定为入党积极分子时间（1987-12-01）早于递交入党申请书时间（1988-03-01）");
    expect(renderIssue(issue!, "en")).toContain("activist date (1987-12-01) is before the application date (1988-03-01)");
    const [after] = run([m({ 确定为发展对象时间: "1990-09-01" })]).issues;
    expect(renderIssue(after!, "zh-CN")).toContain("确定为发展对象时间（1990-09-01）晚于入党时间（1990-07-01）");
  });

  it("a text date under a stage header is fixed to yyyy-mm-dd", () => {
    const changes = run([m({ 递交入党申请书时间: "1988.03.01" })]).changes;
    expect(changes).toEqual([expect.objectContaining({ column: "F", field: "applicationDate", from: "1988.03.01", to: "1988-03-01" })]);
    expect(fixKindOf(changes[0]!)).toBe("dates");
  });

  it.each([
    ["提交书面申请书时间", "applicationDate"],
    ["提交入党申请时间", "applicationDate"],
    ["确定入党积极分子时间", "activistDate"],
    ["确定发展对象时间（党委备案时间）", "candidateDate"],
    ["確定為入黨積極分子時間", "activistDate"],
    ["递交转正申请书时间", undefined],
    ["确定为预备党员时间", "joinDate"],
    ["确定发展对象", undefined],
  ])("header %s is %s", (header, field) => {
    expect(matchHeader(header)).toBe(field);
  });
});
