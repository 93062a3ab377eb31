// The task pane's Excel use cases (src/app/excel-*.ts) end to end against the recording fake of the Excel object
// model (test/fakes): check, preview and apply fixes, revert, summaries, settings, go to a cell, clear, live re-check,
// cancel. What the real Excel does differently (undo groups, event timing) is beyond the fake.
import { idCheckChar } from "../../scripts/example-text";
import { selectCell, usedRowsInExcel } from "../../src/app/excel-cells";
import { checkInExcel, clearInExcel, unrevertedChangesInExcel, writeSummariesInExcel } from "../../src/app/excel-check";
import { applyFixesInExcel, lastRevertibleBatch, previewFixes, revertBatchInExcel } from "../../src/app/excel-fix";
import { startLiveCheck } from "../../src/app/excel-live";
import { CancelledError, Progress } from "../../src/app/excel-run";
import { readSettings, saveColumnOverrides, settingsEdits } from "../../src/app/excel-settings";
import { ChangeLogEntry } from "../../src/plan/change-log";
import { Fake, installExcelFake } from "../fakes/excel-fake";

const TODAY = "2025-12-31";
const TIME = "2025-12-31T10:00:00+08:00";
const SHEET = "铁康社区党员名单";
const id = (first17: string) => first17 + idCheckChar(first17);

let uninstall: () => void = () => undefined;
afterEach(() => uninstall());

function roster(): Fake {
  const fake = new Fake({ sheets: [SHEET] });
  uninstall = installExcelFake(fake);
  fake.putRows(SHEET, 1, [
    ["序号", "姓名", "性别", "身份证号", "入党时间", "转正时间", "党员类别", "所在支部", "联系电话", "家庭住址", "状态", "证件"],
    [1, "张三", "男", id("22070219650315123"), "1990.3.5", "1991-03-05", "下岗职工", "铁康社区", "１３８１２３４５６７８", "铁康小区1号", "正常", "x"],
    [2, "李四", "女", id("22070219700101122"), "1995-07-01", "1996-07-01", "居民", "铁康社区", "13912345678", "铁康小区2号", "正常", "y"],
    [3, "王五", "男", id("22070219550101123"), "1980-07-01", "1981-07-01", "离退休", "铁康社区", "12345", "", "正常", "z"],
  ]);
  return fake;
}

