// CheckResult -> the report JSON: messages rendered in the report's language, counts, column letters.
import { CheckResult } from "../domain/check";
import { flatString } from "../domain/flat-string";
import { columnLetter } from "../domain/grid";
import { Report } from "../domain/report-schema";
import { Issue, IssueCode, RawIssue } from "../domain/schema";
import { isCurrentMember } from "../domain/summarise";
import { renderIssue } from "../i18n/issue-messages";

export function buildReport(result: CheckResult, input: string, changesApplied = false): Report {
  const issues: Issue[] = result.issues.map((i) => withMessage(i, flatString(renderIssue(i, result.language))));
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

/**
 * The issue with its message, keys in the same order as `{ ...i, message }`. Not written so: V8 gives each object
 * made by a spread and then extended a hidden class of its own (with its descriptors: about 350 bytes an issue, 60 MB
 * on a roster where every row has an issue); copied key by key, the issues share their hidden classes.
 */
function withMessage(i: RawIssue, message: string): Issue {
  const o: Record<string, unknown> = {};
  for (const k in i) o[k] = i[k as keyof RawIssue];
  o.message = message;
  return o as Issue;
}
