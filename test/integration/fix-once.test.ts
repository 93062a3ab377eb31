// Issue 13: `roster check --out --fix` reads and checks the workbook once and writes once. The one-pass result must
// be the workbook the two-pass pipeline it replaced wrote (apply the fix to the file, read and check the fixed file
// again, write the check onto it): every cell value and type of every sheet, the product sheets, the flags, the
// change log, the defined names, as our reader and as ExcelJS read them back; the same report and batch; and revert
// must work the same on both. The two-pass pipeline lives here only, as the reference.
import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeBigRoster } from "../../bench/make-big";
import { makeRealWorldCorpus, REAL_WORLD_OUT } from "../../scripts/make-real-world-corpus";
import { buildReport } from "../../src/app/build-report";
import { CheckRequest, checkRoster } from "../../src/app/check-roster";
import { productSheetName } from "../../src/app/product-sheets";
import { checkAndWrite, revertBatch } from "../../src/app/write-workbook";
import { FixKind, fixKindOf } from "../../src/domain/fix-kinds";
import { Report } from "../../src/domain/report-schema";
import { readChangeLog } from "../../src/plan/change-log";
import { planCheck, planFix, planRevert } from "../../src/plan/plan-check";
import { openXlsx } from "../../src/workbook/xlsx";
import { applyPlan } from "../../src/workbook/xlsx-write";
import { realWorldCorpus } from "../fixtures/real-world/corpus";
import { parts } from "../helpers/package-parts";

const REQ: CheckRequest = { today: "2025-12-31", asOf: "2025-12-31" };
const OPTS = { time: "2025-12-31 10:00:00" };
const EXAMPLE = join(__dirname, "../../examples/铁西街党员花名册.xlsx");

/** The pipeline before issue 13's one pass, as it was in src/app/write-workbook.ts (main 5cf4944). */
async function twoPass(input: Uint8Array, fileName: string, req: CheckRequest & { fix: true | readonly FixKind[] }): Promise<{ report: Report; output: Uint8Array; batch?: number }> {
  const result = await checkRoster(openXlsx(input, fileName), req);
  const checked = buildReport(result, fileName);
  const kinds = Array.isArray(req.fix) ? new Set(req.fix) : undefined;
  const first = kinds ? { ...checked, changes: checked.changes.filter((c) => kinds.has(fixKindOf(c))) } : checked;
  const lang = result.language;
  const unit = result.unit;
  if (first.changes.length === 0) return { report: first, output: applyPlan(input, fileName, planCheck(result, first, { lang, unit })) };
  const source = openXlsx(input, fileName);
  const logName = productSheetName(source, "changelog");
  const log = logName === undefined ? [] : readChangeLog(source.readSheet(logName), source.date1904);
  const fix = planFix(result, first, log, { lang, unit, time: OPTS.time, source: "fix", date1904: source.date1904 });
  const fixed = applyPlan(input, fileName, fix.plan);
  const again = await checkRoster(openXlsx(fixed, fileName), { ...req, lang });
  const second = buildReport(again, fileName);
  const output = applyPlan(fixed, fileName, planCheck(again, second, { lang, unit }));
  return { report: { ...second, changes: fix.applied, changesApplied: true }, output, batch: fix.batch };
}

/** `roster revert` as it was before issue 13's one pass (main 5cf4944): written, read and checked again. */
async function revertTwoPass(input: Uint8Array, fileName: string, batch: number, req: CheckRequest): Promise<{ output: Uint8Array; report: Report }> {
  const source = openXlsx(input, fileName);
  const logName = productSheetName(source, "changelog");
  const log = logName === undefined ? [] : readChangeLog(source.readSheet(logName), source.date1904);
  const lang = req.lang ?? (await checkRoster(openXlsx(input, fileName), req)).language;
  const reverted = applyPlan(input, fileName, planRevert(log, batch, { lang, time: OPTS.time }));
  const again = await checkRoster(openXlsx(reverted, fileName), { ...req, lang });
  const report = buildReport(again, fileName);
  const hadCheckSheets = productSheetName(source, "issues") !== undefined;
  return { output: hadCheckSheets ? applyPlan(reverted, fileName, planCheck(again, report, { lang, unit: again.unit })) : reverted, report };
}

