import { CellValue, SheetGrid } from "../../src/domain/grid";
import { Project, locateProjects, readProjects, tallyProjects } from "../../src/domain/projects";
import { ProjectTallies } from "../../src/domain/summary-schema";

type Row = (CellValue | undefined)[];

function grid(rows: (Row | undefined)[], name = "项目"): SheetGrid {
  return { name, state: "visible", rows, formulaCells: new Set() };
}

const HEADER_CN = ["序号", "项目名称", "引进人/负责人", "所属社区", "来源地", "类型", "新增岗位", "安置下岗失业人员", "状态"];
const HEADER_TW = ["序號", "項目名稱", "引進人/負責人", "所屬社區", "來源地", "類型", "新增崗位", "安置下崗失業人員", "狀態"];

/** A projects sheet: a merged title row, the header on row 2, then the given data rows from row 3. */
function sheet(data: (Row | undefined)[], header: Row = HEADER_CN): SheetGrid {
  return grid([["铁西街党员引进项目统计表"], header, ...data]);
}

describe("locateProjects", () => {
  it.each([
    { label: "simplified headers", header: HEADER_CN, found: true },
    { label: "traditional headers", header: HEADER_TW, found: true },
    { label: "aliases and units", header: ["项目", "负责人", "社区", "新增就业岗位（个）", "安置人数(人)"], found: true },
    { label: "full-width and spaces", header: ["项 目 名 称：", "岗位数", "安置下岗职工"], found: true },
    { label: "name and only one other field", header: ["项目名称", "负责人", "备注"], found: false },
    { label: "name and one other field, a count", header: ["项目名称", "新增岗位", "备注"], found: false },
    { label: "a task list: no count column", header: ["项目", "负责人", "所属社区", "状态"], found: false },
    { label: "no project name", header: ["负责人", "所属社区", "新增岗位", "安置人数"], found: false },
    { label: "a member roster", header: ["姓名", "性别", "所在支部", "状态", "入党时间"], found: false },
  ])("$label -> found $found", ({ header, found }) => {
    const located = locateProjects(sheet([], header));
    expect(located === null ? null : located.headerRow).toBe(found ? 2 : null);
  });

  it("reads a traditional-script type with a traditional suggestion when asked", () => {
    const s = sheet([[1, "項目乙", null, null, null, "招商引姿", 1, 1]], HEADER_TW);
    expect(readProjects(s, locateProjects(s)!, false, "zh-TW").issues[0].suggestion).toBe("招商引資");
  });

  it("maps columns, 0-based, ignoring 序号", () => {
    expect(locateProjects(sheet([], HEADER_TW))?.columns).toEqual({
      name: 1, leader: 2, branch: 3, origin: 4, type: 5, jobsCreated: 6, laidOffPlaced: 7, status: 8,
    });
  });

  it("looks no further than row 20", () => {
    const rows: Row[] = Array.from({ length: 20 }, () => [null]);
    expect(locateProjects(grid([...rows.slice(0, 19), HEADER_CN]))?.headerRow).toBe(20);
    expect(locateProjects(grid([...rows, HEADER_CN]))).toBeNull();
  });
});

function readOne(row: Row, header: Row = HEADER_CN) {
  const s = sheet([row], header);
  return readProjects(s, locateProjects(s)!, false);
}

describe("readProjects: counts", () => {
  it.each([
    { cell: 35, value: 35, issue: null },
    { cell: "35个", value: 35, issue: null },
    { cell: "１５", value: 15, issue: null },
    { cell: "19人", value: 19, issue: null },
    { cell: "约20", value: 20, issue: "approximate_count" },
    { cell: "20余", value: 20, issue: "approximate_count" },
    { cell: "近30人", value: 30, issue: "approximate_count" },
    { cell: "若干", value: null, issue: "invalid_count" },
    { cell: null, value: null, issue: null },
  ])("新增岗位 $cell -> $value ($issue)", ({ cell, value, issue }) => {
    const { projects, issues } = readOne([1, "铁西超市", "张三", "铁西社区", "吉林", "招商引资", cell, 0, "运营中"]);
    expect(projects[0].jobsCreated).toBe(value);
    expect(issues.map((i) => i.code)).toEqual(issue === null ? [] : [issue]);
  });

  it("reports an approximate count as info and an unreadable one as an error, on the cell", () => {
    const { issues } = readOne([1, "铁西超市", "张三", "铁西社区", "吉林", "招商引资", "约20", "很多", "运营中"]);
    expect(issues).toEqual([
      { sheet: "项目", row: 3, column: "G", field: "jobsCreated", code: "approximate_count", severity: "info",
        params: { field: "jobsCreated", value: "约20", number: 20 }, value: "约20" },
      { sheet: "项目", row: 3, column: "H", field: "laidOffPlaced", code: "invalid_count", severity: "error",
        params: { field: "laidOffPlaced", value: "很多" }, value: "很多" },
    ]);
  });
});

