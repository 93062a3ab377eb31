/// <reference types="office-js" />
// Protection, checked before a plan writes anything: a protected sheet refuses changes to its cells, formats and
// rules, and a workbook whose structure is protected refuses adding, deleting, renaming and hiding sheets, so a swap
// started under protection would stop half-way. The plan is refused first, naming the sheet (or the workbook).
import type { Edge } from "../../i18n/edge-errors";
import { supportsExcelApi } from "./run";

/** A plan refused because of protection: `sheet` is the protected sheet, undefined for the workbook's structure. */
export class ProtectedError extends Error {
  readonly code = "protected";
  /** The code and params describeError renders in the clerk's language. */
  readonly edge: Edge;
  constructor(readonly sheet: string | undefined) {
    super(sheet === undefined
      ? "the workbook's structure is protected (Review > Protect Workbook): unprotect it and run again; nothing was written"
      : `sheet "${sheet}" is protected (Review > Unprotect Sheet): unprotect it and run again; nothing was written`);
    this.name = "ProtectedError";
    this.edge = sheet === undefined ? { code: "workbookProtected", params: {} } : { code: "sheetProtected", params: { name: sheet } };
  }
  get params(): { sheet?: string } {
    return this.sheet === undefined ? {} : { sheet: this.sheet };
  }
}

/**
 * Throws ProtectedError when the workbook's structure is protected and `structure` changes are coming, or when one of
 * `sheets` (whose content changes) is protected. One sync; sheets' protection is ExcelApi 1.2, the workbook's 1.7.
 */
export async function assertUnprotected(ctx: Excel.RequestContext, structure: boolean, sheets: readonly { ws: Excel.Worksheet; name: string }[]): Promise<void> {
  const wb = structure && supportsExcelApi("1.7") ? ctx.workbook.protection.load("protected") : undefined;
  const each = supportsExcelApi("1.2") ? sheets.map((s) => ({ name: s.name, p: s.ws.protection.load("protected") })) : [];
  if (!wb && each.length === 0) return;
  await ctx.sync();
  if (wb?.protected) throw new ProtectedError(undefined);
  const locked = each.find((s) => s.p.protected);
  if (locked) throw new ProtectedError(locked.name);
}
