/// <reference types="office-js" />
// How big the open workbook is: rows in the used ranges of its worksheets.
import { sheetOfReference } from "../../domain/sheet-reference";
import { runExcel } from "./run";

/**
 * Rows in the used ranges (values and formulas only) of the worksheets, leaving out the sheets that a workbook-level
 * name starting with `namePrefix` refers to (the product's own sheets). One Excel.run, two syncs.
 */
export async function usedRowsOutsideNamed(namePrefix: string): Promise<number> {
  return runExcel(async (ctx) => {
    const ws = ctx.workbook.worksheets.load("items/name");
    const names = ctx.workbook.names.load("items/name,items/formula");
    await ctx.sync();
    const own = new Set(names.items.filter((n) => n.name.startsWith(namePrefix)).map((n) => sheetOfReference(n.formula)));
    const used = ws.items.filter((s) => !own.has(s.name)).map((s) => s.getUsedRangeOrNullObject(true).load("rowCount"));
    await ctx.sync();
    return used.reduce((n, u) => n + (u.isNullObject ? 0 : u.rowCount), 0);
  });
}
