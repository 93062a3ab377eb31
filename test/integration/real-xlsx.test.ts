// The ten real Excel workbooks: none is taken for a roster; a roster grafted into each (by the independent
// ../shared/tools/graft-sheet.py) is found and gives the same report as on its own.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildReport } from "../../src/app/build-report";
import { checkRoster, NoRosterError } from "../../src/app/check-roster";
import { openXlsx } from "../../src/workbook/xlsx";
import { rosterSheetXml, smallRosterRows } from "../fixtures/roster-sheet-xml";
import { minimalXlsx } from "../helpers/minimal-xlsx";
import { SHARED, describeShared } from "../helpers/shared";

const REAL = join(SHARED, "real-xlsx");
const REQ = { today: "2025-12-31", asOf: "2025-12-31" };
const SHEET_NAME = "铁安社区党员名单";

async function report(bytes: Uint8Array, name: string) {
  const r = buildReport(await checkRoster(openXlsx(bytes, name), REQ), "input.xlsx");
  return r;
}

describeShared("real-xlsx", "real Excel workbooks", () => {
  // describe.skip still runs this body: where ../shared is missing, no files (the suite is skipped with a message)
  const files = existsSync(REAL) ? readdirSync(REAL).filter((f) => f.endsWith(".xlsx")).sort() : ["(none)"];
  const tmp = mkdtempSync(join(tmpdir(), "graft-"));
  const sheetXml = join(tmp, "roster.xml");
  writeFileSync(sheetXml, rosterSheetXml(smallRosterRows()));

  it("has the ten files", () => expect(files).toHaveLength(10));

  it.each(files)("%s holds no roster", async (f) => {
    const err = await checkRoster(openXlsx(readFileSync(join(REAL, f)), f), REQ).catch((e) => e);
    expect(err).toBeInstanceOf(NoRosterError);
    expect((err as NoRosterError).looked.length).toBeGreaterThan(0);
  });

  it.each(files)("%s with a roster grafted in gives the same report as the roster on its own", async (f) => {
    const out = join(tmp, `grafted-${f}`);
    execFileSync("python3", [join(SHARED, "tools/graft-sheet.py"), join(REAL, f), sheetXml, out, SHEET_NAME]);
    const alone = await report(minimalXlsx([{ name: SHEET_NAME, xml: readFileSync(sheetXml, "utf8") }]), "alone.xlsx");
    const grafted = await report(readFileSync(out), out);
    expect(alone.rows).toBe(smallRosterRows().filter((r) => typeof r[0] === "number").length);
    expect(grafted).toEqual(alone);
  });
});
