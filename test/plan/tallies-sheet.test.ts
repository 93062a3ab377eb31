import { CATEGORY, EMPLOYMENT, PROJECT_TYPE } from "../../src/domain/vocabulary";
import { talliesSheet } from "../../src/plan/tallies-sheet";
import { ProductSheet } from "../../src/plan/write-plan";
import { runEngine } from "./fixtures";
import { evaluateSum, formulaCells, rowOf, rowValues } from "./sheet-eval";

function block(sheet: ProductSheet, caption: string, total: string) {
  const at = rowOf(sheet, caption);
  const end = rowOf(sheet, total, at);
  return {
    heads: rowValues(sheet, at + 1),
    rows: Array.from({ length: end - at - 2 }, (_, k) => rowValues(sheet, at + 2 + k)),
    total: rowValues(sheet, end).slice(1),
  };
}

describe("talliesSheet", () => {
  const { report } = runEngine();
  const sheet = talliesSheet(report, { lang: "zh-CN", unit: "铁西街道党工委" });
  const p = report.tallies.projects;

  it("role, name, title, unit line, A4 portrait", () => {
    expect(sheet).toMatchObject({ role: "tallies", name: "项目与就业", print: { orientation: "portrait", fitToWidth: true } });
    expect(rowValues(sheet, 1)).toEqual(["项目与就业"]);
    expect(rowValues(sheet, 2)).toEqual(["填报单位：铁西街道党工委　　统计截止：2025-12-31"]);
  });

  it("every total is a SUM whose cached value is what it computes", () => {
    for (const { cell } of formulaCells(sheet)) expect(cell.v).toBe(evaluateSum(sheet, cell.f!));
  });

  it("projects by type: every type and unknown, totals = the report's count, jobs and placed", () => {
    const t = block(sheet, "一、党员引领项目（按类型）", "合计");
    expect(t.heads).toEqual(["类型", "项目数", "新增岗位", "安置下岗失业人员"]);
    expect(t.rows.map((r) => r[0])).toEqual([...PROJECT_TYPE.map((e) => e.labels["zh-CN"]), "不详"]);
    for (const [k, code] of [...PROJECT_TYPE.map((e) => e.code), "unknown"].entries()) {
      const want = p.byType[code];
      expect(t.rows[k].slice(1)).toEqual([want.count, want.jobsCreated, want.laidOffPlaced]);
    }
    expect(t.total).toEqual([p.count, p.jobsCreated, p.laidOffPlaced]);
    expect(t.total).toEqual([4, 42, 16]);
  });

  it("projects by branch: totals = the report's", () => {
    const t = block(sheet, "二、党员引领项目（按所属社区）", "合计");
    expect(t.rows.map((r) => r[0])).toEqual(["铁安社区", "铁康社区", "不详"]);
    expect(t.total).toEqual([p.count, p.jobsCreated, p.laidOffPlaced]);
  });

  it("employment x category with row and column totals", () => {
    const t = block(sheet, "三、就业情况（按党员类别）", "合计");
    const m = report.tallies.employment.byCategory;
    expect(t.heads).toEqual(["党员类别", ...EMPLOYMENT.map((e) => e.labels["zh-CN"]), "不详", "合计"]);
    expect(t.rows.map((r) => r[0])).toEqual([...CATEGORY.map((e) => e.labels["zh-CN"]), "油田有偿解除劳动合", "不详"]);
    const codes = [...EMPLOYMENT.map((e) => e.code), "unknown"];
    CATEGORY.forEach((c, k) => {
      const want = codes.map((e) => m[c.code][e]);
      expect(t.rows[k].slice(1)).toEqual([...want, want.reduce((a, b) => a + b, 0)]);
    });
    expect(t.total[t.total.length - 1]).toBe(report.members);
    expect(t.total.slice(0, -1)).toEqual(codes.map((e) => report.summary.byEmployment[e]));
  });

  it("no projects at all: zeros, the unknown branch row so the table is not empty", () => {
    const { report: r } = runEngine({ projects: false });
    const s = talliesSheet(r, { lang: "en" });
    expect(s.name).toBe("Projects and jobs");
    expect(block(s, "2. Member-led projects by community", "Total")).toMatchObject({ rows: [["Unknown", 0, 0, 0]], total: [0, 0, 0] });
    for (const { cell } of formulaCells(s)) expect(cell.v).toBe(evaluateSum(s, cell.f!));
  });

  it("zh-TW words", () => {
    const { report: r } = runEngine({ lang: "zh-TW" });
    const s = talliesSheet(r, { lang: "zh-TW" });
    expect(s.name).toBe("項目與就業");
    expect(block(s, "一、黨員引領項目（按類型）", "合計").rows[0][0]).toBe("招商引資");
  });
});
