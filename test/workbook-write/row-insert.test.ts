// Rows inserted as Excel's Insert does: references below the point move, ranges spanning it or ending just above
// it grow, string literals and other sheets' references stay.
import { growFormula, shiftFormula, shiftRefList } from "../../src/workbook/xlsx-write/formula-shift";
import { insertRowsInSheet } from "../../src/workbook/xlsx-write/row-insert";

const S = { before: 11, count: 2 };

describe("shiftFormula (2 rows before row 11 of 花名册)", () => {
  it.each<[string, string]>([
    ["SUM(K3:K10)", "SUM(K3:K12)"], // ends just above: a total grows
    ["SUM($K$3:$K$10)", "SUM($K$3:$K$12)"],
    ["K5:K20", "K5:K22"], // spans the point
    ["A11:A12", "A13:A14"], // below: moves
    ["K11", "K13"],
    ["A1:B2", "A1:B2"], // above: stays
    ["K10", "K10"], // a single cell above stays
    ["K10:K10", "K10:K10"], // a one-row range above stays
    ['"K11"&K12', '"K11"&K14'], // string literals stay
    ["LOG10(A11)", "LOG10(A13)"], // a function name is no reference
    ["花名册!K11", "花名册!K13"],
    ["'花名册'!K11", "'花名册'!K13"],
    ["Sheet2!K11", "Sheet2!K11"], // another sheet's
  ])("%s -> %s", (f, out) => expect(shiftFormula(f, "花名册", true, S)).toBe(out));

  it.each<[string, string]>([
    ["花名册!K11", "花名册!K13"], ["K11", "K11"], ["'其他'!K11", "'其他'!K11"],
  ])("from another sheet: %s -> %s", (f, out) => expect(shiftFormula(f, "花名册", false, S)).toBe(out));

  it.each<[string, boolean, string]>([
    ["A3:K10 B12 A1", true, "A3:K12 B14 A1"], ["A3:K10", false, "A3:K10"], ["A1:K1", true, "A1:K1"],
  ])("shiftRefList(%s, grow %s) = %s", (list, grow, out) => expect(shiftRefList(list, S, grow)).toBe(out));
});

describe("growFormula (after Excel's own Insert of 2 rows at row 11)", () => {
  it.each<[string, string]>([
    ["SUM(K3:K10)", "SUM(K3:K12)"], ["COUNTA($B$3:$B$10)", "COUNTA($B$3:$B$12)"], ["SUM(K3:K9)", "SUM(K3:K9)"],
    ["K10", "K10"], ["SUM(K10:K10)", "SUM(K10:K10)"], ['"K3:K10"', '"K3:K10"'], ["其他!K3:K10", "其他!K3:K10"], ["花名册!K3:K10", "花名册!K3:K12"],
  ])("%s -> %s", (f, out) => expect(growFormula(f, "花名册", true, S)).toBe(out));
});

describe("insertRowsInSheet", () => {
  const xml = '<worksheet><dimension ref="A1:K12"/><sheetData><row r="10"><c r="A10"><v>8</v></c></row>' +
    '<row r="11"><c r="A11" t="s"><v>1</v></c><c r="B11"><f>COUNTA(B3:B10)</f><v>8</v></c></row><row r="12"><c r="A12"/></row></sheetData>' +
    '<mergeCells count="1"><mergeCell ref="A12:K12"/></mergeCells><dataValidations count="1"><dataValidation sqref="C3:C10"><formula1>$M$1:$M$2</formula1></dataValidation></dataValidations></worksheet>';
  const out = insertRowsInSheet(xml, "花名册", S);
  it.each<[string, string]>([
    ["rows below move with their cells", '<row r="13"><c r="A13" t="s">'],
    ["a row above stays", '<row r="10"><c r="A10">'],
    ["a moved total grows, its stale cached value dropped", '<c r="B13"><f>COUNTA(B3:B12)</f></c>'],
    ["merges below move", '<mergeCell ref="A14:K14"/>'],
    ["validations over the members grow", 'sqref="C3:C12"'],
    ["the dimension covers the moved rows", '<dimension ref="A1:K14"/>'],
    ["a validation list above stays", "<formula1>$M$1:$M$2</formula1>"],
  ])("%s", (_, piece) => expect(out).toContain(piece));
  it("leaves a sheet with nothing at or below the point as it was, but for growing ranges", () => {
    expect(insertRowsInSheet('<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>', "x", S))
      .toBe('<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>');
  });
});
