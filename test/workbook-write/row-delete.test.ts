// Rows deleted as Excel's Delete does (a sync's revert): references below move up, ranges spanning the deleted rows
// shrink back (the exact inverse of the sync's insert), references to deleted cells only become #REF!.
import { cutFormula, cutRefList, shiftFormula } from "../../src/workbook/xlsx-write/formula-shift";
import { deleteRowsInSheet } from "../../src/workbook/xlsx-write/row-delete";
import { insertRowsInSheet } from "../../src/workbook/xlsx-write/row-insert";

const C = { first: 11, count: 2 };

describe("cutFormula (rows 11-12 of 花名册 deleted)", () => {
  it.each<[string, string]>([
    ["SUM(K3:K12)", "SUM(K3:K10)"], // a total grown by the sync's insert: shrunk back
    ["SUM($K$3:$K$12)", "SUM($K$3:$K$10)"],
    ["K5:K22", "K5:K20"], // spans the rows
    ["A13:A14", "A11:A12"], // below: moves up
    ["K13", "K11"],
    ["A1:B2", "A1:B2"], // above: stays
    ["K11", "#REF!"], // a deleted cell
    ["SUM(K11:K12)", "SUM(#REF!)"], // a range of deleted rows only
    ["K12:K14", "K11:K12"], // starts inside: from the first row below
    ['"K13"&K13', '"K13"&K11'], // string literals stay
    ["Sheet2!K13", "Sheet2!K13"], // another sheet's
    ["花名册!K13", "花名册!K11"],
  ])("%s -> %s", (f, out) => expect(cutFormula(f, "花名册", true, C)).toBe(out));

  it("undoes the insert of the same rows exactly", () => {
    for (const f of ["SUM(K3:K10)", "K11", "A1:B2", "K5:K20", "'花名册'!B11"]) {
      expect(cutFormula(shiftFormula(f, "花名册", true, { before: 11, count: 2 }), "花名册", true, C)).toBe(f);
    }
  });

  it.each<[string, string]>([["A3:K12 B13 A11 A1", "A3:K10 B11 A1"], ["C11:C12", ""]])("cutRefList(%s) = %s", (list, out) => expect(cutRefList(list, C)).toBe(out));
});

describe("deleteRowsInSheet", () => {
  const xml = '<worksheet><dimension ref="A1:K12"/><sheetData><row r="10"><c r="A10"><v>8</v></c></row>' +
    '<row r="11"><c r="A11" t="s"><v>1</v></c><c r="B11"><f>COUNTA(B3:B10)</f><v>8</v></c></row><row r="12"><c r="A12"/></row></sheetData>' +
    '<mergeCells count="1"><mergeCell ref="A12:K12"/></mergeCells><dataValidations count="1"><dataValidation sqref="C3:C10"><formula1>$M$1:$M$2</formula1></dataValidation></dataValidations>' +
    '<rowBreaks count="1" manualBreakCount="1"><brk id="12" max="16383" man="1"/></rowBreaks></worksheet>';
  it("is the inverse of inserting the same rows", () => {
    const inserted = insertRowsInSheet(xml, "花名册", { before: 11, count: 2 });
    // the grown total's cached value was dropped by the insert; all else is as it was
    expect(deleteRowsInSheet(inserted, "花名册", C)).toBe(xml.replace("<f>COUNTA(B3:B10)</f><v>8</v>", "<f>COUNTA(B3:B10)</f>"));
  });
  it.each<[string, string]>([
    ["the deleted rows' cells go", '<row r="10"><c r="A10"><v>8</v></c></row></sheetData>'],
    ["a merge inside them goes, the count follows", ""],
    ["a page break inside them goes, the counts follow", '<rowBreaks count="0" manualBreakCount="0"></rowBreaks>'],
  ])("%s", (_l, piece) => {
    const out = deleteRowsInSheet(xml, "花名册", C);
    expect(out).toContain(piece);
    expect(out).not.toContain("mergeCell");
  });
});
