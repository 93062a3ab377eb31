// SPEC section 2: finding the header row, the columns, the member rows and the branch of a roster sheet.
import { EMPTY_CONFIG } from "../../src/domain/config";
import { CellValue } from "../../src/domain/grid";
import { branchFromTitle, locateRoster, RosterLocation } from "../../src/domain/locate";
import { grid, makeId } from "../helpers/grid";

const locate = (rows: (CellValue | undefined)[][], name = "Sheet1") => locateRoster(grid(name, rows), EMPTY_CONFIG);
const found = (rows: (CellValue | undefined)[][], name?: string) => {
  const r = locate(rows, name);
  if (typeof r === "string") throw new Error(r);
  return r as RosterLocation;
};
const ID1 = makeId("19650315", "123");
const ID2 = makeId("19700101", "244");

describe("header row", () => {
  it.each([
    ["simplified", ["姓名", "性别", "入党时间", "联系电话"], { name: 0, gender: 1, joinDate: 2, phone: 3 }],
    ["traditional with 聯繫", ["姓名", "性別", "入黨時間", "聯繫電話"], { name: 0, gender: 1, joinDate: 2, phone: 3 }],
    ["spaces, full-width and colons", [" 姓　名 ", "性别：", "入党\n时间", "联系方式"], { name: 0, gender: 1, joinDate: 2, phone: 3 }],
    ["a note in brackets", ["姓名", "身份证号码（18位）", "党员类别", "住址"], { name: 0, idNumber: 1, category: 2, address: 3 }],
    ["English", ["Name", "Gender", "ID", "Party branch"], { name: 0, gender: 1, idNumber: 2, branch: 3 }],
  ])("%s", (_l, header, columns) => {
    expect(found([header, ["张三", "男", "1990-07-01", "13812345678"]]).columns).toEqual(columns);
  });

  it("is found below title rows and merged titles", () => {
    const r = found([["铁西街道铁安社区党员花名册"], ["填报时间：2025年12月"], [], ["序号", "姓名", "入党时间", "联系电话"], [1, "张三", "1990-07-01", "13812345678"]]);
    expect([r.headerRow, r.firstRow, r.lastRow]).toEqual([4, 5, 5]);
  });

  it.each([
    ["no name", [["性别", "入党时间", "联系电话", "家庭住址"]]],
    ["no party field (a student roster)", [["序号", "姓名", "身份证号", "性别", "家庭住址", "状态"]]],
    ["fewer than three known headers", [["姓名", "入党时间", "籍贯"]]],
    ["generic English words (a pivot source: ID | Name | Category)", [["ID", "Name", "Category", "Value"]]],
    ["a form, not a table (1.姓名：)", [["1.姓名：", null, "2.性别："], ["4.公民身份证号："], ["7.入党时间："]]],
    ["header below row 20", [...Array.from({ length: 20 }, () => ["说明"]), ["姓名", "性别", "入党时间"]]],
  ])("is not found: %s", (_l, rows) => {
    expect(typeof locate(rows as CellValue[][])).toBe("string");
  });

  it("says which row came closest and what a roster needs", () => {
    expect(locate([["姓名", "身份证号", "性别"]])).toMatch(/row 1 has name, idNumber, gender; a roster needs 姓名 and a party field/);
  });
});

describe("member rows", () => {
  const header = ["序号", "姓名", "性别", "入党时间"];
  it("skips a header printed again on page two, empty rows, numbered blank rows and footers", () => {
    const r = found([
      header,
      [1, "张三", "男", "1990-07-01"],
      [],
      [2, null, null, null],
      ["铁安社区党员花名册（续）"],
      header,
      [3, "李四", "女", "1995-07-01"],
      ["合计：2人"],
      ["填表人：王五", null, "审核人：赵六"],
      ["合 計"],
    ]);
    expect(r.memberRows.map((x) => x + 1)).toEqual([2, 7]);
    expect([r.firstRow, r.lastRow]).toEqual([2, 7]);
  });

  it.each([
    ["an ID number alone: a member whose name is missing", [1, null, null, null, "220702196503151234"], [1]],
    ["a note alone under the ID column: not a member", [2, null, null, null, "见下页"], []],
  ])("%s", (_l, row, expected) => {
    expect(found([["序号", "姓名", "性别", "入党时间", "身份证号"], row as CellValue[]]).memberRows).toEqual(expected);
  });

  it("keeps a member row whose name is empty but which has other values", () => {
    expect(found([header, [1, null, "男", "1990-07-01"]]).memberRows).toEqual([1]);
  });
});

