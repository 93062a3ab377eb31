// The Office.js write side against the fake: the same WritePlans as the file back end give the expected sheets,
// names, rules and values; cell writes refuse formula cells and stale cells before writing anything; a cut-off
// never leaves a half-written sheet under a product's name; re-applying replaces in place.
import { FLAG_CODE, WritePlan } from "../../src/plan/write-plan";
import { applyPlanInExcel, applyPlanOffice, FLAG_SHEET_NAME, TEMP_PREFIX } from "../../src/workbook/office";
import { PlanConflictError } from "../../src/workbook/xlsx-write/errors";
import { fixtureWorkbook } from "../plan/fixtures";
import { Fake } from "../fakes/excel-fake";
import { asCtx, checkInExcel, expectedRows, putSnapshot, setup, trim } from "./office-helpers";
import { putRoster } from "./roster-fixture";

const FILL = { [FLAG_CODE.error]: "#FFC7CE", [FLAG_CODE.warning]: "#FFEB9C", [FLAG_CODE.info]: "#DDEBF7" } as Record<number, string>;
const ROLE_SHEETS = { issues: "名册问题", summary: "名册汇总", tallies: "项目与就业", changelog: "修改记录", settings: "名册设置" } as const;

async function checkedFixture(opts: { apiVersion?: string } = {}): Promise<{ fake: Fake; plan: WritePlan }> {
  const fake = setup(opts);
  putSnapshot(fake, fixtureWorkbook());
  const { plan } = await checkInExcel();
  return { fake, plan };
}

/** Every product sheet named by a `_RosterAssistant_<role>` name holds exactly its plan sheet's cells. */
function productSheetsComplete(fake: Fake, plan: WritePlan): void {
  const names = fake.names();
  for (const ps of plan.sheets) {
    const ref = names.get(`_RosterAssistant_${ps.role}`);
    if (!ref) continue;
    const sheet = /^='?((?:[^']|'')+?)'?!/.exec(ref.formula)?.[1].replace(/''/g, "'");
    if (!sheet || sheet.startsWith("#REF")) continue;
    expect(trim(fake.rows(sheet))).toEqual(expectedRows(ps));
  }
}

