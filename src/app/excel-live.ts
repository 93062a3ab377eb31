/// <reference types="office-js" />
// Live re-check: Excel's worksheet change events (ExcelApi 1.9) on the roster sheets start a debounced re-check.
// The re-check is the full check (every roster read and checked, flags and sheets rewritten without switching the
// active sheet): the engine's cross-row rules (duplicate IDs, branch spellings) and the flag plan are whole-workbook,
// so checking only the edited rows would leave them wrong. A 100,000-row roster takes seconds; the delay absorbs typing.
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
export const LIVE_GRACE_MS = 1000;

/** Starts watching; the returned handle removes the event handler. */
export async function startLiveCheck(opts: LiveCheckOptions): Promise<LiveCheck> {
  const schedule = new LiveSchedule(opts.recheck, {
    delayMs: opts.delayMs ?? LIVE_DELAY_MS, graceMs: opts.graceMs ?? LIVE_GRACE_MS,
    isBusy: opts.isBusy, timers: opts.timers, onError: opts.onError,
  });
  const namesById = new Map<string, string>();
  const refreshNames = () => Excel.run(async (ctx) => {
    const ws = ctx.workbook.worksheets.load("items/id,items/name");
    await ctx.sync();
    namesById.clear();
    for (const s of ws.items) namesById.set(s.id, s.name);
  });
  await refreshNames();
  const onChanged = async (e: Excel.WorksheetChangedEventArgs): Promise<void> => {
    try {
      if (!namesById.has(e.worksheetId)) await refreshNames();
      const name = namesById.get(e.worksheetId);
      if (name !== undefined && opts.watchedSheets().has(name)) schedule.poke();
    } catch (err) {
      opts.onError?.(err);
    }
  };
  const handler = await Excel.run(async (ctx) => {
    const h = ctx.workbook.worksheets.onChanged.add(onChanged);
    await ctx.sync();
    return h;
  });
  return {
    async stop() {
      schedule.stop();
      // office.js removes a handler through the context that added it (EventHandlerResult.context).
      const batch = async (ctx: Excel.RequestContext) => {
        handler.remove();
        await ctx.sync();
      };
      const own = (handler as { context?: OfficeExtension.ClientRequestContext }).context;
      await (own ? Excel.run(own, batch) : Excel.run(batch));
    },
  };
}
