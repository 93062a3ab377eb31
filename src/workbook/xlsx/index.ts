// The file back end's reader: an .xlsx in memory -> sheets as value grids (see open-workbook.ts).
export { UnreadableInputError } from "./errors";
export { DEFAULT_LIMITS, type ReadLimits } from "./inflate";
export { builtinDecimalCode, decimalsShown, fixedDecimals, isBuiltinDateFormat, isDateFormatCode } from "./number-format";
export {
  openXlsx, type OpenedWorkbook, type OpenOptions, type ReadOptions, type SheetInfo, type SheetKind,
} from "./open-workbook";
export type { SheetPartEnds } from "./read-sheet";
