// A product sheet as a worksheet part (CT_Worksheet, in schema order), produced in chunks so a sheet of a million
// issues is never one string: inline strings, numbers, formulas with their cached values, kit styles, merges,
// column widths, a frozen header, an AutoFilter and A4 print setup.
import { columnIndex, columnLetter } from "../../domain/grid";
import type { CellStyle, PlanCell, ProductSheet } from "../../plan/write-plan";
import { ascii } from "../xlsx/byte-scan";
import { ByteChunks } from "./byte-chunks";
import { kitIndex } from "./styles-kit";
import { escapeAttr, escapeCellText, escapeFormula, needsPreserve } from "./xml-escape";

export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;
const RANGE = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/;

export const WORKSHEET_OPEN =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">';

/** Checks an A1 range ("A1:H1") and returns it upper-cased without $; throws for anything else. */
export function checkRange(ref: string, what: string): string {
  const m = RANGE.exec(ref.trim().toUpperCase());
  if (!m) throw new Error(`${what}: "${ref}" is not an A1 range`);
  return m[3] === undefined ? `${m[1]}${m[2]}` : `${m[1]}${m[2]}:${m[3]}${m[4]}`;
}

/** [row1, col1, row2, col2] of a checked range. */
function box(ref: string): [number, number, number, number] {
  const [a, b = a] = ref.split(":");
  const rc = (x: string): [number, number] => [Number(/\d+/.exec(x)![0]), columnIndex(/[A-Z]+/.exec(x)![0])];
  const [r1, c1] = rc(a);
  const [r2, c2] = rc(b);
  return [Math.min(r1, r2), Math.min(c1, c2), Math.max(r1, r2), Math.max(c1, c2)];
}

/** One cell's XML; undefined for an empty cell without style. */
export function cellXml(ref: string, cell: PlanCell, xfBase: number): string | undefined {
  const tail = cellTail(cell, xfBase, () => ref);
  return tail === undefined ? undefined : `<c r="${ref}"${tail}`;
}

/** A cell's XML after `<c r="REF"` (the same for the cell wherever it is); undefined for an empty cell without style. */
function cellTail(cell: PlanCell, xfBase: number, ref: () => string): string | undefined {
  const s = cell.style === undefined ? "" : ` s="${xfBase + kitIndex(cell.style)}"`;
  const v = cell.v;
  if (v !== null && typeof v === "number" && !Number.isFinite(v)) throw new Error(`cell ${ref()}: ${v} is not a finite number`);
  if (cell.f !== undefined && cell.f !== "") {
    const f = `<f>${escapeFormula(cell.f.replace(/^=/, ""))}</f>`;
    if (v === null) return `${s}>${f}</c>`;
    if (typeof v === "number") return `${s}>${f}<v>${v}</v></c>`;
    return `${s} t="str">${f}<v>${escapeCellText(v)}</v></c>`;
  }
  if (v === null || v === "") return s === "" ? undefined : `${s}/>`;
  if (typeof v === "number") return `${s}><v>${v}</v></c>`;
  const space = needsPreserve(v) ? ' xml:space="preserve"' : "";
  return `${s} t="inlineStr"><is><t${space}>${escapeCellText(v)}</t></is></c>`;
}

/** An inline text cell's XML after `<c r="REF"`, written as bytes. */
function inlineText(out: ByteChunks, v: string, style: Uint8Array | undefined): void {
  if (style !== undefined) out.bytes(style);
  out.bytes(needsPreserve(v) ? INLINE_PRESERVE : INLINE);
  out.text(escapeCellText(v));
  out.bytes(INLINE_END);
}
const INLINE = ascii(' t="inlineStr"><is><t>');
const INLINE_PRESERVE = ascii(' t="inlineStr"><is><t xml:space="preserve">');
const INLINE_END = ascii("</t></is></c>");
const ROW_END = ascii("</row>");

/** The cells a column wrote last, with their XML after the reference once a cell is met twice (a sheet's repeated
 * cells are shared objects: a batch's time, a field's label, a severity): looked up by identity, never by value. */
