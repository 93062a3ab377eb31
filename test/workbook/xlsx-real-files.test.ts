// The real Excel-written workbooks in ../shared/real-xlsx: every one opens and every worksheet reads, with the values
// ExcelJS (an independent reader) sees; every file in reject/ is refused with the right kind of message.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import type { CellValue } from "../../src/domain/grid";
import { openXlsx, UnreadableInputError } from "../../src/workbook/xlsx";

const DIR = resolve(process.env.REAL_XLSX_DIR ?? resolve(__dirname, "../../../shared/real-xlsx"));
const present = existsSync(DIR);
if (!present && process.env.CI === "true") {
  throw new Error(`${DIR} is missing: the real-file tests must run in CI`);
}
if (!present) console.warn(`skipping real-file tests: ${DIR} not found`);
const maybe = present ? describe : describe.skip;
const list = (sub: string, ext: RegExp): string[] => (present && existsSync(join(DIR, sub)) ? readdirSync(join(DIR, sub)).filter((f) => ext.test(f)).sort() : []);
const read = (path: string): Uint8Array => new Uint8Array(readFileSync(path));

/** Known facts: sheet count, first sheet name, start of its first non-empty row, sheets not visible. */
const FACTS: Record<string, [number, string, CellValue[], string[]]> = {
  "01_calamine_any_sheets.xlsx": [4, "Visible", [1, 2], ["Hidden:hidden", "VeryHidden:veryHidden"]],
  "02_calamine_pivots.xlsx": [6, "PivotSheet1", ["Date", "(Multiple Items)"], []],
  "03_closedxml_ChartsheetAndPivotTable.xlsx": [3, "Data", ["Name", "Sold"], []],
  "04_closedxml_lo_pivottable_tabular_mode.xlsx": [2, "pivot", ["pwdLastSet", "(Multiple Items)"], []],
  "05_closedxml_TemplateWithTableSourcePivotTables.xlsx": [28, "Input", ["Calculation", 0], []],
  "06_exceljs_test-issue-880.xlsx": [5, "A", ["Kosten"], ["Ersatzteilliste:hidden", "Leiterprüfung:hidden", "Feststellanlagen:hidden", "Schweißgerät:hidden"]],
  "07_magicodes_NullableEnum.xlsx": [2, "导入数据", ["编号", "等级"], ["hidden_Level:hidden"]],
  "08_magicodes_学生基础数据导入存在问题.xlsx": [1, "导入数据", ["序号", "学籍号", "姓名", "身份证号", "性别"], []],
  "09_smartparty_党员基本信息采集表.xlsx": [1, "Sheet1", ["党员基本信息采集表"], []],
  "10_smartparty_统战人员导入模板.xlsx": [6, "党外干部", ["提示：标红字段为必填项，禁止调整模板格式"], []],
};

/** A cell as ExcelJS reports it, in our terms; undefined where ExcelJS cannot be compared (see the comments). */
function fromExcelJs(cell: ExcelJS.Cell, date1904: boolean): unknown {
  if (cell.isMerged && cell.master !== cell) return undefined; // ExcelJS repeats the master's value in merged cells
  const v = cell.value as unknown;
  if (v === null || v === undefined) return undefined;
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return undefined; // ExcelJS turns a date-formatted error or text into an invalid Date
    return { date: Math.round((v.getTime() / 86400000 + (date1904 ? 24107 : 25569)) * 1e6) / 1e6 };
  }
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    if ("formula" in o || "sharedFormula" in o) return o.result === undefined ? undefined : fromExcelJs({ value: o.result, isMerged: false } as ExcelJS.Cell, date1904);
    if ("richText" in o) return (o.richText as Array<{ text: string }>).map((r) => r.text).join("");
    if ("error" in o) return o.error;
    if ("text" in o) return o.text;
  }
  return v;
}

/** The package without data validations, which ExcelJS expands cell by cell (18 s for file 10); values are unchanged. */
function withoutValidations(bytes: Uint8Array): ArrayBuffer {
  const parts = unzipSync(bytes);
  for (const name of Object.keys(parts)) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(name)) continue;
    const xml = strFromU8(parts[name]);
    parts[name] = strToU8(xml.replace(/<dataValidations[\s\S]*?<\/dataValidations>/g, "").replace(/<extLst>[\s\S]*?<\/extLst>/g, ""));
  }
  const zipped = zipSync(parts);
  return zipped.buffer.slice(zipped.byteOffset, zipped.byteOffset + zipped.byteLength) as ArrayBuffer;
}

