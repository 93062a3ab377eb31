// The hot path: worksheet XML bytes -> rows of cell values. No DOM, no decoding of markup: markup is ASCII in UTF-8,
// so the scanner walks bytes; only text values are decoded. Fed incrementally as the part inflates.
import type { CellValue } from "../../domain/grid";
import type { EdgeCode, EdgeParams } from "../../i18n/edge-errors";
import * as bytes from "./byte-scan";
import * as numbers from "./cell-number";
import { DOCTYPE, ENTITY, findSheetData } from "./sheet-prolog";
import { serialFromIso } from "./iso-date";
import { decimalsShown } from "./number-format";
import { readRichText, rich } from "./rich-text";
import { TextInterner } from "./text-intern";
import { decodeCellText } from "./xml-text";

// Local aliases: some bundlers (esbuild, tsx) turn imported bindings into getters, too slow for the hot loop.
const { ascii, btag: tg, btagIs, endOfElement, indexOfBytes, ownText, readTagAt, rowNumber, textOf } = bytes;
const { dateCell, parseNumber } = numbers;

export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;
/** Excel holds at most 32,767 characters in a cell; markup for more than this many bytes is refused, not decoded. */
export const MAX_CELL_BYTES = 1024 * 1024;

type Row = Array<CellValue | undefined>;

// Cell types (the t attribute).
const T_NUMBER = 0;
const T_SHARED = 1;
const T_STR = 2;
const T_INLINE = 3;
const T_BOOL = 4;
const T_ERROR = 5;
const T_DATE = 6;

const LT = 60; // "<": also the sentinel the caller keeps at b[end], so every byte loop stops at the end of the data

const SHEET_DATA = ascii("sheetData");
const ROW = ascii("row");
const C = ascii("c");
const F = ascii("f");
const V = ascii("v");
const IS = ascii("is");
const COMMENT_END = ascii("-->");
const CDATA_END = ascii("]]>");


export interface SheetScanContext {
  readonly sharedStrings: readonly string[];
  /** dateStyles[s] === 1 when style s shows numbers as dates. */
  readonly dateStyles: Uint8Array;
  /** decimalStyles[s]: the decimals style s always shows (0.00: 2), 0 for none; absent: none noted. */
  readonly decimalStyles?: Uint8Array;
  readonly date1904: boolean;
  /** Stop before this 0-based row (rows.length never exceeds it). */
  readonly maxRows: number;
  /** Throws UnreadableInputError with the problem. */
  readonly fail: (code: EdgeCode, params?: EdgeParams) => never;
}

export class SheetScanner {
  readonly rows: Array<Row | undefined> = [];
  readonly formulaCells = new Set<number>();
  /** 0: before <sheetData>, 1: inside it, 2: finished (end of sheetData, or maxRows reached). */
  phase = 0;
  /** Next byte to scan. */
  pos = 0;
  /** Bytes looked at over all feeds (data cut off at the end of one feed is looked at again by the next). */
  scanned = 0;
  private rowIdx = -1;
  private colIdx = -1;
  private curRow: Row | undefined = undefined;
  /** Number cells whose format shows more decimals than the number has (see SheetGrid.shownDecimals); made at the first. */
  shownDecimals: Map<number, number> | undefined;
  /** By column: the style of its first date cell (SheetGrid.dateFormats); a hole where it has none. */
  readonly firstDateStyles: number[] = [];
  /** Inline strings read once per distinct markup (made at the first one). */
  private interner: TextInterner | undefined;

  constructor(private readonly ctx: SheetScanContext) {}

  get done(): boolean {
    return this.phase === 2;
  }

  /** The caller dropped the first `n` bytes of its buffer (all before pos): positions move back by n. */
  rebase(n: number): void {
    if (n > this.pos) throw new Error("SheetScanner.rebase: bytes not yet scanned were dropped");
    this.pos -= n;
  }

