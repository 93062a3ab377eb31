// A company's export states employment as 在岗情况 (在岗 / 退休 / 内退; the 在岗 and 不在岗 sheets of file 25): read as
// the employment column, 在岗 counted 在职, 内退 (内部退养) counted under 退休 in the summary and kept as written;
// before, the column was not read and the summary's 就业情况 was 不详 for every member.
import { checkWorkbook } from "../../src/domain/check";
import { grid, makeId, workbook } from "../helpers/grid";

const ASOF = "2026-12-05";

describe("在岗情况 as employment", () => {
  it.each<[string, string, string, string | null]>([
    ["在岗", "在岗情况", "employed", "G"],
    ["内退", "在岗情况", "retired", "G"],
    ["退休", "在岗状态", "retired", "G"],
    ["an unrelated header is not employment", "岗位名称", "unknown", null],
  ])("%s under %s", (value, header, code, column) => {
    const head = ["姓名", "身份证号", "党支部", "联系电话", "入党时间", "状态", header];
    const row = ["甲", makeId("19700302", "101"), "机关第一党支部", "13812345678", "2000-07-01", "正常", value];
    const r = checkWorkbook(workbook([grid("Sheet1", [head, row])]), { today: ASOF, asOf: ASOF });
    expect(r.rosters[0].columns.employment ?? null).toBe(column === null ? null : 6);
    expect(Object.entries(r.summary.byEmployment).filter(([, n]) => n > 0).map(([k]) => k)).toEqual([code]);
    expect(r.issues.filter((i) => i.code === "unknown_value")).toEqual([]);
    expect(r.changes.filter((c) => c.field === "employment")).toEqual([]);
  });
});
