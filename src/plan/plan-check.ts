// The WritePlans of the product's four actions: check, fix, revert and clear (SPEC sections 6, 7 and 9).
import { EdgeError } from "../i18n/edge-errors";
import { numberText } from "../domain/normalise/text";
import { CheckResult } from "../domain/check";
import { columnIndex } from "../domain/grid";
import { Report } from "../domain/report-schema";
import { Change, Member } from "../domain/schema";
import { Lang } from "../domain/vocabulary";
import { fixValues } from "./date-writes";
import { ChangeLogEntries, ChangeLogEntry, INSERTED_ROWS_FIELD, changeLogSheet, nextBatch, parseCellRef } from "./change-log";
import { flagBlocks, RosterGrids } from "./flags";
import { issuesSheet, MAX_ISSUE_ROWS } from "./issues-sheet";
import { CellOf } from "./revert-follow";
import { memberLinks } from "./member-link";
import { SummaryOptions, summarySheet } from "./summary-sheet";
import { talliesSheet } from "./tallies-sheet";
import { CellWrite, ProductRole, ProductSheet, RowDelete, WritePlan } from "./write-plan";

/** The reason checkWorkbook gives for a projects sheet in notRosters. */
const PROJECTS_SHEET_REASON = "a projects sheet";

/**
 * Whether the projects-and-jobs sheet is worth writing: the workbook has a projects sheet (even an empty one), or a
 * roster maps an employment column. Otherwise every number on it would be a zero that says nothing.
 */
export function hasTallies(result: CheckResult, report: Report): boolean {
  return result.projects.length > 0 ||
    result.notRosters.some((n) => n.reason === PROJECTS_SHEET_REASON) ||
    report.rosters.some((r) => r.columns.employment !== undefined);
}

/** A check's result with the roster cells it read (the flags are keyed to them). */
export type CheckedGrids = CheckResult & { readonly grids: RosterGrids };

/**
 * After a check: the issues list, the summary and (where there is anything to tally) the projects-and-jobs sheet,
 * the flags, no cell writes; the issues list opens first. A tallies sheet left from an earlier run where there is
 * nothing to tally now is removed, so no stale numbers stay behind. The change log and settings are left alone.
 */
export function planCheck(result: CheckedGrids, report: Report, opts: SummaryOptions): WritePlan {
  const tallies = hasTallies(result, report);
  return {
    sheets: [
      issuesSheet(report, result.members, opts.lang, MAX_ISSUE_ROWS, memberLinks(report, result.grids)),
      summarySheet(report, opts),
      ...(tallies ? [talliesSheet(report, opts)] : []),
    ],
    removeRoles: tallies ? [] : ["tallies"],
    flags: flagBlocks(report, result.grids),
    cellWrites: [],
    activate: "issues",
  };
}

export interface FixOptions extends SummaryOptions {
  /** When the fix runs, ISO 8601, from the caller's clock. */
  readonly time: string;
  /** "fix" (default), or "sync:<file name>" for a sync applied through the same path. */
  readonly source?: string;
  /** The workbook's date system: given, a date fix in a column of date cells is written as a date cell
   * (date-writes.ts); absent, every fix is written as its text. */
  readonly date1904?: boolean;
}

/** A one-line Error for a time that is not ISO 8601 (the log would refuse it). */
function assertTime(time: string): void {
  if (!ChangeLogEntry.shape.time.safeParse(time).success) throw new Error(`time must be ISO 8601 (2025-12-31T09:30:00+08:00), got "${time}"`);
}

/** The member's key in the change log: the normalised ID number, else the name, else "". */
export function memberKey(m: Member | undefined): string {
  return m?.idNumber ?? m?.name ?? "";
}

/** A fix's part of a plan: the report's changes as cell writes and the change log with their batch appended. */
export interface FixWrites {
  /** The report's changes as cell writes (value = to, expect = from, so a cell edited since the check is refused). */
  readonly cellWrites: readonly CellWrite[];
  /** The change-log sheet (the entries given, then the new batch's); undefined where there is no change. */
  readonly changeLog?: ProductSheet;
  readonly batch: number;
  readonly applied: Change[];
}

/**
 * The report's changes as cell writes and the change log with a new batch appended. With no changes, no batch is
 * logged and no change-log sheet is given; `batch` is then the number the next batch would take.
 */
