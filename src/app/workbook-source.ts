// The read side of a workbook back end, as the check use case needs it (the file reader and Office.js both fit).
import { SheetGrid, SheetState } from "../domain/grid";

export interface SheetEntry {
  readonly name: string;
  readonly state: SheetState;
  readonly kind: "worksheet" | "chartsheet" | "dialogsheet" | "macrosheet";
}

export interface WorkbookSource {
  readonly date1904: boolean;
  readonly sheets: readonly SheetEntry[];
  readonly definedNames: ReadonlyMap<string, string>;
  /** The sheet's cells; with maxRows, only its first rows (a peek to tell what the sheet is). */
  readSheet(name: string, opts?: { maxRows?: number }): SheetGrid | Promise<SheetGrid>;
}