  /**
   * Scans the complete elements in b[pos, end); an element cut off at `end` is rescanned on the next call.
   * b[end] must hold "<" (a sentinel: every inner loop stops there without a bounds check).
   */
  feed(b: Uint8Array, end: number): void {
    if (b[end] !== LT) throw new Error("SheetScanner.feed: b[end] must be the '<' sentinel");
    this.scanned += end - this.pos;
    if (this.phase === 0) {
      const start = findSheetData(b, this.pos, end, this.ctx.fail);
      this.phase = start.phase;
      this.pos = start.pos;
    }
    if (this.phase !== 1) return;
    const ctx = this.ctx;
    const rows = this.rows;
    const sst = ctx.sharedStrings;
    const dateStyles = ctx.dateStyles;
    const nDateStyles = dateStyles.length;
    const firstDateStyles = this.firstDateStyles;
    const decimalStyles = ctx.decimalStyles;
    const nDecimalStyles = decimalStyles === undefined ? 0 : decimalStyles.length;
    const maxRows = ctx.maxRows;
    let rowIdx = this.rowIdx;
    let colIdx = this.colIdx;
    let curRow = this.curRow;
    let p = this.pos;
    // Where to resume when the data ends inside an element: state changes only once an element is complete.
    let resume = p;

    scan: for (;;) {
      while (b[p] !== LT) p++;
      resume = p;
      if (p >= end || p + 2 >= end) break;
      const lt = p;
      const c1 = b[lt + 1];
      if (c1 === 47 /* / */) {
        if (!readTagAt(b, lt + 2, end)) break;
        p = tg.end;
        if (btagIs(b, SHEET_DATA)) {
          this.phase = 2;
          break;
        }
        continue;
      }
      if (c1 === 33 /* ! */ || c1 === 63 /* ? */) {
        if (indexOfBytes(b, DOCTYPE, lt, lt + 9) === lt || indexOfBytes(b, ENTITY, lt, lt + 8) === lt) {
          ctx.fail("dtd");
        }
        const close = b[lt + 2] === 45 ? COMMENT_END : b[lt + 2] === 91 ? CDATA_END : undefined;
        if (close === undefined) {
          if (!readTagAt(b, lt + 1, end)) break;
          p = tg.end;
        } else {
          const e = indexOfBytes(b, close, lt + 2, end);
          if (e < 0) break;
          p = e + close.length;
        }
        continue;
      }
      // Start tag: its local name (any prefix dropped).
      let q = lt + 1;
      let local = q;
      let c = c1;
      while (c > 32 && c !== 47 && c !== 62 && c !== LT) {
        if (c === 58) local = q + 1;
        c = b[++q];
      }
      if (q >= end) break;
      const nameLen = q - local;

      if (nameLen === 1 && b[local] === 99 /* c */) {
        // ---- <c r=".." s=".." t=".."> : attributes read in place ----
        let col = -1;
        let refRow = -1;
        let type = T_NUMBER;
        let style = 0;
        let selfClosing = false;
        for (;;) {
          while (c <= 32) c = b[++q];
          if (c === 62) {
            q++;
            break;
          }
          if (c === 47) {
            selfClosing = true;
            q += 2;
            break;
          }
          if (c === LT) break scan; // end of data
          const a = c;
          c = b[++q];
          while (c <= 32) c = b[++q];
          const single = c === 61;
          while (c !== 61 && c !== LT) c = b[++q];
          c = b[++q];
          while (c <= 32) c = b[++q];
          const quote = c;
          if (quote !== 34 && quote !== 39) break scan; // end of data (or not XML)
          c = b[++q];
          if (single && a === 114 /* r */) {
            let cc = 0;
            for (;;) {
              const u = c | 0x20;
              if (u < 97 || u > 122) break;
              cc = cc * 26 + (u - 96);
              c = b[++q];
            }
            if (cc > 0) col = cc - 1;
            let rr = 0;
            while (c >= 48 && c <= 57) {
              rr = rr * 10 + (c - 48);
              c = b[++q];
            }
            if (rr > 0) refRow = rr - 1;
          } else if (single && a === 115 /* s */) {
            let n = 0;
            while (c >= 48 && c <= 57) {
              n = n * 10 + (c - 48);
              c = b[++q];
            }
            style = n;
          } else if (single && a === 116 /* t */) {
            const t0 = c;
            const vs = q;
            while (c !== quote && c !== LT) c = b[++q];
            const tl = q - vs;
            type = t0 === 115 ? (tl === 1 ? T_SHARED : T_STR) : t0 === 105 ? T_INLINE : t0 === 98 ? T_BOOL
              : t0 === 101 ? T_ERROR : t0 === 100 ? T_DATE : T_NUMBER;
          }
          while (c !== quote && c !== LT) c = b[++q];
          if (c === LT) break scan;
          c = b[++q];
        }
        if (q > end) break;
        // Content: <v>, <f>, <is> (byte checks first, the general tag reader for anything unusual).
        let vs = -1;
        let ve = -1;
        let hasFormula = false;
        let inline: string | undefined;
        if (!selfClosing) {
          for (;;) {
            while (b[q] !== LT) q++;
            if (q + 3 >= end) break scan;
            const d1 = b[q + 1];
            if (d1 === 118 /* v */ && b[q + 2] === 62) {
              vs = q + 3;
              q = vs;
              while (b[q] !== LT) q++;
              ve = q;
              continue;
            }
            if (d1 === 47 /* / */) {
              const d2 = b[q + 2];
              if (b[q + 3] === 62 && (d2 === 99 || d2 === 118 || d2 === 102)) {
                q += 4;
                if (d2 === 99) break;
                continue;
              }
              if (!readTagAt(b, q + 2, end)) break scan;
              q = tg.end;
              if (btagIs(b, C)) break;
              continue;
            }
            if (!readTagAt(b, q + 1, end)) break scan;
            q = tg.end;
            if (tg.selfClosing) {
              if (btagIs(b, F)) hasFormula = true;
              else if (btagIs(b, V)) vs = ve = q;
              else if (btagIs(b, IS)) inline = "";
            } else if (btagIs(b, F)) {
              hasFormula = true; // the formula text holds no "<"; the loop goes on at </f>
            } else if (btagIs(b, V)) {
              vs = q;
              while (b[q] !== LT) q++;
              ve = q;
            } else {
              const nameStart = tg.localStart;
              const isInline = btagIs(b, IS);
              const e = endOfElement(b, nameStart, tg.nameEnd, q, end);
              if (e < 0) break scan;
              if (isInline && e - q > MAX_CELL_BYTES) tooLong(ctx, rowIdx, col);
              if (isInline) inline = (this.interner ??= new TextInterner()).text(b, q, e, col >= 0 ? col : colIdx + 1, inlineText);
              q = e;
            }
          }
        }
        p = q;
        if (ve - vs > MAX_CELL_BYTES) tooLong(ctx, refRow >= 0 ? refRow : rowIdx, col);
        // Position.
        if (refRow >= 0 && refRow !== rowIdx) {
          if (refRow >= MAX_ROWS) ctx.fail("cellRowBeyond", { row: refRow + 1, limit: MAX_ROWS });
          rowIdx = refRow;
          if (rowIdx >= maxRows) {
            this.phase = 2;
            break;
          }
          curRow = rows[rowIdx];
        }
        if (rowIdx < 0) rowIdx = 0;
        if (col < 0) col = colIdx + 1;
        if (col >= MAX_COLS) ctx.fail("colBeyond", { row: rowIdx + 1, limit: MAX_COLS });
        colIdx = col;
        if (hasFormula) this.formulaCells.add(rowIdx * MAX_COLS + col);
        // Value.
        let v: CellValue | undefined;
        if (inline !== undefined && (type === T_INLINE || vs < 0)) v = inline;
        else if (vs >= 0) {
          switch (type) {
            case T_NUMBER: {
              if (ve > vs) {
                const n = parseNumber(b, vs, ve);
                if (n !== n) v = decodeCellText(textOf(b, vs, ve));
                else if (style < nDateStyles && dateStyles[style] === 1) {
                  v = dateCell(n);
                  if (firstDateStyles[col] === undefined) firstDateStyles[col] = style;
                }
                else {
                  v = n;
                  if (style < nDecimalStyles && decimalStyles![style] !== 0) this.noteDecimals(rowIdx, col, n, decimalStyles![style]);
                }
              }
              break;
            }
            case T_SHARED: {
              let n = -1;
              for (let i = vs; i < ve; i++) {
                const d = b[i] - 48;
                if (d >= 0 && d <= 9) n = (n < 0 ? 0 : n * 10) + d;
                else if (b[i] > 32) {
                  n = -1; // not an index
                  break;
                }
              }
              if (n >= 0) v = sst[n];
              break;
            }
            case T_BOOL: {
              const b0 = b[vs];
              v = b0 === 49 || b0 === 116;
              break;
            }
            case T_DATE: {
              const text = textOf(b, vs, ve);
              const serial = serialFromIso(text, ctx.date1904);
              v = serial === undefined ? text : dateCell(serial);
              if (serial !== undefined && firstDateStyles[col] === undefined && style < nDateStyles && dateStyles[style] === 1) firstDateStyles[col] = style;
              break;
            }
            default:
              v = decodeCellText(textOf(b, vs, ve));
          }
        }
        if (v !== undefined) {
          if (curRow === undefined) curRow = rows[rowIdx] = [];
          curRow[col] = v;
        }
        continue;
      }

      if (!readTagAt(b, lt + 1, end)) break;
      p = tg.end;
      if (nameLen === 3 && btagIs(b, ROW)) {
        // ---- <row r=".."> ----
        const r = rowNumber(b, q, tg.end);
        rowIdx = r > 0 ? r - 1 : rowIdx + 1;
        if (rowIdx >= MAX_ROWS) ctx.fail("rowBeyond", { row: rowIdx + 1, limit: MAX_ROWS });
        if (rowIdx >= maxRows) {
          this.phase = 2;
          break;
        }
        colIdx = -1;
        curRow = rows[rowIdx];
        continue;
      }
      // Anything else inside sheetData (extLst, ...): skip the whole element.
      if (!tg.selfClosing) {
        const e = endOfElement(b, tg.localStart, tg.nameEnd, p, end);
        if (e < 0) break;
        p = e;
      }
    }

    this.rowIdx = rowIdx;
    this.colIdx = colIdx;
    this.curRow = curRow;
    this.pos = this.phase === 2 ? p : resume;
  }

