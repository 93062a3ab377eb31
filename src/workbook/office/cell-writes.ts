/// <reference types="office-js" />
// A plan's cell writes (fixes, a revert, a sync): read the targets first (values, number formats and the formula
// cells among them), resolve them by the plan's one rule (plan/cell-write-rule.ts: a formula or a cell changed since
// refuses the whole plan, a cell already done is left alone), and only then write, in bands of rows with null for
// every cell left alone. Reads and writes are sized by bytes under Excel on the web's 5 MB limit and split in half and
// retried on a size error. Text goes in with a leading apostrophe only where the cell is not Text-formatted ("@"):
// in a Text cell Excel keeps the apostrophe as part of the value. A date (a DateWrite) goes in as its serial after its
// cell's number format is set to the column's date format, in the same request.
import { CellValue, cellKey, columnLetter } from "../../domain/grid";
import { resolveSheetWrites } from "../../plan/cell-write-rule";
import type { CellWrite, WriteValue } from "../../plan/write-plan";
import { isDateFormatCode } from "../xlsx/number-format";
import { PlanConflictError } from "../xlsx-write/errors";
import { parseAreas } from "./areas";
import { ACTION_BYTES, TARGET_BYTES, valueBytes } from "./payload";
import { pack, syncGroups } from "./sync-groups";
import { asText } from "./typed-text";

/** What errors name as the file (office.js has no file name to give). */
export const WORKBOOK_LABEL = "the open workbook";
const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;
/** Rows apart that still share one band (the rows between are read, or written as null, with it). */
const GAP = 16;
/** Estimated response bytes per cell read (value and number format). */
const READ_CELL_BYTES = 80;

interface Band {
  readonly r0: number;
  readonly r1: number;
  readonly c0: number;
  readonly c1: number;
}

/** Bands of rows over the columns written in them; `cellsPerBand` bounds a band's size. `keys` sorted ascending. */
function bands(keys: readonly number[], cellsPerBand: number): Band[] {
  const out: Band[] = [];
  let cur: { r0: number; r1: number; c0: number; c1: number } | undefined;
  for (const k of keys) {
    const r = Math.floor(k / MAX_COLS);
    const c = k % MAX_COLS;
    if (cur) {
      const c0 = Math.min(cur.c0, c);
      const c1 = Math.max(cur.c1, c);
      if (r - cur.r1 <= GAP && (r - cur.r0 + 1) * (c1 - c0 + 1) <= cellsPerBand) {
        cur = { r0: cur.r0, r1: r, c0, c1 };
        continue;
      }
      out.push(cur);
    }
    cur = { r0: r, r1: r, c0: c, c1: c };
  }
  if (cur) out.push(cur);
  return out;
}

const cellsOf = (b: Band): number => (b.r1 - b.r0 + 1) * (b.c1 - b.c0 + 1);

/** A band cut into its top and bottom halves (undefined for a single row). */
function halves(b: Band): [Band, Band] | undefined {
  if (b.r0 === b.r1) return undefined;
  const mid = Math.floor((b.r0 + b.r1) / 2);
  return [{ ...b, r1: mid }, { ...b, r0: mid + 1 }];
}

export interface ResolvedWrites {
  /** Per sheet (its name in the workbook): cell key -> the value to write. */
  readonly bySheet: Map<string, Map<number, WriteValue>>;
  /** Per sheet: the keys of target cells formatted as Text ("@"), where text goes in as it is. */
  readonly textCells: Map<string, Set<number>>;
  /** Per sheet: what each written cell held before (undefined: empty), for putting a cancelled write back. */
  readonly before: Map<string, Map<number, CellValue | undefined>>;
}

interface SheetRead {
  readonly values: Map<number, CellValue | undefined>;
  readonly formulas: Set<number>;
  readonly text: Set<number>;
}

/**
 * Reads every target and resolves the writes; throws PlanConflictError (naming sheet and cell) before anything is
 * written. `sheetOf` maps a plan's sheet name to the workbook's (undefined when gone).
 */
