// Cell-by-cell comparison of two workbooks read back as FakeWorkbookJson: a list of differences, short enough for a
// failing expect to show them.
import { columnLetter } from "../../src/domain/grid";
import type { CellInput } from "../fakes/excel-fake";
import type { FakeSheetJson, FakeWorkbookJson } from "../fakes/fake-json";

export interface Cell {
  readonly v?: string | number | boolean;
  readonly f?: string;
  readonly nf?: string;
}

export function cellOf(x: CellInput): Cell | undefined {
  if (x === null || x === undefined) return undefined;
  if (typeof x !== "object") return { v: x };
  const c: Cell = { v: x.v, f: x.f, nf: x.nf && x.nf !== "General" ? x.nf : undefined };
  return c.v === undefined && c.f === undefined && c.nf === undefined ? undefined : c;
}

/** "A1" -> cell, for the cells holding a value or formula (a number format alone does not count). */
export function cells(sheet: FakeSheetJson | undefined): Map<string, Cell> {
  const out = new Map<string, Cell>();
  sheet?.rows.forEach((row, r) => row?.forEach((x, c) => {
    const cell = cellOf(x);
    if (cell && (cell.v !== undefined && cell.v !== "" || cell.f !== undefined)) out.set(`${columnLetter(c)}${r + 1}`, cell);
  }));
  return out;
}

export function sheetOf(book: FakeWorkbookJson, name: string): FakeSheetJson | undefined {
  return book.sheets.find((s) => s.name === name);
}

export interface CompareOptions {
  /** Compare number formats too (roster sheets: they must be untouched by both back ends alike). */
  readonly formats?: boolean;
}

/**
 * Differences between the Office.js result (`office`, from the fake: formulas carry no cached value, as the fake does
 * not calculate) and the file's (`file`): formula cells compare their formula text; other cells their value and type.
 */
export function diffSheet(office: FakeSheetJson | undefined, file: FakeSheetJson | undefined, opts: CompareOptions = {}): string[] {
  const a = cells(office);
  const b = cells(file);
  const out: string[] = [];
  for (const ref of new Set([...a.keys(), ...b.keys()])) {
    const x = a.get(ref);
    const y = b.get(ref);
    const show = (c: Cell | undefined) => (c === undefined ? "(empty)" : JSON.stringify(c));
    if (!x || !y) out.push(`${ref}: office ${show(x)} file ${show(y)}`);
    else if (x.f !== undefined || y.f !== undefined) {
      if (x.f !== y.f) out.push(`${ref}: formula office ${show(x)} file ${show(y)}`);
    } else if (x.v !== y.v) out.push(`${ref}: office ${show(x)} file ${show(y)}`);
    else if (opts.formats && (x.nf ?? "General") !== (y.nf ?? "General")) out.push(`${ref}: number format office ${show(x)} file ${show(y)}`);
  }
  return out;
}
