// A tiny evaluator for the summary sheets' formulas: SUM over a contiguous range of the same sheet, read from the
// cells' values (a formula cell counts with its cached value), independent of the plan code under test.
import { PlanCell, ProductSheet } from "../../src/plan/write-plan";

function colNumber(letters: string): number {
  return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

/** 1-based row and column of "B7". */
export function addr(ref: string): { row: number; col: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(ref);
  if (!m) throw new Error(`bad address ${ref}`);
  return { row: Number(m[2]), col: colNumber(m[1]) };
}

export function cellAt(sheet: ProductSheet, ref: string): PlanCell | null {
  const { row, col } = addr(ref);
  return sheet.rows[row - 1]?.[col - 1] ?? null;
}

/** The value SUM(range) computes over the sheet as planned; throws for any other formula. */
export function evaluateSum(sheet: ProductSheet, formula: string): number {
  const m = /^SUM\(([A-Z]+\d+):([A-Z]+\d+)\)$/.exec(formula);
  if (!m) throw new Error(`not a simple SUM: ${formula}`);
  const a = addr(m[1]);
  const b = addr(m[2]);
  let total = 0;
  for (let r = Math.min(a.row, b.row); r <= Math.max(a.row, b.row); r++) {
    for (let c = Math.min(a.col, b.col); c <= Math.max(a.col, b.col); c++) {
      const v = sheet.rows[r - 1]?.[c - 1]?.v;
      if (typeof v === "number") total += v;
    }
  }
  return total;
}

/** Every formula cell of a sheet with its address. */
export function formulaCells(sheet: ProductSheet): { ref: string; cell: PlanCell }[] {
  const out: { ref: string; cell: PlanCell }[] = [];
  sheet.rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (cell?.f !== undefined) out.push({ ref: `${letters(c + 1)}${r + 1}`, cell });
    }),
  );
  return out;
}

function letters(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** The row (1-based) whose column A shows `label`, searching from row `from`. */
export function rowOf(sheet: ProductSheet, label: string, from = 1): number {
  for (let r = from - 1; r < sheet.rows.length; r++) if (sheet.rows[r]?.[0]?.v === label) return r + 1;
  throw new Error(`no row labelled ${label} from row ${from}`);
}

/** Values of a row as shown (cached values for formulas), from column A. */
export function rowValues(sheet: ProductSheet, row: number): (string | number | null)[] {
  return (sheet.rows[row - 1] ?? []).map((c) => c?.v ?? null);
}

/** A product sheet as the engine would read it back (values only, formulas as their cached values). */
export function toGridRows(sheet: ProductSheet): (string | number | null)[][] {
  return sheet.rows.map((row) => row.map((c) => c?.v ?? null));
}
