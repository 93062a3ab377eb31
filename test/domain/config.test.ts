// SPEC section 7: the settings sheet, read.
import { sheetOfReference } from "../../src/domain/sheet-reference";
import { readConfig } from "../../src/domain/config";
import { checkWorkbook, classifySheets } from "../../src/domain/check";
import { grid, makeId, workbook } from "../helpers/grid";

const settings = (rows: (string | number | null)[][]) => grid("名册设置", [["类型", "键", "值"], ...rows]);

describe("settings sheet", () => {
  it.each([
    ["branch", [["branch", "铁康社区", null]], { branches: ["铁康社区"] }],
    ["spelling", [["spelling", "category:laid_off", "下岗人员"]], { spellings: [{ field: "category", code: "laid_off", spelling: "下岗人员" }] }],
    ["column", [["column", "idNumber", "证件"]], { columns: [{ field: "idNumber", header: "证件" }] }],
    ["required", [["required", "phone", "no"]], { required: { phone: false } }],
    ["asOf", [["asOf", null, "2025-12-31"]], { asOf: "2025-12-31" }],
    ["unit", [["填报单位", null, "铁西街道党工委"]], { unit: "铁西街道党工委" }],
    ["Chinese kind words", [["支部", "铁安社区", null], ["必填", "address", "否"]], { branches: ["铁安社区"], required: { address: false } }],
  ])("reads %s", (_l, rows, expected) => {
    const { config, issues } = readConfig(settings(rows), false);
    expect(issues).toEqual([]);
    expect(config).toEqual(expect.objectContaining(expected));
  });

  it.each([
    ["an unknown kind", [["colour", "x", "y"]], "A"],
    ["a column for no field", [["column", "shoeSize", "鞋码"]], "B"],
    ["a required value that is not yes/no", [["required", "phone", "maybe"]], "C"],
    ["an unreadable asOf", [["asOf", null, "someday"]], "C"],
  ])("flags %s on its cell and carries on", (_l, rows, column) => {
    const { issues } = readConfig(settings(rows), false);
    expect(issues).toEqual([expect.objectContaining({ sheet: "名册设置", row: 2, column, code: "unknown_value" })]);
  });

  it("is recognised by its defined name, not only its sheet name, and is never a roster", () => {
    const s = grid("我的设置", [["类型", "键", "值"], ["asOf", null, "2024-06-30"]]);
    const roster = grid("铁安社区", [["姓名", "性别", "入党时间", "身份证号"], ["张三", "男", "1990-07-01", makeId("19650315", "123")]]);
    const wb = workbook([roster, s], { names: [["_RosterAssistant_settings", "'我的设置'!$A$1"]] });
    expect(classifySheets(wb).get("我的设置")).toBe("settings");
    expect(checkWorkbook(wb, { today: "2025-12-31" }).asOf).toBe("2024-06-30");
  });

  it("a user's own sheet called 汇总 is never taken for the product's", () => {
    const own = grid("名册汇总", [["类型", "键", "值"]]);
    expect(classifySheets(workbook([own])).get("名册汇总")).toBe("other");
  });

  it("configured branches: a value matching none is unknown_value with the nearest as suggestion", () => {
    const roster = grid("名册", [
      ["姓名", "所在支部", "入党时间"],
      ["张三", "铁安社区", "1990-07-01"],
      ["李四", "鐵康社區", "1990-07-01"],
      ["王五", "铁按社区", "1990-07-01"],
    ]);
    const wb = workbook([roster, settings([["branch", "铁安社区", null], ["branch", "铁康社区", null]])]);
    const r = checkWorkbook(wb, { today: "2025-12-31" });
    expect(r.members.map((m) => m.branch)).toEqual(["铁安社区", "铁康社区", "铁按社区"]);
    expect(r.issues.filter((i) => i.field === "branch")).toEqual([
      expect.objectContaining({ row: 4, code: "unknown_value", suggestion: "铁安社区" }),
    ]);
  });
});

describe("branches without a configured list", () => {
  it("folds traditional spellings into one branch and flags a lone near spelling", () => {
    const rows = [["姓名", "所在支部", "入党时间"]] as (string | null)[][];
    for (let i = 0; i < 4; i++) rows.push([`甲${i}`, "铁安社区", "1990-07-01"]);
    rows.push(["乙", "鐵安社區", "1990-07-01"], ["丙", "铁按社区", "1990-07-01"], ["丁", "铁康社区", "1990-07-01"], ["戊", "铁康社区", "1990-07-01"]);
    const r = checkWorkbook(workbook([grid("名册", rows)]), { today: "2025-12-31" });
    expect(r.summary.byBranch).toEqual(expect.objectContaining({ 铁安社区: 5, 铁按社区: 1, 铁康社区: 2 }));
    expect(r.issues.filter((i) => i.field === "branch")).toEqual([expect.objectContaining({ row: 7, suggestion: "铁安社区" })]);
  });
});

describe("sheetOfReference (how the product finds its sheets by defined name)", () => {
  it.each([
    ["='名册问题'!$A$1", "名册问题"],
    ["'Team ''B'''!$A$1:$B$2", "Team 'B'"],
    ["Sheet1!$A$1", "Sheet1"],
    ["#REF!", undefined],
    ['"5,6,7"', undefined],
  ])("%s -> %s", (formula, sheet) => {
    expect(sheetOfReference(formula)).toBe(sheet);
  });
});
