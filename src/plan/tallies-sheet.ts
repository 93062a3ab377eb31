// The projects-and-jobs sheet (项目与就业) of SPEC section 5: project tallies by type and by branch, and employment
// by member category, every total a SUM formula with its cached value.
import { UNKNOWN_KEY } from "../domain/age-bands";
import { Report } from "../domain/report-schema";
import { ProjectTotals } from "../domain/summary-schema";
import { CATEGORY, EMPLOYMENT, PROJECT_TYPE } from "../domain/vocabulary";
import { sheetText } from "../i18n/sheet-text";
import { TableRow, enumLabels, orderedKeys, writeTable } from "./count-tables";
import { SheetBuilder, text } from "./sheet-builder";
import { SummaryOptions } from "./summary-sheet";
import { ProductSheet } from "./write-plan";

const COUNT_WIDTH = 8;

export function talliesSheet(report: Report, opts: SummaryOptions): ProductSheet {
  const t = sheetText(opts.lang);
  const { projects, employment } = report.tallies;
  const b = new SheetBuilder();
  b.addRow([text(t.tallies.title, "title")], false);
  b.addRow([text(t.unitLine(opts.unit, report.asOf), "subtitle")], false);
  let lastCol = 4;
  const table = (spec: Parameters<typeof writeTable>[1]) => {
    b.blankRow();
    lastCol = Math.max(lastCol, writeTable(b, spec).lastCol);
  };
  const h = t.tallies.heads;
  const totals = (x: ProjectTotals | undefined) => [x?.count ?? 0, x?.jobsCreated ?? 0, x?.laidOffPlaced ?? 0];
  const projectCount = (map: Record<string, ProjectTotals>) => (k: string) => map[k]?.count ?? 0;

  // Projects by type: every type, zeros too, and `unknown` (a project of no readable type).
  const typeLabels = enumLabels(PROJECT_TYPE, opts.lang);
  const typeKeys = orderedKeys(Object.keys(projects.byType), projectCount(projects.byType), {
    known: PROJECT_TYPE.map((e) => e.code), unknownWhenZero: true,
  });
  table({
    caption: t.tallies.captions.byType, heads: [h.type, h.count, h.jobsCreated, h.laidOffPlaced], totalLabel: t.total,
    rows: typeKeys.map((key) => ({ key, label: key === UNKNOWN_KEY ? t.unknown : typeLabels.get(key) ?? key, values: totals(projects.byType[key]) })),
  });
  // Projects by branch: the branches seen; `unknown` where a project names none (or where there are none at all).
  const branchKeys = Object.keys(projects.byBranch).filter((k) => k !== UNKNOWN_KEY);
  const byBranchKeys = orderedKeys(Object.keys(projects.byBranch), projectCount(projects.byBranch), {
    known: branchKeys, unknownWhenZero: branchKeys.length === 0,
  });
  table({
    caption: t.tallies.captions.byBranch, heads: [h.branch, h.count, h.jobsCreated, h.laidOffPlaced], totalLabel: t.total,
    rows: byBranchKeys.map((key) => ({ key, label: key === UNKNOWN_KEY ? t.unknown : key, values: totals(projects.byBranch[key]) })),
  });
  // Employment x category: every category and employment code, zeros too, `unknown` for both.
  const m = employment.byCategory;
  const colSeen = [...new Set(Object.values(m).flatMap((row) => Object.keys(row)))];
  const colKeys = orderedKeys(colSeen, () => 1, { known: EMPLOYMENT.map((e) => e.code), unknownWhenZero: true });
  const rowKeys = orderedKeys(Object.keys(m), () => 1, { known: Object.keys(m), unknownWhenZero: true });
  const empLabels = enumLabels(EMPLOYMENT, opts.lang);
  const catLabels = enumLabels(CATEGORY, opts.lang);
  const rows: TableRow[] = rowKeys.map((key) => ({
    key, label: key === UNKNOWN_KEY ? t.unknown : catLabels.get(key) ?? key, values: colKeys.map((c) => m[key]?.[c] ?? 0),
  }));
  table({
    caption: t.tallies.captions.employment, totalLabel: t.total, rowTotals: true, rows,
    heads: [h.categoryEmployment, ...colKeys.map((k) => (k === UNKNOWN_KEY ? t.unknown : empLabels.get(k) ?? k))],
  });
  b.blankRow();
  b.addRow([text(t.signatureLine, "note")], false);

  for (let c = 2; c <= lastCol; c++) b.fit(c, "", COUNT_WIDTH);
  b.merge(1, 1, 1, lastCol);
  b.merge(2, 1, 2, lastCol);
  return b.build("tallies", t.sheetNames.tallies, { orientation: "portrait", fitToWidth: true });
}
