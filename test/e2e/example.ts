// The example workbook as the browser tests use it: its JSON for the fake, and what the engine finds in it when run
// in Node (the counts the pane must show, the issues it must list, the changes a fix writes).
import { readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { buildReport } from "../../src/app/build-report";
import { checkRoster } from "../../src/app/check-roster";
import { CheckResult } from "../../src/domain/check";
import { Report } from "../../src/domain/report-schema";
import { openXlsx } from "../../src/workbook/xlsx";
import { officeSource } from "../../src/workbook/office";
import { FakeWorkbookJson, fakeFromJson } from "../fakes/fake-json";
import { xlsxToFakeJson } from "../fakes/xlsx-to-fake";
import { ROOT, TODAY } from "./harness";

export const EXAMPLE = join(ROOT, "examples/铁西街党员花名册.xlsx");

export interface Example {
  readonly json: FakeWorkbookJson;
  readonly report: Report;
  readonly counts: { error: number; warning: number; info: number };
  readonly rosters: string[];
}

export async function loadExample(): Promise<Example> {
  const bytes = readFileSync(EXAMPLE);
  const json = await xlsxToFakeJson(bytes, basename(EXAMPLE));
  const result = await checkRoster(openXlsx(bytes, basename(EXAMPLE)), { today: TODAY });
  const report = Report.parse(buildReport(result, basename(EXAMPLE)));
  const counts = { error: 0, warning: 0, info: 0 };
  for (const i of report.issues) counts[i.severity]++;
  return { json, report, counts, rosters: report.rosters.map((r) => r.sheet) };
}

/** The engine's counts, in Node, for the workbook after the user types `input` into `sheet`!`a1` (and the fixes). */
export async function countsAfterEdit(json: FakeWorkbookJson, sheet: string, a1: string, input: string): Promise<Example["counts"]> {
  const fake = fakeFromJson(json);
  const m = /^([A-Z])(\d+)$/.exec(a1)!;
  fake.sheet(sheet).typeIn(Number(m[2]) - 1, m[1].charCodeAt(0) - 65, input);
  const result = await fake.run<CheckResult>(async (ctx: unknown) => checkRoster(await officeSource(ctx as Excel.RequestContext), { today: TODAY }));
  const counts = { error: 0, warning: 0, info: 0 };
  for (const i of result.issues) counts[i.severity]++;
  return counts;
}
