// The settings sheet (名册设置, SPEC 7) from the task pane: the detected column mapping to show, and column overrides
// written into the sheet's one table 类型 | 键 | 值 as `column | <field> | <header text>`. Only the rows concerned are
// written; the staff's other rows, formats and notes stay as they are.
import { PRODUCT_NAME_PREFIX } from "../domain/check";
import { isSettingsHeader } from "../domain/config";
import { FieldCode } from "../domain/fields";
import { foldKey } from "../domain/fold";
import { CellValue, columnLetter } from "../domain/grid";
import { HEADER_SEARCH_ROWS } from "../domain/locate";
import { Lang } from "../domain/vocabulary";
import { SHEET_TEXT } from "../i18n/sheet-text";
import { TextRow, runInWorkbook, writeSettingsRows } from "../workbook/office";
import { uniqueSheetName } from "../workbook/xlsx-write/sheet-names";
import { NoRosterError } from "./check-roster";
import { checkWithin } from "./excel-check";
import { CheckOptions, RunControl, checkpoint } from "./excel-run";

export interface HeaderCell {
  /** Column letter, "B". */
  readonly column: string;
  readonly text: string;
}

export interface RosterMapping {
  readonly sheet: string;
  readonly headerRow: number;
  /** The header row's non-empty cells, left to right. */
  readonly headers: readonly HeaderCell[];
  /** field -> column letter, as the check maps it now (overrides applied). */
  readonly columns: Partial<Record<FieldCode, string>>;
}

/** `column | field | header`: the header text (or a column letter) that names the field's column; field `ignored`
 * takes a column out of the mapping. */
export interface ColumnOverride {
  readonly field: FieldCode;
  readonly header: string;
}

export interface SettingsView {
  readonly rosters: readonly RosterMapping[];
  readonly overrides: readonly ColumnOverride[];
  /** The workbook's language (settings sheet, else the roster's script). */
  readonly language?: Lang;
}

const SETTINGS_ROLE_NAME = `${PRODUCT_NAME_PREFIX}settings`;
const SETTINGS_SHEET_NAMES = new Set(Object.values(SHEET_TEXT).map((t) => t.sheetNames.settings));
const COLUMN_KINDS = new Set(["column", "列"]);

const headerText = (v: CellValue | undefined): string => (typeof v === "string" ? v.trim() : typeof v === "number" ? String(v) : "");

/** The mapping of every roster as the check sees it, and the overrides the settings sheet holds. */
export async function readSettings(opts: CheckOptions): Promise<SettingsView> {
  return runInWorkbook(async (wb) => {
    let check: Awaited<ReturnType<typeof checkWithin>>;
    try {
      check = await checkWithin(wb, opts);
    } catch (e) {
      if (e instanceof NoRosterError) return { rosters: [], overrides: [] };
      throw e;
    }
    const rosters: RosterMapping[] = [];
    for (const r of check.report.rosters) {
      const grid = await check.source.readSheet(r.sheet, { maxRows: HEADER_SEARCH_ROWS + 1 });
      const row = grid.rows[r.headerRow - 1] ?? [];
      const headers: HeaderCell[] = [];
      row.forEach((v, c) => {
        const text = headerText(v);
        if (text) headers.push({ column: columnLetter(c), text });
      });
      rosters.push({ sheet: r.sheet, headerRow: r.headerRow, headers, columns: r.columns });
    }
    return { rosters, overrides: check.result.config.columns, language: check.result.language };
  });
}

interface SettingsRow {
  /** 1-based sheet row. */
  readonly row: number;
  readonly kind: string;
  readonly key: string;
  readonly value: string;
}

