import { readFileSync } from "node:fs";
import { join } from "node:path";
import { buildReport } from "../../src/app/build-report";
import { checkRoster } from "../../src/app/check-roster";
import { checkWorkbook } from "../../src/domain/check";
import { Report } from "../../src/domain/report-schema";
import { CATEGORY, EDUCATION, EMPLOYMENT, Lang, STATUS } from "../../src/domain/vocabulary";
import { summarySheet } from "../../src/plan/summary-sheet";
import { ProductSheet } from "../../src/plan/write-plan";
import { openXlsx } from "../../src/workbook/xlsx";
import { grid, workbook } from "../helpers/grid";
import { ASOF, HEADER, runEngine } from "./fixtures";
import { evaluateSum, formulaCells, rowOf, rowValues } from "./sheet-eval";

/** A table found by its caption: heading row, data rows (label -> values) and the 合计 row's values. */
function table(sheet: ProductSheet, caption: string, totalLabel: string) {
  const captionRow = sheet.rows.findIndex((r) => r[0]?.v === caption) + 1;
  if (captionRow === 0) throw new Error(`no table ${caption}`);
  const heads = rowValues(sheet, captionRow + 1);
  const rows = new Map<string, (string | number | null)[]>();
  let r = captionRow + 2;
  for (; sheet.rows[r - 1]?.[0]?.v !== totalLabel; r++) {
    const v = rowValues(sheet, r);
    if (v.length === 0) throw new Error(`table ${caption} has no ${totalLabel} row`);
    rows.set(String(v[0]), v.slice(1));
  }
  return { heads, rows, total: rowValues(sheet, r).slice(1), totalRow: r };
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

function expectFormulasHold(sheet: ProductSheet): void {
  const formulas = formulaCells(sheet);
  expect(formulas.length).toBeGreaterThan(0);
  for (const { ref, cell } of formulas) {
    expect(cell.f).toMatch(/^SUM\([A-Z]+\d+:[A-Z]+\d+\)$/);
    expect([ref, cell.v]).toEqual([ref, evaluateSum(sheet, cell.f!)]);
  }
}

describe("summarySheet on a small roster run through the engine", () => {
  const { report } = runEngine();
  const sheet = summarySheet(report, { lang: "zh-CN", unit: "铁西街道党工委" });

  it("every formula is a simple SUM whose cached value is what it computes", () => expectFormulasHold(sheet));

  it("title, unit and asOf on top, merged across the widest table", () => {
    expect(sheet).toMatchObject({ role: "summary", name: "名册汇总", print: { orientation: "portrait", fitToWidth: true } });
    expect(sheet.rows[0][0]).toEqual({ v: "名册汇总", style: "title" });
    expect(sheet.rows[1][0]?.v).toBe("填报单位：铁西街道党工委　　统计截止：2025-12-31");
    expect(sheet.merges.slice(-2)).toEqual(["A1:F1", "A2:F2"]); // category, 3 branches, unknown, 合计
  });

  it("category x branch: every category (zeros too), the branches, an unknown column, totals equal the report", () => {
    const t = table(sheet, "一、党员类别及所在支部", "合计");
    const m = report.summary.byCategoryAndBranch;
    expect(t.heads).toEqual(["党员类别", "铁安社区", "铁康社区", "铁兴社区", "不详", "合计"]);
    // the seed street's categories (the roster uses them), then a one-off spelling of its own (flagged), then 不详
    expect([...t.rows.keys()]).toEqual([...CATEGORY.map((c) => c.labels["zh-CN"]), "油田有偿解除劳动合", "不详"]);
    expect(t.rows.get("其他")).toEqual([0, 0, 0, 0, 0]);
    for (const c of CATEGORY) {
      expect(t.rows.get(c.labels["zh-CN"])).toEqual([m[c.code]["铁安社区"], m[c.code]["铁康社区"], m[c.code]["铁兴社区"], m[c.code].unknown, m[c.code]._total]);
    }
    expect(t.total).toEqual([m._total["铁安社区"], m._total["铁康社区"], m._total["铁兴社区"], m._total.unknown, m._total._total]);
    expect(t.total[4]).toBe(report.members);
    const grand = sheet.rows[t.totalRow - 1][5]!;
    expect(grand.f).toBe(`SUM(F${t.totalRow - t.rows.size}:F${t.totalRow - 1})`); // the grand total sums the row totals
  });

  it.each([
    ["二、党员状态（含去世、转出）", "byStatus", STATUS, "rows"],
    ["四、学历", "byEducation", EDUCATION, "members"],
    ["八、就业情况", "byEmployment", EMPLOYMENT, "members"],
  ] as const)("%s: every code and unknown, total = report.%s", (caption, key, table_, totalOf) => {
    const t = table(sheet, caption, "合计");
    const map = report.summary[key];
    expect([...t.rows.keys()]).toEqual([...table_.map((e) => e.labels["zh-CN"]), "不详"]);
    expect([...t.rows.values()].map((v) => v[0])).toEqual([...table_.map((e) => map[e.code]), map.unknown]);
    expect(t.total).toEqual([report[totalOf]]);
  });

  it("gender with the counts of women, minorities, college or above and probationary members below", () => {
    const t = table(sheet, "三、性别及构成", "合计");
    expect([...t.rows.keys()]).toEqual(["男", "女", "不详"]);
    expect(t.total).toEqual([report.members]);
    const c = report.summary.counts;
    expect([1, 2, 3, 4].map((i) => rowValues(sheet, t.totalRow + i))).toEqual([
      ["其中：女党员", c.women], ["其中：少数民族党员", c.ethnicMinorities], ["其中：大专及以上学历", c.collegeOrAbove], ["其中：预备党员", c.probationary],
    ]);
  });

  it("age bands as of asOf and party standing with probationary members apart", () => {
    const age = table(sheet, "五、年龄结构（按统计截止日计算）", "合计");
    expect(age.rows.size).toBe(11);
    expect(age.rows.get("56-60岁")).toEqual([report.summary.byAgeBand["56-60"]]);
    expect(age.total).toEqual([report.members]);
    const standing = table(sheet, "六、党龄（预备党员单列）", "正式党员小计");
    const { probationary, ...bands } = report.summary.byPartyStanding;
    expect(standing.total).toEqual([sum(Object.values(bands))]);
    expect(rowValues(sheet, standing.totalRow + 1)).toEqual(["预备党员", probationary]);
    expect(rowValues(sheet, standing.totalRow + 2)).toEqual(["合计", report.members]);
  });

  it("lists the probationary members due, then the 填表人 / 审核人 line", () => {
    const at = rowOf(sheet, "九、预备期已满或30天内期满的预备党员");
    expect(rowValues(sheet, at + 1)).toEqual(["姓名", "所在支部", "入党时间", "应转正时间"]);
    expect(rowValues(sheet, at + 2)).toEqual(["王五", "铁康社区", "2025-01-15", "2026-01-15"]);
    const last = sheet.rows[sheet.rows.length - 1][0];
    expect(last).toEqual({ v: "填表人：__________　　审核人：__________", style: "note" });
  });

  it("column A is wide enough for the longest category label, CJK counting double", () => {
    expect(sheet.columnWidths[0]).toBeGreaterThanOrEqual(22); // 油田有偿解除劳动合同: 10 characters
    expect(sheet.columnWidths.slice(1).every((w) => w >= 8)).toBe(true);
  });
});

describe("summarySheet edge cases", () => {
  it("an empty roster: no category but 不详, every status listed with zeros, a blank unit line, no due members", () => {
    const result = checkWorkbook(workbook([grid("名单", [HEADER])]), { today: ASOF });
    const report = buildReport(result, "x.xlsx");
    const sheet = summarySheet(report, { lang: "zh-CN" });
    expectFormulasHold(sheet);
    const t = table(sheet, "一、党员类别及所在支部", "合计");
    expect(t.heads).toEqual(["党员类别", "不详", "合计"]);
    expect(t.rows.size).toBe(1); // no category used: only 不详 (an office's taxonomy is its own, not the seed's)
    expect(t.total).toEqual([0, 0]);
    expect(sheet.rows[1][0]?.v).toBe("填报单位：________________　　统计截止：2025-12-31");
    expect(rowValues(sheet, rowOf(sheet, "九、预备期已满或30天内期满的预备党员") + 1)).toEqual(["无"]);
  });

  it.each<[Lang, string, string, string]>([
    ["zh-TW", "名冊匯總", "一、黨員類別及所在支部", "合計"],
    ["en", "Roster summary", "1. Members by category and branch", "Total"],
  ])("%s: names, captions and labels in the language", (lang, name, caption, total) => {
    const { report } = runEngine({ lang });
    const sheet = summarySheet(report, { lang });
    expect(sheet.name).toBe(name);
    expectFormulasHold(sheet);
    const t = table(sheet, caption, total);
    expect([...t.rows.keys()][0]).toBe(CATEGORY[0].labels[lang]);
    expect(t.total[t.total.length - 1]).toBe(report.members);
  });
});

describe("summarySheet on the bundled example workbook (199 members)", () => {
  let report: Report;
  beforeAll(async () => {
    const file = join(__dirname, "../../examples/铁西街党员花名册.xlsx");
    const result = await checkRoster(openXlsx(readFileSync(file), file), { today: ASOF, asOf: ASOF });
    report = buildReport(result, file);
  });

  it("every cached total holds and the grand total is the member count", () => {
    const sheet = summarySheet(report, { lang: report.language });
    expectFormulasHold(sheet);
    const t = table(sheet, "一、党员类别及所在支部", "合计");
    expect(t.total[t.total.length - 1]).toBe(199);
    const m = report.summary.byCategoryAndBranch;
    const branches = Object.keys(m._total).filter((k) => k !== "_total" && (k !== "unknown" || m._total.unknown > 0));
    expect(t.total.slice(0, -1)).toEqual(branches.map((b) => m._total[b]));
  });
});

describe("summarySheet: the pipeline and lists that are not members (issue 7)", () => {
  it("a table of stages appears only where the workbook has such lists", () => {
    const { checkWorkbook } = jest.requireActual("../../src/domain/check") as typeof import("../../src/domain/check");
    const { buildReport } = jest.requireActual("../../src/app/build-report") as typeof import("../../src/app/build-report");
    const { grid, workbook, makeId } = jest.requireActual("../helpers/grid") as typeof import("../helpers/grid");
    const header = ["姓名", "身份证号", "入党时间", "所在支部", "当前发展阶段"];
    const rows = [header, ["甲", makeId("19950315", "111"), null, "一支部", "入党积极分子"], ["乙", makeId("19950315", "131"), "2025-07-01", "一支部", "预备党员"]];
    const report = buildReport(checkWorkbook(workbook([grid("发展", rows)]), { today: "2025-12-31", asOf: "2025-12-31" }), "x.xlsx");
    const sheet = summarySheet(report, { lang: "zh-CN" });
    const texts = sheet.rows.map((r) => r[0]?.v);
    expect(texts).toContain("十、发展党员及其他名单（不计入党员人数）");
    expect(texts).toContain("入党积极分子");
    const plain = summarySheet(buildReport(checkWorkbook(workbook([grid("名册", [header.slice(0, 4), rows[2].slice(0, 4)])]), { today: "2025-12-31", asOf: "2025-12-31" }), "y.xlsx"), { lang: "zh-CN" });
    expect(plain.rows.map((r) => r[0]?.v)).not.toContain("十、发展党员及其他名单（不计入党员人数）");
  });
});
