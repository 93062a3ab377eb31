/// <reference types="office-js" />
// Worksheet change events (ExcelApi 1.9) in the open workbook, reported by sheet name.
import { runExcel } from "./run";

/** Who made a change: `source` "Local" or "Remote" (a co-author); `triggerSource` (ExcelApi 1.14) "ThisLocalAddin"
 * for this add-in's own writes, else "Unknown" (or undefined on older hosts). */
export interface ChangeOrigin {
  readonly source?: string;
  readonly triggerSource?: string;
}

export interface SheetChangeWatch {
  /** Removes the event handler. */
  stop(): Promise<void>;
}

/**
 * Calls `onSheetChanged` with the name of each worksheet an edit changed (sheet ids are mapped to names, the map
 * refreshed when an unknown id turns up). What `onSheetChanged` or the refresh throws goes to `onError`.
 */
export async function watchSheetChanges(onSheetChanged: (sheet: string, origin: ChangeOrigin) => void, onError?: (e: unknown) => void): Promise<SheetChangeWatch> {
  const namesById = new Map<string, string>();
  const refreshNames = () => runExcel(async (ctx) => {
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
      if (name !== undefined) onSheetChanged(name, { source: e.source, triggerSource: (e as { triggerSource?: string }).triggerSource });
    } catch (err) {
      onError?.(err);
    }
  };
  const handler = await runExcel(async (ctx) => {
    const h = ctx.workbook.worksheets.onChanged.add(onChanged);
    await ctx.sync();
    return h;
  });
  return {
    async stop() {
      // office.js removes a handler through the context that added it (EventHandlerResult.context).
      const batch = async (ctx: Excel.RequestContext) => {
        handler.remove();
        await ctx.sync();
      };
      const own = (handler as { context?: OfficeExtension.ClientRequestContext }).context;
      await (own ? Excel.run(own, batch) : runExcel(batch));
    },
  };
}
