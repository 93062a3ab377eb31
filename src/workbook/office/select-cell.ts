/// <reference types="office-js" />
// Going to a cell in the open workbook: clicking an issue takes the user there.

/** Activates the sheet and selects the cell ("F7") on it, in one Excel.run. */
export async function selectCellInExcel(sheet: string, cell: string): Promise<void> {
  await Excel.run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem(sheet);
    ws.activate();
    ws.getRange(cell).select();
    await ctx.sync();
  });
}

/** A sheet's column (1-based) from row 1 to the end of the used range, as values (one read; used by the issue click). */
export async function readColumnInExcel(sheet: string, col: number): Promise<Array<string | number | boolean>> {
  return Excel.run(async (ctx) => {
    const used = ctx.workbook.worksheets.getItem(sheet).getUsedRange(true).load("rowIndex,rowCount");
    await ctx.sync();
    const range = ctx.workbook.worksheets.getItem(sheet).getRangeByIndexes(0, col - 1, used.rowIndex + used.rowCount, 1).load("values");
    await ctx.sync();
    return range.values.map((r) => r[0] as string | number | boolean);
  });
}
