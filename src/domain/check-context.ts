// What a row check needs: options, the enum matchers built once per run, and where issues and changes go.
import { RosterConfig } from "./config";
import { FIELD_BY_CODE, FieldCode } from "./fields";
import { CellValue, SheetGrid, cellKey, columnLetter } from "./grid";
import { RosterLocation } from "./locate";
import { EnumResult, buildEnumMatcher } from "./normalise/enum";
import { cellText } from "./normalise/text";
import { Change, ISSUE_SEVERITY, IssueCode, RawIssue } from "./schema";
import { Lang } from "./vocabulary";

export interface CheckOptions {
  /** Report date, ISO yyyy-mm-dd: the engine never reads the clock. */
  readonly asOf: string;
  /** Language of canonical labels written by fixes. */
  readonly lang: Lang;
  readonly config: RosterConfig;
  readonly date1904: boolean;
}

export type Matcher = (v: CellValue | undefined) => EnumResult;

export function buildMatchers(config: RosterConfig): Partial<Record<FieldCode, Matcher>> {
  const out: Partial<Record<FieldCode, Matcher>> = {};
  for (const def of FIELD_BY_CODE.values()) {
    if (!def.enumTable) continue;
    const extra = config.spellings.filter((s) => s.field === def.code).map(({ code, spelling }) => ({ code, spelling }));
    out[def.code] = buildEnumMatcher(def.enumTable, extra);
  }
  return out;
}

/** One row being checked: emits issues and proposed changes with the sheet, row and column filled in. */
export class RowScope {
  row0 = 0;
  cells: ReadonlyArray<CellValue | undefined> = [];
  constructor(
    readonly sheet: SheetGrid,
    readonly loc: RosterLocation,
    readonly opts: CheckOptions,
    readonly issues: RawIssue[],
    readonly changes: Change[],
  ) {}

  col(field: FieldCode): number | undefined {
    return this.loc.columns[field];
  }

  raw(field: FieldCode): CellValue | undefined {
    const c = this.loc.columns[field];
    return c === undefined ? undefined : this.cells[c];
  }

  issue(code: IssueCode, field: FieldCode, params: RawIssue["params"] = {}, suggestion?: string, col = this.col(field)): void {
    const c = col ?? 0;
    const issue: RawIssue = {
      sheet: this.sheet.name, row: this.row0 + 1, column: columnLetter(c), field, code,
      severity: ISSUE_SEVERITY[code], params, value: col === undefined ? "" : cellText(this.cells[c], this.opts.date1904),
    };
    if (suggestion !== undefined) issue.suggestion = suggestion;
    this.issues.push(issue);
  }

  /** Proposes writing `to` where the cell now shows something else; never for a formula cell. */
  change(field: FieldCode, to: string): void {
    const c = this.loc.columns[field];
    if (c === undefined || this.sheet.formulaCells.has(cellKey(this.row0, c))) return;
    const from = cellText(this.cells[c], this.opts.date1904);
    if (from !== to) this.changes.push({ sheet: this.sheet.name, row: this.row0 + 1, column: columnLetter(c), field, from, to });
  }
}
