// The issue list as the pane shows it: counts by severity, issues grouped by code, worst severity first.
import { Report } from "../domain/report-schema";
import { ISSUE_CODES, Issue, IssueCode, Severity } from "../domain/schema";

export interface IssueGroup {
  readonly code: IssueCode;
  readonly severity: Severity;
  readonly issues: readonly Issue[];
}

export type SeverityCounts = Record<Severity, number>;

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const CODE_ORDER = new Map<string, number>(ISSUE_CODES.map((c, i) => [c, i]));

export function severityCounts(issues: readonly Pick<Issue, "severity">[]): SeverityCounts {
  const out: SeverityCounts = { error: 0, warning: 0, info: 0 };
  for (const i of issues) out[i.severity]++;
  return out;
}

/** Groups by code: errors, then warnings, then info; within a severity, the spec's order of codes. The issues keep
 * their order (sheet, row, column, as the engine sorts them). */
export function groupIssues(issues: readonly Issue[]): IssueGroup[] {
  const byCode = new Map<IssueCode, Issue[]>();
  for (const i of issues) {
    const list = byCode.get(i.code);
    if (list) list.push(i);
    else byCode.set(i.code, [i]);
  }
  return [...byCode.entries()]
    .map(([code, list]) => ({ code, severity: worst(list), issues: list }))
    .sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || (CODE_ORDER.get(a.code) ?? 99) - (CODE_ORDER.get(b.code) ?? 99));
}

function worst(list: readonly Issue[]): Severity {
  return list.reduce<Severity>((w, i) => (SEVERITY_ORDER[i.severity] < SEVERITY_ORDER[w] ? i.severity : w), "info");
}

/** The cell an issue points at, "F7". */
export function issueCell(i: Pick<Issue, "column" | "row">): string {
  return `${i.column}${i.row}`;
}

/** Counts, members and rows of a report, for the outcome line. */
export function reportFigures(report: Report): SeverityCounts & { members: number; rows: number } {
  return { ...severityCounts(report.issues), members: report.members, rows: report.rows };
}