describe("columns recognised by their values", () => {
  it.each([
    ["IDs under an unknown header", "证件", [ID1, ID2, ID1], "idNumber"],
    ["an 18-digit ID typed as a number", "号码", [Number(ID1), Number(ID2), Number(ID1)], "idNumber"],
    ["mobiles", "号码", ["13812345678", 13912345678, "15012345678"], "phone"],
    ["预备/正式", "党员身份", ["正式党员", "预备党员", "正式党员"], "membershipType"],
  ])("%s", (_l, head, values, field) => {
    const r = found([["姓名", "入党时间", "籍贯", head as string], ...values.map((v) => ["张三", "1990-07-01", "吉林", v])]);
    expect(r.columns).toEqual(expect.objectContaining({ [field as string]: 3 }));
    expect(r.unmapped).toEqual(["C:籍贯"]);
  });

  // the national system's member library: 人员类别 holds 正式党员/预备党员, 转正情况 按期转正 (blank for 预备党员)
  it.each([
    ["人员类别 of 正式/预备 beside 转正情况: the type, 转正情况 unmapped", ["正式党员", "预备党员", "正式党员"], ["按期转正", "", "按期转正"], { membershipType: 2 }, ["D:转正情况"]],
    ["人员类别 of 农民/退休 beside 转正情况: a category", ["农民", "退休", "农民"], ["按期转正", "", "按期转正"], { category: 2, membershipType: 3 }, []],
    ["人员类别 of 正式/预备 beside 党籍 of 正式/预备: the second unmapped", ["正式党员", "预备党员", "正式党员"], ["正式", "预备", "正式"], { membershipType: 3 }, ["C:人员类别"]],
  ])("%s", (_l, first, second, fields, unmapped) => {
    const head = ["姓名", "入党时间", "人员类别", (second as string[])[0] === "正式" ? "党籍" : "转正情况"];
    const r = found([head, ...(first as string[]).map((v, i) => ["张三", "1990-07-01", v, (second as string[])[i]!])]);
    expect(r.columns).toEqual({ name: 0, joinDate: 1, ...(fields as object) });
    expect(r.unmapped).toEqual(unmapped);
  });

  // a street-office system's import template (partyInfo.xls): 党员类别 223_正式党员/224_预备党员 beside 党籍状态, whose
  // dropdown holds 59325_正式党员 ... 59327_已死亡, 59328_已停止党籍: the first is the type, the second the status
  it.each([
    ["党员类别 of types beside 党籍状态 of types and statuses: type and status", ["223_正式党员", "224_预备党员", "223_正式党员", "223_正式党员", "223_正式党员", "224_预备党员"], ["59325_正式党员", "59326_预备党员", "59327_已死亡", "59325_正式党员", "59325_正式党员", "59326_预备党员"], { membershipType: 2, status: 3 }, []],
    ["党员类别 of types beside 党籍状态 of types only: the second unmapped", ["223_正式党员", "224_预备党员", "223_正式党员", "223_正式党员", "223_正式党员", "224_预备党员"], ["59325_正式党员", "59326_预备党员", "59325_正式党员", "59325_正式党员", "59325_正式党员", "59326_预备党员"], { membershipType: 3 }, ["C:党员类别"]],
  ])("%s", (_l, first, second, fields, unmapped) => {
    const head = ["姓名", "入党时间", "党员类别", "党籍状态"];
    const r = found([head, ...(first as string[]).map((v, i) => ["张三", "1990-07-01", v, (second as string[])[i]!])]);
    expect(r.columns).toEqual({ name: 0, joinDate: 1, ...(fields as object) });
    expect(r.unmapped).toEqual(unmapped);
  });

  // a field named twice keeps its first column, unless a later one bears the field's own name (入党时间)
  it.each([
    ["加入党组织日期 then 入党时间: 入党时间", ["姓名", "性别", "加入党组织日期(2019/10/24)", "入党时间(2019/10/24)"], 3, ["C:加入党组织日期(2019/10/24)"]],
    ["入党时间 then 加入党组织日期: 入党时间", ["姓名", "性别", "入党时间", "加入党组织日期"], 2, ["D:加入党组织日期"]],
    ["入党日期 then 加入党组织日期: the first", ["姓名", "性别", "入党日期", "加入党组织日期"], 2, ["D:加入党组织日期"]],
  ])("%s", (_l, head, join, unmapped) => {
    const r = found([head as string[], ["张三", "男", "1990-07-01", "1990-07-01"], ["李四", "女", "1991-07-01", "1991-07-01"]]);
    expect(r.columns.joinDate).toBe(join);
    expect(r.unmapped).toEqual(unmapped);
  });

  // an export that writes the party organisation under 所在单位 (中铁三局广东公司's 党员名单花名册)
  it.each([
    ["所在单位 of 党支部 names, no branch column: the branch", ["机关第一党支部", "华南分公司党总支/深圳机场项目部党支部", "广州地铁项目部党支部"], { branch: 2 }],
    ["所在单位 of companies: the work unit", ["广州地铁项目部", "华南分公司", "机关"], { workUnit: 2 }],
  ])("%s", (_l, values, fields) => {
    const r = found([["姓名", "入党时间", "所在\n单位"], ...(values as string[]).map((v) => ["张三", "1990-07-01", v])]);
    expect(r.columns).toEqual({ name: 0, joinDate: 1, ...(fields as object) });
  });

  it("leaves a column of mixed values unmapped", () => {
    const r = found([["姓名", "入党时间", "性别", "其他"], ["张三", "1990", "男", "13812345678"], ["李四", "1990", "女", "无"], ["王五", "1990", "男", "见备注"]]);
    expect(r.columns).toEqual({ name: 0, joinDate: 1, gender: 2 });
    expect(r.unmapped).toEqual(["D:其他"]);
  });

  it("a config override maps a header text or a column letter", () => {
    const config = { ...EMPTY_CONFIG, columns: [{ field: "idNumber" as const, header: "证件" }, { field: "phone" as const, header: "D" }] };
    const r = locateRoster(grid("s", [["姓名", "入党时间", "证件", "号"], ["张三", "1990", "x", "y"]]), config) as RosterLocation;
    expect(r.columns).toEqual({ name: 0, joinDate: 1, idNumber: 2, phone: 3 });
  });
});

describe("branch from the sheet name or the title", () => {
  it.each([
    ["铁康社区党员名单", "铁康社区"],
    ["铁西街道铁安社区党员花名册", "铁安社区"],
    ["鐵西街鐵安社區黨員花名冊", "铁安社区"],
    ["第一党支部", "第一党支部"],
    ["Sheet1", null],
    ["党员花名册", null],
  ])("%s -> %s", (text, branch) => {
    expect(branchFromTitle(text)).toBe(branch);
  });

  it("uses the title row where the sheet name says nothing", () => {
    const r = found([["铁西街道铁兴社区党员花名册"], ["姓名", "性别", "入党时间"], ["张三", "男", "1990-07-01"]], "Sheet1");
    expect(r.sheetBranch).toBe("铁兴社区");
  });

  it("has no sheet branch where there is a branch column", () => {
    expect(found([["姓名", "支部", "入党时间"], ["张三", "铁安社区", "1990"]], "铁康社区").sheetBranch).toBeNull();
  });
});