describe("applying a check plan", () => {
  it("writes the product sheets, names, flag sheet and one rule per severity, and leaves the rosters' cells alone", async () => {
    const { fake, plan } = await checkedFixture();
    const rostersBefore = fake.sheetNames().map((n) => JSON.stringify(fake.rows(n)));
    const start = fake.syncs.length;
    await applyPlanInExcel(plan);
    const s = fake.stats(start);
    console.log(`check plan of the small fixture: ${s.syncs} syncs, largest request ${(s.maxRequestBytes / 1024).toFixed(1)} KB`);

    expect(fake.sheetNames()).toEqual(["铁安社区", `Team 'B' "2"`, "项目", ROLE_SHEETS.issues, ROLE_SHEETS.summary, ROLE_SHEETS.tallies, FLAG_SHEET_NAME]);
    expect(fake.sheet(FLAG_SHEET_NAME).visibility).toBe("VeryHidden");
    expect(fake.model.activeSheet?.name).toBe(ROLE_SHEETS.issues);
    expect(fake.sheetNames().slice(0, 3).map((n) => JSON.stringify(fake.rows(n)))).toEqual(rostersBefore);
    expect(fake.model.formulaOverwrites).toEqual([]);

    const names = fake.names();
    expect(names.get("_RosterAssistant_issues")).toEqual({ formula: `=${ROLE_SHEETS.issues}!$A$1`, visible: false });
    expect(names.get("_RosterAssistant_flags")).toEqual({ formula: `=${FLAG_SHEET_NAME}!$A$1`, visible: false });
    productSheetsComplete(fake, plan);
    expect(fake.sheet(ROLE_SHEETS.issues).freezeRows).toBe(3);
    expect(fake.sheet(ROLE_SHEETS.issues).autoFilter).toBeDefined();
    expect(fake.formatAt(ROLE_SHEETS.issues, "A3")["font.bold"]).toBe(true);
    // The summary's manual page breaks: each added above the row after the break (the file's rowBreaks).
    const summary = plan.sheets.find((x) => x.role === "summary")!;
    expect(summary.print.rowBreaks?.length).toBeGreaterThan(0);
    expect(fake.sheet(ROLE_SHEETS.summary).pageLayout.rowBreaks).toEqual(summary.print.rowBreaks);

    // Flags: each block's rules read its key table; every flagged cell shows its severity's fill, no other cell does.
    for (const block of plan.flags!) {
      const k = plan.flags!.indexOf(block) + 1;
      expect(names.get(`_RosterAssistant_flagKeys${k}`)?.visible).toBe(false);
      const rules = fake.rules(block.sheet);
      expect(rules.filter((r) => r.formula?.includes(`_RosterAssistant_flagKeys${k},`))).toHaveLength(3); // one per severity, flagged or not
      expect(rules[0].formula).toMatch(/"\|1"\)\)>0$/); // errors on top
      const want = new Map(block.cells.map((c) => [`${c.row}:${c.col}`, FILL[c.code]]));
      for (let r = block.firstRow; r <= block.lastRow; r++) {
        for (let c = block.firstCol; c <= block.lastCol; c++) {
          expect([r, c, fake.displayedFill(block.sheet, `${String.fromCharCode(64 + c)}${r}`)]).toEqual([r, c, want.get(`${r}:${c}`)]);
        }
      }
    }
    expect(fake.runs[fake.runs.length - 1]).toMatchObject({ mergeUndoGroup: true, undoSteps: 1, unsynced: 0 });
    expect(fake.syncs.slice(start).filter((x) => x.writes > 0).every((x) => x.screenUpdatingSuspended)).toBe(true);
  });

  it("re-applying the same plan replaces the sheets in place: same sheets, same names, no second set of rules", async () => {
    const { fake, plan } = await checkedFixture();
    // A user sheet after the product's sheets stays where it is, and the product's sheets keep their places.
    await applyPlanInExcel(plan);
    fake.addSheet("备注");
    const sheets = fake.sheetNames();
    const names = [...fake.names().keys()].sort();
    const rules = fake.sheetNames().map((n) => fake.rules(n).length);
    await applyPlanInExcel(plan);
    expect(fake.sheetNames()).toEqual(sheets);
    expect([...fake.names().keys()].sort()).toEqual(names);
    expect(fake.sheetNames().map((n) => fake.rules(n).length)).toEqual(rules);
    productSheetsComplete(fake, plan);
  });

  it("a user's own sheet with the product's name is never touched: the product's gets a suffix", async () => {
    const { fake, plan } = await checkedFixture();
    fake.addSheet(ROLE_SHEETS.issues);
    fake.put(ROLE_SHEETS.issues, "A1", "我的笔记");
    await applyPlanInExcel(plan);
    expect(fake.cell(ROLE_SHEETS.issues, "A1").value).toBe("我的笔记");
    expect(fake.names().get("_RosterAssistant_issues")?.formula).toBe(`='${ROLE_SHEETS.issues} (2)'!$A$1`);
  });

  it("clearing removes the product's sheets, names, flag sheet and rules and leaves the rosters as they were", async () => {
    const { fake, plan } = await checkedFixture();
    const before = fake.sheetNames().map((n) => [n, JSON.stringify(fake.rows(n)), fake.rules(n).length]);
    await applyPlanInExcel(plan);
    await applyPlanInExcel({ sheets: [], removeRoles: ["issues", "summary", "tallies", "changelog"], flags: [], cellWrites: [] });
    expect(fake.sheetNames().map((n) => [n, JSON.stringify(fake.rows(n)), fake.rules(n).length])).toEqual(before);
    expect([...fake.names().keys()]).toEqual([]);
  });

  it.each([
    { api: "1.20", merged: true },
    { api: "1.9", merged: false },
  ])("ExcelApi $api: one undo group is asked for only where the host has it", async ({ api, merged }) => {
    const { fake, plan } = await checkedFixture({ apiVersion: api });
    await applyPlanInExcel(plan);
    const run = fake.runs[fake.runs.length - 1];
    expect(run.mergeUndoGroup).toBe(merged);
    expect(run.undoSteps === 1).toBe(merged);
  });
});

