// The fake Excel is only worth its tests if it is as strict as office.js where the back end could go wrong.
import { Fake, WEB_PAYLOAD_LIMIT } from "../fakes/excel-fake";
import { setup } from "./office-helpers";

type Any = any; // eslint-disable-line @typescript-eslint/no-explicit-any

async function run<T>(fake: Fake, batch: (ctx: Any) => Promise<T>): Promise<T> {
  return fake.run(batch);
}

describe("loads", () => {
  it.each([
    { name: "a property never loaded", read: async (ctx: Any) => ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values },
    { name: "a property loaded but not yet synced", read: async (ctx: Any) => ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").load("values").values },
    { name: "another property than the one loaded", read: async (ctx: Any) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").load("values");
      await ctx.sync();
      return r.numberFormat;
    } },
    { name: "isNullObject before the sync", read: async (ctx: Any) => ctx.workbook.worksheets.getItemOrNullObject("x").isNullObject },
    { name: "a collection's items before the sync", read: async (ctx: Any) => ctx.workbook.worksheets.load("items/name").items },
  ])("reading $name throws PropertyNotLoaded", async ({ read }) => {
    const fake = setup();
    await expect(run(fake, read)).rejects.toMatchObject({ code: "PropertyNotLoaded" });
  });

  it("values, number formats and formulas read as office.js gives them", async () => {
    const fake = setup();
    fake.putRows("Sheet1", 1, [[{ v: 45000, nf: "yyyy-mm-dd" }, null, { v: 3, f: "=1+2" }, "x"]]);
    const r = await run(fake, async (ctx) => {
      const range = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:D1").load("values, numberFormat, formulas, valueTypes");
      await ctx.sync();
      return range;
    });
    expect(r.values).toEqual([[45000, "", 3, "x"]]);
    expect(r.numberFormat).toEqual([["yyyy-mm-dd", "General", "General", "General"]]);
    expect(r.formulas).toEqual([[45000, "", "=1+2", "x"]]);
    expect(r.valueTypes).toEqual([["Integer", "Empty", "Integer", "String"]]);
  });

  it("getItemOrNullObject gives a null object; getItem of a missing sheet fails the sync", async () => {
    const fake = setup();
    expect(await run(fake, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItemOrNullObject("missing");
      await ctx.sync();
      return ws.isNullObject;
    })).toBe(true);
    await expect(run(fake, async (ctx) => {
      ctx.workbook.worksheets.getItem("missing");
      await ctx.sync();
    })).rejects.toMatchObject({ code: "ItemNotFound" });
  });
});

describe("writes", () => {
  it("happen at sync, in order, and a failing action stops the batch there", async () => {
    const fake = setup();
    await expect(run(fake, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ws.getRange("A1").values = [["before"]];
      expect(fake.cell("Sheet1", "A1").value).toBeUndefined();
      ws.getRange("A1:B1").values = [["only one"]];
      ws.getRange("A2").values = [["after"]];
      await ctx.sync();
    })).rejects.toMatchObject({ code: "InvalidArgument" });
    expect(fake.cell("Sheet1", "A1").value).toBe("before");
    expect(fake.cell("Sheet1", "A2").value).toBeUndefined();
  });

  it.each([
    { typed: "0123", value: 123 },
    { typed: "'0123", value: "0123" },
    { typed: "220702196503151234", value: 220702196503151000 },
    { typed: "TRUE", value: true },
    { typed: "2025-01-02", value: 45659 },
    { typed: "张三", value: "张三" },
  ])("a string is taken as typed: $typed", async ({ typed, value }) => {
    const fake = setup();
    await run(fake, async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[typed]];
      await ctx.sync();
    });
    expect(fake.cell("Sheet1", "A1").value).toBe(value);
  });

  it("\"=...\" becomes a formula, and overwriting a formula is recorded", async () => {
    const fake = setup();
    await run(fake, async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1");
      r.values = [["=1+1"]];
      await ctx.sync();
      r.values = [["x"]];
      await ctx.sync();
    });
    expect(fake.model.formulaOverwrites).toEqual(["Sheet1!A1"]);
  });

  it("the last visible sheet cannot be deleted or hidden", async () => {
    const fake = setup();
    await expect(run(fake, async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").delete();
      await ctx.sync();
    })).rejects.toMatchObject({ code: "InvalidOperation" });
  });
});

describe("records and limits", () => {
  it("records each sync's actions and JSON bytes, and refuses payloads over 5 MB", async () => {
    const fake = setup();
    const big = [["x".repeat(WEB_PAYLOAD_LIMIT)]];
    await expect(run(fake, async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values = big;
      await ctx.sync();
    })).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    fake.put("Sheet1", "A1", "y".repeat(3 * 1024 * 1024));
    fake.put("Sheet1", "A2", "z".repeat(3 * 1024 * 1024));
    await expect(run(fake, async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:A2").load("values");
      await ctx.sync();
    })).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
    expect(fake.syncs.map((s) => [s.actions, s.error])).toEqual([[3, "RequestPayloadSizeLimitExceeded"], [3, "ResponsePayloadSizeLimitExceeded"]]);
    expect(fake.syncs[1].responseBytes).toBeGreaterThan(6 * 1024 * 1024);
  });

  it("cuts the connection half way through the Nth sync: the first actions are applied, the rest not", async () => {
    const fake = setup();
    fake.failAtSync(1);
    await expect(run(fake, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      for (const a of ["A1", "A2", "A3"]) ws.getRange(a).values = [["v"]];
      await ctx.sync();
    })).rejects.toMatchObject({ code: "ConnectionFailure" });
    // 7 actions: getItem, then getRange + set for each cell; the first 3 ran.
    expect(["A1", "A2", "A3"].map((a) => fake.cell("Sheet1", a).value)).toEqual(["v", undefined, undefined]);
  });

  it("notes actions left unsynced when a batch ends", async () => {
    const fake = setup();
    await run(fake, async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [["lost"]];
    });
    expect(fake.runs[0].unsynced).toBe(3);
    expect(fake.cell("Sheet1", "A1").value).toBeUndefined();
  });
});
