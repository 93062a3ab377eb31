// Builds a ProductSheet row by row: cells by 1-based address, merges, column widths fitted to CJK text, and SUM
// formulas whose cached value is computed from the very cells they cover.
import { columnLetter } from "../domain/grid";
import { CellStyle, PlanCell, PrintSetup, ProductRole, ProductSheet, RowSource } from "./write-plan";

/** Display width in Excel's character units: CJK and full-width characters take two. */
export function textWidth(s: string): number {
  let w = 0;
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c < 0x1100) {
      w++;
      continue;
    }
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) c = s.codePointAt(i++)!;
    const wide = (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) || c >= 0x20000;
    w += wide ? 2 : 1;
  }
  return w;
}

/** "B5" from 1-based row and column. */
export function cellRef(row: number, col: number): string {
  return `${columnLetter(col - 1)}${row}`;
}

/** "B5:D9" from 1-based corners. */
export function rangeRef(row1: number, col1: number, row2: number, col2: number): string {
  return `${cellRef(row1, col1)}:${cellRef(row2, col2)}`;
}

export const MIN_WIDTH = 6;
export const MAX_WIDTH = 60;

/** Excel holds at most 32,767 characters in a cell (a longer value makes the workbook need repair). */
export const MAX_CELL_CHARS = 32767;

/** Text cut to Excel's cell limit, ending in "…" (never inside a surrogate pair); the JSON report keeps it whole. */
export function cutToCellLimit(s: string): string {
  if (s.length <= MAX_CELL_CHARS) return s;
  let end = MAX_CELL_CHARS - 1;
  const c = s.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end--;
  return `${s.slice(0, end)}…`;
}

export class SheetBuilder {
  private readonly rows: (PlanCell | null)[][] = [];
  private readonly merges: string[] = [];
  private readonly widths: number[] = [];
  /** The text each column was last fitted to (a column's texts often repeat: the same time, sheet, field). */
  private readonly lastFit: string[] = [];

  /** 1-based number of the last row written (0 when none). */
  get lastRow(): number {
    return this.rows.length;
  }

  /** Puts a cell at 1-based (row, col); `fit` widens the column to show it. Text is cut to Excel's cell limit. */
  set(row: number, col: number, cell0: PlanCell, fit = true): void {
    const cell = typeof cell0.v === "string" && cell0.v.length > MAX_CELL_CHARS ? { ...cell0, v: cutToCellLimit(cell0.v) } : cell0;
    while (this.rows.length < row) this.rows.push([]);
    const r = this.rows[row - 1];
    while (r.length < col - 1) r.push(null);
    r[col - 1] = cell;
    if (fit) this.fit(col, cell.v === null ? "" : String(cell.v));
  }

  /** Appends a row from column A (null leaves a cell empty); returns its 1-based number. */
  addRow(cells: ReadonlyArray<PlanCell | null>, fit = true): number {
    const r = planRow(cells);
    if (fit) this.fitRow(r);
    this.rows.push(r);
    return this.rows.length;
  }

  /** Widens the columns to show a row's cells, as addRow does (for rows made on demand: see buildStreamed). */
  fitRow(r: ReadonlyArray<PlanCell | null>): void {
    for (let i = 0; i < r.length; i++) {
      const cell = r[i];
      if (cell) this.fit(i + 1, cell.v === null ? "" : String(cell.v));
    }
  }

  blankRow(): void {
    this.rows.push([]);
  }

  merge(row1: number, col1: number, row2: number, col2: number): void {
    if (row1 !== row2 || col1 !== col2) this.merges.push(rangeRef(row1, col1, row2, col2));
  }

  /** Widens column `col` (1-based) to show `text` (plus a little padding), within MAX_WIDTH. */
  fit(col: number, text: string, minimum = MIN_WIDTH): void {
    // No character is wider than 2: text that cannot pass the width the column has is not measured.
    if (this.widths.length >= col && Math.min(MAX_WIDTH, Math.max(minimum, text.length * 2 + 2)) <= this.widths[col - 1]) return;
    if (minimum === MIN_WIDTH) {
      if (this.lastFit[col] === text) return;
      this.lastFit[col] = text;
    }
    const want = Math.min(MAX_WIDTH, Math.max(minimum, textWidth(text) + 2));
    while (this.widths.length < col) this.widths.push(MIN_WIDTH);
    if (want > this.widths[col - 1]) this.widths[col - 1] = want;
  }

  /** The numeric value shown at 1-based (row, col): a number or a formula's cached number, else 0 (as SUM reads). */
  numberAt(row: number, col: number): number {
    const v = this.rows[row - 1]?.[col - 1]?.v;
    return typeof v === "number" ? v : 0;
  }

  /** SUM over a contiguous range of this sheet, its cached value the sum of the cells now there. */
  sum(row1: number, col1: number, row2: number, col2: number, style: CellStyle = "totalNumber"): PlanCell {
    let v = 0;
    for (let r = row1; r <= row2; r++) for (let c = col1; c <= col2; c++) v += this.numberAt(r, c);
    return { v, f: `SUM(${rangeRef(row1, col1, row2, col2)})`, style };
  }

  build(role: ProductRole, name: string, print: PrintSetup, extra: { freezeRows?: number; autoFilter?: string } = {}): ProductSheet {
    return { role, name, rows: this.rows, merges: this.merges, columnWidths: this.widths, print, ...extra };
  }

  /**
   * The sheet of the rows added so far followed by `tail`'s rows, made on demand (each already a planRow): the file
   * back end writes them as they are made; `rows` holds them all only when read. Widths fitted to the tail's text
   * must be fitted (fitRow) before.
   */
  buildStreamed(role: ProductRole, name: string, print: PrintSetup, extra: { freezeRows?: number; autoFilter?: string }, tail: RowSource): ProductSheet {
    const head = this.rows;
    let width = tail.width;
    for (const r of head) for (let c = r.length - 1; c >= 0; c--) if (r[c]) { width = Math.max(width, c + 1); break; }
    const source: RowSource = { count: head.length + tail.count, width, at: (i) => (i < head.length ? head[i] : tail.at(i - head.length)) };
    let rows: ReadonlyArray<ReadonlyArray<PlanCell | null>> | undefined;
    return {
      role, name, merges: this.merges, columnWidths: this.widths, print, ...extra, source,
      get rows() {
        return (rows ??= Array.from({ length: source.count }, (_, i) => source.at(i)));
      },
    };
  }
}

/**
 * A row as the builder holds it, from column A: empty cells before the last one null, none after it, text cut to
 * Excel's cell limit (one array a row: the change log and the issues list make hundreds of thousands).
 */
export function planRow(cells: ReadonlyArray<PlanCell | null>): (PlanCell | null)[] {
  let end = cells.length;
  while (end > 0 && (cells[end - 1] === null || cells[end - 1] === undefined)) end--;
  const r: (PlanCell | null)[] = new Array(end);
  for (let i = 0; i < end; i++) {
    const c = cells[i];
    r[i] = c === null || c === undefined ? null : typeof c.v === "string" && c.v.length > MAX_CELL_CHARS ? { ...c, v: cutToCellLimit(c.v) } : c;
  }
  return r;
}

export const text = (v: string, style: CellStyle = "text"): PlanCell => ({ v, style });
export const num = (v: number, style: CellStyle = "number"): PlanCell => ({ v, style });
/** A text cell; "" becomes an empty cell that keeps the style (the table's borders), not an empty string. */
export const textOrNone = (v: string, style: CellStyle = "text"): PlanCell => ({ v: v === "" ? null : v, style });
