/// <reference types="office-js" />
// A plan's cell writes (fixes, a revert): read the target cells first (values, number formats and the formula
// cells among them), refuse the whole plan when any target holds a formula or no longer shows what the plan
// expects, and only then write, in bands of rows with null for every cell left alone.
import { CellValue, cellKey, columnLetter } from "../../domain/grid";
import { cellText, numberText } from "../../domain/normalise/text";
import type { CellWrite } from "../../plan/write-plan";
import { isDateFormatCode } from "../xlsx/number-format";
import { PlanConflictError } from "../xlsx-write/errors";
import { parseAreas } from "./areas";
import { TARGET_BYTES, valueBytes } from "./payload";
import { SyncBudget } from "./sync-budget";
import { asText } from "./typed-text";

/** What errors name as the file (office.js has no file name to give). */
export const WORKBOOK_LABEL = "the open workbook";
const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;
/** Rows apart that still share one band (the rows between are read, or written as null, with it). */
const GAP = 16;

interface Band {
  readonly sheet: string;
  readonly r0: number;
  readonly r1: number;
  readonly c0: number;
  readonly c1: number;
}

/** Bands of rows over the columns written in them; `cellsPerBand` bounds a band's size. */
function bands(sheet: string, keys: readonly number[], cellsPerBand: number): Band[] {
  const cells = [...new Set(keys)].sort((a, b) => a - b).map((k) => ({ r: Math.floor(k / MAX_COLS), c: k % MAX_COLS }));
  const out: Band[] = [];
  let cur: { r0: number; r1: number; c0: number; c1: number } | undefined;
  for (const { r, c } of cells) {
    if (cur) {
      const c0 = Math.min(cur.c0, c);
      const c1 = Math.max(cur.c1, c);
      if (r - cur.r1 <= GAP && (r - cur.r0 + 1) * (c1 - c0 + 1) <= cellsPerBand) {
        cur = { r0: cur.r0, r1: r, c0, c1 };
        continue;
      }
      out.push({ sheet, ...cur });
    }
    cur = { r0: r, r1: r, c0: c, c1: c };
  }
  if (cur) out.push({ sheet, ...cur });
  return out;
}

export interface ResolvedWrites {
  /** Per sheet (its name in the workbook): cell key -> the text to write. */
  readonly bySheet: Map<string, Map<number, string | number>>;
}

/**
 * Reads every target and checks the writes in order; throws PlanConflictError (naming sheet and cell) before
 * anything is written. `sheetOf` maps a plan's sheet name to the workbook's (undefined when gone).
 */
