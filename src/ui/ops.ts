// The operations the pane gets through its props: the task pane passes the Excel use cases (src/app/excel-*.ts);
// the web page will pass the same operations over a dropped file. No Office.js here.
import type { RunControl } from "../app/excel-run";
import type { ColumnOverride, SettingsView } from "../app/excel-settings";
import type { LiveCheck } from "../app/excel-live";
import type { Report } from "../domain/report-schema";
import type { Change } from "../domain/schema";
import type { SyncReport } from "../domain/diff-schema";
import type { SyncPreviewView } from "./SyncTab";
import type { Lang } from "../domain/vocabulary";

export interface FixResult {
  readonly batch?: number;
  readonly applied: number;
  readonly skipped: number;
  /** The check after the fix. */
  readonly report: Report;
}

export interface LiveOptions {
  readonly recheck: () => Promise<void>;
  readonly watchedSheets: () => ReadonlySet<string>;
  readonly isBusy: () => boolean;
  readonly onError: (e: unknown) => void;
}

export interface RosterOps {
  /** Check, flag and write the check sheets; `activate: false` leaves the active sheet as it is. */
  check(ctl: RunControl & { activate?: boolean }): Promise<Report>;
  /** Write these previewed changes (each logged first), then check again. */
  applyFixes(changes: readonly Change[], ctl: RunControl): Promise<FixResult>;
  /** Put a logged batch back (the newest revertible one when undefined); returns the batch and the fresh check. */
  revertBatch(batch: number | undefined, ctl: RunControl): Promise<{ batch: number; report: Report }>;
  /** Remove the flags and the product's report sheets; the change log too only with `dropLog`. */
  clear(ctl: RunControl, opts?: { dropLog?: boolean }): Promise<void>;
  /** Changes in the change log a revert could still put back (what dropping the log loses). */
  unrevertedChanges(ctl: RunControl): Promise<number>;
  writeSummaries(asOf: string, ctl: RunControl): Promise<Report>;
  readSettings(ctl: RunControl): Promise<SettingsView>;
  /** Returns the name of the settings sheet written. */
  saveColumnOverrides(overrides: readonly ColumnOverride[], lang: Lang, ctl: RunControl): Promise<string>;
  selectCell(sheet: string, cell: string): Promise<void>;
  /** Sync (the 同步 tab; absent where the shell has no sync): preview an incoming file, apply what `accept` keeps. */
  previewSync?(file: { name: string; bytes: Uint8Array }, ctl: RunControl): Promise<SyncPreviewView>;
  applySync?(file: { name: string; bytes: Uint8Array }, accept: SyncReport, ctl: RunControl): Promise<{ batch?: number; updates: number; additions: number }>;
  /** Exports the roster and summary tables as CSV files (the shell saves them); returns how many. */
  exportCsv?(maskIds: boolean, ctl: RunControl): Promise<number>;
  /** Live re-check; absent where the back end cannot watch edits. */
  startLive?(opts: LiveOptions): Promise<LiveCheck>;
}
