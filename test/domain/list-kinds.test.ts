// Issue 7: what kind of list a sheet is, what its title rows state, and who on it is a member.
import { checkWorkbook } from "../../src/domain/check";
import { CellValue } from "../../src/domain/grid";
import { datedStage, kindFromTitle, readStatement, stageDateOf, stageOf, statusOfReductionHeader } from "../../src/domain/sheet-facts";
import { matchHeader } from "../../src/domain/header-match";
import { grid, makeId, workbook } from "../helpers/grid";

const ASOF = "2025-12-31";
const id = (i: number) => makeId("19900315", String(101 + 2 * i).slice(-3));

describe("kind of list", () => {
  it.each([
    ["XX党支部党员花名册", undefined],
    ["预备党员转正名单", "due"],
    ["2025年入党积极分子名单", "activists"],
    ["发展对象公示名单", "pipeline"],
    ["历史党员", "former"],
    ["Sheet1", undefined],
  ])("%s -> %s", (title, kind) => expect(kindFromTitle(title)).toBe(kind));

  it.each([
    ["入党申请人", "applicant"], ["入党积极分子", "activist"], ["列入发展计划", "candidate"], ["预备党员", "probationary"],
    ["223_正式党员", "full"], ["张三", undefined],
  ])("stage %s -> %s", (text, stage) => expect(stageOf(text)).toBe(stage));
});

describe("the stage a 动态信息表 row has reached, from its dates", () => {
  it.each([
    ["递交入党申请书时间", "applicant"],
    ["确定为入党积极分子时间", "activist"],
    ["确定发展对象时间（党委备案时间）", "candidate"],
    ["递交转正申请书时间", undefined], // a member's step, not a stage before membership
    ["确定为预备党员时间（支部大会）", undefined],
    ["入党介绍人", undefined], // not a date
  ])("header %s dates %s", (header, stage) => expect(stageDateOf(header)).toBe(stage));

  const dates: [number, "candidate" | "activist" | "applicant"][] = [[3, "candidate"], [2, "activist"], [1, "applicant"]];
  it.each<[string, CellValue[], string | undefined]>([
    ["an activist: applied and made activist, not joined", ["甲", "2024-03-01", "2024-06-01", null, null, null], "activist"],
    ["a member: joined", ["乙", "2021-03-01", "2021-06-01", "2022-05-01", "2023-06-01", null], undefined],
    ["a full member whose join date is missing", ["丙", "2019-03-01", "2019-06-01", "2020-05-01", null, "2022-06-01"], undefined],
    ["no stage dated, a placeholder", ["丁", "无", null, null, null, null, null], undefined],
    ["a stated 正式党员 whose dates are missing", ["戊", "2019-03-01", null, null, null, null, "正式党员"], undefined],
  ])("%s", (_l, cells, stage) => expect(datedStage(cells, dates, [4, 5, 6])).toBe(stage));
});

describe("a reduction column whose header names the status", () => {
  it.each([
    ["关系转出时间", "reductionReason"],
    ["组织关系转出时间", "reductionReason"],
    ["组织关系转入时间", undefined], // transferred in: a member
  ])("header %s -> %s", (header, field) => expect(matchHeader(header)).toBe(field));

  it.each([
    ["关系转出时间", "transferred_out"],
    ["转出原因", "transferred_out"],
    ["减少原因", undefined], // the value says which
    ["停用原因", undefined],
  ])("header %s names %s", (header, status) => expect(statusOfReductionHeader(header)).toBe(status));

  it("a 动态信息表: applicants are prospects, members counted, a transfer-out date is a member transferred out", () => {
    const rows = [
      ["姓名", "身份证号", "党支部", "联系电话", "递交入党申请书时间", "确定为入党积极分子时间", "确定为预备党员时间（支部大会）", "转正时间（支部大会讨论转正时间）", "关系转出时间"],
      ["甲", id(1), "一支部", "13812345678", "2024-03-01", null, null, null, null],
      ["乙", id(2), "一支部", "13812345678", "2024-03-01", "2024-06-01", null, null, null],
      ["丙", id(3), "一支部", "13812345678", "2021-03-01", "2021-06-01", "2022-05-01", "2023-05-01", null],
      ["丁", id(4), "一支部", "13812345678", "2019-03-01", "2019-06-01", "2020-05-01", "2021-05-01", "2025-07-01"],
      ["戊", id(5), "一支部", "13812345678", null, null, null, null, null], // nothing dated: a member missing a join date
    ];
    const r = checkWorkbook(workbook([grid("Sheet1", rows)]), { today: ASOF, asOf: ASOF });
    expect(r.issues.filter((i) => i.severity !== "info" && i.row > 1).map((i) => `${i.code}@${i.row}`)).toEqual(["missing_required@6"]);
    expect(r.members.map((m) => m.listed ?? "member")).toEqual(["prospect", "prospect", "member", "member", "member"]);
    expect(r.members.map((m) => m.status)).toEqual(["normal", "normal", "normal", "transferred_out", "normal"]);
  });
});