describe("the Excel use cases", () => {
  it("check: flags, writes the issues sheet and opens it, reports progress per sheet", async () => {
    const fake = roster();
    const steps: Progress[] = [];
    const { report } = await checkInExcel({ today: TODAY, onProgress: (p) => steps.push(p) });
    expect(report.rosters.map((r) => r.sheet)).toEqual([SHEET]);
    expect(report.members).toBe(3);
    expect(report.issues.some((i) => i.code === "invalid_phone" && i.row === 4 && i.column === "I")).toBe(true);
    expect(fake.sheetNames()).toEqual(expect.arrayContaining([SHEET, "名册问题", "名册汇总"]));
    expect(fake.selection?.sheet).toBe("名册问题");
    expect(steps.map((p) => p.step)).toEqual(["reading", "reading", "checking", "writing"]);
    expect(steps[1].sheet).toBe(SHEET);
  });

  it("the live re-check's check leaves the active sheet alone", async () => {
    const fake = roster();
    await checkInExcel({ today: TODAY, activate: false });
    expect(fake.selection?.sheet ?? SHEET).toBe(SHEET);
  });

  it("cancelled before writing: throws CancelledError and writes nothing", async () => {
    const fake = roster();
    const ac = new AbortController();
    const run = checkInExcel({ today: TODAY, signal: ac.signal, onProgress: (p) => p.sheet && ac.abort() });
    await expect(run).rejects.toBeInstanceOf(CancelledError);
    expect(fake.sheetNames()).toEqual([SHEET]);
    expect(fake.syncs.every((s) => s.writes === 0)).toBe(true);
  });

  it("fix: the previewed changes written, logged as batch 1, re-checked; revert puts them back", async () => {
    const fake = roster();
    const { report } = await checkInExcel({ today: TODAY });
    const preview = previewFixes(report);
    expect(preview.map((c) => `${c.column}${c.row}:${c.to}`)).toEqual(expect.arrayContaining(["E2:1990-03-05", "I2:13812345678"]));

    const fixed = await applyFixesInExcel({ today: TODAY, time: TIME, changes: preview });
    expect(fixed.batch).toBe(1);
    expect(fixed.applied).toHaveLength(preview.length);
    expect(fixed.skipped).toBe(0);
    expect(fake.cell(SHEET, "E2").value).toBe("1990-03-05");
    expect(fake.cell(SHEET, "I2").value).toBe("13812345678");
    expect(fake.sheetNames()).toContain("修改记录");
    expect(fixed.check.report.changes).toEqual([]);

    const again = await applyFixesInExcel({ today: TODAY, time: TIME, changes: preview });
    expect(again).toMatchObject({ applied: [], skipped: preview.length });
    expect(again.batch).toBeUndefined();

    const reverted = await revertBatchInExcel({ today: TODAY, time: TIME });
    expect(reverted.batch).toBe(1);
    expect(fake.cell(SHEET, "E2").value).toBe("1990.3.5");
    expect(fake.cell(SHEET, "I2").value).toBe("１３８１２３４５６７８");
    await expect(revertBatchInExcel({ today: TODAY, time: TIME })).rejects.toMatchObject({ name: "NothingToRevertError" });
  });

  it("a cell edited between preview and apply is not written", async () => {
    const fake = roster();
    const { report } = await checkInExcel({ today: TODAY });
    fake.put(SHEET, "E2", "1990-03-06");
    const fixed = await applyFixesInExcel({ today: TODAY, time: TIME, changes: previewFixes(report) });
    expect(fake.cell(SHEET, "E2").value).toBe("1990-03-06");
    expect(fixed.skipped).toBe(1);
    expect(fake.cell(SHEET, "I2").value).toBe("13812345678");
  });

  it("summaries: only the summary sheet (as of the date given), opened; no flags, no issues sheet", async () => {
    const fake = roster();
    const { report } = await writeSummariesInExcel({ today: TODAY, asOf: "2024-06-30" });
    expect(report.asOf).toBe("2024-06-30");
    expect(fake.sheetNames()).toContain("名册汇总");
    expect(fake.sheetNames()).not.toContain("名册问题");
    expect(fake.rules(SHEET)).toEqual([]);
    expect(fake.selection?.sheet).toBe("名册汇总");
    expect(JSON.stringify(fake.rows("名册汇总"))).toContain("2024-06-30");
  });

  it("settings: the mapping with header texts; an override saved into a new settings sheet changes the mapping", async () => {
    const fake = roster();
    const before = await readSettings({ today: TODAY });
    expect(before.rosters).toHaveLength(1);
    const r = before.rosters[0];
    expect(r.headers[3]).toEqual({ column: "D", text: "身份证号" });
    expect(r.columns).toMatchObject({ name: "B", idNumber: "D", phone: "I" });
    expect(before.overrides).toEqual([]);

    const sheet = await saveColumnOverrides([{ field: "workUnit", header: "证件" }, { field: "ignored", header: "家庭住址" }], { lang: "zh-CN" });
    expect(sheet).toBe("名册设置");
    expect(fake.rows("名册设置")).toEqual([["类型", "键", "值"], ["column", "workUnit", "证件"], ["column", "ignored", "家庭住址"]]);
    expect(fake.names().get("_RosterAssistant_settings")?.visible).toBe(false);

    const after = await readSettings({ today: TODAY });
    expect(after.rosters[0].columns).toMatchObject({ workUnit: "L" });
    expect(after.rosters[0].columns.address).toBeUndefined();
    expect(after.overrides).toEqual([{ field: "workUnit", header: "证件" }, { field: "ignored", header: "家庭住址" }]);

    // Saving again updates the row in place and takes a header back from `ignored`.
    await saveColumnOverrides([{ field: "address", header: "家庭住址" }, { field: "workUnit", header: "L" }], { lang: "zh-CN" });
    expect(fake.rows("名册设置")).toEqual([["类型", "键", "值"], ["column", "workUnit", "L"], ["column", "address", "家庭住址"]]);
  });

  it("the ribbon command's size check counts the used rows of the user's sheets, not the product's", async () => {
    const fake = roster();
    expect(await usedRowsInExcel()).toBe(4);
    await checkInExcel({ today: TODAY });
    expect(fake.sheetNames().length).toBeGreaterThan(3);
    expect(await usedRowsInExcel()).toBe(4);
  });

  it("go to a cell: the sheet activated and the cell selected", async () => {
    const fake = roster();
    fake.addSheet("Other");
    await selectCell(SHEET, "I4");
    expect(fake.selection).toEqual({ sheet: SHEET, address: "I4" });
  });

  it("go to an issue's cell after the roster was sorted: the member's row now, found as the issues sheet's link finds it", async () => {
    const fake = roster();
    const { report } = await checkInExcel({ today: TODAY });
    const issue = report.issues.find((i) => i.sheet === SHEET && i.row === 4)!; // 王五's phone 12345
    expect(issue).toBeDefined();
    // The clerk sorts: 王五 to row 2, 张三 to row 4.
    const rows = [2, 3, 4].map((r) => Array.from({ length: 12 }, (_, c) => fake.cell(SHEET, `${String.fromCharCode(65 + c)}${r}`).value));
    fake.putRows(SHEET, 2, [rows[2], rows[1], rows[0]]);
    await selectCell(SHEET, `${issue.column}4`);
    expect(fake.selection).toEqual({ sheet: SHEET, address: `${issue.column}2` });
    // A member gone (ID and name retyped): the address the check saw.
    fake.put(SHEET, "D2", "X");
    fake.put(SHEET, "B2", "无名");
    await selectCell(SHEET, `${issue.column}4`);
    expect(fake.selection).toEqual({ sheet: SHEET, address: `${issue.column}4` });
  });

  it("clear keeps the change log (revert still works); dropping it is asked for with the number of changes it could revert", async () => {
    const fake = roster();
    await checkInExcel({ today: TODAY });
    const fix = await applyFixesInExcel({ today: TODAY, time: TIME });
    expect(fix.applied.length).toBeGreaterThan(0);
    expect(await unrevertedChangesInExcel()).toBe(fix.applied.length);
    await clearInExcel();
    expect(fake.sheetNames().sort()).toEqual([SHEET, "修改记录"].sort());
    expect(fake.rules(SHEET)).toEqual([]);
    await revertBatchInExcel({ today: TODAY, time: TIME, batch: fix.batch });
    expect(await unrevertedChangesInExcel()).toBe(0);
    await clearInExcel({}, { dropLog: true });
    expect(fake.sheetNames()).toEqual([SHEET]);
    expect(await unrevertedChangesInExcel()).toBe(0);
  });

  it("clear: the product's sheets and flags gone, the settings sheet kept", async () => {
    const fake = roster();
    await saveColumnOverrides([{ field: "workUnit", header: "证件" }], { lang: "zh-CN" });
    await checkInExcel({ today: TODAY });
    expect(fake.rules(SHEET).length).toBeGreaterThan(0);
    await clearInExcel();
    expect(fake.sheetNames().sort()).toEqual([SHEET, "名册设置"].sort());
    expect(fake.rules(SHEET)).toEqual([]);
  });

  it("live re-check: an edit on a roster sheet re-checks after the delay; other sheets' edits do not; stop removes the handler", async () => {
    const fake = roster();
    fake.addSheet("Notes");
    let rechecks = 0;
    const live = await startLiveCheck({
      recheck: async () => void rechecks++,
      watchedSheets: () => new Set([SHEET]),
      delayMs: 20,
      graceMs: 0,
    });
    expect(fake.handlers()).toEqual([{ source: "worksheets", event: "onChanged" }]);
    const edit = (sheet: string) => fake.fire("onChanged", "worksheets", { worksheetId: fake.sheet(sheet).id, address: "B2", source: "Local", changeType: "RangeEdited", type: "WorksheetChanged" });
    await edit("Notes");
    await new Promise((r) => setTimeout(r, 60));
    expect(rechecks).toBe(0);
    await edit(SHEET);
    await edit(SHEET);
    await new Promise((r) => setTimeout(r, 60));
    expect(rechecks).toBe(1);
    await live.stop();
    expect(fake.handlers()).toEqual([]);
  });
});

