// A product sheet as a worksheet part (CT_Worksheet, in schema order), produced in chunks so a sheet of a million
// issues is never one string: inline strings, numbers, formulas with their cached values, kit styles, merges,
// column widths, a frozen header, an AutoFilter and A4 print setup.
import { columnIndex, columnLetter } from "../../domain/grid";
import type { PlanCell, ProductSheet } from "../../plan/write-plan";
import { kitIndex } from "./styles-kit";
import { escapeAttr, escapeCellText, escapeFormula, needsPreserve } from "./xml-escape";

export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;
const CHUNK = 1 << 16;
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
  const s = cell.style === undefined ? "" : ` s="${xfBase + kitIndex(cell.style)}"`;
  const v = cell.v;
  if (v !== null && typeof v === "number" && !Number.isFinite(v)) throw new Error(`cell ${ref}: ${v} is not a finite number`);
  if (cell.f !== undefined && cell.f !== "") {
    const f = `<f>${escapeFormula(cell.f.replace(/^=/, ""))}</f>`;
    if (v === null) return `<c r="${ref}"${s}>${f}</c>`;
    if (typeof v === "number") return `<c r="${ref}"${s}>${f}<v>${v}</v></c>`;
    return `<c r="${ref}"${s} t="str">${f}<v>${escapeCellText(v)}</v></c>`;
  }
  if (v === null || v === "") return s === "" ? undefined : `<c r="${ref}"${s}/>`;
  if (typeof v === "number") return `<c r="${ref}"${s}><v>${v}</v></c>`;
  const space = needsPreserve(v) ? ' xml:space="preserve"' : "";
  return `<c r="${ref}"${s} t="inlineStr"><is><t${space}>${escapeCellText(v)}</t></is></c>`;
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

/** The worksheet part in chunks; `xfBase` is the index of the kit's first cell format. Rows made on demand (the
 * sheet's `source`) are made one at a time, each let go once written. */
export function* productSheetXml(sheet: ProductSheet, xfBase: number): Generator<string> {
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

  let buf = "";
  const src = sheet.source;
  const rows = src ? undefined : sheet.rows;
  const count = src ? src.count : rows!.length;
  const letters: string[] = [];
  for (let i = 0; i < count; i++) {
    const r = src ? src.at(i) : rows![i];
    if (!r || r.length === 0) continue;
    let cells = "";
    const rowNumber = String(i + 1);
    for (let c = 0; c < r.length; c++) {
      const cell = r[c];
      if (!cell) continue;
      const x = cellXml((letters[c] ??= columnLetter(c)) + rowNumber, cell, xfBase);
      if (x !== undefined) cells += x;
    }
    if (cells === "") continue;
    buf += `<row r="${rowNumber}">${cells}</row>`;
    if (buf.length >= CHUNK) {
      yield buf;
      buf = "";
    }
  }
  let tail = buf + "</sheetData>";
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
