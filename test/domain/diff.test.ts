// SPEC 8 sync semantics: each rule with a case where it applies and one where it does not, through the engine.
import { checkWorkbook } from "../../src/domain/check";
import { diffRosters } from "../../src/domain/diff";
import { syncRecords } from "../../src/domain/diff-records";
import { CellValue, SheetGrid, cellKey } from "../../src/domain/grid";
import { grid, makeId, workbook } from "../helpers/grid";

const H = ["姓名", "性别", "出生日期", "身份证号", "入党时间", "所在支部", "联系电话", "家庭住址", "状态"];
type Row = Partial<Record<string, CellValue>>;
const ZHANG = makeId("19650315", "123");
const LI = makeId("19700101", "224");
const WANG = makeId("19800505", "335");
const base = (name: string, id: string, birth: string, branch = "铁安社区"): Row => ({
  姓名: name, 出生日期: birth, 身份证号: id, 入党时间: "1990-07-01", 所在支部: branch, 联系电话: "13812345678", 家庭住址: "铁安小区1号楼", 状态: "正常",
});
const MASTER: Row[] = [
  base("张三", ZHANG, "1965-03-15"),
  base("李四", LI, "1970-01-01"),
  base("王五", WANG, "1980-05-05", "铁康社区"),
];
const sheet = (name: string, rows: Row[], header = H, formulas: number[] = []): SheetGrid =>
  grid(name, [[`${name}党员名单`], header, ...rows.map((r) => header.map((h) => r[h] ?? null))], formulas);

function diff(incoming: Row[], opts: { header?: string[]; master?: SheetGrid[] } = {}) {
  const m = workbook(opts.master ?? [sheet("花名册", MASTER)]);
  const i = workbook([sheet("incoming", incoming, opts.header)]);
  const mr = checkWorkbook(m, { today: "2026-01-15" });
  const ir = checkWorkbook(i, { today: "2026-01-15" });
  return diffRosters({
    masterName: "m.xlsx", incomingName: "i.csv",
    master: syncRecords(m, mr, { lang: "zh-CN", master: true }),
    rosters: mr.rosters.map((r) => ({ sheet: r.sheet, sheetBranch: r.sheetBranch })),
    incoming: syncRecords(i, ir, { lang: "zh-CN", master: false }),
    incomingHasIds: ir.rosters.some((r) => r.columns.idNumber !== undefined),
  }).report;
}
const updates = (rows: Row[], header?: string[]) => diff(rows, { header }).updated.map((u) => `${u.name}.${u.field}: ${u.from} -> ${u.to}`);

describe("matching and updates", () => {
  it.each<[string, Row[], string[]]>([
    ["a changed phone is an update", [{ ...MASTER[0], 联系电话: "13900000000" }], ["张三.phone: 13812345678 -> 13900000000"]],
    ["the same values are no update", [MASTER[0]], []],
    ["an empty incoming cell never blanks a master value", [{ ...MASTER[0], 家庭住址: null }], []],
    ["a placeholder (无) never blanks one either", [{ ...MASTER[0], 家庭住址: "无" }], []],
    ["spacing and full-width digits are not a change", [{ ...MASTER[0], 联系电话: "１３８ １２３４ ５６７８" }], []],
    ["an incoming month-only date under a full one is not a change", [{ ...MASTER[0], 入党时间: "1990.07" }], []],
    ["a different join date is", [{ ...MASTER[0], 入党时间: "1991-07-01" }], ["张三.joinDate: 1990-07-01 -> 1991-07-01"]],
    ["an enum is compared by meaning, written as the label", [{ ...MASTER[0], 状态: "已转出" }], ["张三.status: 正常 -> 转出"]],
    ["text starting with = stays text", [{ ...MASTER[0], 家庭住址: "=1+2" }], ["张三.address: 铁安小区1号楼 -> =1+2"]],
  ])("%s", (_, rows, expected) => {
    expect(updates(rows)).toEqual(expected);
  });

  it("matches by name + birth date where the incoming file has no ID column, and says so", () => {
    const header = H.filter((h) => h !== "身份证号");
    const r = diff([{ ...MASTER[1], 联系电话: "13700000000" }], { header });
    expect(r.matchedBy).toBe("nameBirthDate");
    expect(r.updated).toEqual([expect.objectContaining({ key: LI, field: "phone", match: "nameBirthDate" })]);
    expect(diff([MASTER[1]]).matchedBy).toBe("idNumber");
  });

  it("an unmatched row is an addition, in the sheet of its branch", () => {
    const two = [sheet("铁安社区", [MASTER[0], MASTER[1]], H.filter((h) => h !== "所在支部")), sheet("铁康社区", [MASTER[2]], H.filter((h) => h !== "所在支部"))];
    const newKang = base("赵六", makeId("19900101", "443"), "1990-01-01", "铁康社区");
    expect(diff([newKang], { master: two }).added).toEqual([expect.objectContaining({ name: "赵六", sheet: "铁康社区", branch: "铁康社区", match: "idNumber" })]);
    const elsewhere = base("赵六", makeId("19900101", "443"), "1990-01-01", "铁北社区");
    expect(diff([elsewhere], { master: two }).rejected).toEqual([expect.objectContaining({ reason: "no_branch_sheet", params: { branch: "铁北社区" } })]);
  });
});

