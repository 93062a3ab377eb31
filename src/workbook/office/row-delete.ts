/// <reference types="office-js" />
// A plan's row deletes (a sync's inserted rows, on its revert) in Excel: the rows read once the cell writes are done,
// those left empty (rowsLeftEmpty, the file back end's rule too) deleted with Excel's own Delete, bottom run first
// (references below move up; a range spanning the rows shrinks, so a 合计 row's SUM is as it was before the sync).
import { rowsLeftEmpty } from "../../plan/row-delete-rule";
import type { RowDelete } from "../../plan/write-plan";

export async function deleteRowsOffice(context: Excel.RequestContext, deletes: readonly RowDelete[]): Promise<void> {
  const wanted = deletes.filter((d) => d.count > 0);
  if (wanted.length === 0) return;
  const used = new Map<string, Excel.Range>();
  for (const d of wanted) if (!used.has(d.sheet)) used.set(d.sheet, context.workbook.worksheets.getItem(d.sheet).getUsedRangeOrNullObject(false).load("columnIndex,columnCount"));
  await context.sync();
  const reads = wanted.map((d) => {
    const u = used.get(d.sheet)!;
    if (u.isNullObject) return undefined;
    const ws = context.workbook.worksheets.getItem(d.sheet);
    return ws.getRangeByIndexes(d.first - 1, 0, d.count, u.columnIndex + u.columnCount).load("values, formulas");
  });
  await context.sync();
  const isEmpty = (sheet: string, row: number): boolean => {
    const i = wanted.findIndex((d) => d.sheet === sheet && row >= d.first && row < d.first + d.count);
    const r = reads[i];
    if (r === undefined) return true;
    const at = row - wanted[i].first;
    return r.values[at].every((v) => v === "" || v === null) && r.formulas[at].every((f) => !(typeof f === "string" && f.startsWith("=")));
  };
  for (const run of rowsLeftEmpty(wanted, isEmpty)) {
    context.workbook.worksheets.getItem(run.sheet).getRange(`${run.first}:${run.first + run.count - 1}`).delete(Excel.DeleteShiftDirection.up);
  }
  await context.sync();
}
