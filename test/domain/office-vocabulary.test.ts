// Issue 7: each office's own vocabulary. System codes, an open category taxonomy, dropdown lists, status from
// 减少原因/标签, membership type by values, fixes that write only the column's own spellings.
import { checkWorkbook } from "../../src/domain/check";
import { CellValue, ListValidation, SheetGrid } from "../../src/domain/grid";
import { matchHeader } from "../../src/domain/header-match";
import { lookFirst } from "../../src/domain/look-first";
import { renderIssue } from "../../src/i18n/issue-messages";
import { grid, makeId, workbook } from "../helpers/grid";

const ASOF = "2025-12-31";
type Row = Record<string, CellValue>;
const id = (i: number) => makeId("19650315", String(101 + 2 * i).slice(-3)); // odd 17th digit: a man
const base = (i: number, over: Row = {}): Row => ({
  序号: i, 姓名: `党员${i}`, 性别: "男", 出生日期: "1965-03-15", 身份证号: id(i), 入党时间: "1990-07-01", 转正时间: "1991-07-01",
  党支部名称: "第一党支部", 联系电话: "13812345678", 家庭住址: "一号楼", ...over,
});

function sheetOf(rows: Row[], lists: ListValidation[] = []): SheetGrid {
  const header = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return { ...grid("党员信息", [header, ...rows.map((r) => header.map((h) => r[h] ?? null))]), lists };
}
const run = (rows: Row[], lists?: ListValidation[]) => checkWorkbook(workbook([sheetOf(rows, lists)]), { today: ASOF, asOf: ASOF });
const flags = (rows: Row[], lists?: ListValidation[]) => run(rows, lists).issues.filter((i) => i.severity !== "info" && i.row > 1).map((i) => `${i.row}:${i.field}:${i.code}`);
const many = (n: number, over: (i: number) => Row) => Array.from({ length: n }, (_, i) => base(i + 1, over(i + 1)));
/** A dropdown over column col (0-based) of rows 2-100. */
const list = (col: number, values: string[]): ListValidation => ({ ranges: [{ r0: 1, c0: col, r1: 99, c1: col }], values });

describe("values real templates hold are not flagged", () => {
  it.each<[string, Row[], string[]]>([
    ["system-coded gender, ethnicity and membership type", many(3, () => ({ 性别: "95_男", 民族: "868_汉族", 党籍状态: "223_正式党员" })), []],
    ["党籍状态 holding 正式/预备党员 is the membership type, not the status", many(4, (i) => ({ 党籍状态: i === 4 ? "预备党员" : "正式党员", 转正时间: i === 4 ? null : "1991-07-01", 入党时间: i === 4 ? "2025-06-01" : "1990-07-01" })), []],
    ["an office's own categories", many(5, (i) => ({ 党员类别: i <= 3 ? "在职民警" : "离退休民警" })), []],
    ["numbered branches are not misspellings of each other", many(5, (i) => ({ 党支部名称: i === 5 ? "第二党支部" : "第一党支部" })), []],
    ["a value of the column's own dropdown", many(3, () => ({ 学历: "中央党校研究生" })), []],
  ])("%s", (_l, rows, expected) => {
    const lists = rows[0].学历 !== undefined ? [list(Object.keys(rows[0]).indexOf("学历"), ["中央党校研究生", "大学本科"])] : [];
    expect(flags(rows, lists)).toEqual(expected);
  });

  it.each<[string, Row[], string[]]>([
    ["a one-off near spelling of a common category", many(4, (i) => ({ 党员类别: i === 4 ? "在职民瞀" : "在职民警" })), ["5:category:unknown_value"]],
    ["a value outside the column's dropdown", many(3, (i) => ({ 党员类别: i === 3 ? "外聘" : "在职民警" })), ["4:category:unknown_value"]],
    ["a gender that means nothing", many(2, (i) => ({ 性别: i === 2 ? "外星人" : "男" })), ["3:gender:unknown_value"]],
  ])("flagged: %s", (_l, rows, expected) => {
    const lists = rows[0].党员类别 !== undefined && _l.includes("dropdown") ? [list(Object.keys(rows[0]).indexOf("党员类别"), ["在职民警", "离退休民警"])] : [];
    expect(flags(rows, lists)).toEqual(expected);
  });
});

