// The stdout summary names the rows read as the development pipeline (a 党校's 发展对象 or 积极分子 list reads
// "党员 0 名"): by stage, apart from the members.
import { formatSummary } from "../../src/cli/print-summary";
import { Lang } from "../../src/domain/vocabulary";
import { runEngine } from "../plan/fixtures";

const { report } = runEngine();

describe("formatSummary: the pipeline line", () => {
  it.each<[string, Record<string, number> | undefined, Lang, string | null]>([
    ["a 发展对象 list", { candidate: 24 }, "zh-CN", "不计入党员人数：发展对象 24 名"],
    ["a 动态信息表, in the stages' order", { candidate: 5, activist: 7, applicant: 8 }, "zh-CN", "不计入党员人数：入党申请人 8 名，入党积极分子 7 名，发展对象 5 名"],
    ["an activists list, in 繁體", { activist: 30 }, "zh-TW", "不計入黨員人數：入黨積極分子 30 名"],
    ["an activists list, in English", { activist: 30 }, "en", "Not counted as members: Activists 30"],
    ["a roster of members only", undefined, "zh-CN", null],
    ["stages counted 0", { candidate: 0 }, "zh-CN", null],
  ])("%s", (_label, pipeline, lang, line) => {
    const out = formatSummary({ ...report, summary: { ...report.summary, pipeline } }, lang).split("\n");
    const found = out.filter((l) => /不计入党员人数|不計入黨員人數|Not counted as members/.test(l));
    expect(found).toEqual(line === null ? [] : [line]);
    if (line !== null) expect(out.indexOf(line)).toBe(out.findIndex((l) => /党员 \d+ 名|黨員 \d+ 名|\d+ members \(/.test(l)) + 1);
  });
});

// A roster without a status column (an export's 党员名单花名册, a due list) states no member's status: the line on
// lost contact says how many are unknown rather than "失联党员 0 名" alone.
describe("formatSummary: the lost-contact line", () => {
  it.each<[string, Record<string, number>, Lang, string]>([
    ["every status stated", { normal: 40, lost_contact: 2, unknown: 0 }, "zh-CN", "失联党员 2 名"],
    ["no status column", { normal: 0, lost_contact: 0, unknown: 50 }, "zh-CN", "失联党员 0 名（另有 50 名党员状态不详）"],
    ["some unstated, in 繁體", { normal: 30, lost_contact: 1, unknown: 5 }, "zh-TW", "失聯黨員 1 名（另有 5 名黨員狀態不詳）"],
    ["no status column, in English", { lost_contact: 0, unknown: 12 }, "en", "0 members lost contact (status unknown for 12 more)"],
  ])("%s", (_label, byStatus, lang, line) => {
    const out = formatSummary({ ...report, summary: { ...report.summary, byStatus } }, lang).split("\n");
    expect(out.filter((l) => /失联党员|失聯黨員|lost contact/.test(l))).toEqual([line]);
  });
});
