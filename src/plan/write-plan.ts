// WritePlans: what to change in a workbook, as plain data, free of any file format. The file back end (package
// surgery, src/workbook/xlsx-write/) and the Office.js back end (the add-in) both apply the same plans.
import type { DateCell } from "../domain/grid";

/** The product's own sheets (SPEC section 7), recognised by a workbook-level hidden defined name
 * `_RosterAssistant_<role>`, never by their names. The flag sheet is handled through `WritePlan.flags`. */
export type ProductRole = "issues" | "summary" | "tallies" | "changelog" | "settings";
export const PRODUCT_ROLES: readonly ProductRole[] = ["issues", "summary", "tallies", "changelog", "settings"];

/** Semantic cell styles; each back end maps them to its own formats (xf ids, Office.js range formats). */
export type CellStyle =
  | "title" // large bold, the sheet's title (merged across the table)
  | "subtitle" // 填报单位 / 统计截止 line under the title
  | "header" // bold, filled, bordered, wrapped: a table's column headings
  | "text" // bordered text cell
  | "number" // bordered integer
  | "total" // bold bordered text (a 合计 label)
  | "totalNumber" // bold bordered integer (a total)
  | "link" // blue underlined text (a HYPERLINK formula)
  | "error" // severity cell of an issue: red
  | "warning" // yellow
  | "info" // blue
  | "note" // small grey text (notes, 填表人/审核人 lines)
  | "date" // bordered text holding an ISO date
  | "wrap"; // bordered text wrapped within its column, top-aligned (long messages)

/** One cell the product writes. A formula (without "=") always carries its correct cached value in `v`. A string
 * `v` without a formula is text and stays text (an ID or phone number is never turned into a number). */
export interface PlanCell {
  readonly v: string | number | null;
  readonly f?: string;
  readonly style?: CellStyle;
}

export interface PrintSetup {
  readonly orientation: "portrait" | "landscape";
  /** Fit all columns on one page width (A4). */
  readonly fitToWidth: boolean;
  /** Rows repeated at the top of each printed page, 1-based inclusive. */
  readonly titleRows?: readonly [number, number];
  /** Manual page breaks: the rows (1-based, ascending) after which a new page starts. */
  readonly rowBreaks?: readonly number[];
}

/** A large sheet's rows made on demand (every row an issue, a long change log): the file back end writes each as it
 * is made, never holding them all. Row i (0-based) is `at(i)`, made anew at each call; the last row has a cell and
 * no row is wider than `width` cells, some row that wide (the sheet's dimension). */
export interface RowSource {
  readonly count: number;
  readonly width: number;
  at(i: number): ReadonlyArray<PlanCell | null>;
}

/** A product sheet's whole content, from A1. Replaces the sheet of the same role in place, or is added at the end. */
export interface ProductSheet {
  readonly role: ProductRole;
  /** The wanted name in the workbook's language (名册问题 / 名冊問題 / Roster issues); a suffix is added where a
   * user's sheet already has it. */
  readonly name: string;
  /** rows[r][c] is the cell at row r+1, column c+1; null or missing for an empty cell. Where `source` is given,
   * made from it on first use (the add-in, the CSV export and tests read it; the file back end reads `source`). */
  readonly rows: ReadonlyArray<ReadonlyArray<PlanCell | null>>;
  /** The same rows, made one at a time as they are written (see RowSource). */
  readonly source?: RowSource;
  /** Merged ranges, "A1:H1". */
  readonly merges: readonly string[];
  /** Column widths in characters, from column A; missing ones default. */
  readonly columnWidths: readonly number[];
  /** Rows frozen at the top (the header stays visible). */
  readonly freezeRows?: number;
  /** An AutoFilter over this range ("A3:H120"): the issues list is filterable. */
  readonly autoFilter?: string;
  readonly print: PrintSetup;
}

/** Severity codes in the flag sheet: what the conditional-format rules compare against. */
export const FLAG_CODE = { error: 1, warning: 2, info: 3 } as const;
export type FlagCode = (typeof FLAG_CODE)[keyof typeof FLAG_CODE];

/** One flag as stored on the flag sheet: the flagged cell's key and its row's fingerprint (see flag-key.ts). */
export interface FlagEntry {
  readonly fp: number;
  /** ID|name|column|value|severity code. */
  readonly key: string;
}

