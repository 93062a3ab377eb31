// `--fix` checks twice: the workbook as read, then the grids with the fix's writes applied. The first check records,
// per member row, where its issues and changes begin and its branch before settling; the second takes every row's
// member, issues and changes from the first, re-checking only rows the fix wrote to. A written row is taken too where
// every cell written is a date the first check proposed writing (dateField): the cell holds the change's `to`, which
// its reader reads as the first check read the cell before (same date, same precision). A date cell is read by the
// row check only through its reading (the member's date, the date issues, the year) and isDateCell (whether to
// propose writing it), so that row's second check is the first's without the changes at the written cells (a change
// to what the cell now shows is not proposed) and with the written cells' issues showing the new text.
// A fix that rewrites enumeration spellings changes the column facts (the values a column uses). A row check reads
// the facts of five fields only (enumField, categoryField): the spelling a fix writes for a code, the column's own
// list, and the workbook's categories; and, per roster, whether the type column holds statuses. So a row is re-checked
// too where it reads a code whose spellings' counts changed (no list: the spelling written is the most used), or a
// category whose verdict in the workbook's categories changed; the other facts are not compared. A roster whose type
// column holds statuses in one check and not the other is checked in full.
// The cross-row steps (duplicate IDs, branches, column issues, order, summaries) run in full both times. Nothing is
// reused unless every roster's place and rows, the lists of the facts read, and the settings, date, unit and
// languages, are as the first check found.
import type { ColumnKnowledge, RowScope } from "./check-context";
import type { ColumnFacts } from "./column-facts";
import { F, FIELD_CODES } from "./fields";
import type { RosterLocation } from "./locate";
import type { DateResult } from "./normalise/date";
import type { EnumResult } from "./normalise/enum";
import { cellText } from "./normalise/text";
import type { Change, Member, RawIssue } from "./schema";

/** The fields whose column facts the row checks read (enumField, categoryField), by ordinal. */
const FACTS_READ = [F.gender, F.education, F.membershipType, F.employment, F.category];

/** The fields checked by dateField, by ordinal: a written cell of one of these may keep its row's results. */
const DATE_FIELDS = [F.birthDate, F.joinDate, F.fullMemberDate];

/** 1 for a day, 2 for a month. */
function precisionCode(d: { precision: "day" | "month" }): number {
  return d.precision === "day" ? 1 : 2;
}

/** The ordinal of the date field the change is for; -1 where it is another field's. */
function dateFieldOf(change: Change): number {
  for (const f of DATE_FIELDS) if (change.field === FIELD_CODES[f]) return f;
  return -1;
}

/** One roster's rows as checked (its members: the check's own list); or, given `old`, the rows of an earlier check
 * reused but those written to (`written`: the cells written, by cellKey), and nothing recorded. */
export class RowLog {
  readonly branches: (string | null)[] = [];
  readonly issueAt: Int32Array;
  readonly changeAt: Int32Array;
  /** By change (its index less changeAt[0]): for a change to a date read as such (its `to` the reading's value), the
   * field's ordinal times 4 plus 1 for a day, 2 for a month; else 0 (recording only). */
  readonly dateRead: number[] = [];
  /** Cells written, by sheet row up to the last member row (reusing only). */
  private readonly writtenIn: Int32Array;
  /** By field ordinal: whether a written cell of the field may keep its row's results (a date field whose column is
   * its alone: no other field's, not the stage column, whose raw text the row check reads) (reusing only). */
  private readonly takesDates: boolean[] = [];
  /** Texts written to date cells, by field: read by its reader as that date, 1 for a day, 2 for a month; else 0
   * (reusing only): a column repeats its dates. */
  private readonly readings: Map<string, number>[] = DATE_FIELDS.map(() => new Map());
  /** What the check knew of the roster's columns (its facts, the workbook's categories). */
  readonly known: ColumnKnowledge;
  /** By field ordinal (FACTS_READ): the codes whose spellings' counts changed since the earlier check (reusing only). */
  private readonly codesChanged: (Set<string> | undefined)[] = [];
  /** Whether the workbook's categories may judge a text otherwise than in the earlier check (reusing only). */
  private readonly categoriesChanged: boolean;
  /** Whether some fact a row check reads changed (reusing only). */
  private readonly factsChanged: boolean = false;
  /** Category texts: whether the earlier check's categories judged them as this check's do (reusing only). */
  private readonly sameVerdicts = new Map<string, boolean>();
  constructor(readonly loc: RosterLocation, readonly facts: (ColumnFacts | undefined)[], readonly members: readonly Member[], scope: RowScope, private readonly old?: RowLog, private readonly written?: ReadonlyMap<number, unknown>, private readonly prior?: Recheck, categoriesSame = true) {
    this.known = scope.known;
    this.categoriesChanged = !categoriesSame;
    this.issueAt = new Int32Array(old === undefined ? loc.memberRows.length + 1 : 1);
    this.changeAt = new Int32Array(old === undefined ? loc.memberRows.length + 1 : 1);
    this.issueAt[0] = scope.issues.length;
    this.changeAt[0] = scope.changes.length;
    let last = -1;
    if (written !== undefined) for (const r of loc.memberRows) if (r > last) last = r;
    this.writtenIn = new Int32Array(last + 1);
    if (written === undefined || old === undefined) return;
    for (const f of FACTS_READ) this.codesChanged[f] = codesRecounted(old.facts[f], facts[f], f, scope);
    this.factsChanged = this.categoriesChanged || this.codesChanged.some((c) => c !== undefined);
    for (const key of written.keys()) {
      const r = Math.floor(key / 16384);
      if (r < this.writtenIn.length) this.writtenIn[r]++;
    }
    const cols = scope.cols;
    for (let f = 0; f < cols.length; f++) {
      const col = cols[f];
      this.takesDates.push(DATE_FIELDS.includes(f) && col >= 0 && col !== loc.stageColumn && cols.indexOf(col) === cols.lastIndexOf(col));
    }
  }

