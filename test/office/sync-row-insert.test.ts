// The Office.js back end's row inserts (a sync's additions) against the fake, whose Range.insert holds Excel's rules
// (test/fakes/fake-insert.ts): whole rows inserted where the plan says, references below moved by Excel, then the
// totals below the new rows that ended just above them grown to take them in, and nothing else rewritten.
import { insertRowsOffice } from "../../src/workbook/office/row-insert";
import { movedRect, shiftFormula } from "../fakes/fake-insert";
import { FakeError } from "../fakes/fake-model";
import { parseAreas } from "../fakes/fake-address";
import { asCtx, setup } from "./office-helpers";

describe("the fake's row insert (Excel's rules)", () => {
  it.each([
    ["a cell below moves", "=B5", "Sheet1", 4, 2, "=B7"],
    ["a cell above stays", "=B3", "Sheet1", 4, 2, "=B3"],
    ["a range across the insert grows", "=SUM(B2:B9)", "Sheet1", 4, 2, "=SUM(B2:B11)"],
    ["a range ending just above does not grow", "=SUM(B2:B3)", "Sheet1", 4, 2, "=SUM(B2:B3)"],
    ["a range starting at the insert moves", "=SUM($B$4:$B$6)", "Sheet1", 4, 2, "=SUM($B$6:$B$8)"],
    ["a quoted sheet name is read; another sheet's reference stays", "=花名册!B5+'My s''heet'!B5", "汇总", 4, 2, "=花名册!B5+'My s''heet'!B7"],
    ["a reference to another sheet stays", "=字典!A9", "Sheet1", 4, 2, "=字典!A9"],
    ["text and function names are not references", '=LOG10(B5)&"B5"', "Sheet1", 4, 1, '=LOG10(B6)&"B5"'],
    ["whole rows", "=SUM(3:5)", "Sheet1", 4, 1, "=SUM(3:6)"],
  ])("%s", (_n, f, on, before, count, want) => {
    const target = f.includes("'My s''heet'") ? "My s'heet" : "Sheet1";
    expect(shiftFormula(f, on, target, before, count)).toBe(want);
  });

  it("moves validations, rules, names and the number formats of the row above into the new rows", async () => {
    const fake = setup({ sheets: ["花名册"] });
    fake.putRows("花名册", 1, [["姓名", "入党时间"], ["张三", { v: 40000, nf: "yyyy-mm-dd" }], ["李四", { v: 40001, nf: "yyyy-mm-dd" }], ["合计", { f: "=COUNTA(A2:A3)" }]]);
    fake.sheet("花名册").addValidation({ rects: parseAreas("B2:B3"), source: "x,y" });
    await Excel.run(async (ctx) => {
      asCtx(ctx).workbook.worksheets.getItem("花名册").getRange("3:4").insert(Excel.InsertShiftDirection.down);
      await ctx.sync();
    });
    const s = fake.sheet("花名册");
    expect(s.value(4, 0)).toBe("李四");
    expect(s.formula(5, 1)).toBe("=COUNTA(A2:A5)");
    expect(s.numberFormat(2, 1)).toBe("yyyy-mm-dd"); // as the row above
    expect(s.validations[0].rects).toEqual([movedRect({ r0: 1, c0: 1, r1: 2, c1: 1 }, 3, 2)]);
  });

  it("refuses to push nonblank cells off the sheet", async () => {
    const fake = setup({ sheets: ["s"] });
    fake.put("s", "A1048576", "last");
    await expect(Excel.run(async (ctx) => {
      asCtx(ctx).workbook.worksheets.getItem("s").getRange("2:2").insert(Excel.InsertShiftDirection.down);
      await ctx.sync();
    })).rejects.toThrow(FakeError);
  });
});

describe("insertRowsOffice", () => {
  it("inserts the rows and grows the totals below that ended just above them; nothing else rewritten", async () => {
    const fake = setup({ sheets: ["花名册"] });
    fake.putRows("花名册", 1, [
      ["姓名", "党费"], ["张三", 10], ["李四", 12],
      ["合计", { f: "=SUM(B2:B3)" }], // moved by Excel's insert to row 6; its range ends at row 3, just above the new rows
      [null, { f: "=B2*2" }],
    ]);
    await Excel.run(async (ctx) => insertRowsOffice(asCtx(ctx), [{ sheet: "花名册", before: 4, count: 2 }]));
    const s = fake.sheet("花名册");
    expect([s.value(5, 0), s.formula(5, 1), s.formula(6, 1)]).toEqual(["合计", "=SUM(B2:B5)", "=B2*2"]);
    expect([s.value(3, 0), s.value(4, 0)]).toEqual([undefined, undefined]);
    expect(fake.model.formulaOverwrites).toEqual(["花名册!B6"]); // the one total grown, no other formula touched
  });

  it("does nothing for an empty insert list", async () => {
    const fake = setup({ sheets: ["s"] });
    fake.putRows("s", 1, [["a"]]);
    const before = fake.syncs.length;
    await Excel.run(async (ctx) => insertRowsOffice(asCtx(ctx), []));
    expect(fake.syncs.length - before).toBe(0);
  });
});