export async function resolveCellWrites(ctx: Excel.RequestContext, writes: readonly CellWrite[], sheetOf: (name: string) => string | undefined, date1904: boolean, targetBytes = TARGET_BYTES): Promise<ResolvedWrites> {
  const bySheet = new Map<string, CellWrite[]>();
  for (const w of writes) {
    if (!Number.isInteger(w.row) || !Number.isInteger(w.col) || w.row < 1 || w.col < 1 || w.row > MAX_ROWS || w.col > MAX_COLS) {
      throw new Error(`cell write to sheet "${w.sheet}" at row ${w.row}, column ${w.col}: not a cell`);
    }
    const sheet = sheetOf(w.sheet);
    if (sheet === undefined) throw new PlanConflictError(WORKBOOK_LABEL, w.sheet, `${columnLetter(w.col - 1)}${w.row}`, "no such worksheet in the workbook any more");
    let list = bySheet.get(sheet);
    if (!list) bySheet.set(sheet, (list = []));
    list.push(w);
  }
  // Read the targets: values and number formats (what the cell shows) and the formula cells among them.
  const reads = new Map<string, SheetRead>();
  const items: { sheet: string; band: Band }[] = [];
  for (const [sheet, list] of bySheet) {
    reads.set(sheet, { values: new Map(), formulas: new Set(), text: new Set() });
    const keys = [...new Set(list.map((w) => cellKey(w.row - 1, w.col - 1)))].sort((a, b) => a - b);
    for (const band of bands(keys, 20_000)) items.push({ sheet, band });
  }
  await syncGroups(ctx, pack(items, (x) => cellsOf(x.band) * READ_CELL_BYTES + ACTION_BYTES * 3, targetBytes / 2), ({ sheet, band }) => {
    const range = ctx.workbook.worksheets.getItem(sheet).getRangeByIndexes(band.r0, band.c0, band.r1 - band.r0 + 1, band.c1 - band.c0 + 1);
    const single = band.r0 === band.r1 && band.c0 === band.c1;
    range.load(single ? "values, numberFormat, formulas" : "values, numberFormat");
    const areas = single ? undefined : range.getSpecialCellsOrNullObject("Formulas").load("address");
    return () => {
      const read = reads.get(sheet)!;
      const values = range.values;
      const nf = range.numberFormat;
      for (let i = 0; i < values.length; i++) {
        const row = values[i];
        for (let j = 0; j < row.length; j++) {
          const v = row[j] as unknown;
          const n = nf[i][j];
          const key = cellKey(band.r0 + i, band.c0 + j);
          read.values.set(key, v === "" ? undefined : typeof v === "number" && typeof n === "string" && isDateFormatCode(n) ? { kind: "date", serial: v } : (v as CellValue));
          if (n === "@") read.text.add(key);
        }
      }
      if (areas === undefined) {
        const f = range.formulas[0][0];
        if (typeof f === "string" && f.startsWith("=")) read.formulas.add(cellKey(band.r0, band.c0));
      } else if (!areas.isNullObject) {
        for (const a of parseAreas(areas.address)) for (let r = a.r0; r <= a.r1; r++) for (let c = a.c0; c <= a.c1; c++) read.formulas.add(cellKey(r, c));
      }
    };
  }, (x) => {
    const h = halves(x.band);
    return h && [{ sheet: x.sheet, band: h[0] }, { sheet: x.sheet, band: h[1] }];
  });

  const out = new Map<string, Map<number, WriteValue>>();
  const textCells = new Map<string, Set<number>>();
  const before = new Map<string, Map<number, CellValue | undefined>>();
  for (const [sheet, list] of bySheet) {
    const read = reads.get(sheet)!;
    const changed = resolveSheetWrites(list, {
      value: (key) => read.values.get(key),
      isFormula: (key) => read.formulas.has(key),
      date1904,
    }, (cell, why) => new PlanConflictError(WORKBOOK_LABEL, sheet, cell, why.code, "params" in why ? why.params : {}));
    if (changed.size === 0) continue;
    out.set(sheet, changed);
    textCells.set(sheet, read.text);
    before.set(sheet, new Map([...changed.keys()].map((k) => [k, read.values.get(k)])));
  }
  return { bySheet: out, textCells, before };
}

interface DatePut {
  readonly r: number;
  readonly c: number;
  readonly format: string;
}

/** A block of values to write: the top-left cell and the rows (null where a cell is left alone). */
interface Piece {
  readonly sheet: string;
  readonly r0: number;
  readonly c0: number;
  readonly rows: (string | number | null)[][];
  /** The dates among them: their cells' number format is set first (0-based row and column, the format). */
  readonly dates: readonly DatePut[];
  readonly bytes: number;
  /** Cells written (not null). */
  readonly cells: number;
}

