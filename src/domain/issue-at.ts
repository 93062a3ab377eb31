// Issues found after the row pass (cross-row checks): placed by the member's sheet and row.
import { FieldCode } from "./fields";
import { columnLetter } from "./grid";
import { ISSUE_SEVERITY, IssueCode, Member, RawIssue } from "./schema";

/** Where a field of a member's row is, and what its cell shows. */
export interface RowScopeless {
  column(sheet: string, field: FieldCode): number | undefined;
  text(sheet: string, row: number, col: number): string;
}

export function issueAt(at: RowScopeless, m: Member, field: FieldCode, code: IssueCode, params: RawIssue["params"], suggestion?: string): RawIssue {
  const col = at.column(m.sheet, field) ?? 0;
  const issue: RawIssue = {
    sheet: m.sheet, row: m.row, column: columnLetter(col), field, code, severity: ISSUE_SEVERITY[code], params,
    value: at.text(m.sheet, m.row, col),
  };
  if (suggestion !== undefined) issue.suggestion = suggestion;
  return issue;
}
