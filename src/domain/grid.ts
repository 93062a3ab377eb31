// What the engine reads: a workbook as plain value grids. Back ends (file reader, Office.js) produce it.

/** A number cell whose number format is a date format: `serial` is the raw cell value in the workbook's date system. */
export interface DateCell {
  readonly kind: "date";
  readonly serial: number;
}

/** A cell as stored: text, number, boolean, a date-formatted number, or empty. Error cells arrive as their text ("#N/A"). */
export type CellValue = string | number | boolean | DateCell | null;

export type SheetState = "visible" | "hidden" | "veryHidden";

/** A cell range, 0-based and inclusive. */
export interface CellRange {
  readonly r0: number;
  readonly c0: number;
  readonly r1: number;
  readonly c1: number;
}

/** A list data validation (a dropdown): the cells it covers and its values, resolved (inline, a range, a name). */
export interface ListValidation {
  readonly ranges: readonly CellRange[];
  readonly values: readonly string[];
}

export interface SheetGrid {
  readonly name: string;
  readonly state: SheetState;
  /** rows[r][c] is the cell at Excel row r+1, column c+1; missing rows and cells are undefined. */
  readonly rows: ReadonlyArray<ReadonlyArray<CellValue | undefined> | undefined>;
  /** Cells holding a formula, keyed by cellKey(row0, col0). */
  readonly formulaCells: ReadonlySet<number>;
  /** The sheet's dropdown lists (inline, ranges on other or hidden sheets, Excel 2010 x14 lists); absent: none read. */
  readonly lists?: readonly ListValidation[];
  /**
   * Number cells whose number format shows more decimals than the number has, keyed by cellKey: the decimals shown
   * (1959.1 in a 0.00 format shows 1959.10: 2). What a clerk typed as 1959.10 Excel keeps as 1959.1. Absent: none.
   */
  readonly shownDecimals?: ReadonlyMap<number, number>;
  /**
   * By 0-based column: the number format code of the column's first date cell (a built-in format as Excel's English
   * code, 14 as "m/d/yyyy"): how a date written into the column is shown, like its neighbours. Absent: none noted.
   */
  readonly dateFormats?: ReadonlyMap<number, string>;
}

/** The values of the dropdown covering the cell at (row0, col0), or undefined where none does. */
export function listAt(sheet: SheetGrid, row0: number, col0: number): readonly string[] | undefined {
  for (const l of sheet.lists ?? []) {
    for (const r of l.ranges) if (row0 >= r.r0 && row0 <= r.r1 && col0 >= r.c0 && col0 <= r.c1) return l.values;
  }
  return undefined;
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
