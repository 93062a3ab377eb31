// The Office.js read side held to the file reader on the real-world corpus (test/fixtures/real-world): each workbook
// is loaded into the fake Excel with its values, number formats, formulas and dropdown lists (data validations, as
// office.js reads them back), checked through officeSource, and its report compared with the file back end's. A
// value taken from a column's own dropdown is not an error in the add-in either (issue 7's leftover).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { makeRealWorldCorpus, REAL_WORLD_OUT } from "../../scripts/make-real-world-corpus";
import { buildReport } from "../../src/app/build-report";
import { checkRoster, NoRosterError } from "../../src/app/check-roster";
import { Report } from "../../src/domain/report-schema";
import { officeSource } from "../../src/workbook/office";
import { openXlsx } from "../../src/workbook/xlsx";
import { installExcelFake } from "../fakes/excel-fake";
import { fakeFromJson, FakeWorkbookJson } from "../fakes/fake-json";
import { xlsxToFakeJson } from "../fakes/xlsx-to-fake";
import { realWorldCorpus } from "../fixtures/real-world/corpus";

const corpus = realWorldCorpus();

async function reportOrNone(run: () => Promise<Parameters<typeof buildReport>[0]>, file: string): Promise<Report | string> {
  try {
    return Report.parse(buildReport(await run(), file));
  } catch (e) {
    if (e instanceof NoRosterError) return "no roster";
    throw e;
  }
}

describe("real-world corpus read through Office.js (fake Excel) as through the file", () => {
  const jsons = new Map<string, FakeWorkbookJson>();
  beforeAll(async () => {
    await makeRealWorldCorpus();
    for (const f of corpus) jsons.set(f.file, await xlsxToFakeJson(readFileSync(join(REAL_WORLD_OUT, f.file)), f.file));
  }, 120_000);

  it("carries the dropdown lists into the fake (else the comparison below proves nothing about them)", () => {
    const withLists = [...jsons.values()].filter((j) => j.sheets.some((s) => (s.validations ?? []).length > 0));
    expect(withLists.length).toBeGreaterThanOrEqual(5);
  });

  it.each(corpus.map((f) => [f.file, f] as const))("%s: the same report", async (_n, f) => {
    const bytes = readFileSync(join(REAL_WORLD_OUT, f.file));
    const req = { today: f.today };
    const viaFile = await reportOrNone(() => checkRoster(openXlsx(bytes, f.file), req), f.file);
    const uninstall = installExcelFake(fakeFromJson(jsons.get(f.file)!));
    try {
      const viaOffice = await reportOrNone(() => Excel.run(async (ctx) => checkRoster(await officeSource(ctx), req)), f.file);
      expect(viaOffice).toEqual(viaFile);
    } finally {
      uninstall();
    }
  });
});
