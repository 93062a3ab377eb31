// Small reads and moves in the open workbook for the shells: go to an issue's cell (on its member's row now), and how
// big the workbook is.
import { PRODUCT_NAME_PREFIX } from "../domain/check";
import { CheckedGrids } from "../plan/plan-check";
import { Report } from "../domain/report-schema";
import { findMemberRow, MemberLinks, memberLinks } from "../plan/member-link";
import { readColumnInExcel, selectCellInExcel, usedRowsOutsideNamed } from "../workbook/office";

/** The member links of the last check in this pane (sheet -> row at the check -> link). */
let lastLinks: MemberLinks = new Map();

/** Keeps the check's member links, so a click on one of its issues finds the member where it is now. */
export function rememberMemberLinks(check: { readonly report: Report; readonly result: CheckedGrids }): void {
  lastLinks = memberLinks(check.report, check.result.grids);
}

/**
 * Activates the sheet and selects the cell ("F7", as the check saw it) on its member's row now: the row found
 * as the issues sheet's link finds it (findMemberRow, MATCH's rule), the address as seen where the member is gone.
 */
export async function selectCell(sheet: string, cell: string): Promise<void> {
  const m = /^([A-Z]+)(\d+)$/.exec(cell);
  const link = m ? lastLinks.get(sheet)?.get(Number(m[2])) : undefined;
  if (!m || link === undefined) return selectCellInExcel(sheet, cell);
  const column = await readColumnInExcel(sheet, link.col);
  await selectCellInExcel(sheet, `${m[1]}${findMemberRow(link, column, Number(m[2]))}`);
}

/** Rows in the used ranges of the worksheets (the product's own sheets left out: an issues list or flag sheet from an
 * earlier run is not roster to check): what the ribbon command weighs before checking without the pane. */
export async function usedRowsInExcel(): Promise<number> {
  return usedRowsOutsideNamed(PRODUCT_NAME_PREFIX);
}
