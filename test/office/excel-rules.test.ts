// Rules real Excel enforces that the fake now holds (each with its evidence beside it in test/fakes), and the add-in
// obeying them. For each rule: the fake refuses what Excel refuses (so the add-in's earlier code failed here: the
// second check and Clear deleted the very hidden flag sheet; every write ran in an undo group holding sheet swaps;
// no batch waited for a cell edit; fixes wrote '... into Text cells), and the use cases now succeed under it.
import { idCheckChar } from "../../scripts/example-text";
import { checkInExcel, clearInExcel, readAndCheck } from "../../src/app/excel-check";
import { applyFixesInExcel, revertBatchInExcel } from "../../src/app/excel-fix";
import { usedRowsInExcel } from "../../src/app/excel-cells";
import { FLAG_SHEET_NAME, ProtectedError, TEMP_PREFIX, applyPlanInExcel } from "../../src/workbook/office";
import { Fake, WEB_PAYLOAD_LIMIT, installExcelFake } from "../fakes/excel-fake";
import { UNDO_GROUP_FORMULAS } from "../fakes/fake-client";

const TODAY = "2025-12-31";
const TIME = "2025-12-31 10:00:00";
const SHEET = "铁康社区党员名单";
const id = (first17: string) => first17 + idCheckChar(first17);

let uninstall: () => void = () => undefined;
afterEach(() => uninstall());

function roster(opts: { apiVersion?: string; textPhones?: boolean } = {}): Fake {
  const fake = new Fake({ sheets: [SHEET], apiVersion: opts.apiVersion });
  uninstall = installExcelFake(fake);
  const phone = (v: string) => (opts.textPhones ? { v, nf: "@" } : v);
  fake.putRows(SHEET, 1, [
    ["序号", "姓名", "性别", "身份证号", "入党时间", "转正时间", "党员类别", "所在支部", "联系电话", "家庭住址", "状态"],
    [1, "张三", "男", id("22070219650315123"), "1990.3.5", "1991-03-05", "下岗职工", "铁康社区", phone("１３８１２３４５６７８"), "铁康小区1号", "正常"],
    [2, "李四", "女", id("22070219700101122"), "1995-07-01", "1996-07-01", "居民", "铁康社区", phone("13912345678"), "铁康小区2号", "正常"],
    [3, "王五", "男", id("22070219550101123"), "1980-07-01", "1981-07-01", "离退休", "铁康社区", phone("12345"), "", "正常"],
  ]);
  return fake;
}

type Ctx = Excel.RequestContext;
const run = <T,>(opts: Excel.RunOptions, batch: (ctx: Ctx) => Promise<T>): Promise<T> => Excel.run(opts, batch);
const code = (p: Promise<unknown>): Promise<string> => p.then(() => "ok", (e: { code?: string }) => e.code ?? String(e));

describe("rule 1: Worksheet.delete() refuses a very hidden sheet", () => {
  it.each([
    { visibility: "VeryHidden", result: "InvalidOperation" },
    { visibility: "Hidden", result: "ok" },
  ] as const)("the fake: deleting a $visibility sheet gives $result", async ({ visibility, result }) => {
    const fake = roster();
    fake.addSheet("x").visibility = visibility;
    expect(await code(run({}, async (ctx) => {
      ctx.workbook.worksheets.getItem("x").delete();
      await ctx.sync();
    }))).toBe(result);
  });

  it.each(["1.9", "1.20"])("ExcelApi %s: check, check again, clear, check after clear: the very hidden flag sheet goes each time", async (api) => {
    const fake = roster({ apiVersion: api });
    await checkInExcel({ today: TODAY });
    expect(fake.sheet(FLAG_SHEET_NAME).visibility).toBe("VeryHidden");
    await checkInExcel({ today: TODAY });
    expect(fake.sheetNames().filter((n) => n === FLAG_SHEET_NAME)).toHaveLength(1);
    await clearInExcel();
    expect(fake.sheetNames()).toEqual([SHEET]);
    await checkInExcel({ today: TODAY });
    expect(fake.sheetNames()).toContain(FLAG_SHEET_NAME);
  });

  it("a very hidden temporary sheet a cut-off run left is deleted by the next run", async () => {
    const fake = roster();
    fake.addSheet(`${TEMP_PREFIX}flags`).visibility = "VeryHidden";
    await checkInExcel({ today: TODAY });
    expect(fake.sheetNames().some((n) => n.startsWith(TEMP_PREFIX))).toBe(false);
  });
});

