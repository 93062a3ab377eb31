/// <reference types="office-js" />
// Reading a sheet's cells through office.js in row blocks: values for every cell; number formats only in columns
// that hold numbers (a date is a number with a date format, so nowhere else can one be); formula cells from
// getSpecialCells(formulas) areas, never by reading every formula. Each block is sized from what earlier blocks
// weighed so its response stays near TARGET_BYTES, well under the web's 5 MB; a response refused as too large
// is read again in halves.
import { CellValue, cellKey } from "../../domain/grid";
import { decimalsShown, fixedDecimals, isDateFormatCode } from "../xlsx/number-format";
import { Rect, parseAreas } from "./areas";
import { TARGET_BYTES, rowBytes, stringBytes } from "./payload";

type Row = (CellValue | undefined)[];

/** What has been read of one sheet so far. */
export class SheetRows {
  readonly rows: (Row | undefined)[] = [];
  readonly formulaCells = new Set<number>();
  /** Columns (0-based) where a number has been seen: where number formats are read. */
  readonly numberColumns = new Set<number>();
  /** Number cells whose format shows more decimals than the number has (SheetGrid.shownDecimals). */
  readonly shownDecimals = new Map<number, number>();
  /** By column: the number format of its first date cell read (SheetGrid.dateFormats). */
  readonly dateFormats = new Map<number, string>();
  bytes = 0;
  rowsRead = 0;
  lastMean = 0;

  /** A copy that shares the rows read so far (peek rows are final: they were read with every number format). */
  fork(): SheetRows {
    const s = new SheetRows();
    s.rows.push(...this.rows);
    for (const k of this.formulaCells) s.formulaCells.add(k);
    for (const c of this.numberColumns) s.numberColumns.add(c);
    for (const [k, d] of this.shownDecimals) s.shownDecimals.set(k, d);
    for (const [c, f] of this.dateFormats) s.dateFormats.set(c, f);
    Object.assign(s, { bytes: this.bytes, rowsRead: this.rowsRead, lastMean: this.lastMean });
    return s;
  }
}

/** Bytes a cell is assumed to cost before anything of the sheet has been read. */
const FIRST_GUESS_PER_CELL = 48;
/** Cells a block holds at most, however light they are. */
const MAX_BLOCK_CELLS = 600_000;
const SAFETY = 1.25;

/** Rows the next block may hold for `target` response bytes. */
export function rowsFor(state: SheetRows, columns: number, target = TARGET_BYTES): number {
  const mean = state.rowsRead > 0 ? Math.max(state.bytes / state.rowsRead, state.lastMean) : columns * FIRST_GUESS_PER_CELL;
  return Math.max(1, Math.min(Math.floor(target / (mean * SAFETY)), Math.floor(MAX_BLOCK_CELLS / columns)));
}

/** By number format code: -1 a date or time, else the decimals it always shows (the file reader's rule, styles.ts). */
const formatKinds = new Map<string, number>();
function formatKind(nf: unknown): number {
  if (typeof nf !== "string") return 0;
  let k = formatKinds.get(nf);
  if (k === undefined) formatKinds.set(nf, (k = isDateFormatCode(nf) ? -1 : fixedDecimals(nf)));
  return k;
}

/** Runs of consecutive column indexes: [first, last] pairs. */
function runs(cols: Iterable<number>): [number, number][] {
  const sorted = [...new Set(cols)].sort((a, b) => a - b);
  const out: [number, number][] = [];
  for (const c of sorted) {
    const last = out[out.length - 1];
    if (last && last[1] === c - 1) last[1] = c;
    else out.push([c, c]);
  }
  return out;
}

interface FormatLoad {
  readonly r0: number;
  readonly c0: number;
  readonly range: Excel.Range;
}

/** A block's loads, queued and waiting for the sync. */
export interface QueuedBlock {
  readonly r0: number;
  readonly c0: number;
  readonly values: Excel.Range;
  readonly formats: FormatLoad[];
  /** getSpecialCells(formulas) areas, or (a one-cell block) the cell's formulas. */
  readonly formulas: Excel.RangeAreas | Excel.Range;
}

/** Queues rows r0 .. r0+n-1 over the bounds' columns; number formats for `formatCols` only. */
export function queueBlock(ws: Excel.Worksheet, bounds: Rect, r0: number, n: number, formatCols: Iterable<number>): QueuedBlock {
  const width = bounds.c1 - bounds.c0 + 1;
  const values = ws.getRangeByIndexes(r0, bounds.c0, n, width);
  // getSpecialCells on a single cell would search the whole sheet (as in VBA): one cell reads its formula instead.
  const single = n === 1 && width === 1;
  values.load(single ? "values, formulas" : "values");
  const formulas = single ? values : values.getSpecialCellsOrNullObject("Formulas").load("address");
  return { r0, c0: bounds.c0, values, formats: queueFormats(ws, r0, n, formatCols), formulas };
}

function queueFormats(ws: Excel.Worksheet, r0: number, n: number, cols: Iterable<number>): FormatLoad[] {
  return runs(cols).map(([a, b]) => ({ r0, c0: a, range: ws.getRangeByIndexes(r0, a, n, b - a + 1).load("numberFormat") }));
}

