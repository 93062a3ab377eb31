// Sync in Excel (the task pane's 同步 panel): the incoming file's bytes previewed against the open workbook, and
// the accepted changes applied in one Excel.run (one undo group where ExcelApi 1.20 exists), logged as one
// change-log batch, the check refreshed after; and the workbook's tables exported as CSV.
import { SyncReport } from "../domain/diff-schema";
import { acceptedChanges, planSync } from "../plan/sync-plan";
import { utf8WithBom, writeCsv } from "../csv/write-csv";
import { WORKBOOK_LABEL, runInWorkbook } from "../workbook/office";
import { checkPlan, checkWithin, readLog } from "./excel-check";
import { CheckOptions, checkpoint } from "./excel-run";
import { exportTables } from "./export-csv";
import { SyncPreview, layoutsOf, previewSync } from "./sync-preview";

export interface IncomingFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** What merging the file would change; nothing is written. */
export function previewSyncInExcel(incoming: IncomingFile, opts: CheckOptions): Promise<SyncPreview> {
  return runInWorkbook(async (wb) => {
    checkpoint(opts, { step: "reading" });
    const source = await wb.source();
    return previewSync(source, WORKBOOK_LABEL, incoming.bytes, incoming.name, { today: opts.today, asOf: opts.asOf, onProgress: (sheet) => checkpoint(opts, { step: "reading", sheet }) });
  }, { undoGroup: false });
}

export interface SyncOutcome {
  readonly batch?: number;
  readonly updates: number;
  readonly additions: number;
  readonly report: SyncReport;
}

/**
 * Applies the changes `accept` leaves accepted (the preview report with `accept` set per change): the workbook is
 * read and diffed afresh within the run, so a cell edited since the preview is refused, never overwritten.
 */
export function applySyncInExcel(incoming: IncomingFile, accept: SyncReport, opts: CheckOptions & { time: string }): Promise<SyncOutcome> {
  return runInWorkbook(async (wb) => {
    checkpoint(opts, { step: "reading" });
    const source = await wb.source();
    const preview = await previewSync(source, WORKBOOK_LABEL, incoming.bytes, incoming.name, { today: opts.today, asOf: opts.asOf });
    const accepted = acceptedChanges(preview.diff, accept);
    const log = await readLog(source);
    const { plan, batch, entries } = planSync(accepted, layoutsOf(preview), log, { lang: preview.lang, time: opts.time, incomingName: incoming.name });
    checkpoint(opts, { step: "writing" });
    if (entries.length) await wb.apply(plan);
    const check = await checkWithin(wb, { ...opts, signal: undefined, lang: preview.lang });
    await wb.apply(checkPlan(check, false));
    return { batch: entries.length ? batch : undefined, updates: accepted.updates.length, additions: accepted.additions.length, report: preview.diff.report };
  });
}

/** The workbook's roster and summary tables as CSV files (UTF-8 with BOM), IDs masked on request. */
export function exportCsvInExcel(opts: CheckOptions & { maskIds: boolean }): Promise<{ name: string; bytes: Uint8Array }[]> {
  return runInWorkbook(async (wb) => {
    const source = await wb.source();
    const { tables } = await exportTables(source, { today: opts.today, asOf: opts.asOf });
    return tables.map((t) => ({ name: `${t.name}.csv`, bytes: utf8WithBom(writeCsv(t, { maskIds: opts.maskIds })) }));
  }, { undoGroup: false });
}
