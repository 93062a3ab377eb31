// Finding the product's own sheets in a workbook: by their workbook-level defined names, never by sheet name.
import { PRODUCT_NAME_PREFIX } from "../domain/check";
import { sheetOfReference } from "../domain/sheet-reference";
import { ProductRole } from "../plan/write-plan";
import { WorkbookSource } from "./workbook-source";

/** The sheet a product role lives on, from `_RosterAssistant_<role>` = `'<name>'!$A$1`; undefined where absent. */
export function productSheetName(source: WorkbookSource, role: ProductRole): string | undefined {
  const ref = source.definedNames.get(`${PRODUCT_NAME_PREFIX}${role}`);
  if (!ref) return undefined;
  const name = sheetOfReference(ref);
  return name !== undefined && source.sheets.some((s) => s.name === name) ? name : undefined;
}
