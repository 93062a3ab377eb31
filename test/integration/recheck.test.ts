// Issue 13: `--fix`'s check of the fixed grids re-checks only the rows the fix wrote to and reuses the first check's
// results for the rest (src/domain/recheck.ts). It must give what a full check of the fixed grids gives: the report,
// the members and which changes revert to a number, byte for byte, on the example, the real-world corpus and the
// bench's shapes; where a roster's rows are not those the first check found, it reuses nothing. A row written to is
// reused only where every cell written is a date read as before (shape (b) writes its text dates in every row); a row
// not written is re-checked where it reads a column fact the fix changed (the example's fix rewrites spellings).
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeBigRoster } from "../../bench/make-big";
import { SHAPES } from "../../bench/shapes";
import { makeRealWorldCorpus, REAL_WORLD_OUT } from "../../scripts/make-real-world-corpus";
import { buildReport } from "../../src/app/build-report";
import { CheckResult, checkWorkbook } from "../../src/domain/check";
import { CellValue, WorkbookSnapshot, cellKey } from "../../src/domain/grid";
import { Recheck } from "../../src/domain/recheck";
import { gridsAfterWrites } from "../../src/plan/fixed-grids";
import { fixWrites } from "../../src/plan/plan-check";
import type { WriteValue } from "../../src/plan/write-plan";
import { openXlsx } from "../../src/workbook/xlsx";
import { realWorldCorpus } from "../fixtures/real-world/corpus";
import { grid, makeId, workbook } from "../helpers/grid";

const REQ = { today: "2025-12-31", asOf: "2025-12-31" };
const refuse = { conflict: () => new Error("conflict"), noSheet: () => new Error("no sheet") };
const dump = (r: CheckResult) => JSON.stringify([buildReport(r, "x.xlsx"), r.members, r.changes.map((c) => r.numericFrom.has(c))]);

/** The fixed workbook checked in full and again reusing the first check's rows (after `alter`, if given); how many
 * of the second check's members the first check made. */
function bothWays(snapshot: WorkbookSnapshot, alter = (s: WorkbookSnapshot) => s, overWrite?: (rows: (CellValue | undefined)[][], written: Map<number, WriteValue>) => void): { full: string; again: string; reused: number; members: boolean[] } {
  const recheck = Recheck.record();
  const first = checkWorkbook(snapshot, { ...REQ, recheck });
  const firstMembers = new Set(first.members);
  const grids = new Map(snapshot.sheets.map((g) => [g.name, g]));
  const { cellWrites } = fixWrites({ ...first, grids }, buildReport(first, "x.xlsx"), [], { lang: first.language, time: "2025-12-31 10:00:00", source: "fix", date1904: snapshot.date1904 });
  const { grids: fixed, changed } = gridsAfterWrites(grids, cellWrites, snapshot.date1904, refuse);
  if (overWrite !== undefined) {
    const name = snapshot.sheets[0].name;
    const sheet = fixed.get(name)!;
    const rows = sheet.rows.map((r) => r?.slice() ?? []);
    const written = new Map(changed.get(name));
    overWrite(rows, written);
    fixed.set(name, { ...sheet, rows });
    changed.set(name, written);
  }
  const after = alter({ ...snapshot, sheets: snapshot.sheets.map((s) => fixed.get(s.name)!) });
  const full = dump(checkWorkbook(after, { ...REQ, lang: first.language }));
  const second = checkWorkbook(after, { ...REQ, lang: first.language, recheck: recheck.again(changed) });
  return { full, again: dump(second), reused: second.members.filter((m) => firstMembers.has(m)).length, members: second.members.map((m) => firstMembers.has(m)) };
}

const snapshotOf = (path: string) => openXlsx(readFileSync(path), path).snapshot();

