// Deleting rows from a worksheet by package surgery, as Excel's Delete does (a sync's inserted rows, on its revert):
// the rows go with their cells; the rows below move up with their cells, formulas, merges, validations, conditional
// formats, links and page breaks; references follow, a range spanning the deleted rows shrinks (formula-shift.ts's
// cutRange: the 合计 row's SUM(K3:K12) is SUM(K3:K10) again), what lay only in them goes (#REF! in a formula).
import { openXlsx } from "../xlsx";
import { rowsLeftEmpty } from "../../plan/row-delete-rule";
import type { RowDelete } from "../../plan/write-plan";
import { RowCut, cutFormula, cutRefList } from "./formula-shift";
import { RowMove, moveFormulas, moveRows, splitSheetData } from "./row-insert";

const ROW_EL = /<((?:[A-Za-z_][\w.-]*:)?)row\b([^>]*?)(\/>|>[\s\S]*?<\/\1row>)/g;

const cutMove = (c: RowCut): RowMove => ({
  formula: (f, sheet, local) => cutFormula(f, sheet, local, c),
  refList: (list) => cutRefList(list, c),
});

/** The worksheet's own XML with `count` rows from `first` deleted. */
export function deleteRowsInSheet(xml: string, sheet: string, c: RowCut): string {
  let { head, data, tail } = splitSheetData(xml);
  const last = c.first + c.count - 1;
  data = data.replace(ROW_EL, (all, _p: string, attrs: string) => {
    const r = /\sr="(\d+)"/.exec(attrs);
    const n = r ? Number(r[1]) : 0;
    if (n >= c.first && n <= last) return "";
    if (n <= last) return all;
    return all
      .replace(/^(<(?:[\w.-]+:)?row\b[^>]*?\sr=")(\d+)(")/, (_, a: string, v: string, z: string) => `${a}${Number(v) - c.count}${z}`)
      .replace(/(<(?:[\w.-]+:)?c\b[^>]*?\sr="\$?[A-Z]{1,3}\$?)(\d+)(")/g, (_, a: string, v: string, z: string) => `${a}${Number(v) > last ? Number(v) - c.count : v}${z}`);
  });
  const move = cutMove(c);
  data = moveFormulas(data, sheet, true, move);
  head = head.replace(/(<(?:[\w.-]+:)?dimension\b[^>]*?\sref=")([^"]*)(")/, (_, a: string, v: string, z: string) => `${a}${cutRefList(v, c) || "A1"}${z}`);
  tail = moveFormulas(tail, sheet, true, move)
    // merges and links only in deleted rows go
    .replace(/<((?:[\w.-]+:)?)(mergeCell|hyperlink)\b([^>]*?)\sref="([^"]*)"([^>]*?)(\/>|>[\s\S]*?<\/\1\2>)/g,
      (_, p: string, name: string, a1: string, v: string, a2: string, end: string) => {
        const ref = cutRefList(v, c);
        return ref === "" ? "" : `<${p}${name}${a1} ref="${ref}"${a2}${end}`;
      })
    .replace(/(<(?:[\w.-]+:)?autoFilter\b[^>]*?\sref=")([^"]*)(")/g, (_, a: string, v: string, z: string) => `${a}${cutRefList(v, c) || v}${z}`)
    .replace(/(\ssqref=")([^"]*)(")/g, (_, a: string, v: string, z: string) => `${a}${cutRefList(v, c)}${z}`)
    // a validation or conditional format left with no cells goes
    .replace(/<((?:[\w.-]+:)?)(dataValidation|conditionalFormatting)\b[^>]*?\ssqref=""[\s\S]*?<\/\1\2>/g, "")
    .replace(/(<(?:[\w.-]+:)?rowBreaks\b[\s\S]*?<\/(?:[\w.-]+:)?rowBreaks>)/, (rb: string) => {
      const kept = rb.replace(/<(?:[\w.-]+:)?brk\b[^>]*?\sid="(\d+)"[^>]*?\/>/g, (brk: string, n: string) =>
        Number(n) >= c.first && Number(n) <= last ? "" : Number(n) > last ? brk.replace(/(\sid=")\d+/, `$1${Number(n) - c.count}`) : brk);
      if (kept === rb) return rb;
      const brks = kept.match(/<(?:[\w.-]+:)?brk\b[^>]*>/g) ?? [];
      return kept.replace(/\scount="\d+"/, ` count="${brks.length}"`)
        .replace(/\smanualBreakCount="\d+"/, ` manualBreakCount="${brks.filter((b) => /\sman="(1|true)"/.test(b)).length}"`);
    });
  tail = tail.replace(/(<(?:[\w.-]+:)?mergeCells\b[^>]*?\scount=")\d+(")([\s\S]*?<\/(?:[\w.-]+:)?mergeCells>)/, (_, a: string, z: string, body: string) =>
    `${a}${(body.match(/<(?:[\w.-]+:)?mergeCell\b/g) ?? []).length}${z}${body}`);
  tail = tail.replace(/<((?:[\w.-]+:)?)mergeCells\b[^>]*>\s*<\/\1mergeCells>/, "");
  return head + data + tail;
}

/**
 * The package (written: the revert's cell writes done) with the rows a sync inserted deleted, those left empty
 * (rowsLeftEmpty, the rule both back ends share); every part it has no business with stays as it was.
 */
export function deleteRows(input: Uint8Array, fileName: string, deletes: readonly RowDelete[], level: number): Uint8Array {
  const wb = openXlsx(input, fileName);
  const grids = new Map<string, ReturnType<typeof wb.readSheet>>();
  const isEmpty = (sheet: string, row: number): boolean => {
    let g = grids.get(sheet);
    if (g === undefined) grids.set(sheet, (g = wb.readSheet(sheet)));
    const cells = g.rows[row - 1];
    if (cells !== undefined && cells.some((v) => v !== undefined && v !== null && v !== "")) return false;
    for (const k of g.formulaCells) if (Math.floor(k / 16384) === row - 1) return false;
    return true;
  };
  const runs = rowsLeftEmpty(deletes, isEmpty);
  if (runs.length === 0) return input;
  return moveRows(input, fileName, wb.workbookPart, runs.map((d) => {
    const c: RowCut = { first: d.first, count: d.count };
    return { sheet: d.sheet, own: (xml: string) => deleteRowsInSheet(xml, d.sheet, c), move: cutMove(c) };
  }), level);
}
