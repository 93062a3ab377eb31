// `--fix` checks twice: the workbook as read, then the grids with the fix's writes applied. The first check records,
// per member row, where its issues and changes begin and its branch before settling; the second re-checks only the
// rows the fix wrote to and takes every other row's member, issues and changes from the first. The cross-row steps
// (duplicate IDs, branches, column issues, order, summaries) run in full both times. Nothing is reused unless every
// roster's place, rows and column facts, and the settings, date, unit and languages, are as the first check found.
import type { RowScope } from "./check-context";
import type { ColumnFacts } from "./column-facts";
import type { RosterLocation } from "./locate";
import type { Change, Member, RawIssue } from "./schema";

/** One roster's rows as checked (its members: the check's own list); or, given `old`, the rows of an earlier check
 * reused but those in `hit`, and nothing recorded. */
export class RowLog {
  readonly branches: (string | null)[] = [];
  readonly issueAt: Int32Array;
  readonly changeAt: Int32Array;
  constructor(readonly loc: RosterLocation, readonly facts: (ColumnFacts | undefined)[], readonly members: readonly Member[], scope: RowScope, private readonly old?: RowLog, private readonly hit?: ReadonlySet<number>, private readonly prior?: Recheck) {
    this.issueAt = new Int32Array(old === undefined ? loc.memberRows.length + 1 : 1);
    this.changeAt = new Int32Array(old === undefined ? loc.memberRows.length + 1 : 1);
    this.issueAt[0] = scope.issues.length;
    this.changeAt[0] = scope.changes.length;
  }

  /** Whether the rows of an earlier check are reused. */
  get reusing(): boolean {
    return this.old !== undefined;
  }

  /** Row i's member as the earlier check found it (its branch as before settling), its issues and changes pushed. */
  reused(i: number, scope: RowScope): Member | undefined {
    const old = this.old;
    if (old === undefined || this.hit?.has(this.loc.memberRows[i])) return undefined;
    const { issues, changes, numericFrom } = this.prior!;
    for (let j = old.issueAt[i]; j < old.issueAt[i + 1]; j++) scope.issues.push(issues[j]);
    for (let j = old.changeAt[i]; j < old.changeAt[i + 1]; j++) {
      scope.changes.push(changes[j]);
      if (numericFrom.has(changes[j])) scope.numericFrom.add(changes[j]);
    }
    const member = old.members[i];
    member.branch = old.branches[i];
    return member;
  }

  /** Row i done: where its results end, its branch before settling. */
  done(i: number, member: Member, scope: RowScope): void {
    if (this.old !== undefined) return;
    this.issueAt[i + 1] = scope.issues.length;
    this.changeAt[i + 1] = scope.changes.length;
    this.branches.push(member.branch);
  }
}

/** A check's record (see the top); `again` makes the recorder of a check that reuses it (and records nothing). */
export class Recheck {
  private readonly logs = new Map<string, RowLog>();
  private key = "";
  private reuse = false;
  issues: readonly RawIssue[] = [];
  changes: readonly Change[] = [];
  numericFrom: ReadonlySet<Change> = new Set();
  private constructor(private prior?: Recheck, private readonly touched?: ReadonlyMap<string, ReadonlySet<number>>) {}

  static record(): Recheck {
    return new Recheck();
  }

  /** The recorder of a check of the same workbook with the given cells (by sheet, cellKey) written. */
  again(written: ReadonlyMap<string, ReadonlyMap<number, unknown>>): Recheck {
    const rows = new Map([...written].map(([sheet, cells]) => [sheet, new Set([...cells.keys()].map((k) => Math.floor(k / 16384)))]));
    return new Recheck(this, rows);
  }

  /** The check's settings and rosters: the earlier check's rows are reused only if all are the same. */
  begin(settings: unknown, rosters: { sheet: { name: string }; loc: RosterLocation }[], facts: (ColumnFacts | undefined)[][]): void {
    this.key = JSON.stringify([settings, rosters.map((r) => r.sheet.name)]);
    const prior = this.prior;
    this.reuse = prior !== undefined && prior.key === this.key && rosters.every(({ sheet, loc }, i) => {
      const p = prior.logs.get(sheet.name);
      return p !== undefined && sameLocation(p.loc, loc) && sameFacts(p.facts, facts[i]);
    });
  }

  /** The log of a roster's rows (members: the list the check fills); none where an earlier check is not reused. */
  sheet(name: string, loc: RosterLocation, facts: (ColumnFacts | undefined)[], scope: RowScope, members: readonly Member[]): RowLog | undefined {
    if (this.prior !== undefined && !this.reuse) return undefined;
    const log = new RowLog(loc, facts, members, scope, this.prior?.logs.get(name), this.touched?.get(name), this.prior);
    this.logs.set(name, log);
    return log;
  }

  /** The check's issues before the column issues collapse and the sort (which may sort this very array). A check
   * that reused an earlier one's rows keeps no record, and lets the earlier one's go. */
  end(issues: RawIssue[], changes: Change[], numericFrom: ReadonlySet<Change>): void {
    if (this.prior !== undefined) {
      this.prior = undefined;
      this.logs.clear();
      return;
    }
    this.issues = issues.slice();
    this.changes = changes;
    this.numericFrom = numericFrom;
  }
}

function sameLocation(a: RosterLocation, b: RosterLocation): boolean {
  const rows = (l: RosterLocation) => l.memberRows;
  return JSON.stringify({ ...a, memberRows: 0 }) === JSON.stringify({ ...b, memberRows: 0 }) &&
    rows(a).length === rows(b).length && rows(a).every((r, i) => r === rows(b)[i]);
}

function sameFacts(a: (ColumnFacts | undefined)[], b: (ColumnFacts | undefined)[]): boolean {
  return a.length === b.length && a.every((x, f) => {
    const y = b[f];
    if (x === undefined || y === undefined) return x === y;
    return JSON.stringify(x.list) === JSON.stringify(y.list) && JSON.stringify([...x.counts]) === JSON.stringify([...y.counts]);
  });
}
