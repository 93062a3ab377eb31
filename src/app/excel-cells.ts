// Small reads and moves in the open workbook for the shells: go to a cell, and how big the workbook is.
import { PRODUCT_NAME_PREFIX } from "../domain/check";
import { selectCellInExcel, usedRowsOutsideNamed } from "../workbook/office";
/** Activates the sheet and selects the cell ("F7") on it: clicking an issue takes the user there. */
export async function selectCell(sheet: string, cell: string): Promise<void> {
  await selectCellInExcel(sheet, cell);
}

/** Rows in the used ranges of the worksheets (the product's own sheets left out: an issues list or flag sheet from an
 * earlier run is not roster to check): what the ribbon command weighs before checking without the pane. */
export async function usedRowsInExcel(): Promise<number> {
  return usedRowsOutsideNamed(PRODUCT_NAME_PREFIX);
}