describe("rule 2: an undo group holds only APIs Excel can undo", () => {
  const grouped = (fake: Fake, f: (ctx: Ctx) => void) => code(run({ mergeUndoGroup: true }, async (ctx) => {
    f(ctx);
    await ctx.sync();
  }));
  it.each([
    { name: "Worksheet.delete", f: (ctx: Ctx) => ctx.workbook.worksheets.getItem("x").delete(), result: "UndoNotSupported" },
    { name: "a sheet's name", f: (ctx: Ctx) => void (ctx.workbook.worksheets.getItem("x").name = "y"), result: "UndoNotSupported" },
    { name: "a sheet's visibility", f: (ctx: Ctx) => void (ctx.workbook.worksheets.getItem("x").visibility = "Hidden"), result: "UndoNotSupported" },
    { name: "a sheet's position", f: (ctx: Ctx) => void (ctx.workbook.worksheets.getItem("x").position = 0), result: "UndoNotSupported" },
    { name: `${UNDO_GROUP_FORMULAS} formulas`, f: (ctx: Ctx) => void (ctx.workbook.worksheets.getItem("x").getRangeByIndexes(0, 0, 40, 40).formulas = Array.from({ length: 40 }, () => Array(40).fill("=1+1"))), result: "UndoNotSupported" },
    { name: "cell values", f: (ctx: Ctx) => void (ctx.workbook.worksheets.getItem("x").getRange("A1:B1").values = [["a", 1]]), result: "ok" },
  ])("the fake, ExcelApi 1.20: $name in a group gives $result", async ({ f, result }) => {
    const fake = roster();
    fake.addSheet("x");
    expect(await grouped(fake, f)).toBe(result);
  });

  it("the fake, ExcelApi 1.9: no group is made, so a sheet deletion goes through", async () => {
    const fake = roster({ apiVersion: "1.9" });
    fake.addSheet("x");
    expect(await grouped(fake, (ctx) => ctx.workbook.worksheets.getItem("x").delete())).toBe("ok");
  });

  it.each(["1.9", "1.20"])("ExcelApi %s: fix and revert succeed; only their cell writes are grouped (one undo step on 1.20)", async (api) => {
    const fake = roster({ apiVersion: api });
    const start = fake.runs.length;
    const fix = await applyFixesInExcel({ today: TODAY, time: TIME });
    expect(fix.applied.length).toBeGreaterThan(0);
    expect(fake.cell(SHEET, "I2").value).toBe("13812345678");
    const grouped = fake.runs.slice(start).filter((r) => r.mergeUndoGroup);
    expect(grouped).toHaveLength(api === "1.20" ? 1 : 0);
    for (const r of grouped) expect(r.undoSteps).toBe(1);
    await revertBatchInExcel({ today: TODAY, time: TIME });
    expect(fake.cell(SHEET, "I2").value).toBe("１３８１２３４５６７８");
  });
});

describe("rule 4: a batch that reaches Excel while the user edits a cell fails unless it waits (delayForCellEdit)", () => {
  it.each([
    { delay: false, result: "InvalidOperationInCellEditMode" },
    { delay: true, result: "ok" },
  ])("the fake: delayForCellEdit $delay gives $result", async ({ delay, result }) => {
    const fake = roster();
    fake.startCellEdit();
    const p = code(run({ delayForCellEdit: delay }, async (ctx) => {
      ctx.workbook.worksheets.getItem(SHEET).getRange("A9").values = [["x"]];
      await ctx.sync();
    }));
    setTimeout(() => fake.endCellEdit(), 20);
    expect(await p).toBe(result);
  });

  it.each([
    { name: "the check (live re-check and ribbon command)", op: () => checkInExcel({ today: TODAY, activate: false }) },
    { name: "the ribbon command's size check", op: () => usedRowsInExcel() },
    { name: "a read-only check", op: () => readAndCheck({ today: TODAY }) },
  ])("$name waits for the edit to end, then completes", async ({ op }) => {
    const fake = roster();
    fake.startCellEdit();
    let done = false;
    const p = op().then(() => (done = true));
    await new Promise((r) => setTimeout(r, 30));
    expect(done).toBe(false);
    fake.endCellEdit();
    await p;
    expect(done).toBe(true);
  });
});

