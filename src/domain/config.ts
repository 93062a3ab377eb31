// The settings sheet of SPEC section 7 (read): one table 类型 | 键 | 值, one setting a row.
import { z } from "zod";
import { FIELD_CODES, FieldCode } from "./fields";
import { foldKey } from "./fold";
import { CellValue, SheetGrid, columnLetter } from "./grid";
import { normaliseDate } from "./normalise/date";
import { cellText } from "./normalise/text";
import { ISSUE_SEVERITY, RawIssue } from "./schema";

export const RosterConfig = z.object({
  /** Configured branch names; empty: the branches are the distinct values found. */
  branches: z.array(z.string()),
  /** The office's member categories, in order (`category | 在职民警 |`); empty: the column's dropdown or values. */
  categories: z.array(z.string()),
  /** Extra spellings staff added: `spelling | category:laid_off | 下岗人员`. */
  spellings: z.array(z.object({ field: z.string(), code: z.string(), spelling: z.string() })),
  /** Column overrides: `column | idNumber | 证件` (a header text or a column letter). */
  columns: z.array(z.object({ field: z.enum(FIELD_CODES), header: z.string() })),
  /** `required | phone | no` */
  required: z.record(z.string(), z.boolean()),
  /** Branch for a sheet without a branch column: `sheetBranch | 铁康名单 | 铁康社区`. */
  sheetBranches: z.record(z.string(), z.string()),
  asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  language: z.enum(["zh-CN", "zh-TW", "en"]).optional(),
  /** 填报单位: the reporting unit printed on summary sheets (`unit | | 铁西街道党工委`). */
  unit: z.string().optional(),
});
export type RosterConfig = z.infer<typeof RosterConfig>;

export const EMPTY_CONFIG: RosterConfig = { branches: [], categories: [], spellings: [], columns: [], required: {}, sheetBranches: {} };

/** Kind names accepted in the first column, folded (English codes and the Chinese words staff type). */
const KINDS: Record<string, string> = {
  branch: "branch", 支部: "branch",
  category: "category", 类别: "category", 党员类别: "category",
  spelling: "spelling", 写法: "spelling", 别名: "spelling",
  column: "column", 列: "column",
  required: "required", 必填: "required",
  asof: "asOf", 统计截止: "asOf", 截止日期: "asOf",
  sheetbranch: "sheetBranch", 工作表支部: "sheetBranch",
  language: "language", 语言: "language",
  unit: "unit", 填报单位: "unit",
};
const YES = new Set(["yes", "是", "y", "true", "1"]);
const NO = new Set(["no", "否", "n", "false", "0"]);

/** Whether a row reads as the settings table's header 类型 | 键 | 值 (or kind | key | value). */
export function isSettingsHeader(row: ReadonlyArray<CellValue | undefined> | undefined): boolean {
  if (!row) return false;
  const keys = [0, 1, 2].map((i) => (typeof row[i] === "string" ? foldKey(row[i] as string) : ""));
  return (keys[0] === "类型" || keys[0] === "kind") && (keys[1] === "键" || keys[1] === "key") && (keys[2] === "值" || keys[2] === "value");
}

/** Reads the settings sheet; rows it cannot read become unknown_value issues on that sheet, never a failure. */
export function readConfig(sheet: SheetGrid, date1904: boolean): { config: RosterConfig; issues: RawIssue[] } {
  const config: RosterConfig = { branches: [], categories: [], spellings: [], columns: [], required: {}, sheetBranches: {} };
  const issues: RawIssue[] = [];
  const start = sheet.rows.findIndex((r) => isSettingsHeader(r));
  for (let r = start + 1; start >= 0 && r < sheet.rows.length; r++) {
    const row = sheet.rows[r];
    if (!row) continue;
    const [kindText, key, value] = [0, 1, 2].map((i) => cellText(row[i], date1904).trim());
    if (!kindText && !key && !value) continue;
    const bad = (col: number, text: string) =>
      issues.push({
        sheet: sheet.name, row: r + 1, column: columnLetter(col), field: "settings", code: "unknown_value",
        severity: ISSUE_SEVERITY.unknown_value, params: { setting: kindText }, value: text,
      });
    const kind = KINDS[foldKey(kindText)];
    if (kind === "branch" || kind === "category") {
      const name = key || value;
      if (name) (kind === "branch" ? config.branches : config.categories).push(name);
    } else if (kind === "spelling") {
      const [field, code] = key.split(/[:：]/).map((s) => s.trim());
      if (field && code && value) config.spellings.push({ field, code, spelling: value });
      else bad(1, key);
    } else if (kind === "column") {
      if ((FIELD_CODES as readonly string[]).includes(key) && value) config.columns.push({ field: key as FieldCode, header: value });
      else bad(1, key);
    } else if (kind === "required") {
      const v = foldKey(value);
      if ((FIELD_CODES as readonly string[]).includes(key) && (YES.has(v) || NO.has(v))) config.required[key] = YES.has(v);
      else bad(2, value);
    } else if (kind === "asOf") {
      const d = normaliseDate(row[2], date1904);
      if (d.kind === "ok" && d.precision === "day") config.asOf = d.value;
      else bad(2, value);
    } else if (kind === "sheetBranch") {
      if (key && value) config.sheetBranches[key] = value;
      else bad(1, key);
    } else if (kind === "unit") {
      if (key || value) config.unit = value || key;
    } else if (kind === "language") {
      if (value === "zh-CN" || value === "zh-TW" || value === "en") config.language = value;
      else bad(2, value);
    } else {
      bad(0, kindText);
    }
  }
  return { config, issues };
}