export function fixWrites(result: CheckedGrids, report: Report, log: readonly ChangeLogEntry[], opts: FixOptions): FixWrites {
  const { written, ...fix } = fixEntries(result, report, log, opts);
  return { ...fix, changeLog: written && changeLogSheet(written, opts.lang) };
}

/** fixWrites with the log as written (the entries given, then the new batch's; undefined where nothing changes). */
function fixEntries(result: CheckedGrids, report: Report, log: readonly ChangeLogEntry[], opts: FixOptions): Omit<FixWrites, "changeLog"> & { written?: ChangeLogEntries } {
  assertTime(opts.time);
  const batch = nextBatch(log);
  const applied = [...report.changes];
  if (applied.length === 0) return { cellWrites: [], batch, applied };
  const keys = memberKeys(result.members);
  // Built from the engine's changes (typed, cells and fields as the engine made them) and the time checked above: no
  // per-entry schema pass, which cost seconds on 100,000 changes.
  const run: LoggedRun = { batch, time: opts.time, source: opts.source ?? "fix" };
  const value = opts.date1904 === undefined ? (c: Change) => c.to : fixValues(result.grids, report, opts.date1904);
  // each change's member key and whether its old value was a number (not every member's key, not the check's set)
  const keyOf = applied.map((c) => keys.get(c.sheet)?.[c.row] ?? "");
  const numeric = Uint8Array.from(applied, (c) => (result.numericFrom.has(c) ? 1 : 0));
  const cellWrites: CellWrite[] = applied.map((c) => ({
    sheet: c.sheet, row: c.row, col: columnIndex(c.column) + 1, value: value(c), expect: c.from,
  }));
  return { cellWrites, batch, applied, written: loggedAfter(log, run, applied, keyOf, numeric) };
}

/** The log given, then the new batch's entries, each made from its change as the log is written (not held: 300,000 of
 * them held 16 MB). A function of its own: a closure made beside the check's result would keep it alive. */
function loggedAfter(log: readonly ChangeLogEntry[], run: LoggedRun, applied: readonly Change[], keyOf: readonly string[], numeric: Uint8Array): ChangeLogEntries {
  return {
    length: log.length + applied.length,
    at: (j) => {
      if (j < log.length) return log[j];
      const i = j - log.length;
      return i < applied.length ? new LoggedChange(run, applied[i], keyOf[i], numeric[i] === 1) : undefined;
    },
  };
}

/** Each member's key in the change log (memberKey), by sheet and row (the last member of a row, as a map keeps it). */
function memberKeys(members: readonly Member[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const m of members) {
    let rows = out.get(m.sheet);
    if (rows === undefined) out.set(m.sheet, (rows = []));
    rows[m.row] = memberKey(m);
  }
  return out;
}

/** What every entry of one logged batch shares. */
interface LoggedRun {
  readonly batch: number;
  readonly time: string;
  readonly source: string;
}

/**
 * One change as its change-log entry, read from the change itself: a fix of a large roster logs hundreds of thousands,
 * and an entry of its own (ten fields and its cell's text) held about 130 bytes each until the log was written.
 */
class LoggedChange implements ChangeLogEntry {
  constructor(private readonly run: LoggedRun, private readonly change: Change, readonly key: string, private readonly numeric: boolean) {}
  get batch(): number { return this.run.batch; }
  get time(): string { return this.run.time; }
  get source(): string { return this.run.source; }
  get sheet(): string { return this.change.sheet; }
  get cell(): string { return `${this.change.column}${this.change.row}`; }
  get field(): string { return this.change.field; }
  get from(): string | number { return this.numeric ? Number(this.change.from) : this.change.from; }
  get to(): string { return this.change.to; }
  get reverted(): boolean { return false; }
  plain(): ChangeLogEntry {
    const { batch, time, source, sheet, cell, key, field, from, to, reverted } = this;
    return { batch, time, source, sheet, cell, key, field, from, to, reverted };
  }
}

/** A check plan with a fix's (or a revert's) cell writes and change log: the back end writes the change-log sheet
 * before the cells (SPEC 9: every old value logged first), in the same package. */
export function withFix(check: WritePlan, fix: Pick<FixWrites, "changeLog" | "cellWrites">): WritePlan {
  if (fix.changeLog === undefined) return check;
  return { ...check, sheets: [...check.sheets, fix.changeLog], cellWrites: fix.cellWrites };
}

