// Issue 3's acceptance on real files: the ten real Excel workbooks with a roster grafted in, and the example.
// `check --out` keeps every part outside SPEC 9's list byte-identical, passes the schema check, opens in
// LibreOffice with the summary totals, and leaves the roster's values as ExcelJS reads them; --fix changes exactly
// the logged cells; re-running is stable; clear leaves no trace; revert undoes a batch.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { checkAndWrite, clearWorkbook, revertBatch } from "../../src/app/write-workbook";
import { columnIndex, isDateCell } from "../../src/domain/grid";
import { serialToIso } from "../../src/domain/normalise/date";
import { openXlsx } from "../../src/workbook/xlsx";
import { rosterSheetXml, smallRosterRows } from "../fixtures/roster-sheet-xml";
import { MAY_CHANGE, excelJsCells, hasTool, libreOfficeSheets, parts, sameBytes, validateAgainst } from "../helpers/package-parts";
import { SHARED, hasShared } from "../helpers/shared";

const REQ = { today: "2025-12-31", asOf: "2025-12-31" };
const OPTS = { time: "2025-12-31 10:00:00" };
const EXAMPLE = join(__dirname, "../../examples/铁西街党员花名册.xlsx");
const ROSTER_NAME = "铁安社区党员名单";
const shared = hasShared("real-xlsx");

function inputs(): [string, Uint8Array][] {
  const out: [string, Uint8Array][] = [["example", readFileSync(EXAMPLE)]];
  if (!shared) return out;
  const tmp = mkdtempSync(join(tmpdir(), "graft-"));
  const xml = join(tmp, "roster.xml");
  writeFileSync(xml, rosterSheetXml(smallRosterRows()));
  const dir = join(SHARED, "real-xlsx");
  for (const f of readdirSync(dir).filter((x) => x.endsWith(".xlsx")).sort()) {
    const o = join(tmp, f);
    execFileSync("python3", [join(SHARED, "tools/graft-sheet.py"), join(dir, f), xml, o, ROSTER_NAME]);
    out.push([f, readFileSync(o)]);
  }
  return out;
}

const CASES = inputs();
const partOf = (bytes: Uint8Array, sheet: string) => openXlsx(bytes, "x").sheets.find((s) => s.name === sheet)!.part;
const sheetNames = (bytes: Uint8Array) => openXlsx(bytes, "x").sheets.map((s) => s.name);

