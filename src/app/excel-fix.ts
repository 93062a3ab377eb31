// Fixes and their undoing in Excel: the report's normalisations written into the roster (each logged first in the
// change-log sheet), and a logged batch put back. Each runs as one Excel.run, so where ExcelApi 1.20 exists a fix or a
// revert, with the check refreshed after it, is one Ctrl+Z.
import { ChangeLogEntry } from "../plan/change-log";
import { planFix, planRevert } from "../plan/plan-check";
import { Report } from "../domain/report-schema";
import { Change } from "../domain/schema";
import { CellWritesCancelledError, PlanCancelledError, runInWorkbook } from "../workbook/office";
import { ExcelCheck, applyThenRecheck, readAndCheck } from "./excel-check";
import { CancelledError, CheckOptions, checkpoint } from "./excel-run";

/** What a fix would write: the report's changes (cell, old text, new text). */
export function previewFixes(report: Report): readonly Change[] {
  return report.changes;
}

/** A change's identity: the same cell, field and values (one key, so choosing the previewed ones is one pass). */
const changeKey = (c: Change): string => [c.sheet, c.row, c.column, c.field, c.from, c.to].join("\u0000");

export interface FixOutcome {
  /** The batch logged; undefined where nothing was written. */
  readonly batch?: number;
  readonly applied: readonly Change[];
  /** Previewed changes no longer offered by a fresh check (the cell was edited since): not written. */
  readonly skipped: number;
  /** The check after the fix. */
  readonly check: ExcelCheck;
}

/**
 * Writes the normalisations: the workbook is checked afresh, and of its changes only those the user previewed are
 * written (all of them when `changes` is not given). The change log (with a new batch) is written before the cells;
 * a cell edited since the check is refused by the back end, so nothing is overwritten unseen. Then the check is
 * refreshed, flags and sheets included, in the same Excel.run.
 */
export async function applyFixesInExcel(opts: CheckOptions & { time: string; changes?: readonly Change[] }): Promise<FixOutcome> {
  const first = await readAndCheck(opts, true);
  const offered = first.report.changes;
  const previewed = opts.changes && new Set(opts.changes.map(changeKey));
  const wanted = previewed ? offered.filter((c) => previewed.has(changeKey(c))) : offered;
  const skipped = opts.changes ? opts.changes.length - wanted.length : 0;
  if (wanted.length === 0) return { applied: [], skipped, check: first };
  checkpoint(opts, { step: "fixing" });
  const lang = first.result.language;
  // planFix keeps identity with report.changes (numbers logged as numbers), so the subset is of the same objects.
  const fix = planFix(first.result, { ...first.report, changes: wanted }, first.log, { lang, unit: first.result.unit, time: opts.time, source: "fix", date1904: first.date1904 });
  // Only the change log and the cell writes: the refreshed check writes the issues, summary and flags right after.
  const plan = { sheets: fix.plan.sheets.filter((s) => s.role === "changelog"), removeRoles: [], cellWrites: fix.plan.cellWrites };
  try {
    const check = await runInWorkbook((wb) => applyThenRecheck(wb, plan, { ...opts, lang }, true));
    return { batch: fix.batch, applied: fix.applied, skipped, check };
  } catch (e) {
    if (e instanceof PlanCancelledError) throw new CancelledError();
    if (!(e instanceof CellWritesCancelledError)) throw e;
    opts.onProgress?.({ step: "reverting" });
    // Cancelled among the cell writes: the batch is logged and partly written. Put back what was written (the cells
    // not reached already show their old values, so the revert leaves them), logged as the batch reverted: the batch
    // is then in the workbook not at all, and the change log says so.
    const undo = planRevert(fix.log, fix.batch, { lang, time: opts.time });
    await runInWorkbook((wb) => wb.apply(undo, { onProgress: (done, total) => opts.onProgress?.({ step: "reverting", done, total }) }));
    throw new CancelledError(fix.batch);
  }
}

/** The newest batch that can still be reverted: a fix or sync not itself a revert, with entries not yet reverted. */
export function lastRevertibleBatch(log: readonly ChangeLogEntry[]): number | undefined {
  const reverts = new Set(log.filter((e) => e.source === "revert").map((e) => e.batch));
  let last: number | undefined;
  for (const e of log) if (!reverts.has(e.batch) && !e.reverted && (last === undefined || e.batch > last)) last = e.batch;
  return last;
}

export class NothingToRevertError extends Error {
  constructor() {
    super("the change log holds no batch that can be reverted");
    this.name = "NothingToRevertError";
  }
}

/**
 * Puts one logged batch back (the newest revertible one when `batch` is not given), logs the revert as a new batch,
 * then refreshes the check sheets and flags where the workbook had them.
 */
export async function revertBatchInExcel(opts: CheckOptions & { time: string; batch?: number }): Promise<{ batch: number; check: ExcelCheck }> {
  const first = await readAndCheck(opts, true);
  const batch = opts.batch ?? lastRevertibleBatch(first.log);
  if (batch === undefined) throw new NothingToRevertError();
  const lang = first.result.language;
  const plan = planRevert(first.log, batch, { lang, time: opts.time });
  checkpoint(opts, { step: "reverting" });
  const check = await runInWorkbook((wb) => applyThenRecheck(wb, plan, { ...opts, lang }, first.hadIssuesSheet, "reverting"));
  return { batch, check };
}