  /** Whether the rows of an earlier check are reused. */
  get reusing(): boolean {
    return this.old !== undefined;
  }

  /** Row i's member as the earlier check found it (its branch as before settling), its issues and changes pushed
   * (see the top for a written row); undefined: the row is to be checked. */
  reused(i: number, scope: RowScope): Member | undefined {
    const old = this.old;
    if (old === undefined) return undefined;
    const row = this.loc.memberRows[i];
    if (this.factsChanged && this.readsChanged(row, scope)) return undefined;
    const n = this.writtenIn[row];
    const { issues, changes, numericFrom } = this.prior!;
    let dates: Change[] | undefined;
    if (n !== 0) {
      dates = this.datesWritten(i, row, n, scope);
      if (dates === undefined) return undefined;
    }
    for (let j = old.issueAt[i]; j < old.issueAt[i + 1]; j++) {
      const issue = issues[j];
      const at = dates?.find((c) => c.column === issue.column);
      scope.issues.push(at === undefined ? issue : { ...issue, value: at.to });
    }
    for (let j = old.changeAt[i]; j < old.changeAt[i + 1]; j++) {
      const change = changes[j];
      if (dates?.includes(change)) continue;
      scope.changes.push(change);
      if (numericFrom.has(change)) scope.numericFrom.add(change);
    }
    const member = old.members[i];
    member.branch = old.branches[i];
    return member;
  }

  /** The first check's changes of row i (sheet row `row`) that the n cells written to it are, where each is a date
   * read now as it was before and no issue of the row shows a written cell other than as it was; else undefined. */
  private datesWritten(i: number, row: number, n: number, scope: RowScope): Change[] | undefined {
    const old = this.old!;
    const { issues, changes } = this.prior!;
    const cells = scope.rows[row];
    const out: Change[] = [];
    const base = old.changeAt[0];
    for (let j = old.changeAt[i]; j < old.changeAt[i + 1]; j++) {
      const code = old.dateRead[j - base];
      if (code === 0) continue; // another field's change, or a date not read as one (written: then not all n are matched)
      const change = changes[j];
      const field = code >> 2;
      // not its `to`: not written (a text cell holds its `from`), or written otherwise (then not all n are matched)
      if (cells?.[scope.cols[field]] !== change.to) continue;
      if (!this.takesDates[field] || this.readAs(field, change.to, scope) !== (code & 3)) return undefined;
      out.push(change);
    }
    if (out.length !== n) return undefined;
    for (let j = old.issueAt[i]; j < old.issueAt[i + 1]; j++) {
      const issue = issues[j];
      const at = out.find((c) => c.column === issue.column);
      if (at !== undefined && issue.value !== at.from) return undefined;
    }
    return out;
  }

  /** Whether the row reads a fact that changed: a code whose spellings' counts changed, a category judged otherwise. */
  private readsChanged(row: number, scope: RowScope): boolean {
    const cells = scope.rows[row];
    for (const f of FACTS_READ) {
      const codes = this.codesChanged[f];
      if (codes === undefined) continue;
      const r = scope.readCell(f, cells?.[scope.cols[f]]) as EnumResult;
      if (r.kind === "ok" && !r.narrow && codes.has(r.code)) return true;
    }
    if (!this.categoriesChanged || scope.cols[F.category] < 0) return false;
    const text = cellText(cells?.[scope.cols[F.category]], scope.opts.date1904);
    let same = this.sameVerdicts.get(text);
    if (same === undefined) {
      same = JSON.stringify(this.old!.known.categories.verdict(text)) === JSON.stringify(this.known.categories.verdict(text));
      this.sameVerdicts.set(text, same);
    }
    return !same;
  }

