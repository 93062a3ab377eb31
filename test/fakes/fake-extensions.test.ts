// What the fake gained for the task pane (selection, events) and for loading workbooks as JSON (in Node and, injected,
// in a browser page), held to office.js's behaviour where it matters.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { Fake } from "./excel-fake";
import { fakeFromJson, fakeToJson } from "./fake-json";
import { xlsxToFakeJson } from "./xlsx-to-fake";

type Any = any; // eslint-disable-line @typescript-eslint/no-explicit-any
const run = <T>(fake: Fake, batch: (ctx: Any) => Promise<T>): Promise<T> => fake.run(batch);

describe("selection", () => {
  it("Range.select activates the range's sheet and selects it there; getSelectedRange reads it back", async () => {
    const fake = new Fake({ sheets: ["A", "B"] });
    expect(fake.selection).toEqual({ sheet: "A", address: "A1" });
    const address = await run(fake, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("B");
      ws.activate();
      ws.getRange("F7").select();
      const sel = ctx.workbook.getSelectedRange().load("address");
      await ctx.sync();
      return sel.address;
    });
    expect(address).toBe("B!F7");
    expect(fake.selection).toEqual({ sheet: "B", address: "F7" });
    expect(fake.runs[0].undoSteps).toBe(0); // moving the view is no change to undo
  });

  it("each sheet keeps its own selection; a hidden sheet's range cannot be selected", async () => {
    const fake = new Fake({ sheets: ["A", "B"] });
    await run(fake, async (ctx) => {
      ctx.workbook.worksheets.getItem("A").getRange("C3:D4").select();
      ctx.workbook.worksheets.getItem("B").getRange("E5").select();
      ctx.workbook.worksheets.getItem("A").activate();
      await ctx.sync();
    });
    expect(fake.selection).toEqual({ sheet: "A", address: "C3:D4" });
    fake.sheet("B").visibility = "Hidden";
    await expect(run(fake, async (ctx) => {
      ctx.workbook.worksheets.getItem("B").getRange("A1").select();
      await ctx.sync();
    })).rejects.toMatchObject({ code: "InvalidOperation" });
  });
});

describe("events", () => {
  it("onChanged.add registers at the sync, remove() lets go at the next; fire calls what is registered", async () => {
    const fake = new Fake({ sheets: ["A"] });
    const seen: unknown[] = [];
    const ctx = fake.context() as Any;
    const reg = ctx.workbook.worksheets.getItem("A").onChanged.add((e: unknown) => void seen.push(e));
    expect(fake.handlers()).toEqual([]);
    await ctx.sync();
    expect(fake.handlers()).toEqual([{ source: "A", event: "onChanged" }]);
    expect(await fake.fire("onChanged", "A", { address: "B2" })).toBe(1);
    expect(seen).toEqual([{ address: "B2" }]);
    reg.remove();
    await ctx.sync();
    expect(fake.handlers()).toEqual([]);
    expect(await fake.fire("onChanged", "A", {})).toBe(0);
  });

  it("a handler added in one Excel.run is removed through its own context, as office.js wants", async () => {
    const fake = new Fake({ sheets: ["A"] });
    const reg = await fake.run<Any>(async (ctx: Any) => {
      const r = ctx.workbook.worksheets.onChanged.add(() => undefined);
      await ctx.sync();
      return r;
    });
    expect(fake.handlers()).toEqual([{ source: "worksheets", event: "onChanged" }]);
    await fake.run(reg.context, async (ctx: Any) => {
      expect(ctx).toBe(reg.context);
      reg.remove();
      await ctx.sync();
    });
    expect(fake.handlers()).toEqual([]);
  });
});

describe("workbooks as JSON", () => {
  it("the example: dates keep their number formats, IDs their text format; the fake gives back what it was given", async () => {
    const json = await xlsxToFakeJson(readFileSync(join(__dirname, "../../examples/铁西街党员花名册.xlsx")), "example.xlsx");
    expect(json.sheets.map((s) => s.name)).toHaveLength(4);
    expect(json.sheets[0].rows[3]![4]).toEqual({ v: 21266, nf: 'yyyy"年"m"月"' });
    expect(json.sheets[0].rows[3]![5]).toEqual({ v: "220702195803227626", nf: "@" });
    const fake = fakeFromJson(json);
    expect(fake.cell(json.sheets[0].name, "E4")).toEqual({ value: 21266, formula: undefined, numberFormat: 'yyyy"年"m"月"' });
    const back = fakeToJson(fake);
    expect(back.sheets.map((s) => s.rows)).toEqual(json.sheets.map((s) => s.rows.map((r) => (r && r.length ? r : null))));
  });

  it("from an .xlsx: formula texts (with cached values), number formats, hidden sheets and names", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Data");
    ws.getCell("A1").value = 2;
    ws.getCell("B1").value = { formula: "A1*3", result: 6 };
    ws.getCell("C1").value = 45000;
    ws.getCell("C1").numFmt = "yyyy-mm-dd";
    wb.addWorksheet("Hidden", { state: "hidden" }).getCell("A1").value = "x";
    wb.definedNames.add("Data!$A$1", "_RosterAssistant_test");
    const json = await xlsxToFakeJson(new Uint8Array(await wb.xlsx.writeBuffer()), "made.xlsx");
    expect(json.sheets.map((s) => [s.name, s.visibility])).toEqual([["Data", "Visible"], ["Hidden", "Hidden"]]);
    expect(json.sheets[0].rows[0]).toEqual([2, { v: 6, f: "=A1*3", nf: undefined }, { v: 45000, nf: "yyyy-mm-dd", f: undefined }]);
    expect(json.names).toEqual([{ name: "_RosterAssistant_test", formula: "=Data!$A$1", visible: false }]);
    const fake = fakeFromJson(json);
    expect(fake.cell("Data", "B1")).toEqual({ value: 6, formula: "=A1*3", numberFormat: "General" });
  });

  it("formulas, states and names survive the trip", () => {
    const fake = fakeFromJson({
      sheets: [{ name: "S", rows: [[1, { v: 2, f: "=A1+1" }]] }, { name: "Hid", visibility: "VeryHidden", rows: [[3]] }],
      names: [{ name: "_X", formula: "=Hid!$A$1", visible: false }],
    });
    expect(fake.cell("S", "B1")).toMatchObject({ value: 2, formula: "=A1+1" });
    expect(fake.sheet("Hid").visibility).toBe("VeryHidden");
    expect(fake.names().get("_X")).toEqual({ formula: "=Hid!$A$1", visible: false });
    const again = fakeToJson(fakeFromJson(fakeToJson(fake)));
    expect(again).toEqual(fakeToJson(fake));
  });
});