describe("status from every place real files keep it", () => {
  it.each<[string, Row, string | null]>([
    ["减少原因 死亡", { 减少原因: "死亡" }, "deceased"],
    ["减少原因 组织关系转出", { 减少原因: "组织关系转出" }, "transferred_out"],
    ["减少原因 empty: a current member", { 减少原因: null }, "normal"],
    ["标签 失联党员", { 标签: "失联党员" }, "lost_contact"],
    ["标签 党员出国境", { 标签: "党员出国境" }, "mobile"],
    ["标签 something else", { 标签: "优秀党员" }, "normal"],
    ["人员状态 59327_已死亡", { 人员状态: "59327_已死亡" }, "deceased"],
    ["人员状态 59328_已停止党籍", { 人员状态: "59328_已停止党籍" }, "suspended"],
    ["人员状态 59585_其他: not a status", { 人员状态: "59585_其他" }, null],
  ])("%s -> %s", (_l, over, status) => {
    const r = run([base(1, over)]);
    expect(r.members[0].status).toBe(status);
  });

  it("a deceased member is not counted", () => {
    const r = run([base(1), base(2, { 减少原因: "去世" })].map((x) => ({ ...x, 减少原因: x.减少原因 ?? null })));
    expect(r.summary.byStatus.deceased).toBe(1);
    expect(Object.values(r.summary.byCategory).reduce((a, b) => a + b, 0)).toBe(1);
  });
});

describe("categories are the office's own", () => {
  it("summaries list the office's categories by count, no seed street categories", () => {
    const r = run(many(5, (i) => ({ 党员类别: i <= 3 ? "在职民警" : "离退休民警" })));
    expect(r.summary.byCategory).toEqual({ 在职民警: 3, 离退休民警: 2, unknown: 0 });
  });

  it("the dropdown's order comes first, zeros too", () => {
    const rows = many(2, () => ({ 党员类别: "离退休民警" }));
    const r = run(rows, [list(Object.keys(rows[0]).indexOf("党员类别"), ["在职民警", "离退休民警"])]);
    expect(Object.keys(r.summary.byCategory)).toEqual(["在职民警", "离退休民警", "unknown"]);
  });
});

const STATUS_CODES = ["59325_正式党员", "59326_预备党员", "59327_已死亡", "59328_已停止党籍", "59329_已出党", "59585_其他"];

describe("fixes write only what the column's own vocabulary holds", () => {
  it.each<[string, Row[], ListValidation[] | undefined, [string, string][]]>([
    ["小学 is never rewritten to 初中及以下", many(3, (i) => ({ 学历: i === 1 ? "小学" : "初中及以下" })), undefined, []],
    ["本科 stays where the column uses no other spelling", many(2, () => ({ 学历: "本科" })), undefined, []],
    ["本科 becomes the column's usual 大学本科", many(3, (i) => ({ 学历: i === 1 ? "本科" : "大学本科" })), undefined, [["本科", "大学本科"]]],
    ["男性 becomes the dropdown's coded 95_男", many(1, () => ({ 性别: "男性" })), [list(2, ["95_男", "96_女"])], [["男性", "95_男"]]],
    // a status dropdown of system codes (a street-office system's 党籍状态): its own entries stay, others become one
    ["59327_已死亡 of the status dropdown stays", many(2, (i) => ({ 人员状态: i === 1 ? "59327_已死亡" : "59325_正式党员" })), [list(10, STATUS_CODES)], []],
    ["已故 becomes the status dropdown's coded 59327_已死亡", many(2, (i) => ({ 人员状态: i === 1 ? "已故" : "59325_正式党员" })), [list(10, STATUS_CODES)], [["已故", "59327_已死亡"]]],
  ])("%s", (_l, rows, lists, expected) => {
    const r = run(rows, lists);
    expect(r.changes.filter((c) => ["education", "gender", "status"].includes(c.field)).map((c) => [c.from, c.to])).toEqual(expected);
  });
});