describe("cell writes", () => {
  async function roster(): Promise<Fake> {
    const fake = setup({ sheets: ["花名册"] });
    fake.putRows("花名册", 1, [
      ["姓名", "联系电话", "身份证号", "年龄", "入党时间"],
      ["张三", "１３８１２３４５６７８", "220702196503151234", { v: 60, f: "=2025-1965" }, { v: 32690, nf: "yyyy-mm-dd" }],
    ]);
    return fake;
  }
  const write = (col: number, value: string, expect: string) => ({ sheet: "花名册", row: 2, col, value, expect });
  const plan = (cellWrites: WritePlan["cellWrites"]): WritePlan => ({ sheets: [], removeRoles: [], cellWrites });

  it.each([
    { name: "a digits-only text stays text, all 11 digits", w: write(2, "13812345678", "１３８１２３４５６７８"), cell: "B2", value: "13812345678" },
    { name: "an ISO date is written as text, not typed into a date", w: write(5, "1989-07-02", "1989-07-01"), cell: "E2", value: "1989-07-02" },
    { name: "an 18-digit ID keeps every digit", w: write(3, "220702196503151235", "220702196503151234"), cell: "C2", value: "220702196503151235" },
  ])("$name", async ({ w, cell, value }) => {
    const fake = await roster();
    await applyPlanInExcel(plan([w]));
    expect(fake.cell("花名册", cell).value).toBe(value);
  });

  it.each([
    { name: "a formula cell", w: write(4, "61", "60"), message: /sheet "花名册" cell D2: holds a formula/ },
    { name: "a cell that no longer shows what the plan expects", w: write(1, "张叁", "张四"), message: /sheet "花名册" cell A2: shows "张三", the plan expected "张四"/ },
    { name: "a sheet that is gone", w: { ...write(1, "x", "张三"), sheet: "旧表" }, message: /sheet "旧表" cell A2: no such worksheet/ },
  ])("refuses the whole plan, before writing anything, for $name", async ({ w, message }) => {
    const fake = await roster();
    const before = JSON.stringify(fake.rows("花名册"));
    const start = fake.syncs.length;
    const fix: WritePlan = { ...plan([write(2, "13812345678", "１３８１２３４５６７８"), w]), sheets: [{ role: "changelog", name: "修改记录", rows: [[{ v: "x" }]], merges: [], columnWidths: [], print: { orientation: "portrait", fitToWidth: false } }] };
    const err = await applyPlanInExcel(fix).then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(PlanConflictError);
    expect((err as Error).message).toMatch(message);
    expect(fake.syncs.slice(start).every((s) => s.writes === 0)).toBe(true);
    expect(JSON.stringify(fake.rows("花名册"))).toBe(before);
    expect(fake.sheetNames()).toEqual(["花名册"]);
    expect(fake.model.formulaOverwrites).toEqual([]);
  });

  it("a fix cut off among its cell writes has its change log in place, and re-running it finishes the rest", async () => {
    const rosterOf300 = (): Fake => {
      const fake = setup({ sheets: ["花名册"] });
      fake.putRows("花名册", 1, Array.from({ length: 300 }, (_, i) => [`党员${i}`, `１３８００００${String(i).padStart(4, "0")}`]));
      return fake;
    };
    const writes = [2, 120, 250].map((row) => ({ sheet: "花名册", row, col: 2, value: `1380000${String(row - 1).padStart(4, "0")}`, expect: `１３８００００${String(row - 1).padStart(4, "0")}` }));
    const log = { role: "changelog" as const, name: "修改记录", rows: [[{ v: "批次" }], [{ v: 1 }]], merges: [], columnWidths: [], print: { orientation: "portrait" as const, fitToWidth: false } };
    const fix: WritePlan = { sheets: [log], removeRoles: [], cellWrites: writes };
    // Tiny syncs: each far-apart cell is written in a sync of its own; the cut comes in the second of them.
    const opts = { targetBytes: 64 };
    const dry = rosterOf300();
    await applyPlanInExcel(fix, opts);
    const total = dry.syncs.length;
    const fake = rosterOf300();
    fake.failAtSync(total - 1, 0);
    await expect(applyPlanInExcel(fix, opts)).rejects.toThrow(/connection was cut/);
    expect(fake.names().get("_RosterAssistant_changelog")?.formula).toBe("=修改记录!$A$1");
    expect(writes.map((w) => fake.cell("花名册", `B${w.row}`).value)).toEqual([writes[0].value, writes[1].expect, writes[2].expect]);
    fake.clearFailure();
    await applyPlanInExcel(fix, opts);
    expect(writes.map((w) => fake.cell("花名册", `B${w.row}`).value)).toEqual(writes.map((w) => w.value));
  });

  it("a write the cell already shows is skipped (a resumed batch)", async () => {
    const fake = await roster();
    await applyPlanInExcel(plan([write(1, "张三", "张四")]));
    expect(fake.cell("花名册", "A2").value).toBe("张三");
  });
});

