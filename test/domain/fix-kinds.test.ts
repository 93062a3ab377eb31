// Issue 7, item 7: the clerk chooses which kinds of fix to apply.
import * as fs from "fs";
import * as path from "path";
import { checkAndWrite } from "../../src/app/write-workbook";
import { FIX_KINDS, countFixKinds, fixKindOf, parseFixKinds } from "../../src/domain/fix-kinds";

describe("fix kinds", () => {
  it.each([
    ["idNumber", "ids"], ["joinDate", "dates"], ["phone", "phones"], ["education", "labels"], ["name", "spaces"], ["address", "spaces"],
  ])("%s -> %s", (field, kind) => expect(fixKindOf({ field })).toBe(kind));

  it.each([
    ["ids,dates", ["ids", "dates"]],
    ["日期、电话", ["dates", "phones"]],
    ["labels labels", ["labels"]],
  ])("parses %s", (text, kinds) => expect(parseFixKinds(text)).toEqual(kinds));

  it("refuses a word it does not know, naming it", () => expect(() => parseFixKinds("ids,colours")).toThrow(/colours/));

  it("counts every kind, zeros too", () => expect(Object.keys(countFixKinds([]))).toEqual([...FIX_KINDS]));

  it("--fix dates writes the date fixes of the example and nothing else", async () => {
    const file = path.join(__dirname, "../../examples/铁西街党员花名册.xlsx");
    const input = new Uint8Array(fs.readFileSync(file));
    const all = await checkAndWrite(input, "x.xlsx", { today: "2025-12-31", asOf: "2025-12-31", fix: true }, { time: "2025-12-31 10:00:00" });
    const dates = await checkAndWrite(input, "x.xlsx", { today: "2025-12-31", asOf: "2025-12-31", fix: ["dates"] }, { time: "2025-12-31 10:00:00" });
    const kinds = new Set(dates.report.changes.map(fixKindOf));
    expect([...kinds]).toEqual(["dates"]);
    expect(dates.report.changes.length).toBe(all.report.changes.filter((c) => fixKindOf(c) === "dates").length);
    expect(all.report.changes.length).toBeGreaterThan(dates.report.changes.length);
  });
});
