/// <reference types="office-js" />
// Deleting a worksheet the way Excel allows it: Worksheet.delete() fails with InvalidOperation on a very hidden sheet
// ("You should first change its visibility to hidden or visible before deleting it", Worksheet.delete in office-js),
// so a very hidden sheet (the flag sheet, a cut-off run's temporary one) is made hidden first, in the same request.
// Every sheet the back end deletes goes through here.

/** Queues the deletion of `ws`; `visibility` is what the sheet has now (as loaded, or as this run set it). */
export function deleteWorksheet(ws: Excel.Worksheet, visibility: string | undefined): void {
  if (visibility !== "Visible" && visibility !== "Hidden") ws.visibility = "Hidden";
  ws.delete();
}
