// A product sheet as a worksheet part (CT_Worksheet, in schema order), produced in chunks so a sheet of a million
// issues is never one string: inline strings, numbers, formulas with their cached values, kit styles, merges,
// column widths, a frozen header, an AutoFilter and A4 print setup.
import { columnIndex, columnLetter } from "../../domain/grid";
import type { PlanCell, ProductSheet } from "../../plan/write-plan";
import { kitIndex } from "./styles-kit";
import { edgeSpace, escapeAttr, needsPreserve } from "./xml-escape";
import { markup, XmlBytes } from "./xml-bytes";

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

/** The markup after a cell's row number up to its content, by the kind of cell, for one style: made once a style. */
interface CellMarks {
  readonly inline: Uint8Array;
  readonly preserve: Uint8Array;
  readonly str: Uint8Array;
  readonly formula: Uint8Array;
  readonly value: Uint8Array;
  /** undefined: an empty cell without style is not written */
  readonly empty?: Uint8Array;
}

function cellMarks(xfBase: number, style: PlanCell["style"]): CellMarks {
  const s = style === undefined ? '"' : `" s="${xfBase + kitIndex(style)}"`;
  return {
    inline: markup(`${s} t="inlineStr"><is><t>`), preserve: markup(`${s} t="inlineStr"><is><t xml:space="preserve">`),
    str: markup(`${s} t="str"><f>`), formula: markup(`${s}><f>`), value: markup(`${s}><v>`),
    empty: style === undefined ? undefined : markup(`${s}/>`),
  };
}

const END_T = markup("</t></is></c>");
const END_F = markup("</f></c>");
const F_TO_V = markup("</f><v>");
const END_V = markup("</v></c>");
const ROW_OPEN = markup('<row r="');
const ROW_MID = markup('">');
const ROW_END = markup("</row>");

/** Whether a cell writes anything: an empty cell without style does not. */
const writes = (cell: PlanCell, m: CellMarks): boolean =>
  (typeof cell.v === "string" && cell.v !== "") || typeof cell.v === "number" || (cell.f !== undefined && cell.f !== "") || m.empty !== undefined;

/** Writes a cell's XML after its reference (`<c r="` and its column letters, then its row), given it writes (`writes`);
 * `open` and `row` name it in an error. */
function writeCellRest(w: XmlBytes, open: Uint8Array, row: number, cell: PlanCell, m: CellMarks): void {
  const v = cell.v;
  const f = cell.f;
  if (typeof v === "string" && (v !== "" || (f !== undefined && f !== ""))) {
    if (f !== undefined && f !== "") {
      w.raw(m.str);
      w.formula(f.charCodeAt(0) === 0x3d ? f.slice(1) : f);
      w.raw(F_TO_V);
      w.text(v);
      w.raw(END_V);
    } else {
      // nearly every text: copied in with its markup in one go (a cell's longest markup after its reference is under
      // 64 bytes); a text with a control character (a tab or line feed needs xml:space="preserve"), _ or a surrogate
      // is written again
      const start = w.mark(64 + 5 * v.length);
      w.raw(edgeSpace(v) ? m.preserve : m.inline);
      if (!w.plainText(v)) {
        w.rewind(start);
        w.raw(needsPreserve(v) ? m.preserve : m.inline);
        w.text(v);
      }
      w.raw(END_T);
    }
    return;
  }
  if (typeof v === "number" && !Number.isFinite(v)) throw new Error(`cell ${new TextDecoder().decode(open.subarray(6))}${row}: ${v} is not a finite number`);
  if (f !== undefined && f !== "") {
    w.raw(m.formula);
    w.formula(f.charCodeAt(0) === 0x3d ? f.slice(1) : f);
    if (v === null) w.raw(END_F);
    else {
      w.raw(F_TO_V);
      w.number(v as number);
      w.raw(END_V);
    }
  } else if (typeof v === "number") {
    w.raw(m.value);
    w.number(v);
    w.raw(END_V);
  } else w.raw(m.empty!);
}

/** Cells kept as bytes (see productSheetXml) are at most this long as text; ROOM is the most room their writing
 * asks for after their reference (markup under 64; text escaped to 7 characters a character, _xHHHH_, asks for 3 bytes
 * each), so that it all lands in one chunk. */
const KEEP_CHARS = 64;
const ROOM = 64 + 21 * KEEP_CHARS;
const keepable = (cell: PlanCell): boolean =>
  (cell.f === undefined || cell.f === "") && (typeof cell.v !== "string" || cell.v.length <= KEEP_CHARS);

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

  const w = new XmlBytes();
  const src = sheet.source;
  const rows = src ? undefined : sheet.rows;
  const count = src ? src.count : rows!.length;
  const opens: Uint8Array[] = [];
  const marks = new Map<PlanCell["style"], CellMarks>();
  // A cell shared by many rows (a change log's batch, time, sheet, field: one object for all their rows) is written
  // as bytes kept from when it was written the second time running in its column: its markup and text after its
  // reference are the same in every row.
  const last: Array<PlanCell | undefined> = [];
  const kept: Array<PlanCell | undefined> = [];
  const keptBytes: Uint8Array[] = [];
  for (let i = 0; i < count; i++) {
    const r = src ? src.at(i) : rows![i];
    if (!r || r.length === 0) continue;
    const rowNumber = i + 1;
    const start = w.mark(32);
    w.row(rowNumber);
    w.ref(ROW_OPEN);
    w.raw(ROW_MID);
    let any = false;
    for (let c = 0; c < r.length; c++) {
      const cell = r[c];
      if (!cell) continue;
      const open = (opens[c] ??= markup(`<c r="${columnLetter(c)}`));
      if (cell === kept[c]) {
        w.ref(open);
        w.raw(keptBytes[c]);
        any = true;
        continue;
      }
      let m = marks.get(cell.style);
      if (m === undefined) marks.set(cell.style, (m = cellMarks(xfBase, cell.style)));
      if (!writes(cell, m)) continue;
      w.ref(open);
      if (cell === last[c] && keepable(cell)) {
        const from = w.mark(ROOM);
        const turns = w.turns;
        writeCellRest(w, open, rowNumber, cell, m);
        if (w.turns === turns) {
          keptBytes[c] = w.since(from);
          kept[c] = cell;
        }
      } else writeCellRest(w, open, rowNumber, cell, m);
      last[c] = cell;
      any = true;
    }
    if (!any) w.rewind(start); // nothing after the row's start was written: it is still in the current chunk
    else w.raw(ROW_END);
    if (w.ready) yield* w.take();
  }
  yield* w.end();
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
