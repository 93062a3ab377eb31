// Dropdown lists read from the worksheet part: inline, a range on a hidden sheet, a defined name, Excel 2010's x14
// form in extLst; the real Excel files' own lists (07: x14; 10: ranges on a hidden sheet).
import * as fs from "fs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { listAt } from "../../src/domain/grid";
import { inlineValues, parseListRules, parseSqref, rangeReference } from "../../src/workbook/xlsx/data-validations";
import { openXlsx } from "../../src/workbook/xlsx/open-workbook";
import { minimalXlsx } from "../helpers/minimal-xlsx";
import { SHARED, describeShared } from "../helpers/shared";
import { join } from "path";

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const X14 = 'xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"';
const cell = (ref: string, v: string) => `<c r="${ref}" t="inlineStr"><is><t>${v}</t></is></c>`;

const roster = `<worksheet ${NS} ${X14}><sheetData><row r="1">${cell("A1", "姓名")}${cell("B1", "性别")}${cell("C1", "民族")}${cell("D1", "类别")}</row></sheetData>` +
  `<dataValidations count="3"><dataValidation type="list" sqref="B2:B100"><formula1>"男,女"</formula1></dataValidation>` +
  `<dataValidation type="list" sqref="C2:C100"><formula1>字典!$A$1:$A$3</formula1></dataValidation>` +
  `<dataValidation type="whole" sqref="E2:E100"><formula1>1</formula1></dataValidation></dataValidations>` +
  `<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}"><x14:dataValidations count="1"><x14:dataValidation type="list">` +
  `<x14:formula1><xm:f>类别列表</xm:f></x14:formula1><xm:sqref>D2:D100</xm:sqref></x14:dataValidation></x14:dataValidations></ext></extLst></worksheet>`;
const dict = `<worksheet ${NS}><sheetData>${["汉族", "满族", "回族"].map((v, i) => `<row r="${i + 1}">${cell(`A${i + 1}`, v)}${cell(`B${i + 1}`, ["在职民警", "离退休民警", ""][i])}</row>`).join("")}</sheetData></worksheet>`;

function withName(bytes: Uint8Array): Uint8Array {
  // the defined name 类别列表 -> 字典!$B$1:$B$2, added to workbook.xml by hand-written XML (not our writer)
  const parts = unzipSync(bytes);
  parts["xl/workbook.xml"] = strToU8(strFromU8(parts["xl/workbook.xml"]).replace("</sheets>", "</sheets><definedNames><definedName name=\"类别列表\">字典!$B$1:$B$2</definedName></definedNames>"));
  return zipSync(parts);
}

describe("dropdown lists", () => {
  const wb = openXlsx(withName(minimalXlsx([{ name: "名册", xml: roster }, { name: "字典", xml: dict }])), "t.xlsx");
  const g = wb.readSheet("名册");

  it.each([
    ["inline", 1, ["男", "女"]],
    ["a range on another sheet", 2, ["汉族", "满族", "回族"]],
    ["an x14 list through a defined name", 3, ["在职民警", "离退休民警"]],
  ])("%s", (_l, col, values) => expect(listAt(g, 1, col)).toEqual(values));

  it("a whole-number rule is no list; a peek reads none", () => {
    expect(listAt(g, 1, 4)).toBeUndefined();
    expect(wb.readSheet("名册", { maxRows: 5 }).lists).toBeUndefined();
  });

  it.each([
    ["B2:B100 D2", [{ r0: 1, c0: 1, r1: 99, c1: 1 }, { r0: 1, c0: 3, r1: 1, c1: 3 }]],
    ["$C$3:$C$1048576", [{ r0: 2, c0: 2, r1: 1048575, c1: 2 }]],
  ])("sqref %s", (sqref, ranges) => expect(parseSqref(sqref)).toEqual(ranges));

  it.each([
    ['"男,女"', ["男", "女"]],
    ["Sheet2!$A$1:$A$9", undefined],
  ])("inline %s", (f, v) => expect(inlineValues(f)).toEqual(v));

  it.each([
    ["'My Sheet'!$A$1:$A$9", "My Sheet"],
    ["$A$1:$A$9", undefined],
  ])("reference %s", (f, sheet) => expect(rangeReference(f)?.sheet).toBe(sheet));

  it("no validations: no rules", () => expect(parseListRules("<pageMargins/>")).toEqual([]));
});

describeShared("real-xlsx", "the real Excel files' own lists", () => {
  it.each([
    ["07_magicodes_NullableEnum.xlsx", "导入数据", 1, 1, ["A", "B"]],
    ["10_smartparty_统战人员导入模板.xlsx", "党外干部", 2, 1, ["男", "女"]],
  ])("%s %s", (file, sheet, row0, col0, values) => {
    const wb = openXlsx(fs.readFileSync(join(SHARED, "real-xlsx", file)), file);
    expect(listAt(wb.readSheet(sheet), row0, col0)).toEqual(values);
  });
});
