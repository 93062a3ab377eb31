// Use case: a workbook exported as CSV tables for upward systems: one per roster sheet (its header and member rows,
// values as the sheet shows them), the summary and projects-and-jobs tables from a fresh check, and with
// issuesByBranch each branch's own problem list to send back to its secretary.
import { CheckResult } from "../domain/check";
import { SheetGrid } from "../domain/grid";
import { cellText } from "../domain/normalise/text";
import { Report } from "../domain/report-schema";
import { CsvTable } from "../csv/write-csv";
import { sheetText } from "../i18n/sheet-text";
import { issuesSheet } from "../plan/issues-sheet";
import { hasTallies } from "../plan/plan-check";
import { summarySheet } from "../plan/summary-sheet";
import { talliesSheet } from "../plan/tallies-sheet";
import { ProductSheet } from "../plan/write-plan";
import { buildReport } from "./build-report";
import { CheckRequest } from "./check-roster";
import { checkSide } from "./sync-read";
import { WorkbookSource } from "./workbook-source";

export interface ExportTable extends CsvTable {
  /** File name without extension (a sheet's or a table's name). */
  readonly name: string;
  readonly kind: "roster" | "summary" | "tallies" | "issues";
}

function rosterTable(grid: SheetGrid, result: CheckResult, date1904: boolean): ExportTable {
  const loc = result.rosters.find((r) => r.sheet === grid.name)!;
  const width = Math.max(...[loc.headerRow - 1, ...loc.memberRows].map((r) => grid.rows[r]?.length ?? 0));
  const line = (r0: number) => Array.from({ length: width }, (_, c) => cellText(grid.rows[r0]?.[c], date1904));
  const rows = [line(loc.headerRow - 1), ...loc.memberRows.map(line)];
  return { name: grid.name, kind: "roster", rows, idColumns: loc.columns.idNumber === undefined ? [] : [loc.columns.idNumber], firstDataRow: 1 };
}

/** A product sheet's cells as text (formulas by their cached values, which the plan always carries). */
function sheetTable(ps: ProductSheet, kind: ExportTable["kind"], name = ps.name): ExportTable {
  const rows = ps.rows.map((r) => r.map((c) => (c === null || c.v === null ? "" : String(c.v))));
  return { name, kind, rows, idsAnywhere: kind === "issues" };
}

export async function exportTables(source: WorkbookSource, req: CheckRequest, opts: { issuesByBranch?: boolean } = {}): Promise<{ tables: ExportTable[]; report: Report }> {
  const side = await checkSide(source, req);
  const { result, snapshot } = side;
  const report = buildReport(result, "");
  const lang = result.language;
  const tables: ExportTable[] = snapshot.sheets.map((g) => rosterTable(g, result, snapshot.date1904));
  const sopts = { lang, unit: result.config.unit };
  tables.push(sheetTable(summarySheet(report, sopts), "summary"));
  if (hasTallies(result, report)) tables.push(sheetTable(talliesSheet(report, sopts), "tallies"));
  if (opts.issuesByBranch) {
    const branchAt = new Map(result.members.map((m) => [`${m.sheet}\u0000${m.row}`, m.branch ?? ""]));
    const byBranch = new Map<string, Report["issues"]>();
    const unowned: Report["issues"] = []; // a member without a branch, a whole column missing: the office's own list
    for (const i of report.issues) {
      const b = branchAt.get(`${i.sheet}\u0000${i.row}`);
      if (b === undefined || b === "") unowned.push(i);
      else byBranch.set(b, [...(byBranch.get(b) ?? []), i]);
    }
    const lists: [string, Report["issues"]][] = [...byBranch, ...(unowned.length ? [[sheetText(lang).issues.noBranch, unowned] as [string, Report["issues"]]] : [])];
    for (const [branch, issues] of lists) {
      const ps = issuesSheet({ ...report, issues }, result.members, lang);
      tables.push(sheetTable(ps, "issues", `${ps.name}-${branch}`));
    }
  }
  return { tables, report };
}