describe("conflicts (SPEC 8)", () => {
  it.each<[string, Row[], string[]]>([
    ["two incoming rows for one member that disagree", [{ ...MASTER[0], 联系电话: "13900000001" }, { ...MASTER[0], 联系电话: "13900000002" }], ["phone:duplicate_incoming"]],
    ["two that agree are no conflict", [{ ...MASTER[0], 联系电话: "13900000001" }, { ...MASTER[0], 联系电话: "13900000001" }], []],
    ["a name + birth date match whose ID differs", [{ ...MASTER[0], 身份证号: makeId("19650315", "555") }], ["idNumber:id_differs"]],
    ["a birth date the ID contradicts", [{ ...MASTER[0], 出生日期: "1965-03-16" }], ["birthDate:contradicts_id"]],
    ["a gender the ID contradicts", [{ ...MASTER[0], 性别: "女" }], ["gender:contradicts_id"]],
    ["a gender the ID agrees with is no conflict", [{ ...MASTER[0], 性别: "男" }], []],
  ])("%s", (_, rows, expected) => {
    const header = ["性别", ...H];
    const r = diff(rows, { header });
    expect(r.conflicts.map((c) => `${c.field}:${c.reason}`)).toEqual(expected);
    expect(r.conflicts.every((c) => c.accept === false)).toBe(true);
  });

  it("a master cell holding a formula is never overwritten: a conflict", () => {
    const m = sheet("花名册", MASTER, H, [cellKey(2, H.indexOf("家庭住址"))]);
    const r = diff([{ ...MASTER[0], 家庭住址: "新地址" }], { master: [m] });
    expect(r.conflicts.map((c) => c.reason)).toEqual(["formula_cell"]);
    expect(r.updated).toEqual([]);
  });
});

describe("rejected rows and absences", () => {
  it.each<[string, Row[], string[]]>([
    ["no ID and no birth date", [{ 姓名: "某人", 入党时间: "1990-07-01", 所在支部: "铁安社区" }], ["unmatchable"]],
    ["an ID with a wrong check digit", [{ ...MASTER[0], 身份证号: ZHANG.slice(0, 17) + (ZHANG[17] === "1" ? "2" : "1") }], ["invalid_id_checksum"]],
    ["an exact duplicate row", [MASTER[0], MASTER[0]], ["duplicate_row"]],
    ["a join date that cannot be read (that value only)", [{ ...MASTER[0], 入党时间: "1990-02-30" }], ["unreadable_value"]],
    ["a well-formed row is not rejected", [MASTER[0]], []],
  ])("%s", (_, rows, expected) => {
    expect(diff(rows).rejected.map((r) => r.reason)).toEqual(expected);
  });

  it("a branch's own submission only speaks for its branch's members", () => {
    expect(diff([MASTER[0]]).notInIncoming.map((a) => a.name)).toEqual(["李四"]);
    const mixed = diff([MASTER[0], { ...MASTER[2] }]);
    expect(mixed.notInIncoming.map((a) => a.name)).toEqual(["李四"]);
    expect(diff([{ ...MASTER[2] }]).notInIncoming.map((a) => a.name)).toEqual([]);
  });

  it("counts the unchanged members", () => {
    expect(diff([MASTER[0], { ...MASTER[1], 联系电话: "13900000000" }]).unchanged).toBe(1);
  });
});