/** Number formats still wanted for numbers found in columns the block did not read formats for. */
export interface MissingFormats {
  readonly r0: number;
  readonly n: number;
  readonly cols: number[];
}

export function queueMissing(ws: Excel.Worksheet, m: MissingFormats): FormatLoad[] {
  return queueFormats(ws, m.r0, m.n, m.cols);
}

/** Turns numbers with a date format into DateCells, and notes the decimals others show beyond their own (1959.1 in
 * 0.00), using formats loaded for (part of) rows already taken. */
export function applyFormats(state: SheetRows, loads: readonly FormatLoad[]): number {
  let bytes = 0;
  for (const f of loads) {
    const nf = f.range.numberFormat;
    bytes += nf.reduce((s, row) => s + rowBytes(row), 0);
    for (let i = 0; i < nf.length; i++) {
      const row = state.rows[f.r0 + i];
      if (!row) continue;
      const formats = nf[i];
      for (let j = 0; j < formats.length; j++) {
        const v = row[f.c0 + j];
        if (typeof v !== "number") continue;
        const kind = formatKind(formats[j]);
        if (kind < 0) {
          row[f.c0 + j] = { kind: "date", serial: v };
          if (!state.dateFormats.has(f.c0 + j)) state.dateFormats.set(f.c0 + j, formats[j] as string);
        }
        else if (kind > 0) {
          const d = decimalsShown(v, kind);
          if (d !== 0) state.shownDecimals.set(cellKey(f.r0 + i, f.c0 + j), d);
        }
      }
    }
  }
  return bytes;
}

/**
 * Takes a synced block into the rows: "" is an empty cell except where a formula shows it; numbers in columns whose
 * formats were read become DateCells where the format is a date. Returns the formats still missing, if any.
 */
export function takeBlock(state: SheetRows, q: QueuedBlock): MissingFormats | undefined {
  const values = q.values.values;
  const formatted = new Set<number>();
  for (const f of q.formats) for (let c = f.c0; c < f.c0 + (f.range.numberFormat[0]?.length ?? 0); c++) formatted.add(c);
  const missing = new Set<number>();
  let bytes = 0;
  for (let i = 0; i < values.length; i++) {
    const src = values[i];
    bytes += rowBytes(src);
    let row: Row | undefined;
    for (let j = 0; j < src.length; j++) {
      const v = src[j] as unknown;
      if (v === "" || v === null || v === undefined) continue;
      const c = q.c0 + j;
      row ??= state.rows[q.r0 + i] ?? [];
      row[c] = v as CellValue;
      if (typeof v === "number" && !state.numberColumns.has(c)) {
        state.numberColumns.add(c);
        if (!formatted.has(c)) missing.add(c);
      }
    }
    if (row) state.rows[q.r0 + i] = row;
  }
  bytes += takeFormulas(state, q) + applyFormats(state, q.formats);
  state.bytes += bytes;
  state.rowsRead += values.length;
  state.lastMean = values.length ? bytes / values.length : state.lastMean;
  return missing.size ? { r0: q.r0, n: values.length, cols: [...missing] } : undefined;
}

/** Records the block's formula cells; a formula showing "" keeps "" (a formula cell is never empty). */
function takeFormulas(state: SheetRows, q: QueuedBlock): number {
  const mark = (r: number, c: number) => {
    state.formulaCells.add(cellKey(r, c));
    const row = (state.rows[r] ??= []);
    if (row[c] === undefined) row[c] = "";
  };
  if (q.formulas === q.values) {
    const f = q.values.formulas[0][0];
    if (typeof f === "string" && f.startsWith("=")) mark(q.r0, q.c0);
    return 0;
  }
  const areas = q.formulas as Excel.RangeAreas;
  if (areas.isNullObject) return 0;
  const address = areas.address;
  for (const a of parseAreas(address)) for (let r = a.r0; r <= a.r1; r++) for (let c = a.c0; c <= a.c1; c++) mark(r, c);
  return stringBytes(address);
}

/** Whether office.js refused a sync for its payload size (then the block is read again in halves). */
export function isPayloadTooLarge(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === "ResponsePayloadSizeLimitExceeded" || code === "RequestPayloadSizeLimitExceeded";
}

/** Reads rows first..last (0-based, within bounds) into `state`, block by block. */
export async function readRows(ctx: Excel.RequestContext, ws: Excel.Worksheet, bounds: Rect, first: number, last: number, state: SheetRows, target = TARGET_BYTES): Promise<void> {
  const width = bounds.c1 - bounds.c0 + 1;
  let next = Math.max(first, bounds.r0);
  const end = Math.min(last, bounds.r1);
  let missing: MissingFormats | undefined;
  while (next <= end || missing) {
    let n = next <= end ? Math.min(end - next + 1, rowsFor(state, width, target)) : 0;
    for (;;) {
      const q = n > 0 ? queueBlock(ws, bounds, next, n, state.numberColumns) : undefined;
      const late = missing ? queueMissing(ws, missing) : [];
      try {
        await ctx.sync();
      } catch (e) {
        if (isPayloadTooLarge(e) && n > 1) {
          n = Math.ceil(n / 2);
          continue;
        }
        throw e;
      }
      state.bytes += applyFormats(state, late);
      missing = q ? takeBlock(state, q) : undefined;
      break;
    }
    next += n;
  }
}