const SLOTS = 8;
class TailCache {
  readonly cells: (PlanCell | undefined)[] = new Array(SLOTS).fill(undefined);
  readonly tails: (Uint8Array | undefined)[] = new Array(SLOTS).fill(undefined);
  next = 0;
}

/** Validates what the XML cannot hold; throws a plain Error (a programming mistake in the plan). */
export function checkProductSheet(sheet: ProductSheet): void {
  const src = sheet.source;
  const count = src ? src.count : sheet.rows.length;
  if (count > MAX_ROWS) throw new Error(`product sheet ${sheet.role}: ${count} rows, over Excel's ${MAX_ROWS}`);
  if (src && src.width > MAX_COLS) throw new Error(`product sheet ${sheet.role}: rows of ${src.width} cells, over Excel's ${MAX_COLS}`);
  if (!src) for (const r of sheet.rows) if (r && r.length > MAX_COLS) throw new Error(`product sheet ${sheet.role}: a row of ${r.length} cells, over Excel's ${MAX_COLS}`);
  const boxes = sheet.merges.map((m) => box(checkRange(m, `product sheet ${sheet.role} merge`)));
  boxes.forEach((a, i) => boxes.slice(0, i).forEach((b, j) => {
    if (a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3]) throw new Error(`product sheet ${sheet.role}: merges ${sheet.merges[j]} and ${sheet.merges[i]} overlap`);
  }));
  if (sheet.autoFilter !== undefined) checkRange(sheet.autoFilter, `product sheet ${sheet.role} autoFilter`);
  const t = sheet.print.titleRows;
  if (t !== undefined && !(t[0] >= 1 && t[1] >= t[0] && t[1] <= MAX_ROWS)) throw new Error(`product sheet ${sheet.role}: bad print title rows ${t.join("-")}`);
  const br = sheet.print.rowBreaks ?? [];
  if (br.some((r, i) => !Number.isInteger(r) || r < 1 || r >= MAX_ROWS || (i > 0 && r <= br[i - 1]))) throw new Error(`product sheet ${sheet.role}: bad page breaks ${br.join(",")}`);
}

/** The last row with a cell and the widest row's cells, 1-based (0 where none): the sheet's dimension. A sheet's
 * `source` says them (RowSource). */
function extent(sheet: ProductSheet): { lastRow: number; lastCol: number } {
  if (sheet.source) return { lastRow: sheet.source.count, lastCol: sheet.source.width };
  let lastRow = 0;
  let lastCol = 0;
  sheet.rows.forEach((r, i) => {
    if (!r) return;
    for (let c = r.length - 1; c >= 0; c--) {
      if (r[c]) {
        lastRow = i + 1;
        lastCol = Math.max(lastCol, c + 1);
        break;
      }
    }
  });
  return { lastRow, lastCol };
}

const CELL_START = ascii('<c r="');

/** `<c r="` and the cell's reference (its column's letters, the row's number). */
function cellStart(out: ByteChunks, letters: Uint8Array, rowNumber: string): void {
  out.bytes(CELL_START);
  out.bytes(letters);
  out.text(rowNumber);
  out.bytes(QUOTE);
}
const QUOTE = ascii('"');

function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.length;
  }
  return all;
}

/** The worksheet part in chunks; `xfBase` is the index of the kit's first cell format. Rows made on demand (the
 * sheet's `source`) are made one at a time, each let go once written. */
