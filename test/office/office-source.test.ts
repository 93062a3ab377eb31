// The Office.js read side against the fake: what the engine gets (values, DateCells, formula cells, states, names,
// the date system) and what it costs (syncs, request and response bytes) on a 100,000-row roster.
import { checkRoster } from "../../src/app/check-roster";
import { checkWorkbook } from "../../src/domain/check";
import { CellValue, SheetGrid, cellKey } from "../../src/domain/grid";
import { officeSource, OfficeWorkbookSource } from "../../src/workbook/office";
import { Ctx, setup } from "./office-helpers";
import { DAY_FORMAT, putRoster } from "./roster-fixture";

const MB = 1024 * 1024;

/** Wraps a source to keep the grids it hands out. */
function recording(source: OfficeWorkbookSource): { source: OfficeWorkbookSource; full: Map<string, SheetGrid> } {
  const full = new Map<string, SheetGrid>();
  return {
    full,
    source: {
      ...source,
      async readSheet(name, o) {
        const g = await source.readSheet(name, o);
        if (o?.maxRows === undefined) full.set(name, g);
        return g;
      },
    },
  };
}

const same = (a: SheetGrid, b: SheetGrid): boolean =>
  JSON.stringify(a.rows) === JSON.stringify(b.rows) && JSON.stringify([...a.formulaCells].sort()) === JSON.stringify([...b.formulaCells].sort());

describe("a 100,000-row roster", () => {
  it("is checked in at most 30 syncs, no request or response over 4 MB, and read exactly", async () => {
    const fake = setup({ sheets: ["说明"] });
    fake.putRows("说明", 1, [["本簿为铁西街道党员花名册"], ["各社区每月报送"]]);
    const roster = putRoster(fake, "党员花名册", 100_000, { formulaEvery: 997, numberPhonesFrom: 40_000 });
    const start = fake.syncs.length;
    const t0 = performance.now();
    const { result, full } = await Excel.run(async (ctx) => {
      const rec = recording(await officeSource(ctx as unknown as Ctx));
      return { result: await checkRoster(rec.source, { today: "2025-12-31" }), full: rec.full };
    });
    const ms = performance.now() - t0;
    const s = fake.stats(start);
    console.log(`100,000-row check over Office.js (fake): ${s.syncs} syncs, largest request ${(s.maxRequestBytes / 1024).toFixed(1)} KB, ` +
      `largest response ${(s.maxResponseBytes / MB).toFixed(2)} MB, all responses ${(s.totalResponseBytes / MB).toFixed(1)} MB, ${ms.toFixed(0)} ms`);
    console.log(`cells loaded: ${Object.entries(s.cellsLoaded).map(([k, v]) => `${k} ${v.toLocaleString("en")}`).join(", ")}`);
    expect(s.syncs).toBeLessThanOrEqual(30);
    // Formulas are found through getSpecialCells, never read cell by cell; number formats only where numbers are.
    expect(s.cellsLoaded.formulas ?? 0).toBe(0);
    expect(s.cellsLoaded.numberFormat).toBeLessThan(s.cellsLoaded.values * 0.4);
    expect(s.maxRequestBytes).toBeLessThan(4 * MB);
    expect(s.maxResponseBytes).toBeLessThan(4 * MB);
    expect(fake.runs[fake.runs.length - 1].unsynced).toBe(0);
    expect(result.rosters.map((r) => r.sheet)).toEqual(["党员花名册"]);
    expect(result.members).toHaveLength(100_000);
    const read = full.get("党员花名册")!;
    expect(same(read, roster.expected)).toBe(true);
    // The same engine over the same grid straight from memory finds the same issues.
    const note: SheetGrid = { name: "说明", state: "visible", rows: [["本簿为铁西街道党员花名册"], ["各社区每月报送"]], formulaCells: new Set() };
    const direct = checkWorkbook({ date1904: false, sheets: [note, roster.expected], definedNames: new Map() }, { today: "2025-12-31" });
    expect(result.issues.length).toBe(direct.issues.length);
  });
});

