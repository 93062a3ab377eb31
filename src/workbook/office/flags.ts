/// <reference types="office-js" />
// Flags as the file back end writes them: one very hidden flag sheet holding each block's severity codes (blocks
// stacked), a hidden name `_RosterAssistant_flagGrid<k>` over block k's region, and on each roster one custom
// conditional format per severity, `=INDEX(<grid>,ROW()-<firstRow-1>,COLUMN()-<firstCol-1>)=<code>`, at
// top priority. The codes go in as bulk value blocks covering only the rows that have flags.
import { FLAG_CODE, FlagBlock, FlagCode } from "../../plan/write-plan";
import { Rect, sheetRef } from "./areas";
import { SEVERITY_LOOK } from "./styles";
import { SyncBudget } from "./sync-budget";
import { FLAG_GRID_PREFIX, PREFIX } from "../xlsx-write/defined-names";
import { layoutBlocks, type PlacedBlock as FilePlacedBlock } from "../xlsx-write/flag-sheet";

/** The names and the flag sheet's name are the file back end's, so both back ends make the same workbook. */
export { FLAG_GRID_PREFIX, PREFIX } from "../xlsx-write/defined-names";
export { FLAG_SHEET_NAME } from "../xlsx-write/flag-sheet";
/** The defined name that finds the flag sheet (its sheet name is not what identifies it). */
export const FLAGS_NAME = `${PREFIX}flags`;

/** A block placed on the flag sheet as the file back end places it, with its codes grouped by row for writing. */
export interface PlacedBlock extends FilePlacedBlock {
  /** Worst code per flagged cell: rows (0-based within the block) -> column -> code. */
  readonly rows: Map<number, Map<number, FlagCode>>;
}

/** Checks the blocks and stacks them on the flag sheet (the file back end's layout: one piece of code for both). */
export function placeBlocks(blocks: readonly FlagBlock[]): PlacedBlock[] {
  return layoutBlocks(blocks).map((p) => {
    const rows = new Map<number, Map<number, FlagCode>>();
    for (const [key, code] of p.codes) {
      const r = Math.floor(key / 16384);
      const row = rows.get(r) ?? new Map<number, FlagCode>();
      row.set(key % 16384, code);
      rows.set(r, row);
    }
    return { ...p, rows };
  });
}

/** Rows of a block joined across gaps this small are written as one range (the gap rows as empty cells). */
const GAP = 8;
const BYTES_PER_BLOCK = 1024 * 1024;

/** Writes the codes of every block into the flag sheet: runs of flagged rows as 2-D value blocks. */
export async function writeFlagCodes(budget: SyncBudget, ws: Excel.Worksheet, placed: readonly PlacedBlock[]): Promise<void> {
  for (const p of placed) {
    const flagged = [...p.rows.keys()].sort((a, b) => a - b);
    let i = 0;
    while (i < flagged.length) {
      let j = i;
      const rowBytes = p.width * 3 + 2;
      while (j + 1 < flagged.length && flagged[j + 1] - flagged[j] <= GAP && (flagged[j + 1] - flagged[i] + 1) * rowBytes < BYTES_PER_BLOCK) j++;
      const r0 = flagged[i];
      const r1 = flagged[j];
      const values: (number | string)[][] = [];
      for (let r = r0; r <= r1; r++) {
        const codes = p.rows.get(r);
        const row: (number | string)[] = new Array(p.width).fill("");
        if (codes) for (const [c, code] of codes) row[c] = code;
        values.push(row);
      }
      await budget.room((r1 - r0 + 1) * rowBytes, 2);
      ws.getRangeByIndexes(p.top + r0, 0, r1 - r0 + 1, p.width).values = values;
      i = j + 1;
    }
  }
}

/** Block k's region on the flag sheet, as a name's formula. */
export function gridReference(flagSheet: string, p: PlacedBlock): string {
  const region: Rect = { r0: p.top, c0: 0, r1: p.top + p.height - 1, c1: p.width - 1 };
  return `=${sheetRef(flagSheet, region)}`;
}

/** The rule formula for one severity of block k. */
export function ruleFormula(p: PlacedBlock, code: FlagCode): string {
  const { firstRow, firstCol } = p.block;
  return `=INDEX(${FLAG_GRID_PREFIX}${p.k},ROW()-${firstRow - 1},COLUMN()-${firstCol - 1})=${code}`;
}

const LOOK_OF: Record<FlagCode, { fill: string; font: string }> = {
  [FLAG_CODE.error]: SEVERITY_LOOK.error,
  [FLAG_CODE.warning]: SEVERITY_LOOK.warning,
  [FLAG_CODE.info]: SEVERITY_LOOK.info,
};

/**
 * Adds the rules of one block on its roster: all three severities whether flagged now or not (as the file back end
 * does), so later flags are only new values on the flag sheet; least severe first, each moved to the top, so errors
 * end on top.
 */
export function addRules(roster: Excel.Worksheet, p: PlacedBlock): number {
  const { firstRow, firstCol } = p.block;
  const range = roster.getRangeByIndexes(firstRow - 1, firstCol - 1, p.height, p.width);
  let actions = 1;
  for (const code of [FLAG_CODE.info, FLAG_CODE.warning, FLAG_CODE.error] as FlagCode[]) {
    const cf = range.conditionalFormats.add("Custom");
    cf.custom.rule.formula = ruleFormula(p, code);
    cf.custom.format.fill.color = LOOK_OF[code].fill;
    cf.custom.format.font.color = LOOK_OF[code].font;
    cf.priority = 0;
    actions += 5;
  }
  return actions;
}