/** Reverts the batch both ways and expects the same; says whether every value put back was text (the one-pass way). */
async function expectSameRevert(input: Uint8Array, fileName: string, batch: number, req: CheckRequest = REQ): Promise<boolean> {
  const ref = await revertTwoPass(input, fileName, batch, req);
  const one = await revertBatch(input, fileName, batch, req, OPTS);
  expect([fileName, one.report]).toEqual([fileName, ref.report]);
  expect([fileName, readerView(one.output)]).toEqual([fileName, readerView(ref.output)]);
  expect([fileName, await excelJsView(one.output)]).toEqual([fileName, await excelJsView(ref.output)]);
  expect([fileName, definedNames(one.output)]).toEqual([fileName, definedNames(ref.output)]);
  const source = openXlsx(input, fileName);
  const log = readChangeLog(source.readSheet(productSheetName(source, "changelog")!), source.date1904);
  return log.filter((e) => e.batch === batch).every((e) => typeof e.from === "string");
}

/** Everything our reader sees in a workbook: sheets in order with state and kind, defined names, every cell of
 * every sheet with its type, formula cells, dropdown lists. */
function readerView(bytes: Uint8Array): unknown {
  const wb = openXlsx(bytes, "x.xlsx");
  return {
    date1904: wb.date1904,
    definedNames: [...wb.definedNames.entries()].sort(),
    sheets: wb.sheets.map((s) => {
      const g = wb.readSheet(s.name);
      const cells: string[] = [];
      g.rows.forEach((row, r) => row?.forEach((v, c) => cells.push(`${r},${c} ${typeof v} ${JSON.stringify(v)}`)));
      return { name: s.name, state: s.state, kind: s.kind, rows: g.rows.length, cells, formulas: [...g.formulaCells].sort((a, b) => a - b), lists: g.lists ?? [] };
    }),
  };
}

/** Everything ExcelJS sees: each sheet's state, every cell's type, value, formula and number format, merges,
 * conditional formats (the flags' rules), and the workbook's defined names. */
async function excelJsView(bytes: Uint8Array): Promise<unknown> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  const sheets: unknown[] = [];
  wb.eachSheet((ws) => {
    const cells: string[] = [];
    ws.eachRow({ includeEmpty: false }, (row) => row.eachCell({ includeEmpty: false }, (c) => {
      cells.push(`${c.address} ${c.type} ${JSON.stringify(c.value)} ${c.numFmt ?? ""} ${JSON.stringify(c.font ?? {})} ${JSON.stringify(c.fill ?? {})}`);
    }));
    const model = ws.model as unknown as { merges?: string[] };
    sheets.push({ name: ws.name, state: ws.state, cells, merges: [...(model.merges ?? [])].sort(), cf: JSON.stringify((ws as unknown as { conditionalFormattings?: unknown[] }).conditionalFormattings ?? []) });
  });
  return sheets;
}

/** The defined names as workbook.xml holds them (workbook-level and local ones, attributes and formula), sorted:
 * their order in the file is not meaning (Excel sorts them when it saves). ExcelJS's model keeps one local name of a
 * kind (two sheets' _xlnm._FilterDatabase become one), so the XML is read directly. */
function definedNames(bytes: Uint8Array): string[] {
  const xml = new TextDecoder().decode(parts(bytes).get("xl/workbook.xml"));
  return [...xml.matchAll(/<definedName\b[^>]*(?:\/>|>[^<]*<\/definedName>)/g)].map((m) => m[0]).sort();
}

async function expectSame(input: Uint8Array, fileName: string, fix: true | readonly FixKind[]): Promise<{ one: Awaited<ReturnType<typeof checkAndWrite>>; ref: Awaited<ReturnType<typeof twoPass>> }> {
  const ref = await twoPass(input, fileName, { ...REQ, fix });
  const one = await checkAndWrite(input, fileName, { ...REQ, fix }, OPTS);
  expect(one.report).toEqual(ref.report);
  expect(one.batch).toBe(ref.batch);
  expect(readerView(one.output)).toEqual(readerView(ref.output));
  expect(await excelJsView(one.output)).toEqual(await excelJsView(ref.output));
  expect(definedNames(one.output)).toEqual(definedNames(ref.output));
  return { one, ref };
}

