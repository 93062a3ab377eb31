// The issues sheet (名册问题) of SPEC section 7: one filterable row per issue, its cell a link to the place.
import { Report } from "../domain/report-schema";
import { Member } from "../domain/schema";
import { Lang } from "../domain/vocabulary";
import { fieldLabel } from "../i18n/field-labels";
import { issueHint } from "../i18n/issue-hints";
import { SeverityCounts, sheetText } from "../i18n/sheet-text";
import { issueLinkFormula, linkFormulas, MemberLink, MemberLinks } from "./member-link";
import { planRow, SheetBuilder, rangeRef, text, textOrNone } from "./sheet-builder";
import { PlanCell, ProductSheet, RowSource } from "./write-plan";

/** Issue rows written at most: Excel has 1,048,576 rows; the JSON report always has every issue. */
export const MAX_ISSUE_ROWS = 1_000_000;
/** Excel's last row. */
const EXCEL_ROWS = 1_048_576;
const HEADER_ROW = 3;
/** The most issue rows a sheet holds: Excel's rows less the title, counts and header rows above and the note below. */
export const ISSUE_ROWS_FIT = EXCEL_ROWS - HEADER_ROW - 1;
const COLUMNS = 8;
/** Widths of 单元格, 严重程度, 问题 and the rest: fitting a million messages would buy nothing but time. The message and
 * the suggestion wrap within theirs. */
const WIDTHS = [14, 8, 10, 12, 9, 50, 20, 30];

/**
 * `HYPERLINK("#'Sheet'!F7","F7")` (' doubled inside the quoted sheet name, then " doubled inside the string literal);
 * with a member link, the row is the member's current one, found by MATCH (member-link.ts).
 */
export function cellLink(sheet: string, cell: string, link?: MemberLink): PlanCell {
  const m = /^([A-Z]+)(\d+)$/.exec(cell);
  if (!m) throw new Error(`cellLink: "${cell}" is not a cell address`);
  return linkAt(sheet, cell, m[1], Number(m[2]), link);
}

/** cellLink of `cell`, given as its column letters and row as well (an issue has them apart). */
const linkAt = (sheet: string, cell: string, column: string, row: number, link: MemberLink | undefined): PlanCell =>
  ({ v: cell, f: issueLinkFormula(sheet, column, row, link), style: "link" });

/** The suggestion column: the engine's suggestion, else the fix that would change the cell, else what to do. */
export function suggestion(issue: Report["issues"][number], fixTo: string | undefined, lang: Lang): string {
  if (issue.suggestion) return issue.suggestion;
  if (fixTo !== undefined) return sheetText(lang).issues.fixTo(fixTo);
  return issueHint(issue.code, lang);
}

export function severityCounts(report: Report): SeverityCounts {
  const c = { error: 0, warning: 0, info: 0 };
  for (const i of report.issues) c[i.severity]++;
  return c;
}

/**
 * Row 1 the title, row 2 counts by severity and asOf, row 3 the header, then one row per issue in report order (at
 * most `limit`, and never more than the sheet holds; past it a note says the list is cut). Names are looked up by sheet and row among `members`; each
 * link finds its member through `links` (sheet -> row -> link) where it has one. The issues' rows are made as
 * they are written (a roster where every row has an issue has hundreds of thousands): the sheet's `source`; what
 * their rows share (a sheet's cell and link formulas, the severities, the fixes' lookup) is made once a sheet.
 */
export function issuesSheet(
  report: Report, members: readonly Member[], lang: Lang, limit = MAX_ISSUE_ROWS, links: MemberLinks = new Map(),
): ProductSheet {
  const t = sheetText(lang);
  const b = new SheetBuilder();
  const names = new Map<string, Map<number, string>>();
  for (const m of members) {
    if (m.name === null) continue;
    let rows = names.get(m.sheet);
    if (!rows) names.set(m.sheet, (rows = new Map()));
    rows.set(m.row, m.name);
  }
  b.addRow([text(t.issues.title, "title")], false);
  b.addRow([text(t.issues.countsLine(severityCounts(report), report.asOf), "subtitle")], false);
  b.addRow(t.issues.headers.map((h) => text(h, "header")), false);
  const shown = Math.min(report.issues.length, limit, ISSUE_ROWS_FIT);
  // fixes by sheet, row and column
  const fixes = new Map<string, Map<number, Map<string, string>>>();
  for (const c of report.changes) {
    let rows = fixes.get(c.sheet);
    if (rows === undefined) fixes.set(c.sheet, (rows = new Map()));
    let cols = rows.get(c.row);
    if (cols === undefined) rows.set(c.row, (cols = new Map()));
    cols.set(c.column, c.to);
  }
  const sheets = new Set<string>();
  for (let i = 0; i < shown; i++) sheets.add(report.issues[i].sheet);
  const severity = { error: text(t.severity.error, "error"), warning: text(t.severity.warning, "warning"), info: text(t.severity.info, "info") };
  // what the rows of one sheet share, made when the sheet changes (a sheet's issues come together)
  let sheet: string | undefined;
  let sheetCell: PlanCell;
  let sheetNames: Map<number, string> | undefined;
  let sheetLinks: ReadonlyMap<number, MemberLink> | undefined;
  let sheetFixes: Map<number, Map<string, string>> | undefined;
  let formula: ReturnType<typeof linkFormulas>;
  const issueRow = (issue: Report["issues"][number]): (PlanCell | null)[] => {
    if (issue.sheet !== sheet) {
      sheet = issue.sheet;
      sheetCell = text(sheet);
      sheetNames = names.get(sheet);
      sheetLinks = links.get(sheet);
      sheetFixes = fixes.get(sheet);
      formula = linkFormulas(sheet);
    }
    const cell = `${issue.column}${issue.row}`;
    const link: PlanCell = { v: cell, f: formula(issue.column, issue.row, cell, sheetLinks?.get(issue.row)), style: "link" };
    return planRow([
      sheetCell, link, textOrNone(sheetNames?.get(issue.row) ?? ""), text(fieldLabel(issue.field, lang)), severity[issue.severity],
      text(issue.message, "wrap"), textOrNone(issue.value), textOrNone(suggestion(issue, sheetFixes?.get(issue.row)?.get(issue.column), lang), "wrap"),
    ]);
  };
  const lastRow = HEADER_ROW + shown;
  const note = report.issues.length === 0 ? planRow([text(t.issues.none, "note")])
    : shown < report.issues.length ? planRow([text(t.issues.cutNote(shown, report.issues.length), "note")]) : undefined;

  WIDTHS.forEach((w, i) => b.fit(i + 1, "", w));
  // The sheet column is the one worth fitting: sheet names are few and short.
  for (const name of sheets) b.fit(1, name, WIDTHS[0]);
  b.merge(1, 1, 1, COLUMNS);
  b.merge(2, 1, 2, COLUMNS);
  const extra = { freezeRows: HEADER_ROW, autoFilter: rangeRef(HEADER_ROW, 1, lastRow, COLUMNS) };
  const rows: RowSource = {
    count: shown + (note ? 1 : 0),
    // an issue's row always reaches its last column (a styled cell even where empty)
    width: shown > 0 ? COLUMNS : 1,
    at: (j) => (j < shown ? issueRow(report.issues[j]) : note!),
  };
  return b.buildStreamed("issues", t.sheetNames.issues, { orientation: "landscape", fitToWidth: true, titleRows: [HEADER_ROW, HEADER_ROW] }, extra, rows);
}