  /** How the field's reader reads the text: 1 as that day, 2 as that month, else 0. */
  private readAs(field: number, text: string, scope: RowScope): number {
    const readings = this.readings[DATE_FIELDS.indexOf(field)];
    let read = readings.get(text);
    if (read === undefined) {
      const d = scope.readCell(field, text) as DateResult;
      readings.set(text, (read = d.kind === "ok" && d.value === text ? precisionCode(d) : 0));
    }
    return read;
  }

  /** Row i done: where its results end, its branch before settling, how its date changes' cells were read. */
  done(i: number, member: Member, scope: RowScope): void {
    if (this.old !== undefined) return;
    const changes = scope.changes;
    for (let j = this.changeAt[i]; j < changes.length; j++) {
      const field = dateFieldOf(changes[j]);
      const d = field < 0 ? undefined : (scope.read(field) as DateResult);
      // a change to a date read as one is to its value (dateField); checked all the same
      this.dateRead.push(d?.kind === "ok" && d.value === changes[j].to ? field * 4 + precisionCode(d) : 0);
    }
    this.issueAt[i + 1] = scope.issues.length;
    this.changeAt[i + 1] = changes.length;
    this.branches.push(member.branch);
  }
}

/** A check's record (see the top); `again` makes the recorder of a check that reuses it (and records nothing). */
export class Recheck {
  private readonly logs = new Map<string, RowLog>();
  private key = "";
  private reuse = false;
  private categoriesSame = true;
  issues: readonly RawIssue[] = [];
  changes: readonly Change[] = [];
  numericFrom: ReadonlySet<Change> = new Set();
  private constructor(private prior?: Recheck, private readonly written?: ReadonlyMap<string, ReadonlyMap<number, unknown>>) {}

  static record(): Recheck {
    return new Recheck();
  }

  /** The recorder of a check of the same workbook with the given cells (by sheet, cellKey) written. */
  again(written: ReadonlyMap<string, ReadonlyMap<number, unknown>>): Recheck {
    return new Recheck(this, written);
  }

  /** The check's settings and rosters: the earlier check's rows are reused only if all are the same. */
  begin(settings: unknown, rosters: { sheet: { name: string }; loc: RosterLocation }[], facts: (ColumnFacts | undefined)[][]): void {
    this.key = JSON.stringify([settings, rosters.map((r) => r.sheet.name)]);
    const prior = this.prior;
    this.reuse = prior !== undefined && prior.key === this.key && rosters.every(({ sheet, loc }, i) => {
      const p = prior.logs.get(sheet.name);
      return p !== undefined && sameLocation(p.loc, loc) && FACTS_READ.every((f) => sameList(p.facts[f], facts[i][f]));
    });
    // the workbook's categories are made of every roster's category facts (and the settings)
    this.categoriesSame = !this.reuse || rosters.every(({ sheet }, i) => sameCounts(prior!.logs.get(sheet.name)!.facts[F.category], facts[i][F.category]));
  }

  /** The log of a roster's rows (members: the list the check fills); none where an earlier check is not reused. */
  sheet(name: string, loc: RosterLocation, facts: (ColumnFacts | undefined)[], scope: RowScope, members: readonly Member[]): RowLog | undefined {
    if (this.prior !== undefined && !this.reuse) return undefined;
    const old = this.prior?.logs.get(name);
    // whether the type column holds statuses: read by every row (and the header issues)
    if (old !== undefined && old.known.typeHoldsStatus !== scope.known.typeHoldsStatus) return undefined;
    const log = new RowLog(loc, facts, members, scope, old, this.written?.get(name) ?? (this.prior === undefined ? undefined : new Map()), this.prior, this.categoriesSame);
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

function sameList(a: ColumnFacts | undefined, b: ColumnFacts | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return JSON.stringify(a.list) === JSON.stringify(b.list);
}

function sameCounts(a: ColumnFacts | undefined, b: ColumnFacts | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return JSON.stringify([...a.counts]) === JSON.stringify([...b.counts]);
}

/**
 * The codes for which the spelling a fix writes (ColumnFacts.target) may differ between the facts of two checks of
 * the field's column (the same list): none where the column has a list (the spelling is the list's); else the codes
 * its reader reads exactly (not a finer value) from a text used by a different number of rows. Undefined: none.
 */
function codesRecounted(a: ColumnFacts | undefined, b: ColumnFacts | undefined, field: number, scope: RowScope): Set<string> | undefined {
  if (a === undefined || b === undefined || a.list.length > 0) return undefined;
  const out = new Set<string>();
  const recounted = (text: string) => {
    const r = scope.readCell(field, text.trim()) as EnumResult;
    if (r.kind === "ok" && !r.narrow) out.add(r.code);
  };
  for (const [text, n] of a.counts) if (b.counts.get(text) !== n) recounted(text);
  for (const text of b.counts.keys()) if (!a.counts.has(text)) recounted(text);
  return out.size > 0 ? out : undefined;
}
