/// <reference types="office-js" />
// Going to a cell in the open workbook: clicking an issue takes the user there.
import { runExcel } from "./run";

/** Activates the sheet and selects the cell ("F7") on it, in one Excel.run. */
export async function selectCellInExcel(sheet: string, cell: string): Promise<void> {
  await runExcel(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem(sheet);
    ws.activate();
    ws.getRange(cell).select();
    await ctx.sync();
  });
}
