/// <reference types="office-js" />
// Excel.run for the product. Every batch waits while the user is editing a cell (delayForCellEdit: without it a batch
// that reaches Excel mid-edit fails, https://learn.microsoft.com/javascript/api/excel/excel.runoptions), so a live
// re-check or the ribbon command never fails because the clerk is typing. Undo groups (mergeUndoGroup, ExcelApi 1.20)
// are asked for only by the cell writes of a fix, a revert or a sync: an API without undo support inside a group
// throws UndoNotSupported (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-undo-capabilities lists
// Worksheet.delete, and a sheet's name, position and visibility on Windows and Mac; office-js issue 6491: about 1,600
// formulas), so sheet swaps and the product sheets' formulas always run outside one. Elsewhere Excel records one undo
// step per writing sync, and the change log with `revert` is what undoes a batch.

/** Whether the host supports ExcelApi `version` (false where there is no Office at all, as in tests without it). */
export function supportsExcelApi(version: string): boolean {
  return typeof Office !== "undefined" && Office.context?.requirements?.isSetSupported("ExcelApi", version) === true;
}

/**
 * Excel.run with delayForCellEdit; with `undoGroup`, as one undo group where the host can (ExcelApi 1.20). Only cell
 * value writes may ask for the group. Returns or rethrows what the batch does.
 */
export function runExcel<T>(batch: (ctx: Excel.RequestContext) => Promise<T>, opts: { undoGroup?: boolean } = {}): Promise<T> {
  const options: Excel.RunOptions = { delayForCellEdit: true };
  if (opts.undoGroup === true && supportsExcelApi("1.20")) options.mergeUndoGroup = true;
  return Excel.run(options, batch);
}
