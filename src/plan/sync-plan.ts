// A sync's WritePlan (SPEC 8): only the accepted changes; additions inserted in their sheet below its last member
// (above the footer rows, inside its total ranges) in that sheet's column layout; every value logged as one
// change-log batch whose source names the incoming file (the inserted rows too), so `roster revert --batch N` undoes
// the whole sync: values put back, inserted rows deleted.
import { PlannedAddition, PlannedUpdate, SyncDiff } from "../domain/diff";
import { SyncReport } from "../domain/diff-schema";
import { SyncField } from "../domain/diff-records";
import { columnLetter } from "../domain/grid";
import { RosterLocation } from "../domain/locate";
import { Lang } from "../domain/vocabulary";
import { ChangeLogEntry, INSERTED_ROWS_FIELD, SYNC_SOURCE_PREFIX, changeLogSheet, nextBatch } from "./change-log";
import { CellWrite, RowInsert, WritePlan } from "./write-plan";

export interface SyncPlanOptions {
  readonly lang: Lang;
  /** When the sync runs, ISO 8601 or "yyyy-mm-dd hh:mm:ss", from the caller's clock. */
  readonly time: string;
  /** The incoming file's name (without folders): the batch's source is "sync:<name>". */
  readonly incomingName: string;
}

/** Where a roster sheet's additions go, and the number its 序号 column (if numbered) continues from. */
export interface SheetLayout {
  readonly loc: RosterLocation;
  /** The last member row's 序号 when it is a number, else undefined. */
  readonly lastSerial?: number;
  /** What to write for a value of a field: the column's own spelling of it (column-spelling.ts); as given without. */
  readonly spell?: (field: SyncField, value: string) => string;
}

export interface AcceptedChanges {
  readonly updates: PlannedUpdate[];
  readonly additions: PlannedAddition[];
}

const addedId = (a: { key: string; row: number }) => `${a.key}\u0000${a.row}`;
const changeId = (c: { key: string; field: string; row: number }) => `${c.key}\u0000${c.field}\u0000${c.row}`;

/**
 * The changes the reviewer accepted: additions and updates unless set `"accept": false`, conflicts only where set
 * true. `edited` is the preview report handed back (else the diff's own, all defaults). An entry of the edited report
 * the diff does not have means the files changed since the preview: an Error saying so.
 */
export function acceptedChanges(diff: SyncDiff, edited: SyncReport = diff.report): AcceptedChanges {
  const addAccept = new Map(edited.added.map((a) => [addedId(a), a.accept]));
  const updAccept = new Map(edited.updated.map((u) => [changeId(u), u.accept]));
  const conAccept = new Map(edited.conflicts.map((c) => [changeId(c), c.accept]));
  const stale = (what: string) => new Error(`the preview report does not match the files any more (${what}); run the preview again`);
  const know = new Set([...diff.report.added.map(addedId), ...diff.report.updated.map(changeId), ...diff.report.conflicts.map(changeId)]);
  for (const k of [...addAccept.keys(), ...updAccept.keys(), ...conAccept.keys()]) if (!know.has(k)) throw stale(k.split("\u0000").filter(Boolean).join(" "));
  const updates: PlannedUpdate[] = [];
  diff.report.updated.forEach((u, i) => {
    if (updAccept.get(changeId(u)) === true) updates.push(diff.updates[i]);
  });
  diff.report.conflicts.forEach((c, i) => {
    const w = diff.conflictWrites[i];
    if (conAccept.get(changeId(c)) === true && w !== undefined) updates.push(w);
  });
  const additions = diff.additions.filter((_, i) => addAccept.get(addedId(diff.report.added[i])) === true);
  return { updates, additions };
}

/** The logged value: a number where the cell held a number (a revert puts a number back). */
const fromValue = (u: PlannedUpdate): string | number => (u.cell.numeric && u.cell.shown.trim() !== "" && Number.isFinite(Number(u.cell.shown)) ? Number(u.cell.shown) : u.cell.shown);

/** The plan: rows inserted, values written, the change log with one new batch. No changes: no batch, no log. */
export function planSync(
  accepted: AcceptedChanges, layouts: ReadonlyMap<string, SheetLayout>, log: readonly ChangeLogEntry[], opts: SyncPlanOptions,
): { plan: WritePlan; batch: number; entries: ChangeLogEntry[] } {
  const batch = nextBatch(log);
  const source = SYNC_SOURCE_PREFIX + opts.incomingName;
  const entries: ChangeLogEntry[] = [];
  const cellWrites: CellWrite[] = [];
  const entry = (sheet: string, row: number, col: number, key: string, field: string, from: string | number, to: string) =>
    entries.push(ChangeLogEntry.parse({ batch, time: opts.time, source, sheet, cell: `${columnLetter(col)}${row}`, key, field, from, to, reverted: false }));
  for (const u of accepted.updates) {
    const to = layouts.get(u.sheet)?.spell?.(u.field, u.to) ?? u.to;
    cellWrites.push({ sheet: u.sheet, row: u.row, col: u.cell.col + 1, value: to, expect: u.cell.shown });
    entry(u.sheet, u.row, u.cell.col, u.key, u.field, fromValue(u), to);
  }
  const rowInserts: RowInsert[] = [];
  const bySheet = new Map<string, PlannedAddition[]>();
  for (const a of accepted.additions) bySheet.set(a.sheet, [...(bySheet.get(a.sheet) ?? []), a]);
  for (const [sheet, adds] of bySheet) {
    const layout = layouts.get(sheet);
    if (!layout) throw new Error(`sync plan: no roster sheet "${sheet}"`);
    const { loc } = layout;
    const before = loc.memberRows.length ? loc.lastRow + 1 : loc.headerRow + 1;
    rowInserts.push({ sheet, before, count: adds.length });
    // logged before the rows' cells: a revert, taking the batch last entry first, empties them, then deletes them
    entries.push(ChangeLogEntry.parse({ batch, time: opts.time, source, sheet, cell: `A${before}`, key: "", field: INSERTED_ROWS_FIELD, from: "", to: adds.length, reverted: false }));
    adds.forEach((a, i) => {
      const row = before + i;
      const serialCol = loc.columns.ignored;
      if (serialCol !== undefined && layout.lastSerial !== undefined) {
        const n = layout.lastSerial + i + 1;
        cellWrites.push({ sheet, row, col: serialCol + 1, value: n, expect: "" });
        entries.push(ChangeLogEntry.parse({ batch, time: opts.time, source, sheet, cell: `${columnLetter(serialCol)}${row}`, key: a.key, field: "ignored", from: "", to: n, reverted: false }));
      }
      for (const [field, made] of Object.entries(a.values) as [SyncField, string][]) {
        const col = loc.columns[field];
        if (col === undefined || made === undefined || made === "") continue;
        const value = layout.spell?.(field, made) ?? made;
        cellWrites.push({ sheet, row, col: col + 1, value, expect: "" });
        entry(sheet, row, col, a.key, field, "", value);
      }
    });
  }
  if (entries.length === 0) return { plan: { sheets: [], removeRoles: [], cellWrites: [] }, batch, entries };
  return {
    plan: { sheets: [changeLogSheet([...log, ...entries], opts.lang)], removeRoles: [], rowInserts, cellWrites },
    batch,
    entries,
  };
}