/**
 * The flags of one roster sheet: its data block, the worst severity of each flagged cell as it was at the check,
 * and the same flags as keys (sorted by fingerprint, then key), which is what both back ends write: a rule finds a
 * cell's key among them, wherever the member's row has moved since.
 */
export interface FlagBlock {
  readonly sheet: string;
  /** The data block the rules cover, 1-based inclusive: first .. last member row, column A .. last mapped column. */
  readonly firstRow: number;
  readonly lastRow: number;
  readonly firstCol: number;
  readonly lastCol: number;
  /** 1-based columns of the ID number (undefined where the roster has none) and the name: the row's identity. */
  readonly idCol?: number;
  readonly nameCol: number;
  readonly cells: ReadonlyArray<{ readonly row: number; readonly col: number; readonly code: FlagCode }>;
  readonly entries: readonly FlagEntry[];
}

/**
 * A date written as a date cell (a fix of a date typed as text in a column of date cells, date-writes.ts): a DateCell
 * (the serial in the workbook's date system) shown in `format`, the number format code of the column's date cells
 * (SheetGrid.dateFormats); `iso` is the date as the sheet shows it (cellText of the cell once written).
 */
export interface DateWrite extends DateCell {
  readonly format: string;
  readonly iso: string;
}

/** What a cell write gives a cell: text, a number, or a date cell. */
export type WriteValue = string | number | DateWrite;

/** A value written into a roster cell (a fix, or a revert). The back end refuses it when the cell is a formula or
 * no longer shows `expect` (the workbook changed since the plan was made). */
export interface CellWrite {
  readonly sheet: string;
  /** 1-based, as Excel shows them. */
  readonly row: number;
  readonly col: number;
  /** Text is written as text; a number as a number cell (a revert puts back a number a fix had turned into text); a
   * DateWrite as a date cell in its format (the cell's other formatting kept). */
  readonly value: WriteValue;
  /** The text the cell must show now (as the sheet shows it: numbers plainly, date cells as yyyy-mm-dd). */
  readonly expect: string;
}

/** Empty rows inserted into a roster sheet before `before` (1-based, as the plan saw the sheet), as Excel's Insert
 * does: rows below move down; references follow; a range spanning the point or ending just above it grows (a 合计
 * row's SUM takes in the new rows). Cell writes address the rows as they are after the insertion. */
export interface RowInsert {
  readonly sheet: string;
  readonly before: number;
  readonly count: number;
}

/** Rows a sync inserted, deleted again by its revert (after the cell writes have emptied them), as Excel's Delete
 * does: rows below move up; references follow; a range spanning them shrinks (the 合计 row's SUM as it was). Only the
 * rows left empty once the writes are done go (rowsLeftEmpty): a value a clerk typed there since stays, its row too. */
export interface RowDelete {
  readonly sheet: string;
  /** 1-based, as the plan saw the sheet. */
  readonly first: number;
  readonly count: number;
}

/** Order of application (it matters where there are no transactions, as in Office.js): product sheets (the change
 * log among them) first, then cell writes, then flags. The file back end applies a plan as one new package. */
export interface WritePlan {
  /** Product sheets to create or replace. */
  readonly sheets: readonly ProductSheet[];
  /** Product sheets to remove with their defined names (clear). */
  readonly removeRoles: readonly ProductRole[];
  /** The flags: replaces every flag the product set before (an empty list removes the flag sheet, its names, the
   * rules and their styles); undefined leaves the flags as they are. */
  readonly flags?: readonly FlagBlock[];
  /** Rows inserted (a sync's additions), applied before the cell writes. */
  readonly rowInserts?: readonly RowInsert[];
  /** Roster cells to write: fixes or a revert, in the order given. */
  readonly cellWrites: readonly CellWrite[];
  /** Rows deleted after the cell writes (a sync's inserted rows, on its revert). */
  readonly rowDeletes?: readonly RowDelete[];
  /** The product sheet to make active when the workbook opens (the issues list after a check), if any. */
  readonly activate?: ProductRole;
}

export const EMPTY_PLAN: WritePlan = { sheets: [], removeRoles: [], cellWrites: [] };