  /** Notes the decimals a number cell shows beyond its own (decimalsShown: the rule both back ends share). */
  private noteDecimals(row: number, col: number, n: number, fixed: number): void {
    const d = decimalsShown(n, fixed);
    if (d !== 0) (this.shownDecimals ??= new Map()).set(row * MAX_COLS + col, d);
  }
}

/** The text of an inline string's content b[a, e) (up to and including its </is>). */
function inlineText(b: Uint8Array, a: number, e: number): string {
  // Fast path for what most writers make, <is><t>text</t></is>: the text decoded alone, a string of its own.
  if (b[a] === 60 && b[a + 1] === 116 && b[a + 2] === 62) {
    const lt = b.indexOf(LT, a + 3);
    if (lt === e - 9 && b[lt + 1] === 47 && b[lt + 2] === 116 && b[lt + 3] === 62 && b[lt + 4] === 60 && b[lt + 5] === 47 &&
        b[lt + 6] === 105 && b[lt + 7] === 115 && b[lt + 8] === 62) return decodeCellText(ownText(b, a + 3, lt));
  }
  return readRichText(textOf(b, a, e), 0, "is") >= 0 ? rich.text : "";
}

function tooLong(ctx: SheetScanContext, row: number, col: number): never {
  const r = Math.max(row, 0) + 1;
  return ctx.fail("cellTooLong", col >= 0 ? { at: `${columnName(col)}${r}`, row: r } : { row: r });
}

function columnName(c: number): string {
  let n = c + 1;
  let s = "";
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