describe("rule 6: in a Text-formatted cell a leading apostrophe stays part of the value", () => {
  it.each([
    { nf: "@", input: "'123", value: "'123" },
    { nf: "General", input: "'123", value: "123" },
    { nf: "General", input: "123", value: 123 },
  ])("the fake: $input into a $nf cell holds $value", async ({ nf, input, value }) => {
    const fake = roster();
    fake.put(SHEET, "Z1", { v: "", nf });
    await run({}, async (ctx) => {
      ctx.workbook.worksheets.getItem(SHEET).getRange("Z1").values = [[input]];
      await ctx.sync();
    });
    expect(fake.cell(SHEET, "Z1").value).toBe(value);
  });

  it.each([{ text: true }, { text: false }])("a fix into phone cells (Text-formatted: $text) writes the digits only, and revert puts them back", async ({ text }) => {
    const fake = roster({ textPhones: text });
    await applyFixesInExcel({ today: TODAY, time: TIME });
    expect(fake.cell(SHEET, "I2").value).toBe("13812345678");
    const again = await readAndCheck({ today: TODAY });
    expect(again.report.changes.filter((c) => c.column === "I")).toEqual([]);
    await revertBatchInExcel({ today: TODAY, time: TIME });
    expect(fake.cell(SHEET, "I2").value).toBe("１３８１２３４５６７８");
  });
});

describe("rule 5: Excel on the web refuses a request or response over 5 MB", () => {
  const LONG = "吉林省松原市宁江区铁西街道铁康社区幸福小区二十七栋三单元六楼六零二室（东侧）";
  /** A roster column of `rows` long Chinese addresses, and a plan rewriting each (one changed character). */
  function bigColumn(fake: Fake, rows: number) {
    fake.putRows(SHEET, 2, Array.from({ length: rows }, (_, i) => [`${LONG}${i}`]), 20);
    const cellWrites = Array.from({ length: rows }, (_, i) => ({ sheet: SHEET, row: i + 2, col: 20, value: `${LONG}${i}号`, expect: `${LONG}${i}` }));
    const log = { role: "changelog" as const, name: "修改记录", rows: [[{ v: "批次" }]], merges: [], columnWidths: [], print: { orientation: "portrait" as const, fitToWidth: false } };
    return { sheets: [log], removeRoles: [], cellWrites };
  }

  it.each([
    { cells: 40_000, result: "ok" },
    { cells: 60_000, result: "RequestPayloadSizeLimitExceeded" },
  ])("the fake: one values write of $cells long Chinese texts gives $result", async ({ cells, result }) => {
    roster();
    expect(await code(run({}, async (ctx) => {
      ctx.workbook.worksheets.getItem(SHEET).getRangeByIndexes(0, 30, cells, 1).values = Array.from({ length: cells }, () => [LONG]);
      await ctx.sync();
    }))).toBe(result);
  });

  it("50,000 long texts (one band, about 6 MB as one request) are written in requests sized by bytes", async () => {
    const fake = roster();
    const plan = bigColumn(fake, 50_000);
    const start = fake.syncs.length;
    await applyPlanInExcel(plan);
    const s = fake.stats(start);
    expect(s.maxRequestBytes).toBeLessThan(WEB_PAYLOAD_LIMIT * 0.6);
    expect(fake.cell(SHEET, "T50001").value).toBe(`${LONG}49999号`);
  });

  it("a host refusing smaller payloads than expected: reads and writes are split in half and sent again, after the change log", async () => {
    const fake = new Fake({ sheets: [SHEET], requestLimit: 300_000, responseLimit: 300_000 });
    uninstall = installExcelFake(fake);
    const plan = bigColumn(fake, 20_000);
    await applyPlanInExcel(plan);
    const refused = fake.syncs.filter((x) => x.error === "RequestPayloadSizeLimitExceeded" || x.error === "ResponsePayloadSizeLimitExceeded");
    expect(new Set(refused.map((x) => x.error))).toEqual(new Set(["RequestPayloadSizeLimitExceeded", "ResponsePayloadSizeLimitExceeded"]));
    expect(fake.sheetNames()).toContain("修改记录");
    expect(fake.cell(SHEET, "T2").value).toBe(`${LONG}0号`);
    expect(fake.cell(SHEET, "T20001").value).toBe(`${LONG}19999号`);
  });
});

