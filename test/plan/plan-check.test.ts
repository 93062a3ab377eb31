import { CellValue, SheetGrid, WorkbookSnapshot } from "../../src/domain/grid";
import { cellText } from "../../src/domain/normalise/text";
import { ChangeLogEntry, readChangeLog, unrevertedChanges } from "../../src/plan/change-log";
import { flagBlocks } from "../../src/plan/flags";
import { fixWrites, planCheck, planClear, planFix, planRevert } from "../../src/plan/plan-check";
import { CellWrite, WritePlan } from "../../src/plan/write-plan";
import { grid } from "../helpers/grid";
import { checkSnapshot, fixtureWorkbook, runEngine } from "./fixtures";
import { toGridRows } from "./sheet-eval";

const TIME = "2026-01-05T09:30:00+08:00";

/** Applies cell writes as a back end would: refuses a cell that no longer shows `expect`. */
function applyWrites(wb: WorkbookSnapshot, writes: readonly CellWrite[]): WorkbookSnapshot {
  const sheets = wb.sheets.map((s) => ({ ...s, rows: s.rows.map((r) => (r ? [...r] : r)) as (CellValue | undefined)[][] }));
  for (const w of writes) {
    const sheet = sheets.find((s) => s.name === w.sheet)!;
    const row = sheet.rows[w.row - 1]!;
    const shown = cellText(row[w.col - 1], wb.date1904);
    if (shown !== w.expect) throw new Error(`${w.sheet} R${w.row}C${w.col} shows "${shown}", expected "${w.expect}"`);
    row[w.col - 1] = w.value;
  }
  return { ...wb, sheets };
}

/** The change-log sheet of a plan, read back as a workbook would hold it. */
function logOf(plan: WritePlan): ChangeLogEntry[] {
  const sheet = plan.sheets.find((s) => s.role === "changelog")!;
  return readChangeLog(grid(sheet.name, toGridRows(sheet)) as SheetGrid, false);
}

const roles = (p: WritePlan) => p.sheets.map((s) => s.role);

describe("planCheck", () => {
  it.each([
    { label: "projects sheet and employment column", opts: {}, sheets: ["issues", "summary", "tallies"], remove: [] },
    { label: "employment column, no projects sheet", opts: { projects: false }, sheets: ["issues", "summary", "tallies"], remove: [] },
    { label: "projects sheet, no employment column", opts: { employment: false }, sheets: ["issues", "summary", "tallies"], remove: [] },
    { label: "neither: no tallies sheet, a stale one removed", opts: { projects: false, employment: false }, sheets: ["issues", "summary"], remove: ["tallies"] },
  ])("$label", ({ opts, sheets, remove }) => {
    const { result, report } = runEngine(opts);
    const plan = planCheck(result, report, { lang: "zh-CN" });
    expect(roles(plan)).toEqual(sheets);
    expect(plan.removeRoles).toEqual(remove);
    expect(plan.flags).toEqual(flagBlocks(report, result.grids));
    expect(plan.cellWrites).toEqual([]);
    expect(plan.activate).toBe("issues");
  });

  it("names the sheets in the language asked", () => {
    const { result, report } = runEngine({ lang: "zh-TW" });
    expect(planCheck(result, report, { lang: "zh-TW" }).sheets.map((s) => s.name)).toEqual(["名冊問題", "名冊匯總", "項目與就業"]);
  });
});

describe("planFix", () => {
  const wb = fixtureWorkbook();
  const { result, report } = checkSnapshot(wb);

  it("writes each change (value = to, expect = from), logs it as batch 1 with the member's key", () => {
    const { plan, batch, applied } = planFix(result, report, [], { lang: "zh-CN", time: TIME });
    expect(batch).toBe(1);
    expect(applied).toEqual(report.changes);
    expect(plan.cellWrites).toEqual([
      { sheet: "铁安社区", row: 9, col: 2, value: "周九", expect: "周 九" },
      { sheet: "铁安社区", row: 9, col: 7, value: "高中", expect: "高中毕业" },
      { sheet: "铁安社区", row: 9, col: 12, value: "13812345678", expect: "１３８１２３４５６７８" },
    ]);
    expect(roles(plan)).toEqual(["issues", "summary", "tallies", "changelog"]);
    const id = result.members.find((m) => m.row === 9 && m.sheet === "铁安社区")!.idNumber!;
    expect(logOf(plan)).toEqual([
      { batch: 1, time: TIME, source: "fix", sheet: "铁安社区", cell: "B9", key: id, field: "name", from: "周 九", to: "周九", reverted: false },
      { batch: 1, time: TIME, source: "fix", sheet: "铁安社区", cell: "G9", key: id, field: "education", from: "高中毕业", to: "高中", reverted: false },
      { batch: 1, time: TIME, source: "fix", sheet: "铁安社区", cell: "L9", key: id, field: "phone", from: "１３８１２３４５６７８", to: "13812345678", reverted: false },
    ]);
  });

  it("applied, the writes leave nothing more to fix (the flags and issues stay those of the report)", () => {
    const { plan } = planFix(result, report, [], { lang: "zh-CN", time: TIME });
    expect(plan.flags).toEqual(flagBlocks(report, result.grids));
    expect(checkSnapshot(applyWrites(wb, plan.cellWrites)).report.changes).toEqual([]);
  });

  it("appends a new batch after those logged, keeping them; a sync names its file", () => {
    const earlier = logOf(planFix(result, report, [], { lang: "zh-CN", time: TIME }).plan);
    const { plan, batch } = planFix(result, report, earlier, { lang: "en", time: TIME, source: "sync:铁康.csv" });
    const log = logOf(plan);
    expect(batch).toBe(2);
    expect(log.slice(0, 3)).toEqual(earlier);
    expect(log.slice(3).map((x) => [x.batch, x.source])).toEqual([[2, "sync:铁康.csv"], [2, "sync:铁康.csv"], [2, "sync:铁康.csv"]]);
  });

  it("with no changes: no batch logged, the change log left as it is", () => {
    const fixed = checkSnapshot(applyWrites(wb, planFix(result, report, [], { lang: "zh-CN", time: TIME }).plan.cellWrites));
    const { plan, batch, applied } = planFix(fixed.result, fixed.report, [], { lang: "zh-CN", time: TIME });
    expect([roles(plan), batch, applied, plan.cellWrites]).toEqual([["issues", "summary", "tallies"], 1, [], []]);
  });

  it("fixWrites logs the same entries; planFix's log is of plain entries, which a revert's spread copies whole", () => {
    const { plan, log } = planFix(result, report, [], { lang: "zh-CN", time: TIME });
    const fix = fixWrites(result, report, [], { lang: "zh-CN", time: TIME });
    expect(logOf({ ...plan, sheets: [fix.changeLog!] })).toEqual(logOf(plan));
    expect(log.map((e) => ({ ...e }))).toEqual(logOf(plan));
    expect(fix.cellWrites).toEqual(plan.cellWrites);
  });

  it("refuses a time that is not ISO 8601", () => {
    expect(() => planFix(result, report, [], { lang: "zh-CN", time: "yesterday" })).toThrow(/^time must be ISO 8601/);
  });
});

