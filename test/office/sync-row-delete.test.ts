// The Office.js back end's row deletes (a sync's revert) against the fake, whose Range.delete holds Excel's rules
// (test/fakes/fake-delete.ts): the rows left empty deleted with Excel's Delete, references below moved up, totals
// shrunk back; a row holding a clerk's value stays.
import { deleteRowsOffice } from "../../src/workbook/office/row-delete";
import { cutFormula } from "../fakes/fake-delete";
import { asCtx, setup } from "./office-helpers";

describe("the fake's row delete (Excel's rules)", () => {
  it.each([
    ["a cell below moves up", "=B7", "=B5"],
    ["a cell above stays", "=B3", "=B3"],
    ["a range across the deleted rows shrinks", "=SUM(B2:B11)", "=SUM(B2:B9)"],
    ["a deleted cell is #REF!", "=B4+1", "=#REF!+1"],
    ["another sheet's reference stays", "=字典!B7", "=字典!B7"],
  ])("%s", (_n, f, want) => expect(cutFormula(f, "Sheet1", "Sheet1", 4, 2)).toBe(want));
});

describe("deleteRowsOffice", () => {
  const roster = () => {
    const fake = setup({ sheets: ["花名册"] });
    fake.putRows("花名册", 1, [["姓名", "党费"], ["张三", 10], [null, null], [null, null], ["合计", { f: "=SUM(B2:B4)" }]]);
    return fake;
  };

  it("deletes the rows left empty; the total below shrinks back", async () => {
    const fake = roster();
    await Excel.run(async (ctx) => deleteRowsOffice(asCtx(ctx), [{ sheet: "花名册", first: 3, count: 2 }]));
    const s = fake.sheet("花名册");
    expect([s.value(2, 0), s.formula(2, 1)]).toEqual(["合计", "=SUM(B2:B2)"]);
  });

  it("keeps a row a clerk has typed into", async () => {
    const fake = roster();
    fake.put("花名册", "D4", "待核实");
    await Excel.run(async (ctx) => deleteRowsOffice(asCtx(ctx), [{ sheet: "花名册", first: 3, count: 2 }]));
    const s = fake.sheet("花名册");
    expect([s.value(2, 3), s.value(3, 0), s.formula(3, 1)]).toEqual(["待核实", "合计", "=SUM(B2:B3)"]);
  });
});
