// What the engine reads: a workbook as plain value grids. Back ends (file reader, Office.js) produce it.

/** A number cell whose number format is a date format: `serial` is the raw cell value in the workbook's date system. */
export interface DateCell {
  readonly kind: "date";
  readonly serial: number;
}

/** A cell as stored: text, number, boolean, a date-formatted number, or empty. Error cells arrive as their text ("#N/A"). */
export type CellValue = string | number | boolean | DateCell | null;

export type SheetState = "visible" | "hidden" | "veryHidden";

export interface SheetGrid {
  readonly name: string;
  readonly state: SheetState;
  /** rows[r][c] is the cell at Excel row r+1, column c+1; missing rows and cells are undefined. */
  readonly rows: ReadonlyArray<ReadonlyArray<CellValue | undefined> | undefined>;
  /** Cells holding a formula, keyed by cellKey(row0, col0). */
  readonly formulaCells: ReadonlySet<number>;
}

export interface WorkbookSnapshot {
  /** Whether serial dates count from 1904-01-01 (Mac Excel's old system) instead of 1899-12-30. */
  readonly date1904: boolean;
  readonly sheets: ReadonlyArray<SheetGrid>;
  /** Workbook-level defined names (name -> formula text), used to recognise the product's own sheets. */
  readonly definedNames: ReadonlyMap<string, string>;
}

/** Key of a cell in formulaCells: 0-based row and column. */
export function cellKey(row0: number, col0: number): number {
  return row0 * 16384 + col0;
}

export function isDateCell(v: CellValue | undefined): v is DateCell {
  return typeof v === "object" && v !== null && v.kind === "date";
}

/** Column letters for a 0-based index: 0 -> A, 26 -> AA. */
export function columnLetter(col0: number): string {
  let n = col0 + 1;
  let s = "";
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** 0-based index for column letters: A -> 0, AA -> 26. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n - 1;
}