describe("one-pass --fix writes what the two-pass pipeline wrote", () => {
  it("the bundled example: every kind, then revert, then a second fix over the first's output", async () => {
    const input = readFileSync(EXAMPLE);
    const { one, ref } = await expectSame(input, "example.xlsx", true);
    expect(one.report.changes.length).toBeGreaterThan(0);
    // revert works on the one-pass output and gives what it gives on the two-pass output
    const r1 = await revertBatch(one.output, "example.xlsx", one.batch!, REQ, OPTS);
    const r2 = await revertTwoPass(ref.output, "example.xlsx", ref.batch!, REQ);
    expect(r1.report).toEqual(r2.report);
    expect(readerView(r1.output)).toEqual(readerView(r2.output));
    // a number put back (鐵康社區's birth months typed as numbers): written, read and checked again
    expect(await expectSameRevert(one.output, "example.xlsx", one.batch!)).toBe(false);
    // the reverted roster's cells are the input's again
    const rosters = one.report.rosters.map((r) => r.sheet);
    const cellsOf = (b: Uint8Array) => rosters.map((s) => openXlsx(b, "x.xlsx").readSheet(s).rows);
    expect(cellsOf(r1.output)).toEqual(cellsOf(input));
    // a fix over a workbook that already holds product sheets, flags and a change log (the reverted one: its
    // changes are back to fix again, batch 3)
    const again = await expectSame(r1.output, "example.xlsx", true);
    expect(again.one.batch).toBe(3);
  }, 120_000);

  it("the bundled example with chosen kinds (--fix ids,dates) and with a kind that has nothing to fix", async () => {
    const input = readFileSync(EXAMPLE);
    const { one } = await expectSame(input, "example.xlsx", ["ids", "dates"]);
    expect(one.report.changes.every((c) => ["ids", "dates"].includes(fixKindOf(c)))).toBe(true);
    await expectSame(input, "example.xlsx", ["phones"]);
  }, 120_000);

  it("the real-world corpus, file by file", async () => {
    await makeRealWorldCorpus();
    let changed = 0;
    let textReverts = 0;
    for (const f of realWorldCorpus()) {
      const input = readFileSync(join(REAL_WORLD_OUT, f.file));
      let ref: Awaited<ReturnType<typeof twoPass>>;
      try {
        ref = await twoPass(input, f.file, { ...REQ, fix: true });
      } catch (e) {
        // a file the old pipeline refuses (no roster) is refused the same way
        await expect(checkAndWrite(input, f.file, { ...REQ, fix: true }, OPTS)).rejects.toThrow((e as Error).message);
        continue;
      }
      const one = await checkAndWrite(input, f.file, { ...REQ, fix: true }, OPTS);
      expect([f.file, one.report]).toEqual([f.file, ref.report]);
      expect([f.file, readerView(one.output)]).toEqual([f.file, readerView(ref.output)]);
      expect([f.file, await excelJsView(one.output)]).toEqual([f.file, await excelJsView(ref.output)]);
      expect([f.file, definedNames(one.output)]).toEqual([f.file, definedNames(ref.output)]);
      changed += one.report.changes.length;
      if (one.batch !== undefined && one.report.changes.length > 0) {
        textReverts += (await expectSameRevert(one.output, f.file, one.batch)) ? 1 : 0;
        await expectSameRevert(one.output, f.file, one.batch, { ...REQ, lang: "en" }); // the language given: no check before
      }
    }
    expect(changed).toBeGreaterThan(0);
    expect(textReverts).toBeGreaterThan(0);
  }, 300_000);

  it("a generated roster with inline strings, traditional text and text dates (bench/make-big.ts)", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "fix-once-")), "big.xlsx");
    await writeBigRoster(path, 400, { inline: true, traditional: true, textDates: true });
    const { one } = await expectSame(readFileSync(path), "big.xlsx", true);
    expect(one.report.changes.length).toBeGreaterThan(400); // text dates: about three a row
    expect(one.report.changes.some((c) => c.field === "birthDate" || /date/i.test(c.field))).toBe(true);
    expect(await expectSameRevert(one.output, "big.xlsx", one.batch!)).toBe(true); // every value put back is text
  }, 120_000);

  it("a generated roster of today's shape (shared strings, date cells)", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "fix-once-")), "today.xlsx");
    await writeBigRoster(path, 400, {});
    await expectSame(readFileSync(path), "today.xlsx", true);
  }, 120_000);
});