describe("what the engine gets for a sheet", () => {
  const D = (serial: number): CellValue => ({ kind: "date", serial });
  it.each([
    { name: "a date-formatted number is a DateCell, a plain number stays a number", cells: [[{ v: 45000, nf: DAY_FORMAT }, 45000, { v: 0.5, nf: "0%" }]], rows: [[D(45000), 45000, 0.5]], formulas: [] as number[] },
    { name: "an empty cell is missing, text stays text", cells: [["a", null, "c"]], rows: [["a", undefined, "c"]], formulas: [] },
    { name: "a formula cell is in formulaCells and keeps its value", cells: [[1, { v: 2, f: "=A1+1" }]], rows: [[1, 2]], formulas: [cellKey(0, 1)] },
    { name: "a formula showing \"\" is \"\", not empty", cells: [[{ v: "", f: '=IF(1,"","x")' }, "b"]], rows: [["", "b"]], formulas: [cellKey(0, 0)] },
    { name: "a formula giving a date is a DateCell", cells: [[{ v: 45000, f: "=TODAY()", nf: "m/d/yyyy" }]], rows: [[D(45000)]], formulas: [cellKey(0, 0)] },
    { name: "booleans and error values as Excel shows them", cells: [[true, { v: "#N/A", f: "=NA()" }]], rows: [[true, "#N/A"]], formulas: [cellKey(0, 1)] },
  ])("$name", async ({ cells, rows, formulas }) => {
    setup().putRows("Sheet1", 1, cells);
    const grid = await Excel.run(async (ctx) => (await officeSource(ctx as unknown as Ctx)).readSheet("Sheet1"));
    expect(grid.rows).toEqual(rows);
    expect([...grid.formulaCells].sort()).toEqual(formulas);
  });

  it("a used range away from A1 keeps Excel's row and column numbers", async () => {
    const fake = setup();
    fake.put("Sheet1", "C5", "x");
    fake.put("Sheet1", "D7", { v: 3, f: "=1+2" });
    const grid = await Excel.run(async (ctx) => (await officeSource(ctx as unknown as Ctx)).readSheet("Sheet1"));
    expect(grid.rows[4]?.[2]).toBe("x");
    expect(grid.rows[6]?.[3]).toBe(3);
    expect(grid.rows.slice(0, 4).every((r) => r === undefined)).toBe(true);
    expect([...grid.formulaCells]).toEqual([cellKey(6, 3)]);
  });

  it("a number column that appears only below the peek still gets its date formats", async () => {
    const fake = setup();
    const rows = Array.from({ length: 3000 }, (_, i) => [`m${i}`, i < 2500 ? "text" : { v: 40000 + i, nf: DAY_FORMAT }]);
    fake.putRows("Sheet1", 1, rows);
    const grid = await Excel.run(async (ctx) => {
      const src = await officeSource(ctx as unknown as Ctx, { targetBytes: 16 * 1024 });
      await src.readSheet("Sheet1", { maxRows: 21 });
      return src.readSheet("Sheet1");
    });
    expect(grid.rows[2600]?.[1]).toEqual(D(42600));
    expect(grid.rows[100]?.[1]).toBe("text");
  });

  it("sheets, their states, names (without \"=\") and the 1904 date system", async () => {
    const fake = setup({ sheets: ["A", "B", "C"], date1904: true });
    fake.model.setVisibility(fake.sheet("B"), "Hidden");
    fake.model.setVisibility(fake.sheet("C"), "VeryHidden");
    fake.model.names.push({ name: "_RosterAssistant_issues", visible: false, comment: "", ref: { sheet: fake.sheet("B"), rect: { r0: 0, c0: 0, r1: 0, c1: 0 } } });
    const src = await Excel.run(async (ctx) => officeSource(ctx as unknown as Ctx));
    expect(src.date1904).toBe(true);
    expect(src.sheets).toEqual([
      { name: "A", state: "visible", kind: "worksheet" }, { name: "B", state: "hidden", kind: "worksheet" }, { name: "C", state: "veryHidden", kind: "worksheet" },
    ]);
    expect(src.definedNames.get("_RosterAssistant_issues")).toBe("B!$A$1");
  });

  it("peeks every sheet in one sync, then reads only below the peek (and asks for its dropdowns once)", async () => {
    const fake = setup({ sheets: ["A", "B", "C"] });
    for (const s of ["A", "B", "C"]) fake.putRows(s, 1, Array.from({ length: 100 }, (_, i) => [s, i]));
    await Excel.run(async (ctx) => {
      const src = await officeSource(ctx as unknown as Ctx);
      const before = fake.syncs.length;
      for (const s of ["A", "B", "C"]) await src.readSheet(s, { maxRows: 21 });
      expect(fake.syncs.length - before).toBe(1);
      const full = await src.readSheet("B");
      // one sync for the rows below the peek, one for where the sheet has dropdowns (it has none)
      expect(fake.syncs.length - before).toBe(3);
      expect(full.rows).toHaveLength(100);
      expect(full.rows[99]).toEqual(["B", 99]);
    });
  });

  it("a response refused as too large is read again in smaller blocks", async () => {
    const fake = setup({ responseLimit: 200 * 1024 });
    const roster = putRoster(fake, "花名册", 4000);
    const grid = await Excel.run(async (ctx) => (await officeSource(ctx as unknown as Ctx)).readSheet("花名册"));
    expect(same(grid, roster.expected)).toBe(true);
    expect(fake.syncs.some((s) => s.error === "ResponsePayloadSizeLimitExceeded")).toBe(true);
    expect(fake.stats().maxResponseBytes).toBeGreaterThan(0);
  });
});