describe("a member roster with stage dates: a row stating a 党员状态 is a member, whatever its dates", () => {
  const header = ["姓名", "身份证号", "党支部", "联系电话", "递交入党申请书时间", "确定为入党积极分子时间", "确定为发展对象时间", "入党时间", "转正时间", "状态"];
  const member = ["乙", id(2), "一支部", "13812345678", "2019-03-01", "2019-06-01", "2020-01-01", "2020-05-01", "2021-05-01", "正常"];
  it.each<[string, CellValue[], string, string[]]>([
    ["正常, join and full-member dates left blank: a member missing 入党时间", ["甲", id(1), "一支部", "13812345678", "2019-03-01", "2019-06-01", "2020-01-01", null, null, "正常"], "member", ["missing_required@2"]],
    ["失联, join date left blank: a member", ["甲", id(1), "一支部", "13812345678", "2019-03-01", null, null, null, null, "失联"], "member", ["missing_required@2"]],
    ["no status, not joined: a prospect at the furthest stage dated", ["甲", id(1), "一支部", "13812345678", "2019-03-01", "2019-06-01", "2020-01-01", null, null, null], "prospect", []],
  ])("%s", (_l, row, listed, issues) => {
    const r = checkWorkbook(workbook([grid("Sheet1", [header, row, member])]), { today: ASOF, asOf: ASOF });
    expect(r.members[0]?.listed ?? "member").toBe(listed);
    expect(r.issues.filter((i) => i.severity !== "info" && i.row > 1 && i.code !== "missing_status").map((i) => `${i.code}@${i.row}`)).toEqual(issues);
  });
  // the title says whose list it is: 党员花名册 lists members (a blank join date is a gap to flag, never a silent
  // prospect); a 发展/动态 title lists prospects too
  const noStatus = ["甲", id(1), "一支部", "13812345678", "2019-03-01", "2019-06-01", "2020-01-01", null, null, null];
  it.each<[string, string, string, string[]]>([
    ["sheet 党员花名册: a member missing 入党时间", "党员花名册", "member", ["missing_required@2"]],
    ["sheet 党员信息: a member missing 入党时间", "党员信息", "member", ["missing_required@2"]],
    ["sheet 党员发展动态信息: a prospect", "党员发展动态信息", "prospect", []],
    ["sheet Sheet1: a prospect", "Sheet1", "prospect", []],
  ])("no status, not joined, %s", (_l, name, listed, issues) => {
    const r = checkWorkbook(workbook([grid(name, [header, noStatus, member])]), { today: ASOF, asOf: ASOF });
    expect(r.members[0]?.listed ?? "member").toBe(listed);
    expect(r.issues.filter((i) => i.severity !== "info" && i.row > 1 && i.code !== "missing_status").map((i) => `${i.code}@${i.row}`)).toEqual(issues);
  });
});

describe("a list whose only party field is a stage date (a 党校's enrolment list)", () => {
  const person = ["1", "甲", id(1), "13812345678", "2023-03-01", "2024-06-01", "2025-06-01"];
  it.each<[string, string[], string | undefined, string | undefined]>([
    ["dated up to 确定发展对象时间: 发展对象", ["序号", "姓名", "身份证号", "联系电话", "提交入党申请时间", "确定入党积极分子时间", "确定发展对象时间"], "pipeline", "发展对象"],
    ["dated up to 确定入党积极分子时间: an activists list", ["序号", "姓名", "身份证号", "联系电话", "提交入党申请时间", "确定入党积极分子时间", "备注"], "activists", "入党积极分子"],
    ["with 入党时间 too: a member roster", ["序号", "姓名", "身份证号", "联系电话", "提交入党申请时间", "确定入党积极分子时间", "入党时间"], "members", undefined],
    ["no stage date, no party field: no roster", ["序号", "姓名", "身份证号", "联系电话", "所在学院", "所在班级", "备注"], undefined, undefined],
  ])("%s", (_l, header, kind, stage) => {
    const r = checkWorkbook(workbook([grid("报名表", [header, person])]), { today: ASOF, asOf: ASOF });
    expect(r.rosters[0]?.kind).toBe(kind);
    expect(r.members[0]?.stage).toBe(stage);
    if (kind && kind !== "members") expect(r.issues.filter((i) => i.severity !== "info" && i.row > 1)).toEqual([]);
  });
});