describe("readProjects: rows", () => {
  it("reads each field, traditional headers and values included", () => {
    const { projects, issues } = readOne([1, "鐵西洗車行", " 王五 ", "鐵西社區", "遼寧", "自主創業", "8", "3人", "已投產"], HEADER_TW);
    expect(issues).toEqual([]);
    expect(projects).toEqual<Project[]>([{
      sheet: "项目", row: 3, name: "鐵西洗車行", leader: "王五", branch: "鐵西社區", origin: "遼寧",
      type: "self_employment", jobsCreated: 8, laidOffPlaced: 3, status: "已投產",
    }]);
    expect(Project.safeParse(projects[0]).success).toBe(true);
  });

  it.each([
    { cell: "招商引资", type: "investment", issue: null },
    { cell: "创业", type: "self_employment", issue: null },
    { cell: "其他", type: "other", issue: null },
    { cell: null, type: null, issue: null },
    { cell: "招商引姿", type: null, issue: "unknown_value" },
  ])("类型 $cell -> $type ($issue)", ({ cell, type, issue }) => {
    const { projects, issues } = readOne([1, "项目甲", "张三", "铁西社区", "吉林", cell, 5, 1, "运营中"]);
    expect(projects[0].type).toBe(type);
    expect(issues.map((i) => [i.code, i.severity, i.column, i.field])).toEqual(issue === null ? [] : [[issue, "error", "F", "type"]]);
    if (issue !== null) expect(issues[0].suggestion).toBe("招商引资"); // the label, not the code
  });

  it.each([
    { label: "合计", row: ["合计", null, null, null, null, null, 40, 12] },
    { label: "總計 (traditional)", row: [null, "總計", null, null, null, null, 40, 12] },
    { label: "小计", row: ["小计：", null, null, null, null, null, 40] },
    { label: "填表人", row: ["填表人：李四", null, null, null, "审核人：赵六"] },
    { label: "審核人", row: ["審核人：赵六"] },
    { label: "制表", row: ["制表日期：2025年12月"] },
    { label: "说明", row: ["说明：岗位数为估计"] },
    { label: "Total", row: ["TOTAL", null, null, null, null, null, 40] },
    { label: "empty row", row: [null, "", "  "] },
    { label: "only a 序号", row: [7] },
  ])("skips $label", ({ row }) => {
    expect(readOne(row as Row).projects).toEqual([]);
  });

  it.each([
    { label: "a project named 合作社 (not a footer)", row: [1, "合作社"] },
    { label: "a project without a number", row: [null, "养殖场", "张三"] },
  ])("keeps $label", ({ row }) => {
    expect(readOne(row as Row).projects).toHaveLength(1);
  });

  it("reads rows below the header only, with their sheet row numbers", () => {
    const s = sheet([[1, "甲"], undefined, [2, "乙"], ["合计"], [3, "丙"]]);
    expect(readProjects(s, locateProjects(s)!, false).projects.map((p) => [p.name, p.row])).toEqual([["甲", 3], ["乙", 5], ["丙", 7]]);
  });
});

describe("tallyProjects", () => {
  const p = (over: Partial<Project>): Project => ({
    sheet: "项目", row: 3, name: "x", leader: null, branch: "铁西社区", origin: null, type: "investment",
    jobsCreated: 10, laidOffPlaced: 5, status: null, ...over,
  });
  const t = tallyProjects([
    p({}),
    p({ branch: "鐵西社區", jobsCreated: 20, laidOffPlaced: null }),
    p({ branch: "铁康社区", type: "self_employment", jobsCreated: 3, laidOffPlaced: 2 }),
    p({ branch: null, type: null, jobsCreated: null, laidOffPlaced: 1 }),
  ]);

  it("totals count, jobs and placements", () => {
    expect(ProjectTallies.safeParse(t).success).toBe(true);
    expect([t.count, t.jobsCreated, t.laidOffPlaced]).toEqual([4, 33, 8]);
  });

  it.each([
    { key: "investment", totals: { count: 2, jobsCreated: 30, laidOffPlaced: 5 } },
    { key: "self_employment", totals: { count: 1, jobsCreated: 3, laidOffPlaced: 2 } },
    { key: "other", totals: { count: 0, jobsCreated: 0, laidOffPlaced: 0 } },
    { key: "unknown", totals: { count: 1, jobsCreated: 0, laidOffPlaced: 1 } },
  ])("byType $key", ({ key, totals }) => {
    expect(t.byType[key]).toEqual(totals);
  });

  it.each([
    { key: "铁西社区", totals: { count: 2, jobsCreated: 30, laidOffPlaced: 5 } }, // 鐵西社區 folds to it
    { key: "铁康社区", totals: { count: 1, jobsCreated: 3, laidOffPlaced: 2 } },
    { key: "unknown", totals: { count: 1, jobsCreated: 0, laidOffPlaced: 1 } },
  ])("byBranch $key", ({ key, totals }) => {
    expect(t.byBranch[key]).toEqual(totals);
  });

  it("keys branches as first seen, unknown last, and every type even when empty", () => {
    expect(Object.keys(t.byBranch)).toEqual(["铁西社区", "铁康社区", "unknown"]);
    expect(Object.keys(tallyProjects([]).byType)).toEqual(["investment", "self_employment", "other", "unknown"]);
    expect(tallyProjects([]).byBranch).toEqual({ unknown: { count: 0, jobsCreated: 0, laidOffPlaced: 0 } });
  });
});
