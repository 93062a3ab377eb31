// Range.insert(Excel.InsertShiftDirection.down) of whole rows, as Excel does it
// (https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-insert-member(1);
// https://support.microsoft.com/office/insert-or-delete-cells-rows-and-columns-6f40e6e4-85af-45e0-b39d-65dd504a3246):
//  1. everything at and below the first new row moves down: values, formulas, number formats;
//  2. every reference to the moved cells follows them, in formulas on any sheet and in names; a range that starts
//     above the new rows and ends at or below them grows; one that ends just above them does not (so a SUM over the
//     members above a totals row does not take in rows added under the last member: the add-in must grow it);
//  3. conditional formats, data validations, merged areas and format layers move or grow by the same rule;
//  4. the new rows take the number formats of the row above ("Format Same As Above", Excel's default);
//  5. nonblank cells are never pushed off the sheet: Excel refuses the insert ("To prevent possible loss of data,
//     Excel cannot shift nonblank cells off of the worksheet"; the error code the API gives is assumed here).
// Not modelled: frozen panes, tables, the selection.
import { MAX_ROWS, Rect } from "./fake-address";
import { FakeError, FakeSheet } from "./fake-model";

/** A row range (1-based rows a..b) after `count` rows are inserted before row `before`. */
function movedRows(a: number, b: number, before: number, count: number): [number, number] {
  if (a >= before) return [a + count, b + count];
  if (b >= before) return [a, b + count];
  return [a, b];
}

/** A 0-based rectangle moved or grown by the insert. */
export function movedRect(r: Rect, before: number, count: number): Rect {
  const [a, b] = movedRows(r.r0 + 1, r.r1 + 1, before, count);
  return { ...r, r0: a - 1, r1: Math.min(b - 1, MAX_ROWS - 1) };
}

// A reference: an optional sheet ('My sheet'! or 字典!), then a cell or a cell range, or a row range (3:5); not a
// function name (LOG10() nor part of a longer name.
const REF = /(?<![\w.\u4e00-\u9fff$])((?:'(?:[^']|'')+'|[A-Za-z_\u4e00-\u9fff][\w.\u4e00-\u9fff]*)!)?(?:(\$?[A-Z]{1,3})(\$?)(\d+)(?::(\$?[A-Z]{1,3})(\$?)(\d+))?|(\$?)(\d+):(\$?)(\d+))(?![\w(\u4e00-\u9fff])/g;

/** The formula with every reference to sheet `target` moved for `count` rows inserted before row `before`. */
export function shiftFormula(formula: string, onSheet: string, target: string, before: number, count: number): string {
  // string literals ("...", quotes doubled) are left alone
  return formula.split(/("(?:[^"]|"")*")/).map((part, i) => (i % 2 === 1 ? part : part.replace(REF, (all, sheet: string | undefined, ...g: string[]) => {
    const name = sheet === undefined ? onSheet : sheet.slice(0, -1).replace(/^'(.*)'$/, "$1").replace(/''/g, "'");
    if (name !== target) return all;
    const prefix = sheet ?? "";
    if (g[0] !== undefined) {
      const r1 = Number(g[2]);
      const r2 = g[5] !== undefined ? Number(g[5]) : r1;
      const [a, b] = movedRows(Math.min(r1, r2), Math.max(r1, r2), before, count);
      if (g[3] === undefined) return `${prefix}${g[0]}${g[1]}${a}`;
      return `${prefix}${g[0]}${g[1]}${a}:${g[3]}${g[4]}${b}`;
    }
    const [a, b] = movedRows(Number(g[7]), Number(g[9]), before, count);
    return `${prefix}${g[6]}${a}:${g[8]}${b}`;
  }))).join("");
}

/** Inserts `count` whole rows before 1-based row `before` of `sheet`. */
export function insertRows(sheet: FakeSheet, before: number, count: number): void {
  const at = before - 1;
  const used = sheet.usedRect(false);
  if (used && used.r1 + count >= MAX_ROWS) throw new FakeError("InvalidOperation", "To prevent possible loss of data, Excel cannot shift nonblank cells off of the worksheet.");
  const above = at > 0 ? sheet.rows[at - 1]?.nf : undefined;
  sheet.rows.splice(at, 0, ...Array.from({ length: count }, () => (above ? { v: [], nf: [...above] } : undefined)));
  const wb = sheet.wb;
  for (const s of wb.sheets) {
    for (const row of s.rows) {
      if (!row?.f) continue;
      row.f = row.f.map((f) => (f === undefined ? f : shiftFormula(f, s.name, sheet.name, before, count)));
    }
  }
  for (const n of wb.names) if (n.ref && n.ref.sheet === sheet) n.ref = { sheet, rect: movedRect(n.ref.rect, before, count) };
  const move = (rects: Rect[]) => rects.map((r) => movedRect(r, before, count));
  sheet.cfs.forEach((cf, i) => (sheet.cfs[i] = { ...cf, rects: move(cf.rects) }));
  sheet.validations.forEach((v, i) => (sheet.validations[i] = { ...v, rects: move(v.rects) }));
  sheet.merges.forEach((m, i) => (sheet.merges[i] = movedRect(m, before, count)));
  sheet.formats.forEach((l, i) => (sheet.formats[i] = { ...l, rects: move(l.rects) }));
  if (sheet.autoFilter) sheet.autoFilter = movedRect(sheet.autoFilter, before, count);
}