describe("what the title rows state", () => {
  it.each<[string, CellValue[][], { unit?: string; asOf?: string }]>([
    ["both in one cell", [["填报单位：XX党委　　统计截止日期：2025年6月30日"]], { unit: "XX党委", asOf: "2025-06-30" }],
    ["label and value in two cells", [["填报单位：", "XX村党支部", "截止日期：", "2025-06"]], { unit: "XX村党支部", asOf: "2025-06-30" }],
    ["a blank line to fill in", [["填报单位：________", "统计截止：2025.12.31"]], { asOf: "2025-12-31" }],
    ["a plain title", [["XX党支部党员花名册"]], {}],
  ])("%s", (_l, rows, expected) => {
    const sheet = grid("s", [...rows, ["姓名"]]);
    const got = readStatement(sheet, rows.length, false);
    expect({ unit: got.unit, asOf: got.asOf }).toEqual({ unit: expected.unit, asOf: expected.asOf });
  });

  it("the sheet's stated date is the report date unless the caller gives one", () => {
    const rows = [["填报单位：XX党委　统计截止日期：2025-06-30"], ["姓名", "身份证号", "入党时间", "所在支部"], ["张三", id(1), "2000-07-01", "一支部"]];
    expect(checkWorkbook(workbook([grid("名册", rows)]), { today: ASOF }).asOf).toBe("2025-06-30");
    expect(checkWorkbook(workbook([grid("名册", rows)]), { today: ASOF, asOf: ASOF }).asOf).toBe(ASOF);
    expect(checkWorkbook(workbook([grid("名册", rows)]), { today: ASOF }).unit).toBe("XX党委");
  });
});

describe("who on a list is a member", () => {
  const header = ["姓名", "身份证号", "入党时间", "所在支部", "当前发展阶段", "联系电话", "家庭住址", "状态"];
  const row = (i: number, stage: string, join: string | null) => [`人${i}`, id(i), join, "一支部", stage, "13812345678", "一号楼", "正常"];

  it("a pipeline's applicants and activists are not members and need no join date; its 预备/正式 rows are", () => {
    const rows = [header, row(1, "入党申请人", null), row(2, "入党积极分子", null), row(3, "预备党员", "2025-07-01"), row(4, "正式党员", "2020-07-01")];
    const r = checkWorkbook(workbook([grid("发展", rows)]), { today: ASOF, asOf: ASOF });
    expect(r.rosters[0].kind).toBe("pipeline");
    expect(r.issues.filter((i) => i.severity !== "info" && i.row > 1)).toEqual([]);
    expect(r.summary.byMembershipType).toEqual({ probationary: 1, full: 1, unknown: 0 });
    expect(r.summary.pipeline).toEqual({ applicant: 1, activist: 1, probationary: 1, full: 1 });
  });

  it("a former members' list counts no member, and its missing phones are no gaps", () => {
    const rows = [["历史党员"], ["姓名", "身份证号", "入党时间", "所在支部", "联系电话", "家庭住址", "减少原因"], ["甲", id(1), "2010-07-01", "一支部", null, null, "病故"]];
    const r = checkWorkbook(workbook([grid("名册", rows)]), { today: ASOF, asOf: ASOF });
    expect(r.rosters[0].kind).toBe("former");
    expect(r.issues.filter((i) => i.row > 2)).toEqual([]);
    expect(r.summary.byStatus.deceased).toBe(1);
    expect(Object.values(r.summary.byCategory).reduce((a, b) => a + b, 0)).toBe(0);
  });

  it("a due list's members are probationary without a type column", () => {
    const rows = [["申请转正预备党员名单"], ["姓名", "身份证号", "入党时间", "所在支部"], ["乙", id(2), "2024-12-15", "一支部"]];
    const r = checkWorkbook(workbook([grid("名册", rows)]), { today: ASOF, asOf: ASOF });
    expect(r.rosters[0].kind).toBe("due");
    expect(r.summary.counts.probationary).toBe(1);
    expect(r.summary.dueForFullMembership.map((d) => d.name)).toEqual(["乙"]);
  });

  it("a note inside the data area is not a member", () => {
    const rows = [["姓名", "身份证号", "入党时间", "所在支部"], ["丙", id(3), "2000-07-01", "一支部"], ["注意：身份证号请以文本格式填写", null, null, null]];
    const r = checkWorkbook(workbook([grid("名册", rows)]), { today: ASOF, asOf: ASOF });
    expect(r.members.map((m) => m.name)).toEqual(["丙"]);
  });
});
