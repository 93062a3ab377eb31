// The Office.js back end: the only code that touches `Excel`. Reads through officeSource (the WorkbookSource port),
// writes the same WritePlans as the file back end.
export { officeSource, type OfficeReadOptions, type OfficeSheetEntry, type OfficeWorkbookSource } from "./office-source";
export { applyPlanOffice, TEMP_PREFIX, type ApplyOfficeOptions } from "./apply-plan";
export { applyPlanInExcel, runExcel, supportsExcelApi } from "./run";
export { runInWorkbook, type OfficeSession } from "./session";
export { readColumnInExcel, selectCellInExcel } from "./select-cell";
export { usedRowsOutsideNamed } from "./used-rows";
export { watchSheetChanges, type SheetChangeWatch } from "./change-events";
export { writeSettingsRows, type SettingsCandidate, type SettingsWrite, type TextRow } from "./settings-rows";
export { FLAG_SHEET_NAME, FLAGS_NAME, FLAG_GRID_PREFIX } from "./flags";
export { WORKBOOK_LABEL } from "./cell-writes";