export function* productSheetXml(sheet: ProductSheet, xfBase: number): Generator<string | Uint8Array> {
  const { lastRow, lastCol } = extent(sheet);
  const fit = sheet.print.fitToWidth;
  let head = WORKSHEET_OPEN;
  if (fit) head += '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>';
  head += `<dimension ref="${lastRow ? `A1:${columnLetter(Math.max(lastCol, 1) - 1)}${lastRow}` : "A1"}"/>`;
  const freeze = sheet.freezeRows ?? 0;
  if (freeze > 0) {
    const tl = `A${freeze + 1}`;
    head += `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${freeze}" topLeftCell="${tl}" activePane="bottomLeft" state="frozen"/>` +
      `<selection pane="bottomLeft" activeCell="${tl}" sqref="${tl}"/></sheetView></sheetViews>`;
  } else head += '<sheetViews><sheetView workbookViewId="0"/></sheetViews>';
  head += '<sheetFormatPr defaultRowHeight="15"/>';
  const cols = sheet.columnWidths
    .map((w, i) => (Number.isFinite(w) && w > 0 ? `<col min="${i + 1}" max="${i + 1}" width="${Math.min(255, w)}" customWidth="1"/>` : ""))
    .join("");
  if (cols) head += `<cols>${cols}</cols>`;
  yield head + "<sheetData>";

  const out = new ByteChunks();
  const src = sheet.source;
  const rows = src ? undefined : sheet.rows;
  const count = src ? src.count : rows!.length;
  const letters: Uint8Array[] = [];
  const caches: TailCache[] = [];
  const styles = new Map<CellStyle, Uint8Array>();
  const styleOf = (st: CellStyle): Uint8Array => styles.get(st) ?? styles.set(st, ascii(` s="${xfBase + kitIndex(st)}"`)).get(st)!;
  for (let i = 0; i < count; i++) {
    const r = src ? src.at(i) : rows![i];
    if (!r || r.length === 0) continue;
    const rowNumber = String(i + 1);
    out.room(64); // the row's start fits: no new block before the mark is cut back to
    const mark = out.mark;
    out.text(`<row r="${rowNumber}">`);
    let wrote = false;
    for (let c = 0; c < r.length; c++) {
      const cell = r[c];
      if (!cell) continue;
      const cache = (caches[c] ??= new TailCache());
      let slot = cache.cells.indexOf(cell);
      let tail = slot < 0 ? undefined : cache.tails[slot];
      if (tail === undefined) {
        const isText = typeof cell.v === "string" && cell.v !== "" && (cell.f === undefined || cell.f === "");
        const t = isText ? "" : cellTail(cell, xfBase, () => `${columnLetter(c)}${rowNumber}`);
        if (t === undefined) continue;
        if (slot < 0) {
          // met once: noted, its XML made in place
          slot = cache.next;
          cache.next = (slot + 1) % SLOTS;
          cache.cells[slot] = cell;
          cache.tails[slot] = undefined;
          cellStart(out, (letters[c] ??= ascii(columnLetter(c))), rowNumber);
          if (isText) inlineText(out, cell.v as string, cell.style === undefined ? undefined : styleOf(cell.style));
          else out.text(t);
          wrote = true;
          continue;
        }
        // met twice: its XML kept as bytes
        const sub = new ByteChunks();
        if (isText) inlineText(sub, cell.v as string, cell.style === undefined ? undefined : styleOf(cell.style));
        else sub.text(t);
        const parts = sub.finish();
        tail = parts.length === 1 ? parts[0].slice() : concatBytes(parts);
        cache.tails[slot] = tail;
      }
      cellStart(out, (letters[c] ??= ascii(columnLetter(c))), rowNumber);
      out.bytes(tail);
      wrote = true;
    }
    if (!wrote) {
      out.cut(mark);
      continue;
    }
    out.bytes(ROW_END);
    if (out.ready) yield* out.take();
  }
  yield* out.finish();
  let tail = "</sheetData>";
  if (sheet.autoFilter !== undefined) tail += `<autoFilter ref="${escapeAttr(checkRange(sheet.autoFilter, "autoFilter"))}"/>`;
  if (sheet.merges.length) {
    tail += `<mergeCells count="${sheet.merges.length}">${sheet.merges.map((m) => `<mergeCell ref="${checkRange(m, "merge")}"/>`).join("")}</mergeCells>`;
  }
  tail += '<pageMargins left="0.5" right="0.5" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>';
  tail += fit
    ? `<pageSetup paperSize="9" orientation="${sheet.print.orientation}" fitToWidth="1" fitToHeight="0"/>`
    : `<pageSetup paperSize="9" orientation="${sheet.print.orientation}"/>`;
  const br = sheet.print.rowBreaks ?? [];
  if (br.length) tail += `<rowBreaks count="${br.length}" manualBreakCount="${br.length}">${br.map((r) => `<brk id="${r}" max="16383" man="1"/>`).join("")}</rowBreaks>`;
  yield tail + "</worksheet>";
}