describe("a sync cut off half way", () => {
  const ROSTERS = ["铁安社区", `Team 'B' "2"`, "项目"];
  it.each([
    { when: "the first time (nothing of ours in the workbook yet)", before: 0 },
    { when: "re-applied over the product's sheets of an earlier run", before: 1 },
  ])("$when: no half-written sheet under a product's name, and the next run cleans up and completes", async ({ before }) => {
    // Small syncs (8 KB) so the build spans many of them; a dry run counts the syncs of a clean apply.
    const opts = { targetBytes: 8 * 1024 };
    const { fake: dry, plan } = await checkedFixture();
    for (let i = 0; i < before; i++) await applyPlanInExcel(plan, opts);
    const start = dry.syncs.length;
    await applyPlanInExcel(plan, opts);
    const clean = { sheets: dry.sheetNames(), names: [...dry.names().keys()].sort(), syncs: dry.syncs.length - start };
    expect(clean.syncs).toBeGreaterThan(5);
    const cuts: string[] = [];
    for (let n = 1; n <= clean.syncs; n++) {
      const { fake } = await checkedFixture();
      for (let i = 0; i < before; i++) await applyPlanInExcel(plan, opts);
      fake.failAtSync(n);
      await expect(applyPlanInExcel(plan, opts)).rejects.toThrow(/connection was cut/);
      fake.clearFailure();
      // Whatever a product name points at is complete; anything else of ours is under a temporary name.
      productSheetsComplete(fake, plan);
      const ours = fake.sheetNames().filter((x) => !ROSTERS.includes(x));
      const named = new Set([...fake.names().values()].map((v) => /^='?((?:[^']|'')+?)'?!/.exec(v.formula)?.[1].replace(/''/g, "'")));
      for (const s of ours) expect([s, named.has(s) || s.startsWith(TEMP_PREFIX)]).toEqual([s, true]);
      cuts.push(`${n}:${ours.filter((s) => s.startsWith(TEMP_PREFIX)).length}`);
      await applyPlanInExcel(plan, opts);
      expect(fake.sheetNames()).toEqual(clean.sheets);
      expect([...fake.names().keys()].sort()).toEqual(clean.names);
      productSheetsComplete(fake, plan);
      expect(fake.model.formulaOverwrites).toEqual([]);
    }
    console.log(`cut off in each of ${clean.syncs} syncs (sync:temporary sheets left): ${cuts.join(" ")}`);
  });
});

describe("on a context the caller holds", () => {
  it("applies without Excel.run and leaves nothing unsynced", async () => {
    const { fake, plan } = await checkedFixture();
    const ctx = fake.context();
    await applyPlanOffice(asCtx(ctx), plan);
    expect(fake.sheetNames()).toContain(ROLE_SHEETS.issues);
    expect(fake.runs[fake.runs.length - 1].unsynced).toBe(0);
  });
});

describe("the check plan of a 100,000-row roster", () => {
  it("is applied with no request or response over 4 MB", async () => {
    const fake = setup({ sheets: ["花名册"] });
    putRoster(fake, "花名册", 100_000, { badPhoneEvery: 40 });
    const { plan, report } = await checkInExcel();
    const start = fake.syncs.length;
    const t0 = performance.now();
    await applyPlanInExcel(plan);
    const s = fake.stats(start);
    const MB = 1024 * 1024;
    console.log(`check plan of the 100,000-row roster (${report.issues.length} issues, ${plan.flags![0].cells.length} flagged cells): ${s.syncs} syncs, ` +
      `largest request ${(s.maxRequestBytes / MB).toFixed(2)} MB, largest response ${(s.maxResponseBytes / 1024).toFixed(1)} KB, most actions in a sync ${s.maxActions}, ${(performance.now() - t0).toFixed(0)} ms`);
    expect(s.maxRequestBytes).toBeLessThan(4 * MB);
    expect(s.maxResponseBytes).toBeLessThan(4 * MB);
    expect(report.issues.length).toBeGreaterThan(2000);
    expect(fake.displayedFill("花名册", "L4")).toBe(FILL[FLAG_CODE.warning] ?? FILL[FLAG_CODE.error]);
    expect(trim(fake.rows(ROLE_SHEETS.issues))).toEqual(expectedRows(plan.sheets[0]));
  });
});