describe("one real error never drowns", () => {
  it.each<[string, number, number, number]>([
    ["a code on 25 of 25 rows of a column is one column-level issue", 25, 25, 1],
    ["a code on 10 of 25 rows stays one issue per row", 25, 10, 10],
  ])("%s", (_l, rows, bad, issues) => {
    const r = run(many(rows, (i) => ({ 性别: i <= bad ? "外星人" : "男" })));
    const got = r.issues.filter((i) => i.field === "gender" && i.code === "unknown_value");
    expect(got).toHaveLength(issues);
    if (issues === 1) expect(got[0]).toMatchObject({ row: 1, params: { columnCount: bad, firstRow: 2 } });
  });
});

describe("where to look first", () => {
  it.each([
    ["errors before warnings", [{ severity: "warning", code: "invalid_phone" }, { severity: "error", code: "invalid_date" }], ["invalid_date", "invalid_phone"]],
    ["the rarer code first within a severity", [{ severity: "error", code: "a" }, { severity: "error", code: "a" }, { severity: "error", code: "b" }], ["b", "a"]],
  ] as const)("%s", (_l, issues, codes) => {
    expect(lookFirst(issues as never, 2).map((i: { code: string }) => i.code)).toEqual(codes);
  });
});

describe("hold-out templates (issue 7 review)", () => {
  it.each<[string, Row[], Record<string, string | null>[]]>([
    ["人员状态 holding 正式党员 and 流动党员: type and status each read from it", many(4, (i) => ({ 人员状态: i === 4 ? "流动党员" : "正式党员" })), [
      { status: "normal", type: "full" }, { status: "normal", type: "full" }, { status: "normal", type: "full" }, { status: "mobile", type: null },
    ]],
    ["党籍状态 holding 正常 and 停止党籍: the status", many(3, (i) => ({ 党籍状态: i === 3 ? "停止党籍" : "正常" })), [
      { status: "normal", type: null }, { status: "normal", type: null }, { status: "suspended", type: null },
    ]],
    ["转正情况 预备期未满: probationary", many(1, () => ({ 转正情况: "预备期未满", 入党时间: "2025-03-01", 转正时间: null })), [{ status: null, type: "probationary" }]],
    // each text of the status column judged for a type once, the rows after it taking that (typeInStatusColumn)
    ["状态 of 正常 beside 预备党员 and 正式党员, no type column: the type read from it", many(6, (i) => ({ 状态: i <= 3 ? "正常" : i === 6 ? "正式党员" : "预备党员", 入党时间: i === 4 || i === 5 ? "2025-03-01" : "1990-07-01", 转正时间: i === 4 || i === 5 ? null : "1991-07-01" })), [
      { status: "normal", type: null }, { status: "normal", type: null }, { status: "normal", type: null },
      { status: "normal", type: "probationary" }, { status: "normal", type: "probationary" }, { status: "normal", type: "full" },
    ]],
  ])("%s", (_l, rows, expected) => {
    const r = run(rows);
    expect(r.issues.filter((i) => i.row > 1 && i.severity !== "info")).toEqual([]);
    expect(r.members.map((m) => ({ status: m.status, type: m.membershipType }))).toEqual(expected);
  });

  it.each([
    ["联系手机（党支部联系人）", undefined],
    ["联系手机", "phone"],
    ["工作单位或就读学校", "workUnit"],
    ["常住地址", "address"],
    ["是否持流动党员证", "mobileFlag"],
  ])("header %s -> %s", (header, field) => expect(matchHeader(header)).toBe(field));

  it("a join date before the birth date says so", () => {
    const r = run([base(1, { 入党时间: "1960-07-01" })]);
    const i = r.issues.find((x) => x.code === "joined_under_18")!;
    expect(renderIssue(i, "en")).toContain("join date before the birth date");
  });

  it("a probation that ended this year with no type stated is on the due list to confirm, not an error", () => {
    const r = run([base(1, { 入党时间: "2024-11-01", 转正时间: null })]);
    expect(r.issues.filter((i) => i.field === "fullMemberDate")).toEqual([]);
    expect(r.summary.dueForFullMembership.map((d) => d.toConfirm)).toEqual([true]);
  });
});
