// Use cases over the workbook open in Excel (the Office.js back end): check, write the summaries, clear. Reads run in
// one Excel.run (runInWorkbook) through the session's source; writes go through the session's apply or
// applyPlanInExcel, one undo group where ExcelApi 1.20 exists.
import { Report } from "../domain/report-schema";
import { ChangeLogEntry, readChangeLog, unrevertedChanges } from "../plan/change-log";
import { CheckedGrids, planCheck, planClear } from "../plan/plan-check";
import { WritePlan } from "../plan/write-plan";
import { OfficeSession, WORKBOOK_LABEL, applyPlanInExcel, runInWorkbook } from "../workbook/office";
import { buildReport } from "./build-report";
import { checkRoster } from "./check-roster";
import { rememberMemberLinks } from "./excel-cells";
import { CheckOptions, RunControl, checkpoint } from "./excel-run";
import { productSheetName } from "./product-sheets";
import { WorkbookSource } from "./workbook-source";

export interface ExcelCheck {
  readonly report: Report;
  readonly result: CheckedGrids;
}

export interface CheckInExcelOptions extends CheckOptions {
  /** Open the issues sheet after writing it (default true; the live re-check leaves the user where they are). */
  readonly activate?: boolean;
}

/** A source that stops at the caller's cancel before each sheet it reads. */
function cancellable(source: WorkbookSource, ctl: RunControl): WorkbookSource {
  return {
    ...source,
    readSheet(name, opts) {
      checkpoint(ctl);
      return source.readSheet(name, opts);
    },
  };
}

/** The change log the workbook holds (empty where it has none). */
export async function readLog(source: WorkbookSource): Promise<ChangeLogEntry[]> {
  const name = productSheetName(source, "changelog");
  return name === undefined ? [] : readChangeLog(await source.readSheet(name), source.date1904);
}

/** Checks the workbook within a request context that is already open (no writes). */
export async function checkWithin(wb: OfficeSession, opts: CheckOptions): Promise<ExcelCheck & { source: WorkbookSource }> {
  checkpoint(opts, { step: "reading" });
  const source = cancellable(await wb.source(), opts);
  const result = await checkRoster(source, {
    today: opts.today, asOf: opts.asOf, lang: opts.lang,
    onProgress: (sheet) => checkpoint(opts, { step: "reading", sheet }),
  });
  checkpoint(opts, { step: "checking" });
  return { result, report: buildReport(result, WORKBOOK_LABEL), source };
}

/** Reads and checks the workbook, without writing; with `withLog`, also its change log. */
export function readAndCheck(opts: CheckOptions, withLog = false): Promise<ExcelCheck & { log: ChangeLogEntry[]; hadIssuesSheet: boolean; date1904: boolean }> {
  return runInWorkbook(async (wb) => {
    const { result, report, source } = await checkWithin(wb, opts);
    const log = withLog ? await readLog(source) : [];
    return { result, report, log, hadIssuesSheet: productSheetName(source, "issues") !== undefined, date1904: source.date1904 };
  });
}

/** The check's plan for a result: issues, summary, tallies and flags; the issues sheet opened unless told not to. */
export function checkPlan(check: ExcelCheck, activate = true): WritePlan {
  const plan = planCheck(check.result, check.report, { lang: check.result.language, unit: check.result.unit });
  return activate ? plan : { ...plan, activate: undefined };
}

/**
 * The one-click check: reads every roster, checks it, then flags the problem cells and writes the issues, summary and
 * (where there is anything to tally) projects-and-jobs sheets. Cancelling works until the writing starts.
 */
export async function checkInExcel(opts: CheckInExcelOptions): Promise<ExcelCheck> {
  const check = await readAndCheck(opts);
  checkpoint(opts, { step: "writing" });
  await applyPlanInExcel(checkPlan(check, opts.activate !== false));
  rememberMemberLinks(check);
  return { report: check.report, result: check.result };
}

/**
 * Writes only the summary and projects-and-jobs sheets, as of `asOf` (flags and the issues list stay as they are);
 * the summary sheet is opened.
 */
export async function writeSummariesInExcel(opts: CheckOptions & { asOf: string }): Promise<ExcelCheck> {
  const check = await readAndCheck(opts);
  checkpoint(opts, { step: "writing" });
  const full = checkPlan(check);
  const plan: WritePlan = {
    sheets: full.sheets.filter((s) => s.role === "summary" || s.role === "tallies"),
    removeRoles: full.removeRoles,
    cellWrites: [],
    activate: "summary",
  };
  await applyPlanInExcel(plan);
  return { report: check.report, result: check.result };
}

/** Removes the flags and the product's report sheets (the settings sheet stays: staff wrote it; the change log
 * stays, so revert keeps working, unless `dropLog`). */
export async function clearInExcel(ctl: RunControl = {}, opts: { dropLog?: boolean } = {}): Promise<void> {
  checkpoint(ctl, { step: "clearing" });
  await applyPlanInExcel(planClear({ dropLog: opts.dropLog }));
}

/** The changes in the workbook's change log that a revert could still put back (0 without a log). */
export async function unrevertedChangesInExcel(ctl: RunControl = {}): Promise<number> {
  checkpoint(ctl, { step: "reading" });
  return runInWorkbook(async (wb) => unrevertedChanges(await readLog(await wb.source())));
}

/**
 * Applies a plan and then refreshes the check in the same Excel.run (the plan's cell writes in an undo group of their
 * own). The cell writes report their progress as `step`, and stop at the caller's cancel (CellWritesCancelledError,
 * from the back end) where `step` is "fixing".
 */
export async function applyThenRecheck(wb: OfficeSession, plan: WritePlan, opts: CheckOptions, refresh: boolean, step: "fixing" | "reverting" = "fixing"): Promise<ExcelCheck> {
  await wb.apply(plan, {
    signal: step === "fixing" ? opts.signal : undefined,
    onProgress: (done, total) => opts.onProgress?.({ step, done, total }),
  });
  // The cells are written: the batch is whole, and the re-check runs to its end (no cancel offered for it).
  opts.onProgress?.({ step: "writing" });
  const { source: _source, ...check } = await checkWithin(wb, { ...opts, signal: undefined, onProgress: undefined });
  if (refresh) await wb.apply(checkPlan(check, false));
  rememberMemberLinks(check);
  return check;
}
