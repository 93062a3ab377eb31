// Enumeration columns are judged once per distinct text (ColumnFacts' slots, the column's first 254 texts); a text
// first met later, and a number cell, are judged cell by cell: a row's issues and changes are the same either way.
import { checkWorkbook } from "../../src/domain/check";
import { CellValue } from "../../src/domain/grid";
import { grid, makeId, workbook } from "../helpers/grid";

const HEADER = ["姓名", "性别", "出生日期", "身份证号", "学历", "入党时间", "党员类别", "所在支部", "联系电话", "家庭住址", "就业情况", "状态"];
const ASOF = "2025-12-31";
let seq = 0; // each row its own ID: no duplicate_id between them
const row = (name: string, gender: CellValue, education: CellValue, category: CellValue, status: CellValue): CellValue[] =>
  [name, gender, "1965-03-15", makeId("19650315", String(seq++).padStart(3, "0")), education, "1990-07-01", category, "铁安社区", "13812345678", "铁安小区1号楼", "在职", status];

/** The rows under test: texts to fix (男性, 研究生学历), unknown ones (某某), number cells, empty cells. */
const PROBES: CellValue[][] = [
  row("甲", "男性", "研究生学历", "在职民警", "正常"),
  row("乙", "某某", "某某学历", "某某类别", "某某状态"),
  row("丙", 1, 2, 3, 4),
  row("丁", "", null, "", null),
  ...["戊", "己", "庚"].map((name) => row(name, "男", "高中", "在职民警", "正常")),
];
const NAMES = new Set(PROBES.map((r) => r[0]));
/** 300 distinct spellings of the probes' own values (spaces around them) in each enumeration column. */
const pad = (t: string, i: number) => " ".repeat(i % 20) + t + " ".repeat(1 + Math.floor(i / 20));
const FILLER: CellValue[][] = Array.from({ length: 300 }, (_, i) => row(`填${i}`, pad("男", i), pad("高中", i), pad("在职民警", i), pad("正常", i)));

/** The probes' issues, changes and members, each by the probe's name instead of its row. */
function results(rows: CellValue[][]) {
  const r = checkWorkbook(workbook([grid("铁安社区", [HEADER, ...rows])]), { today: ASOF, asOf: ASOF });
  const nameAt = new Map(r.members.map((m) => [m.row, m.name]));
  const probe = (x: { row: number }) => NAMES.has(nameAt.get(x.row) ?? "");
  const byName = <T extends { row: number }>(x: T) => ({ ...x, row: nameAt.get(x.row) });
  const order = <T>(xs: T[]) => xs.map((x) => JSON.stringify(x)).sort();
  return { issues: order(r.issues.filter(probe).map(byName)), changes: order(r.changes.filter(probe).map(byName)), members: order(r.members.filter(probe).map(byName)) };
}

describe("enumeration columns: judged per slot or per cell alike", () => {
  const first = results([...PROBES, ...FILLER]); // the probes' texts have slots
  const late = results([...FILLER, ...PROBES]); // past 300 other texts: none has

  it.each(["issues", "changes", "members"] as const)("the probes' %s are the same in either place", (what) => {
    expect(late[what]).toEqual(first[what]);
  });

  it.each([
    { what: "a text to fix is fixed", found: (r: typeof late) => r.changes.some((c) => c.includes('"from":"男性"')) },
    { what: "an unknown text is flagged", found: (r: typeof late) => r.issues.some((i) => i.includes('"code":"unknown_value"') && i.includes('"value":"某某"')) },
    { what: "a clean text is left alone", found: (r: typeof late) => !r.changes.some((c) => c.includes('"from":"男"')) },
  ])("$what, with or without a slot", ({ found }) => {
    expect(found(first)).toBe(true);
    expect(found(late)).toBe(true);
  });
});