/**
 * The check plan plus the report's changes as cell writes and the change log with a new batch appended (see
 * fixWrites). The issues, summary and flags are those of the report, i.e. as before the fix: `roster check --fix`
 * re-checks the fixed grids and combines the fresh check plan with the fix (withFix) instead.
 */
export function planFix(
  result: CheckedGrids, report: Report, log: readonly ChangeLogEntry[], opts: FixOptions,
): { plan: WritePlan; batch: number; applied: Change[]; log: readonly ChangeLogEntry[] } {
  const { written: lazy, ...fix } = fixEntries(result, report, log, opts);
  // plain entries: a revert of this log copies them with a spread, which a LoggedChange's getters do not survive
  const written = lazy && Array.from({ length: lazy.length }, (_, j) => {
    const e = lazy.at(j)!;
    return e instanceof LoggedChange ? e.plain() : e;
  });
  const plan = withFix(planCheck(result, report, opts), { ...fix, changeLog: written && changeLogSheet(written, opts.lang) });
  return { plan, batch: fix.batch, applied: fix.applied, log: written ?? log };
}

/**
 * Puts one batch back: writes `from` where the cell still shows `to`, last change first, deletes the rows a sync
 * inserted (those left empty: rowsLeftEmpty), and logs the revert as a
 * new batch (source "revert") with the batch's entries marked reverted. Entries already marked reverted (a revert
 * cut off half way and resumed) are skipped. Refuses an unknown batch, one already reverted, and a revert itself.
 * `cellOf`: where each entry is written back (revert-follow.ts: its member's row now); its logged cell by default.
 */
export function planRevert(log: readonly ChangeLogEntry[], batch: number, opts: { lang: Lang; time: string; cellOf?: CellOf }): WritePlan {
  assertTime(opts.time);
  const inBatch = log.filter((e) => e.batch === batch);
  if (inBatch.length === 0) throw new EdgeError("batchNotInLog", { batch });
  if (inBatch.some((e) => e.source === "revert")) throw new EdgeError("batchIsRevert", { batch });
  const todo = inBatch.filter((e) => !e.reverted).reverse();
  if (todo.length === 0) throw new EdgeError("batchReverted", { batch });
  const revertBatch = nextBatch(log);
  const cellWrites: CellWrite[] = [];
  const rowDeletes: RowDelete[] = [];
  const cells = todo.map((e) => (e.field === INSERTED_ROWS_FIELD || opts.cellOf === undefined ? e.cell : opts.cellOf(e)));
  todo.forEach((e, i) => {
    const { row, col } = parseCellRef(cells[i]);
    if (e.field === INSERTED_ROWS_FIELD) rowDeletes.push({ sheet: e.sheet, first: row, count: Number(e.to) });
    else cellWrites.push({ sheet: e.sheet, row, col, value: e.from, expect: typeof e.to === "number" ? numberText(e.to) : e.to });
  });
  const marked = log.map((e) => (e.batch === batch && !e.reverted ? { ...e, reverted: true } : e));
  // the revert's own entries name the cells it wrote (where the member is now)
  const recorded: ChangeLogEntry[] = todo.map((e, i) => ({
    ...e, cell: cells[i], batch: revertBatch, time: opts.time, source: "revert", from: e.to, to: e.from, reverted: false,
  }));
  return { sheets: [changeLogSheet([...marked, ...recorded], opts.lang)], removeRoles: [], cellWrites, ...(rowDeletes.length ? { rowDeletes } : {}) };
}

/** Roles `clear` removes. Not settings: staff wrote those (branches, spellings, overrides) and keep them. Not the
 * change log either: without it no fix could be reverted; dropping it is a separate choice (`dropLog`). */
export const CLEARED_ROLES: readonly ProductRole[] = ["issues", "summary", "tallies"];

/**
 * Removes the flags and the product's report sheets (SPEC 6 `roster clear`), keeping the change log (revert keeps
 * working) unless `dropLog`; the roster's own cells are not touched.
 */
export function planClear(opts: { dropLog?: boolean } = {}): WritePlan {
  return { sheets: [], removeRoles: opts.dropLog ? [...CLEARED_ROLES, "changelog"] : CLEARED_ROLES, flags: [], cellWrites: [] };
}
