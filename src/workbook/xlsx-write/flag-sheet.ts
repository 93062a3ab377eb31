// Flags: one very hidden sheet holds each block's severity codes (blocks stacked vertically), a hidden name per
// block covers its region, and each roster sheet gets one conditional format per severity reading it by INDEX.
import { columnLetter } from "../../domain/grid";
import type { FlagBlock, FlagCode } from "../../plan/write-plan";
import { FLAG_GRID_PREFIX, sheetRef } from "./defined-names";
import { MAX_ROWS, WORKSHEET_OPEN } from "./sheet-xml-write";

/** The flag sheet's name where it is free (it is very hidden: nobody sees it). */
export const FLAG_SHEET_NAME = "RosterAssistantFlags";
/** What marks our conditional formats in a roster sheet: their formulas read these names. */
export const FLAG_MARK = FLAG_GRID_PREFIX;

export interface PlacedBlock {
  readonly block: FlagBlock;
  /** 1-based: the block's grid name is `_RosterAssistant_flagGrid<k>`. */
  readonly k: number;
  /** Rows above the block on the flag sheet. */
  readonly top: number;
  readonly height: number;
  readonly width: number;
  /** The worst code per flagged cell, keyed row0 * 16384 + col0 within the block. */
  readonly codes: Map<number, FlagCode>;
}

/** Checks the blocks and stacks them: block k starts on the row after block k-1 ends. */
export function layoutBlocks(blocks: readonly FlagBlock[]): PlacedBlock[] {
  let top = 0;
  return blocks.map((block, i) => {
    const { firstRow, lastRow, firstCol, lastCol } = block;
    const ok = [firstRow, lastRow, firstCol, lastCol].every(Number.isInteger) && firstRow >= 1 && firstCol >= 1 &&
      lastRow >= firstRow && lastCol >= firstCol && lastRow <= MAX_ROWS && lastCol <= 16384;
    if (!ok) throw new Error(`flag block of sheet "${block.sheet}": bad range rows ${firstRow}-${lastRow}, columns ${firstCol}-${lastCol}`);
    const height = lastRow - firstRow + 1;
    const width = lastCol - firstCol + 1;
    const codes = new Map<number, FlagCode>();
    for (const c of block.cells) {
      if (c.row < firstRow || c.row > lastRow || c.col < firstCol || c.col > lastCol || !(c.code === 1 || c.code === 2 || c.code === 3)) {
        throw new Error(`flag of sheet "${block.sheet}" at row ${c.row}, column ${c.col} (code ${c.code}) lies outside its block or has no severity`);
      }
      const key = (c.row - firstRow) * 16384 + (c.col - firstCol);
      const prev = codes.get(key);
      if (prev === undefined || c.code < prev) codes.set(key, c.code);
    }
    const placed: PlacedBlock = { block, k: i + 1, top, height, width, codes };
    top += height;
    if (top > MAX_ROWS) throw new Error(`the flag blocks need ${top} rows stacked, over Excel's ${MAX_ROWS}`);
    return placed;
  });
}

/** The region of block `p` on the flag sheet, as a defined-name formula. */
export function flagGridFormula(flagSheet: string, p: PlacedBlock): string {
  return sheetRef(flagSheet, p.top + 1, 1, p.top + p.height, p.width);
}

/** The flag sheet part: plain numbers, no styles. */
export function* flagSheetXml(placed: readonly PlacedBlock[]): Generator<string> {
  const total = placed.reduce((n, p) => n + p.height, 0);
  const width = placed.reduce((n, p) => Math.max(n, p.width), 1);
  yield `${WORKSHEET_OPEN}<dimension ref="A1:${columnLetter(width - 1)}${Math.max(total, 1)}"/><sheetData>`;
  let buf = "";
  for (const p of placed) {
    const keys = [...p.codes.keys()].sort((a, b) => a - b);
    let row = -1;
    for (const key of keys) {
      const r = Math.floor(key / 16384);
      const c = key % 16384;
      if (r !== row) {
        if (row >= 0) buf += "</row>";
        row = r;
        buf += `<row r="${p.top + r + 1}">`;
      }
      buf += `<c r="${columnLetter(c)}${p.top + r + 1}"><v>${p.codes.get(key)}</v></c>`;
    }
    if (row >= 0) buf += "</row>";
    if (buf.length > 1 << 16) {
      yield buf;
      buf = "";
    }
  }
  yield `${buf}</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;
}

/**
 * The conditional formats of one roster sheet's blocks: one element per severity, always all three (so new flags
 * are only new values on the flag sheet, as the add-in updates them), top priority first. The string goes in as
 * one piece and comes out as one piece. `p` is the worksheet's namespace prefix.
 */
export function conditionalFormatsXml(blocks: readonly PlacedBlock[], dxfBase: number, p: string): string {
  let out = "";
  for (const b of blocks) {
    const { firstRow, lastRow, firstCol, lastCol } = b.block;
    const sqref = `${columnLetter(firstCol - 1)}${firstRow}:${columnLetter(lastCol - 1)}${lastRow}`;
    for (const code of [1, 2, 3] as const) {
      const formula = `INDEX(${FLAG_GRID_PREFIX}${b.k},ROW()-${firstRow - 1},COLUMN()-${firstCol - 1})=${code}`;
      out += `<${p}conditionalFormatting sqref="${sqref}"><${p}cfRule type="expression" dxfId="${dxfBase + code - 1}" priority="${code}">` +
        `<${p}formula>${formula}</${p}formula></${p}cfRule></${p}conditionalFormatting>`;
    }
  }
  return out;
}