/** The table below the header: kind, key and value from columns A to C. */
function tableRows(values: unknown[][], rowIndex: number, columnIndex: number): { header?: number; rows: SettingsRow[]; next: number } {
  const cell = (r: number, c: number): CellValue | undefined => {
    const v = values[r]?.[c - columnIndex];
    return v === "" || v === undefined ? undefined : (v as CellValue);
  };
  const text = (r: number, c: number) => headerText(cell(r, c));
  let header: number | undefined;
  for (let r = 0; r < Math.min(values.length, 5) && header === undefined; r++) {
    if (isSettingsHeader([cell(r, 0), cell(r, 1), cell(r, 2)])) header = r;
  }
  const rows: SettingsRow[] = [];
  if (header !== undefined) {
    for (let r = header + 1; r < values.length; r++) rows.push({ row: rowIndex + r + 1, kind: text(r, 0), key: text(r, 1), value: text(r, 2) });
  }
  return { header: header === undefined ? undefined : rowIndex + header + 1, rows, next: rowIndex + values.length + 1 };
}

/** What to do to the table for the overrides: rows to update (column C), to empty (A:C), to append. */
export function settingsEdits(rows: readonly SettingsRow[], overrides: readonly ColumnOverride[]): {
  update: { row: number; value: string }[]; clear: number[]; append: [string, string, string][];
} {
  const update: { row: number; value: string }[] = [];
  const clear = new Set<number>();
  const append: [string, string, string][] = [];
  for (const o of overrides) {
    const wanted = foldKey(o.header);
    let done = false;
    for (const r of rows) {
      if (!COLUMN_KINDS.has(foldKey(r.kind)) || clear.has(r.row)) continue;
      const sameHeader = foldKey(r.value) === wanted;
      if (r.key === o.field && (o.field !== "ignored" || sameHeader)) {
        if (done) clear.add(r.row);
        else {
          if (r.value !== o.header) update.push({ row: r.row, value: o.header });
          done = true;
        }
      } else if (sameHeader) clear.add(r.row); // the same header given to another field: the new choice wins
    }
    if (!done) append.push(["column", o.field, o.header]);
  }
  return { update, clear: [...clear], append };
}

/** Writes column overrides into the settings sheet, creating it (in `lang`) where the workbook has none. */
export async function saveColumnOverrides(overrides: readonly ColumnOverride[], opts: RunControl & { lang: Lang }): Promise<string> {
  checkpoint(opts, { step: "saving" });
  return writeSettingsRows(SETTINGS_ROLE_NAME, SETTINGS_SHEET_NAMES, (candidates, allSheets) => {
    // The sheet the role name refers to, else the first candidate with the table's header.
    let sheet: string | undefined;
    let table: ReturnType<typeof tableRows> | undefined;
    for (let i = 0; i < candidates.length && sheet === undefined; i++) {
      const c = candidates[i];
      const t = c.used ? tableRows(c.used.values, c.used.rowIndex, c.used.columnIndex) : { rows: [], next: 1 };
      if (c.named || t.header !== undefined) {
        sheet = c.name;
        table = t;
      }
    }
    const headers = SHEET_TEXT[opts.lang].settingsHeaders;
    const rows: TextRow[] = [];
    let target: { sheet: string } | { create: string; headers: string[] };
    if (sheet === undefined || !table) {
      target = { create: uniqueSheetName(SHEET_TEXT[opts.lang].sheetNames.settings, allSheets), headers: [...headers] };
      table = { header: 1, rows: [], next: 2 };
    } else {
      target = { sheet };
      if (table.header === undefined) {
        rows.push({ row: table.next, values: [...headers] });
        table = { header: table.next, rows: [], next: table.next + 1 };
      }
    }
    const edits = settingsEdits(table.rows, overrides);
    for (const u of edits.update) rows.push({ row: u.row, values: [u.value], from: "C" });
    // New rows go into rows the table has empty (or is emptying now), then below its last used row.
    const free = [...table.rows.filter((r) => !r.kind && !r.key && !r.value).map((r) => r.row), ...edits.clear].sort((a, b) => a - b);
    const reused = new Set<number>();
    let next = table.next;
    for (const row of edits.append) {
      const at = free.shift() ?? next++;
      reused.add(at);
      rows.push({ row: at, values: row });
    }
    for (const r of edits.clear) if (!reused.has(r)) rows.push({ row: r, values: ["", "", ""] });
    return { target, rows };
  });
}