describe("settingsEdits", () => {
  const row = (row: number, kind: string, key: string, value: string) => ({ row, kind, key, value });
  it.each([
    { name: "a new override is appended", rows: [row(2, "branch", "铁康社区", "")], o: [{ field: "idNumber" as const, header: "证件" }], edits: { update: [], clear: [], append: [["column", "idNumber", "证件"]] } },
    { name: "the field's row is updated in place", rows: [row(2, "column", "idNumber", "证号")], o: [{ field: "idNumber" as const, header: "证件" }], edits: { update: [{ row: 2, value: "证件" }], clear: [], append: [] } },
    { name: "an unchanged row is left alone", rows: [row(2, "列", "idNumber", "证件")], o: [{ field: "idNumber" as const, header: "证件" }], edits: { update: [], clear: [], append: [] } },
    { name: "the header given to another field before is taken from it", rows: [row(3, "column", "ignored", "证件")], o: [{ field: "idNumber" as const, header: "证件" }], edits: { update: [], clear: [3], append: [["column", "idNumber", "证件"]] } },
    { name: "a second row for the same field is emptied", rows: [row(2, "column", "phone", "电话"), row(5, "column", "phone", "手机")], o: [{ field: "phone" as const, header: "手机" }], edits: { update: [{ row: 2, value: "手机" }], clear: [5], append: [] } },
    { name: "`ignored` rows are matched by header, never overwritten", rows: [row(2, "column", "ignored", "备注")], o: [{ field: "ignored" as const, header: "住址" }], edits: { update: [], clear: [], append: [["column", "ignored", "住址"]] } },
  ])("$name", ({ rows, o, edits }) => {
    expect(settingsEdits(rows, o)).toEqual(edits);
  });
});

describe("lastRevertibleBatch", () => {
  const e = (batch: number, source: string, reverted = false): ChangeLogEntry => ({ batch, time: TIME, source, sheet: "s", cell: "A1", key: "", field: "phone", from: "a", to: "b", reverted });
  it.each([
    { name: "an empty log", log: [], batch: undefined },
    { name: "the newest fix", log: [e(1, "fix"), e(2, "fix")], batch: 2 },
    { name: "a reverted batch is skipped, and so is its revert", log: [e(1, "fix"), e(2, "fix", true), e(3, "revert")], batch: 1 },
    { name: "a sync counts", log: [e(1, "fix", true), e(2, "revert"), e(3, "sync:branch.csv")], batch: 3 },
    { name: "a batch half reverted (cut off) can be resumed", log: [e(1, "fix", true), e(1, "fix"), e(2, "revert")], batch: 1 },
    { name: "nothing left", log: [e(1, "fix", true), e(2, "revert")], batch: undefined },
  ])("$name", ({ log, batch }) => {
    expect(lastRevertibleBatch(log)).toBe(batch);
  });
});
