/// <reference types="office-js" />
// A sheet's dropdown lists (list data validations) read through office.js, resolved to their values as the file
// reader resolves them (src/workbook/xlsx/data-validations.ts), so the engine's column facts are the same in the
// add-in: a value from a column's own dropdown is never an error. Three syncs per sheet, as a rule:
//   1. getSpecialCellsOrNullObject("DataValidations") over the used range (ExcelApi 1.9): which cells have a rule;
//   2. dataValidation type and rule per column of each area (ExcelApi 1.8); a column whose cells mix rules reads
//      "Inconsistent" (https://learn.microsoft.com/javascript/api/excel/excel.datavalidationtype) and is halved
//      until each part reads one rule (one more sync a round, rarely needed);
//   3. the values of each list whose source is a reference: rule.list.source reads "男,女" for a typed list
//      (office-js-docs#1314) and "=字典!$A$2:$A$3" or "=民族列表" (a name) for a reference.
// Lists only help (they keep false alarms away): where the host cannot read them, the check goes on without them.
import { CellValue, ListValidation } from "../../domain/grid";
import { cellText } from "../../domain/normalise/text";
import { rangeReference } from "../xlsx/data-validations";
import { Rect, parseAreas } from "./areas";

/** Column segments whose rule is asked for at most (a roster has some dozens of columns with dropdowns). */
const MAX_SEGMENTS = 512;
/** Rounds of halving a column whose cells mix rules (2^20 rows: Excel's sheet). */
const MAX_ROUNDS = 21;
/** Cells a referenced list may have (as the file reader). */
const MAX_LIST_CELLS = 100_000;

export interface ListSheets {
  /** The sheet the lists are read for. */
  readonly name: string;
  /** Workbook-level names: name -> formula without "=". */
  readonly definedNames: ReadonlyMap<string, string>;
  /** The worksheet a list's reference names, or undefined where the workbook has no such sheet. */
  worksheet(name: string): Excel.Worksheet | undefined;
}

/** The list validations over `used` on `ws`, each with the values its dropdown offers. */
export async function readListValidations(context: Excel.RequestContext, ws: Excel.Worksheet, used: Rect, book: ListSheets): Promise<ListValidation[]> {
  // getSpecialCells on one cell searches the whole sheet (as in VBA): a one-cell sheet holds no roster anyway
  if (used.r0 === used.r1 && used.c0 === used.c1) return [];
  try {
    const whole = ws.getRangeByIndexes(used.r0, used.c0, used.r1 - used.r0 + 1, used.c1 - used.c0 + 1);
    const areas = whole.getSpecialCellsOrNullObject("DataValidations").load("address");
    await context.sync();
    if (areas.isNullObject) return [];
    const bySource = new Map<string, Rect[]>();
    // an area is cells with some rule, not cells with one rule: a column that reads "Inconsistent" is halved until
    // each part has one rule (one sync a round; a boundary is found in log2(rows) rounds)
    let todo = columnSegments(parseAreas(areas.address));
    for (let round = 0; todo.length > 0 && round < MAX_ROUNDS; round++) {
      const rules = todo.map((s) => ws.getRangeByIndexes(s.r0, s.c0, s.r1 - s.r0 + 1, 1).dataValidation.load("type,rule"));
      await context.sync();
      const next: Rect[] = [];
      rules.forEach((dv, i) => {
        const seg = todo[i];
        if (dv.type === "Inconsistent" && seg.r1 > seg.r0) {
          const mid = seg.r0 + Math.floor((seg.r1 - seg.r0) / 2);
          next.push({ ...seg, r1: mid }, { ...seg, r0: mid + 1 });
        }
        const source = dv.type === "List" ? dv.rule.list?.source : undefined;
        if (typeof source !== "string" || source.trim() === "") return;
        const list = bySource.get(source);
        if (list) list.push(seg);
        else bySource.set(source, [seg]);
      });
      todo = next.slice(0, MAX_SEGMENTS);
    }
    return await resolveSources(context, bySource, book);
  } catch {
    return []; // an older host without these APIs: the check runs as before, on the column's values alone
  }
}

/** Each area cut into one-column segments (a rule is asked per column), at most MAX_SEGMENTS of them. */
function columnSegments(areas: Rect[]): Rect[] {
  const out: Rect[] = [];
  for (const a of areas) {
    for (let c = a.c0; c <= a.c1 && out.length < MAX_SEGMENTS; c++) out.push({ r0: a.r0, c0: c, r1: a.r1, c1: c });
  }
  return out;
}

/** Parts of one column that touch, joined again (halving a mixed column cuts one rule's cells into pieces). */
function joined(parts: Rect[]): Rect[] {
  const out: Rect[] = [];
  for (const p of [...parts].sort((a, b) => a.c0 - b.c0 || a.r0 - b.r0)) {
    const last = out[out.length - 1];
    if (last && last.c0 === p.c0 && last.c1 === p.c1 && last.r1 + 1 === p.r0) out[out.length - 1] = { ...last, r1: p.r1 };
    else out.push(p);
  }
  return out;
}

async function resolveSources(context: Excel.RequestContext, bySource: Map<string, Rect[]>, book: ListSheets): Promise<ListValidation[]> {
  const out: ListValidation[] = [];
  const pending: { ranges: Rect[]; values: Excel.Range }[] = [];
  for (const [source, parts] of bySource) {
    const ranges = joined(parts);
    if (!source.trimStart().startsWith("=")) {
      const values = source.split(",").map((v) => v.trim()).filter((v) => v !== "");
      if (values.length) out.push({ ranges, values });
      continue;
    }
    const formula = source.trim().slice(1).trim();
    const ref = rangeReference(book.definedNames.get(formula) ?? formula);
    if (ref === undefined) continue; // a formula (OFFSET, INDIRECT): its values are not known before it is evaluated
    const { r0, c0, r1, c1 } = ref.range;
    if ((r1 - r0 + 1) * (c1 - c0 + 1) > MAX_LIST_CELLS) continue;
    const sheet = book.worksheet(ref.sheet ?? book.name);
    if (sheet === undefined) continue;
    pending.push({ ranges, values: sheet.getRangeByIndexes(r0, c0, r1 - r0 + 1, c1 - c0 + 1).load("values") });
  }
  if (pending.length) await context.sync();
  for (const p of pending) {
    const values: string[] = [];
    for (const row of p.values.values) {
      for (const v of row) {
        const t = cellText(v as CellValue, false).trim();
        if (t) values.push(t);
      }
    }
    if (values.length) out.push({ ranges: p.ranges, values });
  }
  return out;
}
