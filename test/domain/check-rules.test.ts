// SPEC section 4: every issue code with a passing and a failing row, through the whole engine.
import { checkWorkbook } from "../../src/domain/check";
import { CellValue } from "../../src/domain/grid";
import { IssueCode } from "../../src/domain/schema";
import { grid, makeId, workbook } from "../helpers/grid";

const HEADER = ["序号", "姓名", "性别", "民族", "出生日期", "身份证号", "学历", "入党时间", "转正时间", "党员类别", "所在支部", "联系电话", "家庭住址", "就业情况", "状态"];
type Row = Record<string, CellValue>;
const ID = makeId("19650315", "123"); // 17th digit 3: male
const BASE: Row = {
  序号: 1, 姓名: "张三", 性别: "男", 民族: "汉族", 出生日期: "1965-03-15", 身份证号: ID, 学历: "高中",
  入党时间: "1990-07-01", 转正时间: "1991-07-01", 党员类别: "油田有偿解除劳动合同", 所在支部: "铁安社区",
  联系电话: "13812345678", 家庭住址: "铁安小区1号楼", 就业情况: "在职", 状态: "正常",
};
const ASOF = "2025-12-31";

function run(rows: Row[], header = HEADER) {
  const cells = rows.map((r) => header.map((h) => r[h] ?? null));
  const wb = workbook([grid("铁安社区", [["铁安社区党员花名册"], header, ...cells])]);
  return checkWorkbook(wb, { today: ASOF, asOf: ASOF });
}
const codes = (rows: Row[], header?: string[]) => run(rows, header).issues.map((i) => i.code);
const m = (over: Row): Row => ({ ...BASE, ...over });

type Case = [string, IssueCode, Row[], boolean];
const CASES: Case[] = [
  ["name present", "missing_required", [BASE], false],
  ["name empty", "missing_required", [m({ 姓名: "" })], true],
  ["phone and address present", "missing_contact", [BASE], false],
  ["phone a placeholder", "missing_contact", [m({ 联系电话: "不详" })], true],
  ["address empty", "missing_contact", [m({ 家庭住址: null })], true],
  ["status present", "missing_status", [BASE], false],
  ["status empty", "missing_status", [m({ 状态: "" })], true],
  ["ID of 18 characters", "invalid_id_format", [BASE], false],
  ["ID of 17 characters", "invalid_id_format", [m({ 身份证号: ID.slice(0, 17) })], true],
  ["ID with a letter inside", "invalid_id_format", [m({ 身份证号: ID.slice(0, 5) + "A" + ID.slice(6) })], true],
  ["ID check character right", "invalid_id_checksum", [BASE], false],
  ["ID check character wrong", "invalid_id_checksum", [m({ 身份证号: ID.slice(0, 17) + (ID[17] === "1" ? "2" : "1") })], true],
  ["ID as text", "id_precision_lost", [BASE], false],
  ["ID as an 18-digit number cell", "id_precision_lost", [m({ 身份证号: Number(ID.slice(0, 17) + "1") })], true],
  ["IDs distinct", "duplicate_id", [BASE, m({ 序号: 2, 身份证号: makeId("19650315", "133") })], false],
  ["same ID on two rows", "duplicate_id", [BASE, m({ 序号: 2, 姓名: "李四" })], true],
  ["birth date agrees with ID", "id_birthdate_mismatch", [BASE], false],
  ["birth date month-only agrees with ID", "id_birthdate_mismatch", [m({ 出生日期: "1965.03" })], false],
  ["birth date disagrees with ID", "id_birthdate_mismatch", [m({ 出生日期: "1965-03-16" })], true],
  ["gender agrees with ID", "id_gender_mismatch", [BASE], false],
  ["gender disagrees with ID", "id_gender_mismatch", [m({ 性别: "女" })], true],
  ["date readable", "invalid_date", [BASE], false],
  ["date impossible", "invalid_date", [m({ 入党时间: "1990-02-30" })], true],
  ["date unreadable", "invalid_date", [m({ 入党时间: "去年" })], true],
  ["year.month 1968.05 as a number", "ambiguous_date", [m({ 出生日期: 1965.03 })], false],
  ["year.month 1971.1 as a number", "ambiguous_date", [m({ 入党时间: 1971.1, 转正时间: "1972-11-01", 出生日期: "1950-01-01", 身份证号: makeId("19500101", "123") })], true],
  ["date before asOf", "date_in_future", [BASE], false],
  ["date after asOf", "date_in_future", [m({ 转正时间: "2026-03-01" })], true],
  ["joined at 25", "joined_under_18", [BASE], false],
  ["joined at 14", "joined_under_18", [m({ 入党时间: "1979-07-01", 转正时间: "1980-07-01" })], true],
  ["full member after a year", "full_member_before_probation", [BASE], false],
  ["full member after six months", "full_member_before_probation", [m({ 转正时间: "1991-01-01" })], true],
  ["full member within two years", "probation_overdue", [m({ 转正时间: "1992-07-01" })], false],
  ["full member after three years", "probation_overdue", [m({ 转正时间: "1993-07-02" })], true],
  ["mobile number", "invalid_phone", [BASE], false],
  ["landline with area code", "invalid_phone", [m({ 联系电话: "0438-6123456" })], false],
  ["five digits", "invalid_phone", [m({ 联系电话: "12345" })], true],
  ["known category", "unknown_value", [BASE], false],
  ["category spelled with 党员 suffix", "unknown_value", [m({ 党员类别: "下岗职工党员" })], false],
  ["an office's own category (open taxonomy)", "unknown_value", [m({ 党员类别: "在职民警" })], false],
  ["a one-off near spelling of a common category", "unknown_value", [m({ 党员类别: "在职民瞀" }), ...[2, 3, 4].map((i) => m({ 序号: i, 党员类别: "在职民警", 身份证号: makeId("19650315", `13${i}`) }))], true],
  ["unknown gender", "unknown_value", [m({ 性别: "外星人" })], true],
  ["18-digit ID", "legacy_id_upgraded", [BASE], false],
  ["15-digit ID", "legacy_id_upgraded", [m({ 身份证号: "220702650315123" })], true],
];

