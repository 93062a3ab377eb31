// What a row check needs: options, the enum matchers built once per run, and where issues and changes go.
import { ColumnFacts } from "./column-facts";
import { RosterConfig } from "./config";
import { F, FIELD_BY_CODE, FIELD_CODES, FieldCode } from "./fields";
import { CellValue, SheetGrid, cellKey, columnLetter } from "./grid";
import { RosterLocation } from "./locate";
import { EnumResult, buildEnumMatcher } from "./normalise/enum";
import { cellText } from "./normalise/text";
import { Change, ISSUE_SEVERITY, IssueCode, RawIssue } from "./schema";
import { OpenVocabulary } from "./open-vocabulary";
import { Lang } from "./vocabulary";

export interface CheckOptions {
  /** Report date, ISO yyyy-mm-dd: the engine never reads the clock. */
  readonly asOf: string;
  /** Language of canonical labels written by fixes. */
  readonly lang: Lang;
  readonly config: RosterConfig;
  readonly date1904: boolean;
}

/** What the pre-pass learned of a sheet's columns: facts by field ordinal (enum fields), the workbook's categories. */
export interface ColumnKnowledge {
  readonly facts: ReadonlyArray<ColumnFacts | undefined>;
  readonly categories: OpenVocabulary;
  /** The membership-type column also holds statuses (人员状态: 正式党员, 预备党员, 流动党员): it is the status column too. */
  readonly typeHoldsStatus?: boolean;
}

export type Matcher = (v: CellValue | undefined) => EnumResult;

export function buildMatchers(config: RosterConfig): (Matcher | undefined)[] {
  const out: (Matcher | undefined)[] = FIELD_CODES.map(() => undefined);
  for (const def of FIELD_BY_CODE.values()) {
    if (!def.enumTable) continue;
    const extra = config.spellings.filter((s) => s.field === def.code).map(({ code, spelling }) => ({ code, spelling }));
    out[F[def.code]] = buildEnumMatcher(def.enumTable, extra);
  }
  return out;
}

/**
 * One row being checked: emits issues and proposed changes with the sheet, row and column filled in. Fields are
 * addressed by ordinal (F.name) and columns kept in a typed array: this runs ~20 times a row on 100,000 rows.
 */
export class RowScope {
  row0 = 0;
  cells: ReadonlyArray<CellValue | undefined> = [];
  /** Whether the row's ID number is valid (set by the ID check, read by the checks after it). */
  idValid = false;
  /** Column of each field by ordinal, -1 where the sheet has none. */
  readonly cols: Int32Array;
  /** Column letters of each field by ordinal ("" where none), made once, not per issue or change. */
  readonly letters: string[];
  /** The report date's year, for the quick "not in the future" test. */
  readonly asOfYear: number;
  /** Whether each field is required (config overrides the schema), by ordinal. */
  readonly required: boolean[];
  constructor(
    readonly sheet: SheetGrid,
    readonly loc: RosterLocation,
    readonly opts: CheckOptions,
    readonly issues: RawIssue[],
    readonly changes: Change[],
    readonly known: ColumnKnowledge,
    /** Changes whose old value is a number cell: a revert must put back a number, not its text. */
    readonly numericFrom: Set<Change> = new Set(),
  ) {
    this.cols = new Int32Array(FIELD_CODES.length).fill(-1);
    for (const [f, c] of Object.entries(loc.columns)) this.cols[F[f as FieldCode]] = c as number;
    this.letters = Array.from(this.cols, (c) => (c < 0 ? "" : columnLetter(c)));
    this.asOfYear = Number(opts.asOf.slice(0, 4));
    this.required = FIELD_CODES.map((f) => opts.config.required[f] ?? FIELD_BY_CODE.get(f)!.required);
  }

  col(field: number): number {
    return this.cols[field];
  }

  raw(field: number): CellValue | undefined {
    const c = this.cols[field];
    return c < 0 ? undefined : this.cells[c];
  }

  issue(code: IssueCode, field: number, params: RawIssue["params"] = {}, suggestion?: string, col = this.cols[field]): void {
    const c = col < 0 ? 0 : col;
    const issue: RawIssue = {
      sheet: this.sheet.name, row: this.row0 + 1, column: col === this.cols[field] && col >= 0 ? this.letters[field] : columnLetter(c), field: FIELD_CODES[field], code,
      severity: ISSUE_SEVERITY[code], params, value: col < 0 ? "" : cellText(this.cells[c], this.opts.date1904),
    };
    if (suggestion !== undefined) issue.suggestion = suggestion;
    this.issues.push(issue);
  }

  /** Proposes writing `to` where the cell now shows something else; never for a formula cell. */
  change(field: number, to: string): void {
    const c = this.cols[field];
    if (c < 0) return;
    const from = cellText(this.cells[c], this.opts.date1904);
    if (from === to || this.sheet.formulaCells.has(cellKey(this.row0, c))) return;
    const change: Change = { sheet: this.sheet.name, row: this.row0 + 1, column: this.letters[field], field: FIELD_CODES[field], from, to };
    this.changes.push(change);
    if (typeof this.cells[c] === "number") this.numericFrom.add(change);
  }
}
