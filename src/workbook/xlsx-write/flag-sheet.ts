// Flags: one very hidden sheet holds each block's key table (fingerprint, key; blocks stacked vertically, each closed
// by a sentinel row), a hidden workbook-level name per block covers its table, and each roster sheet gets one
// conditional format per severity whose formula (plan/flag-key.ts) looks the cell's key up in that table.
import { columnLetter } from "../../domain/grid";
import { FP_SENTINEL, flagRuleFormula } from "../../plan/flag-key";
import type { FlagBlock } from "../../plan/write-plan";
import { FLAG_KEYS_PREFIX, sheetRef } from "./defined-names";
import { MAX_ROWS, WORKSHEET_OPEN } from "./sheet-xml-write";
import { edgeSpace, escapeFormula, needsPreserve } from "./xml-escape";
import { markup, XmlBytes } from "./xml-bytes";

/** The flag sheet's name where it is free (it is very hidden: nobody sees it). */
export const FLAG_SHEET_NAME = "RosterAssistantFlags";
/** What marks our conditional formats in a roster sheet: their formulas read names starting so (this version's
 * `_RosterAssistant_flagKeys<k>` and the first version's `_RosterAssistant_flagGrid<k>` alike). */
export const FLAG_MARK = "_RosterAssistant_flag";

export interface PlacedBlock {
  readonly block: FlagBlock;
  /** 1-based: the block's table name is `_RosterAssistant_flagKeys<k>`. */
  readonly k: number;
  /** Rows above the block's table on the flag sheet. */
  readonly top: number;
  /** Rows of its table: one per entry and the sentinel. */
  readonly height: number;
}

/** The defined name of block k's key table. */
export const tableName = (k: number): string => `${FLAG_KEYS_PREFIX}${k}`;

/** Checks the blocks (range, entries in fingerprint order) and stacks their tables: block k below block k-1. */
export function layoutBlocks(blocks: readonly FlagBlock[]): PlacedBlock[] {
  let top = 0;
  return blocks.map((block, i) => {
    const { firstRow, lastRow, firstCol, lastCol, idCol, nameCol } = block;
    const cols = [firstCol, lastCol, nameCol, ...(idCol === undefined ? [] : [idCol])];
    const ok = [firstRow, lastRow, ...cols].every(Number.isInteger) && firstRow >= 1 && lastRow >= firstRow && lastRow <= MAX_ROWS &&
      cols.every((c) => c >= 1 && c <= 16384) && lastCol >= firstCol;
    if (!ok) throw new Error(`flag block of sheet "${block.sheet}": bad range rows ${firstRow}-${lastRow}, columns ${firstCol}-${lastCol} (name ${nameCol}, ID ${idCol})`);
    block.entries.forEach((e, j) => {
      if (!Number.isInteger(e.fp) || e.fp < 0 || e.fp >= FP_SENTINEL) throw new Error(`flag of sheet "${block.sheet}": fingerprint ${e.fp} out of range`);
      if (j > 0 && block.entries[j - 1].fp > e.fp) throw new Error(`flags of sheet "${block.sheet}" are not in fingerprint order`);
    });
    const placed: PlacedBlock = { block, k: i + 1, top, height: block.entries.length + 1 };
    top += placed.height;
    if (top > MAX_ROWS) throw new Error(`the flag tables need ${top} rows stacked, over Excel's ${MAX_ROWS}`);
    return placed;
  });
}

/** The table of block `p` on the flag sheet, as a defined-name formula. */
export function flagTableFormula(flagSheet: string, p: PlacedBlock): string {
  return sheetRef(flagSheet, p.top + 1, 1, p.top + p.height, 2);
}

const ROW_A = markup('<row r="');
const A_V = markup('"><c r="A');
const V_OPEN = markup('"><v>');
const V_B = markup('</v></c><c r="B');
const INLINE = markup('" t="inlineStr"><is><t>');
const PRESERVE = markup('" t="inlineStr"><is><t xml:space="preserve">');
const END_B = markup("</t></is></c></row>");
const END_A = markup("</v></c></row>");

/** The flag sheet part: a number and an inline string per row, no styles; written as bytes (a roster where every
 * row has an issue has as many keys). */
export function* flagSheetXml(placed: readonly PlacedBlock[]): Generator<string | Uint8Array> {
  const total = placed.reduce((n, p) => n + p.height, 0);
  yield `${WORKSHEET_OPEN}<dimension ref="A1:B${Math.max(total, 1)}"/><sheetData>`;
  const w = new XmlBytes();
  for (const p of placed) {
    const entries = p.block.entries;
    for (let j = 0; j <= entries.length; j++) {
      const { fp, key } = j < entries.length ? entries[j] : { fp: FP_SENTINEL, key: "" };
      const r = p.top + j + 1;
      w.reserve(100 + 5 * key.length); // the row's markup and numbers take under 100 bytes: no new chunk within it
      w.raw(ROW_A);
      w.uint(r);
      w.raw(A_V);
      w.uint(r);
      w.raw(V_OPEN);
      w.number(fp);
      if (key === "") w.raw(END_A);
      else {
        w.raw(V_B);
        w.uint(r);
        const at = w.mark(0);
        w.raw(edgeSpace(key) ? PRESERVE : INLINE);
        if (!w.plainText(key)) {
          // a key with a control character, _ or a surrogate: escaped as escapeCellText escapes it
          w.rewind(at);
          w.raw(needsPreserve(key) ? PRESERVE : INLINE);
          w.text(key);
        }
        w.raw(END_B);
      }
      if (w.ready) yield* w.take();
    }
  }
  yield* w.end();
  yield `</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;
}

/** Functions newer than Excel 2007 carry the _xlfn. prefix in a file's formulas. */
const fileFormula = (f: string): string => f.replace(/\bUNICODE\(/g, "_xlfn.UNICODE(");

/**
 * The conditional formats of one roster sheet's blocks: one element per severity, always all three (so new flags
 * are only new rows on the flag sheet), top priority first. `p` is the worksheet's namespace prefix.
 */
export function conditionalFormatsXml(blocks: readonly PlacedBlock[], dxfBase: number, p: string): string {
  let out = "";
  for (const b of blocks) {
    const { firstRow, lastRow, firstCol, lastCol } = b.block;
    const sqref = `${columnLetter(firstCol - 1)}${firstRow}:${columnLetter(lastCol - 1)}${lastRow}`;
    for (const code of [1, 2, 3] as const) {
      const formula = escapeFormula(fileFormula(flagRuleFormula(b.block, tableName(b.k), code)));
      out += `<${p}conditionalFormatting sqref="${sqref}"><${p}cfRule type="expression" dxfId="${dxfBase + code - 1}" priority="${code}">` +
        `<${p}formula>${formula}</${p}formula></${p}cfRule></${p}conditionalFormatting>`;
    }
  }
  return out;
}