describe("planRevert", () => {
  const wb = fixtureWorkbook();
  const { result, report } = checkSnapshot(wb);
  const fix = planFix(result, report, [], { lang: "zh-CN", time: TIME }).plan;
  const fixedWb = applyWrites(wb, fix.cellWrites);
  const log = logOf(fix);
  const LATER = "2026-01-06T08:00:00+08:00";

  it("puts back the old values, last change first, where the cells show the new ones", () => {
    const plan = planRevert(log, 1, { lang: "zh-CN", time: LATER });
    expect(plan.cellWrites).toEqual([
      { sheet: "铁安社区", row: 9, col: 12, value: "１３８１２３４５６７８", expect: "13812345678" },
      { sheet: "铁安社区", row: 9, col: 7, value: "高中毕业", expect: "高中" },
      { sheet: "铁安社区", row: 9, col: 2, value: "周 九", expect: "周九" },
    ]);
    const back = applyWrites(fixedWb, plan.cellWrites);
    expect(back.sheets.map((s) => s.rows)).toEqual(wb.sheets.map((s) => s.rows));
  });

  it("marks the batch reverted and logs the revert as a batch of its own", () => {
    const after = logOf(planRevert(log, 1, { lang: "zh-CN", time: LATER }));
    expect(after.slice(0, 3)).toEqual(log.map((x) => ({ ...x, reverted: true })));
    expect(after.slice(3)).toEqual([...log].reverse().map((x) => ({ ...x, batch: 2, time: LATER, source: "revert", from: x.to, to: x.from })));
  });

  it("resumes a revert cut off half way: only the entries not yet marked", () => {
    const half = log.map((x, k) => (k === 2 ? { ...x, reverted: true } : x));
    expect(planRevert(half, 1, { lang: "en", time: LATER }).cellWrites.map((w) => w.col)).toEqual([7, 2]);
  });

  const reverted = logOf(planRevert(log, 1, { lang: "zh-CN", time: LATER }));
  it.each([
    { label: "an unknown batch", log, batch: 9, error: "batch 9 is not in the change log" },
    { label: "an empty log", log: [], batch: 1, error: "batch 1 is not in the change log" },
    { label: "a batch already reverted", log: reverted, batch: 1, error: "batch 1 has already been reverted" },
    { label: "a revert itself", log: reverted, batch: 2, error: "batch 2 is itself a revert; run the fix or sync again instead" },
  ])("refuses $label with a one-line error", ({ log: l, batch, error }) => {
    expect(() => planRevert(l, batch, { lang: "zh-CN", time: LATER })).toThrow(new Error(error));
  });
});

describe("planClear", () => {
  it.each([
    { label: "by default: flags and report sheets; the change log and settings stay", opts: undefined, remove: ["issues", "summary", "tallies"] },
    { label: "dropLog: the change log goes too; settings stay", opts: { dropLog: true }, remove: ["issues", "summary", "tallies", "changelog"] },
  ])("$label", ({ opts, remove }) => {
    expect(planClear(opts)).toEqual({ sheets: [], removeRoles: remove, flags: [], cellWrites: [] });
  });
});

describe("unrevertedChanges", () => {
  const e = (batch: number, source: string, reverted: boolean) => ChangeLogEntry.parse({
    batch, time: TIME, source, sheet: "S", cell: "A2", key: "", field: "phone", from: "1", to: "2", reverted,
  });
  it.each([
    { label: "an empty log", log: [], n: 0 },
    { label: "a fix batch of two", log: [e(1, "fix", false), e(1, "fix", false)], n: 2 },
    { label: "a reverted fix and its revert", log: [e(1, "fix", true), e(2, "revert", false)], n: 0 },
    { label: "a sync batch counts like a fix", log: [e(1, "sync:a.csv", false), e(2, "fix", true), e(3, "revert", false)], n: 1 },
  ])("$label: $n", ({ log, n }) => {
    expect(unrevertedChanges(log)).toBe(n);
  });
});