describe("rule 10: protected sheets and workbooks refuse changes", () => {
  it.each([
    { name: "a value on a protected sheet", setup: (f: Fake) => void (f.sheet("x").protected = true), act: (ctx: Ctx) => void (ctx.workbook.worksheets.getItem("x").getRange("A1").values = [[1]]), result: "AccessDenied" },
    { name: "a rule on a protected sheet", setup: (f: Fake) => void (f.sheet("x").protected = true), act: (ctx: Ctx) => void ctx.workbook.worksheets.getItem("x").getRange("A1").conditionalFormats.add("Custom"), result: "AccessDenied" },
    { name: "renaming a sheet of a protected workbook", setup: (f: Fake) => void (f.model.protected = true), act: (ctx: Ctx) => void (ctx.workbook.worksheets.getItem("x").name = "y"), result: "AccessDenied" },
    { name: "adding a sheet to a protected workbook", setup: (f: Fake) => void (f.model.protected = true), act: (ctx: Ctx) => void ctx.workbook.worksheets.add("z"), result: "AccessDenied" },
    { name: "deleting a sheet of a protected workbook", setup: (f: Fake) => void (f.model.protected = true), act: (ctx: Ctx) => ctx.workbook.worksheets.getItem("x").delete(), result: "AccessDenied" },
    { name: "a value on an unprotected sheet of a protected workbook", setup: (f: Fake) => void (f.model.protected = true), act: (ctx: Ctx) => void (ctx.workbook.worksheets.getItem("x").getRange("A1").values = [[1]]), result: "ok" },
  ])("the fake: $name gives $result", async ({ setup: before, act, result }) => {
    const fake = roster();
    fake.addSheet("x");
    before(fake);
    expect(await code(run({}, async (ctx) => {
      act(ctx);
      await ctx.sync();
    }))).toBe(result);
  });

  it.each([
    { name: "the roster protected: check", protect: (f: Fake) => void (f.sheet(SHEET).protected = true), op: () => checkInExcel({ today: TODAY }), sheet: SHEET },
    { name: "the roster protected: fix", protect: (f: Fake) => void (f.sheet(SHEET).protected = true), op: () => applyFixesInExcel({ today: TODAY, time: TIME }), sheet: SHEET },
    { name: "the workbook protected: check", protect: (f: Fake) => void (f.model.protected = true), op: () => checkInExcel({ today: TODAY }), sheet: undefined },
  ])("$name is refused before anything is written, in one line naming the sheet", async ({ protect, op, sheet }) => {
    const fake = roster();
    protect(fake);
    const start = fake.syncs.length;
    const err = await op().then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(ProtectedError);
    expect((err as ProtectedError).sheet).toBe(sheet);
    expect((err as Error).message).not.toMatch(/\n/);
    if (sheet) expect((err as Error).message).toContain(`"${sheet}"`);
    expect(fake.syncs.slice(start).every((s) => s.writes === 0)).toBe(true);
    expect(fake.sheetNames()).toEqual([SHEET]);
  });
});

describe("protection errors reach the clerk in the clerk's language (issue 9, items 10 and 11)", () => {
  it.each([
    ["zh-CN", "工作表「名册」受保护"],
    ["en", 'sheet "名册" is protected'],
  ] as const)("%s", async (lang, text) => {
    const { ProtectedError } = await import("../../src/workbook/office/protection");
    const { describeError } = await import("../../src/i18n/edge-errors");
    expect(describeError(new ProtectedError("名册"), lang)).toContain(text);
    expect(describeError(new ProtectedError(undefined), lang).length).toBeGreaterThan(10);
  });
});
