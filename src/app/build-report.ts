// CheckResult -> the report JSON: messages rendered in the report's language, counts, column letters.
import { CheckResult } from "../domain/check";
import { columnLetter } from "../domain/grid";
import { Report } from "../domain/report-schema";
import { Issue, IssueCode } from "../domain/schema";
import { isCurrentMember } from "../domain/summarise";
import { renderIssue } from "../i18n/issue-messages";

export function buildReport(result: CheckResult, input: string, changesApplied = false): Report {
  const issues: Issue[] = result.issues.map((i) => ({ ...i, message: renderIssue(i, result.language) }));
  const issueCounts: Partial<Record<IssueCode, number>> = {};
  for (const i of issues) issueCounts[i.code] = (issueCounts[i.code] ?? 0) + 1;
  return {
    version: 1,
    input,
    asOf: result.asOf,
    ...(result.unit !== undefined ? { unit: result.unit } : {}),
    language: result.language,
    rosters: result.rosters.map((r) => ({
      sheet: r.sheet, headerRow: r.headerRow, firstRow: r.firstRow, lastRow: r.lastRow,
      columns: Object.fromEntries(Object.entries(r.columns).filter(([f]) => f !== "ignored").map(([f, c]) => [f, columnLetter(c as number)])),
      unmapped: r.unmapped,
      kind: r.kind,
    })),
    members: result.members.filter(isCurrentMember).length,
    rows: result.members.length,
    issues,
    issueCounts,
    changes: result.changes,
    changesApplied,
    summary: result.summary,
    tallies: result.tallies,
  };
}
