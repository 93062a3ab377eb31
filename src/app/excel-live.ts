// Live re-check: Excel's worksheet change events (ExcelApi 1.9) on the roster sheets start a debounced re-check.
// The re-check is the full check (every roster read and checked, flags and sheets rewritten without switching the
// active sheet): the engine's cross-row rules (duplicate IDs, branch spellings) and the flag plan are whole-workbook,
// so checking only the edited rows would leave them wrong. A 100,000-row roster takes seconds; the delay absorbs typing.
import { watchSheetChanges } from "../workbook/office";
import { LiveSchedule, ScheduleOptions } from "./excel-live-schedule";

export interface LiveCheckOptions extends Partial<ScheduleOptions> {
  /** The re-check itself (the shell runs it like a manual check, with progress, leaving the active sheet alone). */
  readonly recheck: () => Promise<void>;
  /** Names of the sheets whose edits matter (the rosters of the last check). */
  readonly watchedSheets: () => ReadonlySet<string>;
}

export interface LiveCheck {
  stop(): Promise<void>;
}

export const LIVE_DELAY_MS = 1500;

/** Starts watching; the returned handle removes the event handler. */
export async function startLiveCheck(opts: LiveCheckOptions): Promise<LiveCheck> {
  const schedule = new LiveSchedule(opts.recheck, {
    delayMs: opts.delayMs ?? LIVE_DELAY_MS,
    isBusy: opts.isBusy, timers: opts.timers, onError: opts.onError,
  });
  const watch = await watchSheetChanges((sheet, change) => {
    // A co-author's edit (Excel on the web, shared workbooks) is re-checked in their own pane, not rewritten from every
    // open one; this add-in's own writes are not edits to answer.
    if (change.source === "Remote" || change.triggerSource === "ThisLocalAddin") return;
    if (opts.watchedSheets().has(sheet)) schedule.poke();
  }, opts.onError);
  return {
    async stop() {
      schedule.stop();
      await watch.stop();
    },
  };
}
