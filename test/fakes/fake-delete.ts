// Range.delete(Excel.DeleteShiftDirection.up) of whole rows, as Excel does it
// (https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-delete-member(1);
// https://support.microsoft.com/office/insert-or-delete-cells-rows-and-columns-6f40e6e4-85af-45e0-b39d-65dd504a3246):
//  1. the rows go; everything below moves up: values, formulas, number formats;
//  2. every reference to the moved cells follows them, in formulas on any sheet and in names; a range reaching into
//     the deleted rows shrinks by the rows it loses; a reference to deleted cells only becomes #REF!;
//  3. conditional formats, data validations, merged areas and format layers move or shrink by the same rule, and go
//     where they covered deleted rows only.
// Not modelled: frozen panes, tables, the selection.
import { Rect } from "./fake-address";
import { FakeSheet } from "./fake-model";

/** A row range (1-based rows a..b) after `count` rows from `first` are deleted; undefined where all of it goes. */
function cutRows(a: number, b: number, first: number, count: number): [number, number] | undefined {
  const last = first + count - 1;
  if (b < first) return [a, b];
  if (a > last) return [a - count, b - count];
  if (a >= first && b <= last) return undefined;
  return [a < first ? a : first, b > last ? b - count : first - 1];
}

function cutRect(r: Rect, first: number, count: number): Rect | undefined {
  const rows = cutRows(r.r0 + 1, r.r1 + 1, first, count);
  return rows === undefined ? undefined : { ...r, r0: rows[0] - 1, r1: rows[1] - 1 };
}

const REF = /(?<![\w.\u4e00-\u9fff$])((?:'(?:[^']|'')+'|[A-Za-z_\u4e00-\u9fff][\w.\u4e00-\u9fff]*)!)?(\$?[A-Z]{1,3})(\$?)(\d+)(?::(\$?[A-Z]{1,3})(\$?)(\d+))?(?![\w(\u4e00-\u9fff])/g;

/** The formula with every reference to sheet `target` moved for the deletion. */
export function cutFormula(formula: string, onSheet: string, target: string, first: number, count: number): string {
  return formula.split(/("(?:[^"]|"")*")/).map((part, i) => (i % 2 === 1 ? part : part.replace(REF, (all, sheet: string | undefined, c1: string, d1: string, r1: string, c2?: string, d2?: string, r2?: string) => {
    const name = sheet === undefined ? onSheet : sheet.slice(0, -1).replace(/^'(.*)'$/, "$1").replace(/''/g, "'");
    if (name !== target) return all;
    const prefix = sheet ?? "";
    const rows = cutRows(Math.min(Number(r1), Number(r2 ?? r1)), Math.max(Number(r1), Number(r2 ?? r1)), first, count);
    if (rows === undefined) return `${prefix}#REF!`;
    return r2 === undefined ? `${prefix}${c1}${d1}${rows[0]}` : `${prefix}${c1}${d1}${rows[0]}:${c2}${d2}${rows[1]}`;
  }))).join("");
}

/** Deletes `count` whole rows from 1-based row `first` of `sheet`. */
export function deleteRows(sheet: FakeSheet, first: number, count: number): void {
  sheet.rows.splice(first - 1, count);
  const wb = sheet.wb;
  for (const s of wb.sheets) {
    for (const row of s.rows) {
      if (!row?.f) continue;
      row.f = row.f.map((f) => (f === undefined ? f : cutFormula(f, s.name, sheet.name, first, count)));
    }
  }
  for (const n of wb.names) {
    if (!n.ref || n.ref.sheet !== sheet) continue;
    const rect = cutRect(n.ref.rect, first, count);
    if (rect) n.ref = { sheet, rect };
  }
  const cut = (rects: Rect[]) => rects.flatMap((r) => cutRect(r, first, count) ?? []);
  sheet.cfs.splice(0, sheet.cfs.length, ...sheet.cfs.map((cf) => ({ ...cf, rects: cut(cf.rects) })).filter((cf) => cf.rects.length > 0));
  sheet.validations.splice(0, sheet.validations.length, ...sheet.validations.map((v) => ({ ...v, rects: cut(v.rects) })).filter((v) => v.rects.length > 0));
  sheet.merges.splice(0, sheet.merges.length, ...cut(sheet.merges));
  sheet.formats.splice(0, sheet.formats.length, ...sheet.formats.map((l) => ({ ...l, rects: cut(l.rects) })).filter((l) => l.rects.length > 0));
  if (sheet.autoFilter) sheet.autoFilter = cutRect(sheet.autoFilter, first, count) ?? sheet.autoFilter;
}
