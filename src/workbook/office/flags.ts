/// <reference types="office-js" />
// Flags as the file back end writes them: one very hidden flag sheet holding each block's key table (fingerprint,
// key; stacked, each closed by a sentinel row), a hidden name `_RosterAssistant_flagKeys<k>` over block k's table,
// and on each roster one custom conditional format per severity, the plan's formula (plan/flag-key.ts), at top
// priority. The tables go in as bulk value blocks.
import { FP_SENTINEL, flagRuleFormula } from "../../plan/flag-key";
import { FLAG_CODE, FlagBlock, FlagCode } from "../../plan/write-plan";
import { Rect, sheetRef } from "./areas";
import { SEVERITY_LOOK } from "./styles";
import { SyncBudget } from "./sync-budget";
import { PREFIX } from "../xlsx-write/defined-names";
import { layoutBlocks, type PlacedBlock, tableName } from "../xlsx-write/flag-sheet";

/** The names and the flag sheet's name are the file back end's, so both back ends make the same workbook. */
export { FLAG_GRID_PREFIX, FLAG_KEYS_PREFIX, PREFIX } from "../xlsx-write/defined-names";
export { FLAG_MARK, FLAG_SHEET_NAME, type PlacedBlock, tableName } from "../xlsx-write/flag-sheet";
/** The defined name that finds the flag sheet (its sheet name is not what identifies it). */
export const FLAGS_NAME = `${PREFIX}flags`;

/** Checks the blocks and stacks their tables on the flag sheet (the file back end's layout: one piece of code). */
export function placeBlocks(blocks: readonly FlagBlock[]): PlacedBlock[] {
  return layoutBlocks(blocks);
}

const BYTES_PER_BLOCK = 1024 * 1024;

/** Writes every block's key table into the flag sheet (keys as text), in value blocks of about a megabyte. */
export async function writeFlagTables(budget: SyncBudget, ws: Excel.Worksheet, placed: readonly PlacedBlock[]): Promise<void> {
  for (const p of placed) {
    const rows: (number | string)[][] = [...p.block.entries.map((e) => [e.fp, e.key]), [FP_SENTINEL, ""]];
    let i = 0;
    while (i < rows.length) {
      let bytes = 0;
      let j = i;
      while (j < rows.length && (j === i || bytes + String(rows[j][1]).length * 3 + 16 < BYTES_PER_BLOCK)) bytes += String(rows[j++][1]).length * 3 + 16;
      await budget.room(bytes, 3);
      const keys = ws.getRangeByIndexes(p.top + i, 1, j - i, 1);
      keys.numberFormat = rows.slice(i, j).map(() => ["@"]);
      ws.getRangeByIndexes(p.top + i, 0, j - i, 2).values = rows.slice(i, j);
      i = j;
    }
  }
}

/** Block k's table on the flag sheet, as a name's formula. */
export function tableReference(flagSheet: string, p: PlacedBlock): string {
  const region: Rect = { r0: p.top, c0: 0, r1: p.top + p.height - 1, c1: 1 };
  return `=${sheetRef(flagSheet, region)}`;
}

/** The rule formula for one severity of block k: the plan's, as Excel's UI takes it. */
export function ruleFormula(p: PlacedBlock, code: FlagCode): string {
  return `=${flagRuleFormula(p.block, tableName(p.k), code)}`;
}

const LOOK_OF: Record<FlagCode, { fill: string; font: string }> = {
  [FLAG_CODE.error]: SEVERITY_LOOK.error,
  [FLAG_CODE.warning]: SEVERITY_LOOK.warning,
  [FLAG_CODE.info]: SEVERITY_LOOK.info,
};

/**
 * Adds the rules of one block on its roster: all three severities whether flagged now or not (as the file back end
 * does), so later flags are only new rows in the table; least severe first, each moved to the top, so errors end on
 * top.
 */
export function addRules(roster: Excel.Worksheet, p: PlacedBlock): number {
  const { firstRow, lastRow, firstCol, lastCol } = p.block;
  const range = roster.getRangeByIndexes(firstRow - 1, firstCol - 1, lastRow - firstRow + 1, lastCol - firstCol + 1);
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