describe("the check of the fixed grids reusing the first check's rows", () => {
  const dir = mkdtempSync(join(tmpdir(), "recheck-"));
  const bench = async (key: string) => {
    const path = join(dir, `${key}.xlsx`);
    if (!existsSync(path)) await writeBigRoster(path, 3_000, SHAPES.find((s) => s.key === key)!.shape);
    return path;
  };
  const files: [string, () => Promise<string>, boolean][] = [
    ["the example", async () => join(__dirname, "../../examples/铁西街党员花名册.xlsx"), true],
    ...SHAPES.map(({ key }): [string, () => Promise<string>, boolean] => [`bench shape ${key} at 3,000 rows`, () => bench(key), true]),
  ];

  test.each(files)("%s: the same as a full check, rows reused where expected", async (_, make, reuses) => {
    const { full, again, reused } = bothWays(snapshotOf(await make()));
    expect(again).toBe(full);
    expect(reused > 0).toBe(reuses);
  }, 60_000);

  test("the real-world corpus: the same as a full check", async () => {
    await makeRealWorldCorpus();
    for (const f of realWorldCorpus()) {
      const snapshot = snapshotOf(join(REAL_WORLD_OUT, f.file));
      if (checkWorkbook(snapshot, REQ).rosters.length === 0) continue;
      const { full, again } = bothWays(snapshot);
      expect([f.file, again]).toEqual([f.file, full]);
    }
  }, 120_000);

  test("a roster with a member row taken out: nothing reused, the same as a full check", async () => {
    const dropRow = (s: WorkbookSnapshot): WorkbookSnapshot => ({ ...s, sheets: s.sheets.map((g, i) => (i === 0 ? { ...g, rows: g.rows.filter((_, r) => r !== 10) } : g)) });
    const { full, again, reused } = bothWays(snapshotOf(await bench("today")), dropRow);
    expect(again).toBe(full);
    expect(reused).toBe(0);
  }, 60_000);

  // Written rows: a roster of two members, the second as the case has it; whether the second check takes the second
  // member from the first (and always: the same as a full check).
  const HEADER = ["姓名", "性别", "身份证号", "出生日期", "入党时间", "转正时间", "联系电话", "家庭住址", "状态"];
  const ROW = ["张三", "男", makeId("19650315", "123"), "1965-03-15", "1990-07-01", "1991-07-01", "13812345678", "铁安小区1号楼", "正常"];
  const at = (over: Record<string, CellValue>) => HEADER.map((h, c) => (h in over ? over[h] : ROW[c]));
  const JOIN = HEADER.indexOf("入党时间");
  type Over = (rows: (CellValue | undefined)[][], written: Map<number, WriteValue>) => void;
  /** The join date of the second member written as `text` instead of what the fix wrote. */
  const writeJoin = (text: string): Over => (rows, written) => {
    rows[2][JOIN] = text;
    written.set(cellKey(2, JOIN), text);
  };
  const cases: [string, Record<string, CellValue>, Over | undefined, boolean][] = [
    ["text dates written as their ISO text", { 入党时间: "1990.07.01", 转正时间: "1991年7月1日" }, undefined, true],
    ["a text date and a name written", { 入党时间: "1990.07.01", 姓名: "张 三" }, undefined, false],
    ["a number read as a month, written as its text", { 出生日期: 1965.03 }, undefined, true],
    ["a date settled by the ID (read ambiguous before)", { 身份证号: makeId("19651015", "123"), 出生日期: 1965.1 }, undefined, false],
    ["a text date in the future: its issue shows the text written", { 转正时间: "2030.1.1" }, undefined, true],
    ["a text date written as another date than the fix's", { 入党时间: "1990.07.01" }, writeJoin("1990-08-01"), false],
    ["a text date written as the fix's date of another precision", { 入党时间: "1990.07.01" }, writeJoin("1990-07"), false],
  ];
  test.each(cases)("a written row: %s", (_, over, overWrite, reused) => {
    const wb = workbook([grid("铁安社区", [HEADER, ROW, at(over)])]);
    const { full, again, members } = bothWays(wb, undefined, overWrite);
    expect(again).toBe(full);
    expect(members).toEqual([true, reused]);
  });

  // Column facts changed by the writes: which members of a small roster are taken from the first check.
  const FACTS_HEADER = ["姓名", "身份证号", "学历", "党员类别", "党员类型", "状态"];
  const member = (n: number, over: Record<string, CellValue>) => FACTS_HEADER.map((h) => (h in over ? over[h] : h === "姓名" ? `党员${n}` : h === "身份证号" ? makeId("19650315", String(100 + n)) : null));
  /** The cell of member n (1-based) under header h written as `text`. */
  const writeCell = (n: number, h: string, text: string): Over => (rows, written) => {
    rows[n][FACTS_HEADER.indexOf(h)] = text;
    written.set(cellKey(n, FACTS_HEADER.indexOf(h)), text);
  };
  const factCases: [string, Record<string, CellValue>[], Over | undefined, boolean[]][] = [
    // 本科 written as the column's most used 大学本科: the rows reading bachelor re-checked, 高中's reused
    ["a code's spellings recounted (no list)", [{ 学历: "大学本科" }, { 学历: "大学本科" }, { 学历: "本科" }, { 学历: "高中" }], undefined, [false, false, false, true]],
    // the status column's facts are read by no row check
    ["a status spelling rewritten (外出 -> 流动)", [{ 状态: "正常" }, { 状态: "外出" }, { 状态: "正常" }], undefined, [true, false, true]],
    // 网格圆, used once beside 网格员 used 3 times, is a near miss flagged; used twice it is not
    ["a category's verdict changed", [{ 党员类别: "网格员" }, { 党员类别: "网格员" }, { 党员类别: "网格员" }, { 党员类别: "网格圆" }, { 党员类别: "居民" }], writeCell(5, "党员类别", "网格圆"), [true, true, true, false, false]],
    ["a category's verdict the same", [{ 党员类别: "网格员" }, { 党员类别: "网格员" }, { 党员类别: "网格员" }, { 党员类别: "网格圆" }, { 党员类别: "居民" }], writeCell(5, "党员类别", "居民"), [true, true, true, true, false]],
    // 流动党员 in the type column makes it the status column too, for every row
    ["the type column no longer holding statuses", [{ 党员类型: null }, { 党员类型: "流动党员" }], writeCell(2, "党员类型", "预备党员"), [false, false]],
    ["the type column holding statuses still", [{ 党员类型: null }, { 党员类型: "流动党员" }, { 党员类型: "流动党员" }], writeCell(2, "党员类型", "预备党员"), [true, false, true]],
  ];
  test.each(factCases)("column facts changed: %s", (_, rows, overWrite, reused) => {
    const wb = workbook([grid("铁安社区", [FACTS_HEADER, ...rows.map((r, i) => member(i + 1, r))])]);
    const { full, again, members } = bothWays(wb, undefined, overWrite);
    expect(again).toBe(full);
    expect(members).toEqual(reused);
  });
});