function halvePiece(p: Piece): [Piece, Piece] | undefined {
  if (p.rows.length < 2) return undefined;
  const mid = p.rows.length >> 1;
  const part = (r0: number, rows: Piece["rows"]): Piece => ({
    sheet: p.sheet, r0, c0: p.c0, rows, dates: p.dates.filter((d) => d.r >= r0 && d.r < r0 + rows.length), bytes: rows.reduce((n, row) => n + row.reduce<number>((m, v) => m + valueBytes(v), 2), 0),
    cells: rows.reduce((n, row) => n + row.filter((v) => v !== null).length, 0),
  });
  return [part(p.r0, p.rows.slice(0, mid)), part(p.r0 + mid, p.rows.slice(mid))];
}

/** The writes as blocks of values, each at most `maxBytes` (a band is cut between rows where it would pass it). */
function pieces(resolved: ResolvedWrites, maxBytes: number): Piece[] {
  const out: Piece[] = [];
  for (const [sheet, cells] of resolved.bySheet) {
    const text = resolved.textCells.get(sheet);
    for (const band of bands([...cells.keys()].sort((a, b) => a - b), 50_000)) {
      let rows: (string | number | null)[][] = [];
      let dates: DatePut[] = [];
      let r0 = band.r0;
      let bytes = 0;
      let count = 0;
      for (let r = band.r0; r <= band.r1; r++) {
        const row: (string | number | null)[] = new Array(band.c1 - band.c0 + 1);
        let rowBytes = 2;
        for (let c = band.c0; c <= band.c1; c++) {
          const key = cellKey(r, c);
          const v = cells.get(key);
          if (typeof v === "object") dates.push({ r, c, format: v.format });
          const out = v === undefined ? null : typeof v === "object" ? v.serial : typeof v === "number" || text?.has(key) ? v : asText(v);
          if (out !== null) count++;
          row[c - band.c0] = out;
          rowBytes += valueBytes(out);
        }
        if (rows.length && bytes + rowBytes > maxBytes) {
          out.push({ sheet, r0, c0: band.c0, rows, dates: dates.filter((d) => d.r < r), bytes, cells: count - row.filter((v) => v !== null).length });
          count = row.filter((v) => v !== null).length;
          dates = dates.filter((d) => d.r === r);
          rows = [];
          bytes = 0;
          r0 = r;
        }
        rows.push(row);
        bytes += rowBytes;
      }
      if (rows.length) out.push({ sheet, r0, c0: band.c0, rows, dates, bytes, cells: count });
    }
  }
  return out;
}

export interface WriteControl {
  /** Aborting stops the writes between two syncs (CellWritesCancelledError). */
  readonly signal?: AbortSignal;
  /** Cells written so far, of all. */
  readonly onProgress?: (written: number, total: number) => void;
  /** Request bytes a write sync aims at. */
  readonly targetBytes?: number;
}

/** The writes were stopped between two syncs: `written` cells of `total` are in the workbook. */
export class CellWritesCancelledError extends Error {
  constructor(readonly written: number, readonly total: number) {
    super(`cell writes cancelled after ${written} of ${total} cells`);
    this.name = "CellWritesCancelledError";
  }
}

/** Writes resolved values: blocks of values sized by bytes, several to a sync while they fit the target. */
export async function writeCellValues(ctx: Excel.RequestContext, resolved: ResolvedWrites, ctl: WriteControl = {}): Promise<number> {
  const target = ctl.targetBytes ?? TARGET_BYTES;
  const all = pieces(resolved, target);
  const total = all.reduce((n, p) => n + p.cells, 0);
  let written = 0;
  const syncs = await syncGroups(ctx, pack(all, (p) => p.bytes + ACTION_BYTES * (2 + p.dates.length), target), (p) => {
    const ws = ctx.workbook.worksheets.getItem(p.sheet);
    // a date: its cell's number format first, in the same request, so the number lands in a date cell (a number
    // written into a Text-formatted cell would be kept as text)
    for (const d of p.dates) ws.getRangeByIndexes(d.r, d.c, 1, 1).numberFormat = [[d.format]];
    ws.getRangeByIndexes(p.r0, p.c0, p.rows.length, p.rows[0].length).values = p.rows;
    return () => {
      written += p.cells;
      ctl.onProgress?.(written, total);
    };
  }, halvePiece, () => {
    if (ctl.signal?.aborted) throw new CellWritesCancelledError(written, total);
    ctx.application.suspendScreenUpdatingUntilNextSync();
  });
  // A cancel that came while the last request was under way is still honoured: the caller puts the batch back.
  if (ctl.signal?.aborted) throw new CellWritesCancelledError(written, total);
  return syncs;
}
