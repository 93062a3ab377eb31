// Shared by the Office.js back end's tests: a fake installed per test, engine fixtures put into it, the check run
// through the Office.js read side, and what a product sheet should read back as.
import { buildReport } from "../../src/app/build-report";
import { checkRoster } from "../../src/app/check-roster";
import { CheckResult } from "../../src/domain/check";
import { WorkbookSnapshot, isDateCell } from "../../src/domain/grid";
import { Report } from "../../src/domain/report-schema";
import { planCheck } from "../../src/plan/plan-check";
import { ProductSheet, WritePlan } from "../../src/plan/write-plan";
import { officeSource } from "../../src/workbook/office";
import { Fake, FakeOptions, installExcelFake } from "../fakes/excel-fake";

export type Ctx = Excel.RequestContext;
export const asCtx = (c: unknown): Ctx => c as Ctx;

let uninstall: () => void = () => undefined;
afterEach(() => uninstall());

/** A fresh fake, installed as the globals Excel and Office until the test ends. */
export function setup(opts: FakeOptions = {}): Fake {
  uninstall();
  const fake = new Fake(opts);
  uninstall = installExcelFake(fake);
  return fake;
}

/** Puts an engine snapshot into the fake: dates as date-formatted numbers, formula cells as formulas. */
export function putSnapshot(fake: Fake, wb: WorkbookSnapshot): void {
  for (const g of wb.sheets) {
    if (!fake.model.sheet(g.name)) fake.addSheet(g.name);
    g.rows.forEach((row, r) => row?.forEach((v, c) => {
      if (v === undefined || v === null) return;
      const formula = g.formulaCells.has(r * 16384 + c) ? "=1" : undefined;
      if (isDateCell(v)) fake.sheet(g.name).put(r, c, { v: v.serial, nf: "yyyy-mm-dd", f: formula });
      else fake.sheet(g.name).put(r, c, { v, f: formula });
    }));
  }
  // The default first sheet goes unless the snapshot has one of that name.
  if (!wb.sheets.some((s) => s.name === "Sheet1") && fake.model.sheet("Sheet1")) fake.model.deleteSheet(fake.sheet("Sheet1"));
}

/** The check through the Office.js read side, and its plan. */
export async function checkInExcel(today = "2025-12-31"): Promise<{ result: CheckResult; report: Report; plan: WritePlan }> {
  const result = await Excel.run(async (ctx) => checkRoster(await officeSource(asCtx(ctx)), { today, asOf: today }));
  const report = Report.parse(buildReport(result, "test.xlsx"));
  return { result, report, plan: planCheck(result, report, { lang: result.language }) };
}

/** What a product sheet should read back as in the fake: values, "=formula" for formulas, undefined for none. */
export function expectedRows(ps: ProductSheet): unknown[][] {
  const rows = ps.rows.map((row) => row.map((c) => (c === null ? undefined : c.f !== undefined ? `=${c.f}` : c.v === null ? undefined : c.v)));
  return trim(rows);
}

export function trim(rows: unknown[][]): unknown[][] {
  const out = rows.map((r) => {
    const x = [...r];
    while (x.length && x[x.length - 1] === undefined) x.pop();
    return x;
  });
  while (out.length && out[out.length - 1].length === 0) out.pop();
  return out;
}
