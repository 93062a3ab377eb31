// A company's export states employment as 在岗情况 (在岗 / 退休 / 内退; the 在岗 and 不在岗 sheets of file 25): without
// an employment column, a 在岗情况 column whose every value is an employment value is read as it, 在岗 counted 在职,
// 内退 (内部退养) under 退休 in the summary and kept as written; one holding anything else (离岗) stays unread and
// unflagged. Before, the column was never read and the summary's 就业情况 was 不详 for every member.
import { checkWorkbook } from "../../src/domain/check";
import { grid, makeId, workbook } from "../helpers/grid";

const ASOF = "2026-12-05";

describe("在岗情况 as employment", () => {
  it.each<[string, string, string[], Record<string, number>]>([
    ["在岗 and 内退", "在岗情况", ["在岗", "在岗", "内退"], { employed: 2, retired: 1 }],
    ["在岗 and 退休", "在岗状态", ["在岗", "退休", "退休"], { employed: 1, retired: 2 }],
    ["a value that is not employment (离岗): unread", "在岗情况", ["在岗", "离岗", "退休"], { unknown: 3 }],
    ["an unrelated header", "岗位名称", ["在岗", "在岗", "在岗"], { unknown: 3 }],
  ])("%s under %s", (_l, header, values, counts) => {
    const head = ["姓名", "身份证号", "党支部", "联系电话", "入党时间", "状态", header];
    const rows = values.map((v, i) => [`甲${i}`, makeId("19700302", `10${i}`), "机关第一党支部", "13812345678", "2000-07-01", "正常", v]);
    const r = checkWorkbook(workbook([grid("Sheet1", [head, ...rows])]), { today: ASOF, asOf: ASOF });
    expect(r.rosters[0].columns.employment ?? null).toBe(counts.unknown === undefined ? 6 : null);
    expect(Object.fromEntries(Object.entries(r.summary.byEmployment).filter(([, n]) => n > 0))).toEqual(counts);
    expect(r.issues.filter((i) => i.code === "unknown_value")).toEqual([]);
    expect(r.changes.filter((c) => c.field === "employment")).toEqual([]);
  });
});