describe("check rules (SPEC section 4)", () => {
  it.each(CASES)("%s: %s present = %s", (_label, code, rows, present) => {
    expect(codes(rows).includes(code)).toBe(present);
  });

  it("the base member is clean", () => {
    expect(run([BASE]).issues).toEqual([]);
  });

  it("a required column missing altogether is one issue on the header row", () => {
    const header = HEADER.filter((h) => h !== "入党时间");
    const issues = run([BASE, m({ 序号: 2, 身份证号: makeId("19650315", "133") })], header).issues;
    expect(issues).toEqual([expect.objectContaining({ code: "missing_required", field: "joinDate", row: 2 })]);
  });

  it("duplicate IDs name each other", () => {
    const issues = run([BASE, m({ 序号: 2, 姓名: "李四" })]).issues.filter((i) => i.code === "duplicate_id");
    expect(issues.map((i) => [i.row, i.params.otherRow])).toEqual([[3, 4], [4, 3]]);
  });

  it("an issue names its sheet, row, column and value", () => {
    const [issue] = run([m({ 联系电话: "12345" })]).issues;
    expect(issue).toEqual(expect.objectContaining({ sheet: "铁安社区", row: 3, column: "L", field: "phone", code: "invalid_phone", severity: "warning", value: "12345" }));
  });

  it("an empty gender or birth date is derived from a valid ID without an issue", () => {
    const r = run([m({ 性别: null, 出生日期: null })]);
    expect(r.issues).toEqual([]);
    expect(r.members[0]).toEqual(expect.objectContaining({ gender: "male", birthDate: "1965-03-15" }));
  });

  it("是否失联党员 sets lost_contact", () => {
    const header = [...HEADER.filter((h) => h !== "状态"), "是否失联党员"];
    const r = run([m({ 是否失联党员: "是" })], header);
    expect(r.members[0].status).toBe("lost_contact");
    expect(r.issues).toEqual([]);
  });
});

