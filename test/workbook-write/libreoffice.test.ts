// LibreOffice as an independent consumer: it opens a written workbook, shows the product sheets' text and
// formula results, and paints the flagged roster cells through the conditional formats and the flag sheet.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openXlsx } from "../../src/workbook/xlsx";
import { applyPlan } from "../../src/workbook/xlsx-write";
import { SMALL_ROSTER_SHEET, smallRosterRows } from "../fixtures/roster-sheet-xml";
import { fullPlan, graft, NAMES, smallRosterBlock, writesFor } from "../fixtures/xlsx-write/plans";
import { parseCsv } from "../helpers/package-parts";
import { hasShared, SHARED } from "../helpers/shared";
import { hasSoffice } from "./package-helpers";

const run = hasShared("real-xlsx") && hasSoffice();

(run ? describe : describe.skip)("LibreOffice reads what the writer wrote", () => {
  let dir: string;
  let plan: ReturnType<typeof fullPlan>;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "lo-"));
    const input = graft(new Uint8Array(readFileSync(join(SHARED, "real-xlsx/06_exceljs_test-issue-880.xlsx"))), [{ name: SMALL_ROSTER_SHEET, rows: smallRosterRows() }]);
    const block = smallRosterBlock();
    plan = fullPlan(block, writesFor(openXlsx(input, "in").readSheet(block.sheet), block));
    writeFileSync(join(dir, "out.xlsx"), applyPlan(input, "in.xlsx", plan));
    const profile = `-env:UserInstallation=file://${join(dir, "profile")}`;
    const csv = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1";
    execFileSync("soffice", [profile, "--headless", "--convert-to", csv, "--outdir", dir, join(dir, "out.xlsx")], { stdio: "pipe", timeout: 120000 });
    execFileSync("soffice", [profile, "--headless", "--convert-to", "html", "--outdir", dir, join(dir, "out.xlsx")], { stdio: "pipe", timeout: 120000 });
  }, 180000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("shows every product sheet's text and formula results", () => {
    for (const ps of plan.sheets) {
      const file = join(dir, `out-${NAMES[ps.role]}.csv`);
      expect([ps.role, existsSync(file)]).toEqual([ps.role, true]);
      const rows = parseCsv(readFileSync(file, "utf8"));
      ps.rows.forEach((r, i) => r.forEach((cell, c) => {
        if (!cell || cell.v === null) return;
        const want = typeof cell.v === "number" ? String(cell.v) : cell.v.replace(/\r\n?/g, "\n").replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, "");
        expect([ps.role, i + 1, c + 1, (rows[i]?.[c] ?? "").replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, "")]).toEqual([ps.role, i + 1, c + 1, want]);
      }));
    }
    expect(readdirSync(dir).filter((f) => f.endsWith(".csv")).length).toBeGreaterThanOrEqual(plan.sheets.length + 2);
  });

  it("paints exactly the flagged roster cells, in their severity's colour", () => {
    const html = readFileSync(join(dir, "out.html"), "utf8");
    const start = html.indexOf(`<em>${SMALL_ROSTER_SHEET}</em>`);
    const table = html.slice(start, html.indexOf("</table>", start));
    const colours: Record<string, number> = { "#FFC7CE": 1, "#FFEB9C": 2, "#DDEBF7": 3 };
    const painted = new Map<string, number>();
    [...table.matchAll(/<tr[^]*?<\/tr>/g)].forEach((tr, r) => {
      [...tr[0].matchAll(/<td([^>]*)>/g)].forEach((td, c) => {
        const bg = /bgcolor="(#\w+)"/i.exec(td[1])?.[1]?.toUpperCase();
        if (bg && bg in colours) painted.set(`${r + 1},${c + 1}`, colours[bg]);
      });
    });
    const want = new Map<string, number>();
    // The flags are keyed to the values at the check: a cell the plan also writes, or any cell of a row whose name
    // (B) or ID (F) it writes, no longer matches its key, so shows no flag (as after a clerk's edit).
    const written = new Set(plan.cellWrites.map((w) => `${w.row},${w.col}`));
    const renamed = new Set(plan.cellWrites.filter((w) => w.col === 2 || w.col === 6).map((w) => w.row));
    for (const f of plan.flags![0].cells) {
      if (written.has(`${f.row},${f.col}`) || renamed.has(f.row)) continue;
      want.set(`${f.row},${f.col}`, Math.min(want.get(`${f.row},${f.col}`) ?? 9, f.code));
    }
    expect(want.size).toBeGreaterThan(40);
    expect(painted).toEqual(want);
  });
});