const ours = (v: CellValue | undefined): unknown =>
  typeof v === "object" && v !== null ? { date: Math.round(v.serial * 1e6) / 1e6 } : v;

maybe("real workbooks", () => {
  const files = list("", /\.xlsx$/i);
  it("finds the ten files", () => expect(files.length).toBeGreaterThanOrEqual(10));

  if (files.length === 0) return;
  it.each(files)("%s opens and every worksheet reads", (f) => {
    const wb = openXlsx(read(join(DIR, f)), f);
    const snap = wb.snapshot();
    expect(snap.sheets.length).toBe(wb.sheets.filter((s) => s.kind === "worksheet").length);
    const facts = FACTS[f];
    if (facts === undefined) return;
    const [count, first, row, hidden] = facts;
    expect(wb.sheets.length).toBe(count);
    expect(wb.sheets[0].name).toBe(first);
    expect(snap.sheets[0].rows.find((r) => r !== undefined)?.slice(0, row.length)).toEqual(row);
    expect(wb.sheets.filter((s) => s.state !== "visible").map((s) => `${s.name}:${s.state}`)).toEqual(hidden);
    expect(wb.readSheet(first, { maxRows: 3 }).rows.length).toBeLessThanOrEqual(3);
  });

  it.each(files)("%s: every value equals what ExcelJS reads", async (f) => {
    const bytes = read(join(DIR, f));
    const wb = openXlsx(bytes, f);
    const ej = new ExcelJS.Workbook();
    await ej.xlsx.load(withoutValidations(bytes));
    const diffs: string[] = [];
    let compared = 0;
    for (const grid of wb.snapshot().sheets) {
      const ws = ej.getWorksheet(grid.name);
      if (ws === undefined) continue;
      ws.eachRow({ includeEmpty: false }, (row, r) => row.eachCell({ includeEmpty: false }, (cell, c) => {
        const theirs = fromExcelJs(cell, wb.date1904);
        if (theirs === undefined) return;
        compared++;
        const mine = ours(grid.rows[r - 1]?.[c - 1]);
        if (JSON.stringify(mine) !== JSON.stringify(theirs)) diffs.push(`${grid.name}!${cell.address}: ${JSON.stringify(mine)} vs ${JSON.stringify(theirs)}`);
      }));
    }
    expect(diffs).toEqual([]);
    expect(compared).toBeGreaterThan(5);
  });

  it("knows the chart sheets and hidden sheets of 01", () => {
    const wb = openXlsx(read(join(DIR, "01_calamine_any_sheets.xlsx")), "01.xlsx");
    expect(wb.sheets.map((s) => [s.name, s.state, s.kind])).toEqual([
      ["Visible", "visible", "worksheet"], ["Hidden", "hidden", "worksheet"], ["VeryHidden", "veryHidden", "worksheet"], ["Chart", "visible", "chartsheet"],
    ]);
  });
});

maybe("real files to refuse", () => {
  const files = list("reject", /./);
  it("finds them", () => expect(files.length).toBeGreaterThanOrEqual(6));
  if (files.length === 0) return;
  const expected = (f: string): RegExp =>
    /\.xlsb$/i.test(f) ? /\.xlsb\); open it in Excel and save as \.xlsx$/
      : /\.xls$/i.test(f) ? /legacy Excel 97-2003 workbook \(\.xls\); open it in Excel or WPS and save as \.xlsx, or: soffice --headless --convert-to xlsx FILE$/
        : /password-protected \(encrypted\) workbook; remove the password in Excel \(File > Info > Protect Workbook\) and save again$/;
  it.each(files)("%s", (f) => {
    let err: unknown;
    try {
      openXlsx(read(join(DIR, "reject", f)), f);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(UnreadableInputError);
    const message = (err as Error).message;
    expect(message.startsWith(`${f}: `)).toBe(true);
    expect(message).not.toContain("\n");
    expect(message).toMatch(expected(f));
  });
});
