/// <reference types="office-js" />
// A plan's row inserts (a sync's additions) in Excel: whole rows inserted with Excel's own Insert (references below
// move, validations and formats follow), then the formulas below the new rows that summed the members (a range ending
// on the row just above them, which Excel does not grow) made to take them in, as the file back end does.
import type { RowInsert } from "../../plan/write-plan";
import { growFormula } from "../xlsx-write/formula-shift";

export async function insertRowsOffice(context: Excel.RequestContext, inserts: readonly RowInsert[]): Promise<void> {
  const ordered = [...inserts].filter((i) => i.count > 0).sort((a, b) => (a.sheet === b.sheet ? b.before - a.before : 0));
  for (const ins of ordered) {
    const ws = context.workbook.worksheets.getItem(ins.sheet);
    ws.getRange(`${ins.before}:${ins.before + ins.count - 1}`).insert(Excel.InsertShiftDirection.down);
    const used = ws.getUsedRange(true).load("rowIndex,rowCount,columnCount");
    await context.sync();
    const first = ins.before + ins.count; // 1-based: the first row below the new ones
    const last = used.rowIndex + used.rowCount;
    if (last < first) continue;
    const below = ws.getRangeByIndexes(first - 1, 0, last - first + 1, used.columnCount).load("formulas");
    await context.sync();
    const shift = { before: ins.before, count: ins.count };
    below.formulas.forEach((row, r) => row.forEach((f, c) => {
      if (typeof f !== "string" || !f.startsWith("=")) return;
      const grown = growFormula(f, ins.sheet, true, shift);
      if (grown !== f) ws.getRangeByIndexes(first - 1 + r, c, 1, 1).formulas = [[grown]];
    }));
    await context.sync();
  }
}
