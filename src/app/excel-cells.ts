/// <reference types="office-js" />
// Small reads and moves in the open workbook for the shells: go to a cell, and how big the workbook is.
import { PRODUCT_NAME_PREFIX } from "../domain/check";
import { sheetOfReference } from "../workbook/office/areas";
/** Activates the sheet and selects the cell ("F7") on it: clicking an issue takes the user there. */
export async function selectCell(sheet: string, cell: string): Promise<void> {
  await Excel.run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem(sheet);
    ws.activate();
    ws.getRange(cell).select();
    await ctx.sync();
  });
}

/** Rows in the used ranges of the worksheets (the product's own sheets left out: an issues list or flag sheet from an
 * earlier run is not roster to check): what the ribbon command weighs before checking without the pane. */
export async function usedRowsInExcel(): Promise<number> {
  return Excel.run(async (ctx) => {
    const ws = ctx.workbook.worksheets.load("items/name");
    const names = ctx.workbook.names.load("items/name,items/formula");
    await ctx.sync();
    const own = new Set(names.items.filter((n) => n.name.startsWith(PRODUCT_NAME_PREFIX)).map((n) => sheetOfReference(n.formula)));
    const used = ws.items.filter((s) => !own.has(s.name)).map((s) => s.getUsedRangeOrNullObject(true).load("rowCount"));
    await ctx.sync();
    return used.reduce((n, u) => n + (u.isNullObject ? 0 : u.rowCount), 0);
  });
}
