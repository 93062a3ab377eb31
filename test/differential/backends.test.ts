// The two write back ends held to one behaviour: the example workbook is loaded into the fake Excel (values, number
// formats, formulas) and kept as its file; one check's WritePlan goes through applyPlanOffice on the fake and through
// applyPlan (package surgery) on the file; both are read back and compared sheet by sheet: the product sheets'
// cells, the flag sheet and its names' regions, each roster's conditional formats. Then a --fix plan the same way.
import { readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { buildReport } from "../../src/app/build-report";
import { checkRoster } from "../../src/app/check-roster";
import { columnLetter } from "../../src/domain/grid";
import { Report } from "../../src/domain/report-schema";
import { CheckedGrids, planCheck, planFix } from "../../src/plan/plan-check";
import { PRODUCT_ROLES, ProductSheet, WritePlan } from "../../src/plan/write-plan";
import { applyPlanInExcel, FLAG_SHEET_NAME, officeSource } from "../../src/workbook/office";
import { openXlsx } from "../../src/workbook/xlsx";
import { applyPlan } from "../../src/workbook/xlsx-write";
import { Fake, SyncStats, installExcelFake } from "../fakes/excel-fake";
import { FakeWorkbookJson, fakeFromJson } from "../fakes/fake-json";
import { xlsxToFakeJson } from "../fakes/xlsx-to-fake";
import { cells, diffSheet, sheetOf } from "./compare";
import { ReadBack, Rule, readFake, readFile } from "./read-back";

const FILE = join(__dirname, "../../examples/铁西街党员花名册.xlsx");
const NAME = basename(FILE);
const TODAY = "2025-12-31";
const TIME = "2025-12-31T09:30:00+08:00";

let input: Uint8Array;
let json: FakeWorkbookJson;
let result: CheckedGrids;
let report: Report;
let uninstall = (): void => undefined;

beforeAll(async () => {
  input = readFileSync(FILE);
  json = await xlsxToFakeJson(input, NAME);
  result = await checkRoster(openXlsx(input, NAME), { today: TODAY, asOf: TODAY });
  report = Report.parse(buildReport(result, NAME));
});
afterEach(() => uninstall());

/** A fresh fake holding the example, installed as the globals Excel and Office. */
function freshFake(): Fake {
  uninstall();
  const fake = fakeFromJson(json);
  uninstall = installExcelFake(fake);
  return fake;
}

interface Both {
  readonly office: ReadBack;
  readonly file: ReadBack;
  readonly fake: Fake;
  readonly stats: SyncStats;
}

async function applyBoth(plan: WritePlan): Promise<Both> {
  const fake = freshFake();
  await applyPlanInExcel(plan);
  const stats = fake.stats();
  const output = applyPlan(input, NAME, plan);
  return { office: readFake(fake), file: await readFile(output, NAME), fake, stats };
}

const syncFigures = (what: string, s: SyncStats): string =>
  `${what}: ${s.syncs} syncs, at most ${s.maxActions} actions and ${(s.maxRequestBytes / 1024).toFixed(1)} KB in one request`;

const rosterSheets = (): string[] => report.rosters.map((r) => r.sheet);
const opts = () => ({ lang: result.language, unit: result.config.unit });

/** The sheet a product role's name points at, in a read-back. */
function roleSheet(rb: ReadBack, role: string): string | undefined {
  return rb.names.get(`_RosterAssistant_${role}`)?.sheet;
}

/** The plan sheet's formula cells: "A1" -> the cached value the plan gives. */
function planFormulas(ps: ProductSheet): Map<string, string | number | null> {
  const out = new Map<string, string | number | null>();
  ps.rows.forEach((row, r) => row.forEach((c, col) => {
    if (c?.f !== undefined) out.set(`${columnLetter(col)}${r + 1}`, c.v);
  }));
  return out;
}

describe("the example through both back ends", () => {
  it("reads alike: the Office.js read side over the fake gives the file reader's report", async () => {
    const fake = freshFake();
    const viaOffice = await Excel.run(async (ctx) => checkRoster(await officeSource(ctx), { today: TODAY, asOf: TODAY }));
    console.log(syncFigures("check read through Office.js", fake.stats()));
    expect(Report.parse(buildReport(viaOffice, NAME))).toEqual(report);
  });

  describe("a check plan", () => {
    let both: Both;
    let plan: WritePlan;
    beforeAll(async () => {
      plan = planCheck(result, report, opts());
      both = await applyBoth(plan);
      console.log(syncFigures("check plan applied through Office.js", both.stats));
    });

    it("gives the same sheets, in the same order and states", () => {
      const list = (rb: ReadBack) => rb.book.sheets.map((s) => [s.name, s.visibility]);
      expect(list(both.office)).toEqual(list(both.file));
      expect(both.office.book.sheets.map((s) => s.name)).toEqual([...json.sheets.map((s) => s.name), "名册问题", "名册汇总", "项目与就业", FLAG_SHEET_NAME]);
    });

    // (The file's _RosterAssistant_styles records its style kit in styles.xml: a file format matter, not compared.)
    it("names the same product sheets", () => {
      const roles = (rb: ReadBack) => [...rb.names].filter(([n]) => PRODUCT_ROLES.some((r) => n === `_RosterAssistant_${r}`));
      expect(roles(both.office)).toEqual(roles(both.file));
      expect(roles(both.office).map(([n]) => n)).toEqual(plan.sheets.map((s) => `_RosterAssistant_${s.role}`).sort());
      for (const ps of plan.sheets) expect(roleSheet(both.office, ps.role)).toBe(ps.name);
    });

    it.each(["issues", "summary", "tallies"])("the %s sheet: same cell values, same formulas (the file's cached values the plan's)", (role) => {
      const ps = plan.sheets.find((s) => s.role === role)!;
      const name = roleSheet(both.file, role)!;
      expect(roleSheet(both.office, role)).toBe(name);
      const office = sheetOf(both.office.book, name);
      const file = sheetOf(both.file.book, name);
      expect(diffSheet(office, file, { formats: true })).toEqual([]);
      expect(cells(office).size).toBeGreaterThan(10);
      const fileCells = cells(file);
      for (const [ref, v] of planFormulas(ps)) expect([ref, fileCells.get(ref)?.v ?? null]).toEqual([ref, v]);
    });

    it("leaves every roster's cells and number formats as they were, in both", () => {
      for (const s of json.sheets) {
        expect(diffSheet(sheetOf(both.office.book, s.name), s, { formats: true })).toEqual([]);
        expect(diffSheet(s, sheetOf(both.file.book, s.name), { formats: true })).toEqual([]);
      }
    });

    it("writes the same flag sheet, very hidden, and the same regions for the flag names", () => {
      const office = sheetOf(both.office.book, FLAG_SHEET_NAME);
      const file = sheetOf(both.file.book, FLAG_SHEET_NAME);
      expect([office?.visibility, file?.visibility]).toEqual(["VeryHidden", "VeryHidden"]);
      expect(diffSheet(office, file)).toEqual([]);
      const flagged = plan.flags!.reduce((n, b) => n + new Set(b.cells.map((c) => `${c.row}:${c.col}`)).size, 0);
      expect(plan.flags!.reduce((n, b) => n + b.entries.length, 0)).toBe(flagged);
      expect(cells(office).size).toBe(flagged * 2 + plan.flags!.length); // fingerprint and key per flag, a sentinel per block
      const grids = (rb: ReadBack) => [...rb.names].filter(([n]) => n.includes("_flag"));
      expect(grids(both.office)).toEqual(grids(both.file));
      expect(grids(both.office).map(([n]) => n)).toEqual(["_RosterAssistant_flagKeys1", "_RosterAssistant_flagKeys2", "_RosterAssistant_flagKeys3", "_RosterAssistant_flags"]);
    });

    it("puts exactly the same rules (range, formula, severity colours, order) on each roster, and none elsewhere", () => {
      for (const sheet of rosterSheets()) {
        expect(both.office.rules.get(sheet)!.length).toBe(3); // one per severity, flagged there or not
        expect([sheet, both.office.rules.get(sheet)]).toEqual([sheet, both.file.rules.get(sheet)]);
      }
      for (const s of json.sheets) if (!rosterSheets().includes(s.name)) expect([s.name, both.office.rules.get(s.name), both.file.rules.get(s.name)]).toEqual([s.name, [], []]);
    });
  });

  describe("a --fix plan", () => {
    let both: Both;
    let plan: WritePlan;
    beforeAll(async () => {
      const fix = planFix(result, report, [], { ...opts(), time: TIME, source: "fix" });
      plan = fix.plan;
      both = await applyBoth(plan);
      console.log(`${syncFigures("fix plan applied through Office.js", both.stats)}; ${plan.cellWrites.length} cell writes`);
    });

    it("writes the same roster cells: every written cell alike, every other cell as it was", () => {
      expect(plan.cellWrites.length).toBeGreaterThan(100);
      for (const sheet of rosterSheets()) {
        expect([sheet, diffSheet(sheetOf(both.office.book, sheet), sheetOf(both.file.book, sheet))]).toEqual([sheet, []]);
      }
      let changed = 0;
      for (const w of plan.cellWrites) {
        const ref = `${columnLetter(w.col - 1)}${w.row}`;
        const office = cells(sheetOf(both.office.book, w.sheet)).get(ref);
        const file = cells(sheetOf(both.file.book, w.sheet)).get(ref);
        expect([w.sheet, ref, office?.v]).toEqual([w.sheet, ref, file?.v]);
        if (String(office?.v ?? "") === String(w.value)) changed++;
      }
      expect(changed).toBe(plan.cellWrites.length);
      expect(both.fake.model.formulaOverwrites).toEqual([]);
    });

    it("logs the batch in the same change-log sheet", () => {
      const name = roleSheet(both.file, "changelog")!;
      expect(roleSheet(both.office, "changelog")).toBe(name);
      expect(diffSheet(sheetOf(both.office.book, name), sheetOf(both.file.book, name))).toEqual([]);
      expect(cells(sheetOf(both.office.book, name)).size).toBeGreaterThan(plan.cellWrites.length);
    });
  });
});