export async function resolveCellWrites(ctx: Excel.RequestContext, writes: readonly CellWrite[], sheetOf: (name: string) => string | undefined, date1904: boolean): Promise<ResolvedWrites> {
  const bySheet = new Map<string, CellWrite[]>();
  for (const w of writes) {
    if (!Number.isInteger(w.row) || !Number.isInteger(w.col) || w.row < 1 || w.col < 1 || w.row > MAX_ROWS || w.col > MAX_COLS) {
      throw new Error(`cell write to sheet "${w.sheet}" at row ${w.row}, column ${w.col}: not a cell`);
    }
    const sheet = sheetOf(w.sheet);
    if (sheet === undefined) throw new PlanConflictError(WORKBOOK_LABEL, w.sheet, `${columnLetter(w.col - 1)}${w.row}`, "no such worksheet in the workbook any more");
    bySheet.set(sheet, [...(bySheet.get(sheet) ?? []), w]);
  }
  // Read the targets: values and number formats (what the cell shows) and the formula cells among them.
  const original = new Map<string, Map<number, CellValue | undefined>>();
  const formulas = new Set<string>();
  const budget = TARGET_BYTES / 2;
  let queued: { band: Band; range: Excel.Range; areas: Excel.RangeAreas | undefined }[] = [];
  let cost = 0;
  const take = async (): Promise<void> => {
    if (queued.length === 0) return;
    await ctx.sync();
    for (const { band, range, areas } of queued) {
      const cells = original.get(band.sheet) ?? new Map<number, CellValue | undefined>();
      original.set(band.sheet, cells);
      const values = range.values;
      const nf = range.numberFormat;
      values.forEach((row, i) => row.forEach((v: unknown, j) => {
        const n = nf[i][j];
        const cell: CellValue | undefined = v === "" ? undefined : typeof v === "number" && typeof n === "string" && isDateFormatCode(n) ? { kind: "date", serial: v } : (v as CellValue);
        cells.set(cellKey(band.r0 + i, band.c0 + j), cell);
      }));
      if (areas === undefined) {
        const f = range.formulas[0][0];
        if (typeof f === "string" && f.startsWith("=")) formulas.add(`${band.sheet}\u0000${cellKey(band.r0, band.c0)}`);
      } else if (!areas.isNullObject) {
        for (const a of parseAreas(areas.address)) for (let r = a.r0; r <= a.r1; r++) for (let c = a.c0; c <= a.c1; c++) formulas.add(`${band.sheet}\u0000${cellKey(r, c)}`);
      }
    }
    queued = [];
    cost = 0;
  };
  for (const [sheet, list] of bySheet) {
    const ws = ctx.workbook.worksheets.getItem(sheet);
    for (const band of bands(sheet, list.map((w) => cellKey(w.row - 1, w.col - 1)), 20_000)) {
      const cells = (band.r1 - band.r0 + 1) * (band.c1 - band.c0 + 1);
      if (cost + cells * 80 > budget) await take();
      const range = ws.getRangeByIndexes(band.r0, band.c0, band.r1 - band.r0 + 1, band.c1 - band.c0 + 1);
      const single = cells === 1;
      range.load(single ? "values, numberFormat, formulas" : "values, numberFormat");
      const areas = single ? undefined : range.getSpecialCellsOrNullObject("Formulas").load("address");
      queued.push({ band, range, areas });
      cost += cells * 80;
    }
  }
  await take();

  const out = new Map<string, Map<number, string | number>>();
  for (const [sheet, list] of bySheet) {
    const cells = original.get(sheet)!;
    const shown = (key: number) => cellText(cells.get(key), date1904);
    const current = new Map<number, string | number>();
    for (const w of list) {
      const key = cellKey(w.row - 1, w.col - 1);
      const ref = `${columnLetter(w.col - 1)}${w.row}`;
      if (formulas.has(`${sheet}\u0000${key}`)) throw new PlanConflictError(WORKBOOK_LABEL, sheet, ref, "holds a formula; formula cells are never overwritten");
      const pending = current.get(key);
      const now = pending === undefined ? shown(key) : valueText(pending);
      if (now === valueText(w.value) && pending === undefined && typeof w.value === typeof cells.get(key)) continue; // already written (a re-run, or a batch resumed)
      if (now !== w.expect) throw new PlanConflictError(WORKBOOK_LABEL, sheet, ref, `shows ${show(now)}, the plan expected ${show(w.expect)}; the workbook changed since the plan was made`);
      current.set(key, w.value);
    }
    const changed = new Map<number, string | number>();
    for (const [key, value] of current) if (valueText(value) !== shown(key) || typeof value !== typeof cells.get(key)) changed.set(key, value);
    if (changed.size) out.set(sheet, changed);
  }
  return { bySheet: out };
}

/** A written value as the sheet will show it. */
const valueText = (v: string | number): string => (typeof v === "number" ? numberText(v) : v);

const show = (s: string): string => JSON.stringify(s.length > 60 ? `${s.slice(0, 57)}...` : s);

/** Writes resolved values: one values block per band, null for the cells in it that are not written. */
export async function writeCellValues(budget: SyncBudget, ctx: Excel.RequestContext, resolved: ResolvedWrites): Promise<void> {
  for (const [sheet, cells] of resolved.bySheet) {
    const ws = ctx.workbook.worksheets.getItem(sheet);
    for (const band of bands(sheet, [...cells.keys()], 50_000)) {
      const values: (string | number | null)[][] = [];
      let bytes = 0;
      for (let r = band.r0; r <= band.r1; r++) {
        const row: (string | number | null)[] = [];
        for (let c = band.c0; c <= band.c1; c++) {
          const v = cells.get(cellKey(r, c));
          row.push(v === undefined ? null : typeof v === "number" ? v : asText(v));
          bytes += valueBytes(row[row.length - 1]);
        }
        values.push(row);
      }
      await budget.room(bytes, 2);
      ws.getRangeByIndexes(band.r0, band.c0, band.r1 - band.r0 + 1, band.c1 - band.c0 + 1).values = values;
    }
  }
}
