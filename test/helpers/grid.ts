// Builds in-memory sheets and workbooks for domain tests (the engine reads nothing else).
import { CellValue, SheetGrid, WorkbookSnapshot } from "../../src/domain/grid";

export function grid(name: string, rows: (CellValue | undefined)[][], formulaCells: number[] = []): SheetGrid {
  return { name, state: "visible", rows, formulaCells: new Set(formulaCells) };
}

export function workbook(sheets: SheetGrid[], opts: { date1904?: boolean; names?: [string, string][] } = {}): WorkbookSnapshot {
  return { date1904: opts.date1904 ?? false, sheets, definedNames: new Map(opts.names ?? []) };
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** A valid 18-character resident ID, computed here independently of the engine (GB 11643 MOD 11-2). */
export function makeId(birth: string, seq: string, area = "220702"): string {
  const first17 = area + birth + seq;
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * WEIGHTS[i], 0);
  return first17 + "10X98765432"[sum % 11];
}