describe("date cells and the 1904 system", () => {
  const header = ["姓名", "出生日期", "入党时间", "党员类别"];
  // 1990-07-01 is serial 33055 in the 1900 system and 31593 in the 1904 system.
  it.each([
    [false, 33055, "1990-07-01"],
    [true, 31593, "1990-07-01"],
  ])("date1904=%s: serial %d reads as %s", (date1904, serial, iso) => {
    const wb = workbook([grid("名册", [header, ["张三", "1965-03", { kind: "date", serial }, "居民"]])], { date1904 });
    const r = checkWorkbook(wb, { today: ASOF });
    expect(r.members[0].joinDate).toBe(iso);
    expect(r.members[0].birthDate).toBe("1965-03");
  });

  it("a real date cell is never proposed as a change; a typed date is", () => {
    const wb = workbook([grid("名册", [header, ["张三", "1965.3", { kind: "date", serial: 33055 }, "居民"]])]);
    const r = checkWorkbook(wb, { today: ASOF });
    expect(r.changes).toEqual([expect.objectContaining({ field: "birthDate", from: "1965.3", to: "1965-03" })]);
  });

  it("a formula cell is never proposed as a change", () => {
    const wb = workbook([grid("名册", [header, ["张 三", "1965.3", "1990-07-01", "居民"]], [16384 + 0, 16384 + 1])]);
    expect(checkWorkbook(wb, { today: ASOF }).changes).toEqual([]);
  });
});

describe("fullMemberDate is required once the probation year is over", () => {
  it.each([
    ["joined over a year ago, no fullMemberDate", "2020-07-01", null, true],
    ["joined within the year (probationary)", "2025-06-01", null, false],
    ["joined over a year ago with a fullMemberDate", "2020-07-01", "2021-07-01", false],
  ])("%s", (_l, join, full, flagged) => {
    const r = run([m({ 入党时间: join, 转正时间: full })]);
    expect(r.issues.some((i) => i.code === "missing_required" && i.field === "fullMemberDate")).toBe(flagged);
  });

  it.each([
    ["born 2000-02-29, joined 2018-02-28: 18 that day", "20000229", "2018-02-28", false],
    ["born 2000-02-29, joined 2018-02-27", "20000229", "2018-02-27", true],
  ])("joined_under_18 on a 29 February birthday: %s", (_l, birth, join, flagged) => {
    const id = makeId(birth, "123");
    const r = run([m({ 出生日期: null, 身份证号: id, 入党时间: join, 转正时间: null })]);
    expect(r.issues.some((i) => i.code === "joined_under_18")).toBe(flagged);
  });
});

describe("the language of labels a fix writes", () => {
  const rowOf = (o: Record<string, string | number | null>) => HEADER.map((h) => m(o)[h] ?? null);

  it("--lang changes messages only: labels stay in the roster's own language", () => {
    const rows = [rowOf({ 党员类别: "下岗" }), ...["134", "135"].map((s) => rowOf({ 党员类别: "下岗职工", 身份证号: makeId("19650315", s) }))];
    const r = checkWorkbook(workbook([grid("名册", [HEADER, ...rows])]), { today: ASOF, asOf: ASOF, lang: "en" });
    expect(r.language).toBe("en");
    expect(r.changes.filter((c) => c.field === "category").map((c) => [c.from, c.to])).toEqual([["下岗", "下岗职工"]]);
  });

  it("a fix writes only a spelling the column itself uses: a lone 下岗职工党员 is left as it is", () => {
    const r = checkWorkbook(workbook([grid("名册", [HEADER, rowOf({ 党员类别: "下岗职工党员" })])]), { today: ASOF, asOf: ASOF });
    expect(r.changes.filter((c) => c.field === "category")).toEqual([]);
    expect(r.summary.byCategory.laid_off).toBe(1);
  });

  it("a sheet with traditional headers keeps traditional labels, beside a simplified one", () => {
    const trad = ["序號", "姓名", "性別", "出生日期", "身份證號", "入黨時間", "轉正時間", "黨員類別", "所在支部", "聯繫電話", "家庭住址", "狀態"];
    const row = (cat: string, seq: string) => ["1", "張三", "男", "1965-03-15", makeId("19650315", seq), "1990-07-01", "1991-07-01", cat, "鐵康社區", "13812345678", "鐵康小區", "正常"];
    const simp = grid("铁安社区", [HEADER, HEADER.map((h) => m({ 身份证号: makeId("19650315", "133") })[h] ?? null)]);
    const r = checkWorkbook(workbook([simp, grid("鐵康社區", [trad, row("下崗", "140"), row("下崗職工", "141"), row("下崗職工", "142")])]), { today: ASOF, asOf: ASOF });
    expect(r.language).toBe("zh-CN");
    expect(r.changes.filter((c) => c.field === "category").map((c) => [c.sheet, c.to])).toEqual([["鐵康社區", "下崗職工"]]);
  });
});