describe.each(CASES)("%s", (_name, input) => {
  let checked: Awaited<ReturnType<typeof checkAndWrite>>;
  let fixed: Awaited<ReturnType<typeof checkAndWrite>>;
  let rosterParts: string[];

  beforeAll(async () => {
    checked = await checkAndWrite(input, "in.xlsx", REQ, OPTS);
    fixed = await checkAndWrite(input, "in.xlsx", { ...REQ, fix: true }, OPTS);
    rosterParts = checked.report.rosters.map((r) => partOf(input, r.sheet));
  });

  it("check --out: every part outside SPEC 9's list is byte-identical", () => {
    const before = parts(input);
    const after = parts(checked.output);
    for (const [name, data] of before) {
      if (MAY_CHANGE.has(name) || rosterParts.includes(name) || rosterParts.some((p) => name === p.replace(/([^/]+)$/, "_rels/$1.rels"))) continue;
      expect([name, sameBytes(after.get(name), data)]).toEqual([name, true]);
    }
  });

  (hasTool("xmllint") && shared ? it : it.skip)("passes validate-xlsx.sh --against the input (check and --fix)", () => {
    for (const out of [checked.output, fixed.output]) expect(validateAgainst(input, out)).toEqual({ status: 0, failures: [] });
  });

  (hasTool("soffice") ? it : it.skip)("LibreOffice opens it with every sheet and shows the summary totals", () => {
    const sheets = libreOfficeSheets(checked.output);
    for (const s of sheetNames(checked.output)) expect([s, sheets.has(s)]).toEqual([s, true]);
    const summary = [...sheets.entries()].find(([n]) => n === "名册汇总" || n === "名冊匯總" || n === "Roster summary")![1];
    const members = String(checked.report.members);
    expect(summary.some((row) => /合计|合計|Total/i.test(row[0] ?? "") && row[row.length - 1] === members || row.includes(members))).toBe(true);
  });

  it("ExcelJS sees the roster's values unchanged, and with --fix exactly the logged changes", async () => {
    for (const r of checked.report.rosters) {
      const before = await excelJsCells(input, r.sheet);
      expect(await excelJsCells(checked.output, r.sheet)).toEqual(before);
      const expected = new Map(before);
      // a date fixed in a column of date cells is a date cell (ExcelJS, styles ignored, gives its serial) showing c.to
      const fixedBook = openXlsx(fixed.output, "fixed.xlsx");
      const fixedRows = fixedBook.readSheet(r.sheet).rows;
      for (const c of fixed.report.changes.filter((x) => x.sheet === r.sheet)) {
        expect(before.get(`${c.column}${c.row}`) ?? "").toBe(c.from === "" ? "" : before.get(`${c.column}${c.row}`));
        const now = fixedRows[c.row - 1]?.[columnIndex(c.column)];
        if (isDateCell(now)) expect(serialToIso(now.serial, fixedBook.date1904)).toBe(c.to);
        expected.set(`${c.column}${c.row}`, isDateCell(now) ? String(now.serial) : c.to);
      }
      expect(await excelJsCells(fixed.output, r.sheet)).toEqual(expected);
    }
    expect(fixed.report.changesApplied).toBe(true);
    expect(fixed.report.changes.length).toBeGreaterThan(0);
  });

  it("re-running check on its own output: byte-identical roster sheets and the same sheets", async () => {
    const again = await checkAndWrite(checked.output, "out.xlsx", REQ, OPTS);
    const a = parts(checked.output);
    const b = parts(again.output);
    for (const p of rosterParts) expect([p, sameBytes(b.get(p), a.get(p))]).toEqual([p, true]);
    expect(sheetNames(again.output)).toEqual(sheetNames(checked.output));
  });

  it("clear keeps the change log: `clear` then `revert --batch 1` restores the fixed cells' old values", async () => {
    const cleared = clearWorkbook(fixed.output, "fixed.xlsx");
    const book = openXlsx(cleared, "cleared.xlsx");
    // The change log's name, and the style kit's record its cells still use; no flag, report sheet or rule.
    expect([...book.definedNames.keys()].filter((n) => n.startsWith("_RosterAssistant_")).sort()).toEqual(["_RosterAssistant_changelog", "_RosterAssistant_styles"]);
    for (const r of checked.report.rosters) expect(Buffer.from(parts(cleared).get(partOf(cleared, r.sheet))!).toString("utf8")).not.toContain("_RosterAssistant_");
    expect(sheetNames(cleared)).toEqual([...sheetNames(input), "修改记录"]);
    const { output } = await revertBatch(cleared, "cleared.xlsx", fixed.batch!, REQ, OPTS);
    for (const r of checked.report.rosters) {
      expect(openXlsx(output, "out").readSheet(r.sheet).rows).toEqual(openXlsx(input, "in").readSheet(r.sheet).rows);
    }
  });

  it("clear leaves no trace (--drop-log where there is a log): no sheet, name, rule or style added; roster sheets byte-identical to the input's", () => {
    for (const out of [checked.output, fixed.output]) {
      const cleared = clearWorkbook(out, "out.xlsx", { dropLog: out === fixed.output });
      const before = parts(input);
      const after = parts(cleared);
      if (out === checked.output) for (const p of [...rosterParts, "xl/styles.xml"]) expect([p, sameBytes(after.get(p), before.get(p))]).toEqual([p, true]);
      expect(sheetNames(cleared)).toEqual(sheetNames(input));
      expect(Buffer.from(after.get("xl/workbook.xml")!).toString("utf8")).not.toContain("_RosterAssistant_");
    }
  });

  it("revert undoes the --fix batch exactly: every cell's value and type, and the same parts as the fixed workbook", async () => {
    const { output } = await revertBatch(fixed.output, "fixed.xlsx", fixed.batch!, REQ, OPTS);
    for (const r of checked.report.rosters) {
      expect(await excelJsCells(output, r.sheet)).toEqual(await excelJsCells(input, r.sheet));
      // typed: a number a fix turned into text comes back a number
      expect(openXlsx(output, "out").readSheet(r.sheet).rows).toEqual(openXlsx(input, "in").readSheet(r.sheet).rows);
    }
    expect([...parts(output).keys()].sort()).toEqual([...parts(fixed.output).keys()].sort());
  });
});
