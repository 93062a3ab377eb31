// Small rosters run through the real engine (checkWorkbook, then buildReport) for the plan tests.
import { buildReport } from "../../src/app/build-report";
import { checkWorkbook } from "../../src/domain/check";
import { CheckedGrids } from "../../src/plan/plan-check";
import { CellValue, WorkbookSnapshot } from "../../src/domain/grid";
import { Report } from "../../src/domain/report-schema";
import { Issue } from "../../src/domain/schema";
import { Lang } from "../../src/domain/vocabulary";
import { grid, makeId, workbook } from "../helpers/grid";

export const ASOF = "2025-12-31";
export const HEADER = ["序号", "姓名", "性别", "民族", "出生日期", "身份证号", "学历", "入党时间", "转正时间", "党员类别", "所在支部", "联系电话", "家庭住址", "就业情况", "状态"];
export const PROJECT_HEADER = ["序号", "项目名称", "引进人/负责人", "所属社区", "来源地", "类型", "新增岗位", "安置下岗失业人员", "状态"];
/** A sheet name with a space, an apostrophe and a double quote: the hyperlink must quote all three. */
export const ODD_SHEET = `Team 'B' "2"`;

type Row = Record<string, CellValue>;
const base = (i: number, over: Row): Row => ({
  序号: i, 姓名: `党员${i}`, 性别: "男", 民族: "汉族", 出生日期: "1965-03-15", 身份证号: makeId("19650315", String(100 + i).slice(-3)),
  学历: "高中", 入党时间: "1990-07-01", 转正时间: "1991-07-01", 党员类别: "油田有偿解除劳动合同", 所在支部: "铁安社区",
  联系电话: "13812345678", 家庭住址: "铁安小区1号楼", 就业情况: "在职", 状态: "正常", ...over,
});
const cells = (rows: Row[], header = HEADER) => rows.map((r) => header.map((h) => r[h] ?? null));

export const SHEET_A_ROWS: Row[] = [
  base(1, { 姓名: "张三" }),
  base(2, { 姓名: "李四", 性别: "女", 身份证号: makeId("19700101", "122"), 出生日期: "1970-01-01", 民族: "满族", 学历: "大学本科", 党员类别: "下岗职工", 就业情况: "下岗", 状态: "失联" }),
  base(3, { 姓名: "王五", 入党时间: "2025-01-15", 转正时间: null, 党员类别: "居民", 所在支部: "铁康社区", 状态: "流动", 出生日期: "1990-03-15", 身份证号: makeId("19900315", "113") }),
  base(4, { 姓名: "赵六", 党员类别: "离退休", 所在支部: "铁康社区", 状态: "去世" }),
  base(5, { 姓名: "钱七", 联系电话: "12345", 身份证号: "220702196503151234", 党员类别: "油田有偿解除劳动合" }),
  base(6, { 姓名: "孙八", 所在支部: null, 就业情况: null }),
  base(7, { 姓名: "周 九", 联系电话: "１３８１２３４５６７８", 学历: "高中毕业", 党员类别: "机关" }),
  base(8, { 姓名: "陈二", 所在支部: null, 状态: "转出" }),
];
export const SHEET_B_ROWS: Row[] = [
  base(11, { 姓名: "吴十", 所在支部: "铁兴社区", 党员类别: "复员军人" }),
  base(12, { 姓名: "郑一", 所在支部: "铁兴社区", 性别: "女", 身份证号: makeId("19650315", "122"), 就业情况: "再就业" }),
];
export const PROJECT_ROWS: (CellValue | null)[][] = [
  [1, "铁安超市", "张三", "铁安社区", "松原", "招商引资", 20, 5, "运营"],
  [2, "家政服务", "李四", "铁康社区", "本地", "自主创业", "约12", 8, "运营"],
  [3, "小吃店", "王五", "铁安社区", "本地", "个体", 3, 1, "运营"],
  [4, "物流点", "郑一", null, "本地", null, 7, 2, "筹备"],
];

export interface Fixture {
  result: CheckedGrids;
  report: Report;
}

export interface FixtureOptions {
  lang?: Lang;
  projects?: boolean;
  employment?: boolean;
}

/** Two rosters (one on a sheet named with quotes and a space) and, unless left out, a projects sheet. */
export function fixtureWorkbook(opts: FixtureOptions = {}): WorkbookSnapshot {
  const header = opts.employment === false ? HEADER.filter((h) => h !== "就业情况") : HEADER;
  const noStatus = header.filter((h) => h !== "状态");
  const sheets = [
    grid("铁安社区", [["铁西街党员花名册"], header, ...cells(SHEET_A_ROWS, header)]),
    // No status column on this sheet: one missing_status issue on its header row (row 1).
    grid(ODD_SHEET, [noStatus, ...cells(SHEET_B_ROWS, noStatus)]),
  ];
  if (opts.projects !== false) sheets.push(grid("项目", [["党员引进项目"], PROJECT_HEADER, ...PROJECT_ROWS]));
  return workbook(sheets);
}

export function checkSnapshot(wb: WorkbookSnapshot, lang?: Lang): Fixture {
  const result = { ...checkWorkbook(wb, { today: ASOF, asOf: ASOF, lang }), grids: new Map(wb.sheets.map((g) => [g.name, g])) };
  return { result, report: Report.parse(buildReport(result, "test.xlsx")) };
}

export function runEngine(opts: FixtureOptions = {}): Fixture {
  return checkSnapshot(fixtureWorkbook(opts), opts.lang);
}

/** An issue for hand-made reports. */
export function issue(sheet: string, cell: string, severity: Issue["severity"], over: Partial<Issue> = {}): Issue {
  const m = /^([A-Z]+)(\d+)$/.exec(cell)!;
  const code = severity === "error" ? "unknown_value" : severity === "warning" ? "invalid_phone" : "legacy_id_upgraded";
  return { sheet, row: Number(m[2]), column: m[1], field: "phone", code, severity, params: {}, message: `${code} at ${cell}`, value: "x", ...over };
}
