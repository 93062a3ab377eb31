// Large product sheets are made as they are written (ProductSheet.source): the XML written from the source is the
// XML the same rows give when held whole, and `rows` holds what the source makes.
import { Report } from "../../src/domain/report-schema";
import { changeLogSheet, ChangeLogEntry } from "../../src/plan/change-log";
import { issuesSheet } from "../../src/plan/issues-sheet";
import { SheetBuilder, text } from "../../src/plan/sheet-builder";
import { ProductSheet } from "../../src/plan/write-plan";
import { checkProductSheet, productSheetXml } from "../../src/workbook/xlsx-write/sheet-xml-write";
import { memberLinks } from "../../src/plan/member-link";
import { issue, runEngine } from "../plan/fixtures";

/** The same sheet with its rows held whole (no source): what the writer wrote before sheets were streamed. */
function held(sheet: ProductSheet): ProductSheet {
  const { role, name, merges, columnWidths, print, freezeRows, autoFilter } = sheet;
  return { role, name, merges, columnWidths, print, freezeRows, autoFilter, rows: sheet.rows.map((r) => [...r]) };
}

/** The sheet's XML: its chunks (text, or UTF-8 bytes) decoded together. */
const xml = (sheet: ProductSheet): string =>
  Buffer.concat([...productSheetXml(sheet, 7)].map((c) => (typeof c === "string" ? Buffer.from(c) : c))).toString("utf8");

function expectSameAsHeld(sheet: ProductSheet): void {
  expect(sheet.source).toBeDefined();
  const streamed = xml(sheet); // before `rows` is first read
  expect(streamed).toBe(xml(held(sheet)));
  expect(sheet.rows.length).toBe(sheet.source!.count);
  sheet.rows.forEach((r, i) => expect(sheet.source!.at(i)).toEqual(r));
  expect(() => checkProductSheet(sheet)).not.toThrow();
}

describe("a streamed issues sheet writes what the held one does", () => {
  const { report, result } = runEngine();
  const hand = (issues: Report["issues"]): Report => ({ ...report, issues });

  it("the example's issues, with names, links and suggestions from the fixes", () => {
    expect(report.issues.length).toBeGreaterThan(5);
    expect(report.changes.length).toBeGreaterThan(0);
    expectSameAsHeld(issuesSheet(report, result.members, "zh-CN", undefined, memberLinks(report, result.grids)));
  });

  it.each([
    ["no issues", 0, 10],
    ["cut by the limit (a note below)", 9, 4],
    ["every issue listed", 9, 100],
  ])("%s", (_label, count, limit) => {
    const issues = Array.from({ length: count }, (_, k) => issue(k % 2 ? "铁安社区" : "Team A", `L${k + 3}`, k % 3 ? "warning" : "error"));
    expectSameAsHeld(issuesSheet(hand(issues), result.members, "en", limit));
  });

  it("a value past Excel's cell limit is cut alike, with text needing escapes and preserved spaces", () => {
    const long = "甲".repeat(40000);
    const issues = [issue("铁安社区", "F4", "error", { value: long }), issue("铁安社区", "F5", "info", { value: " a<b & c_x0041_ " })];
    const sheet = issuesSheet(hand(issues), result.members, "zh-CN");
    expectSameAsHeld(sheet);
    expect(String(sheet.rows[3][6]?.v).length).toBe(32767);
  });
});

describe("a streamed change log writes what the held one does", () => {
  const entry = (k: number, over: Partial<ChangeLogEntry> = {}): ChangeLogEntry => ({
    batch: 1 + (k % 2), time: "2025-12-31 10:00:00", source: k % 3 ? "fix" : "sync:新名册.xlsx", sheet: k % 2 ? "铁安社区" : "Team A",
    cell: `F${k + 3}`, key: k % 4 ? `22070219580304${String(k).padStart(4, "0")}` : "", field: k % 2 ? "idNumber" : "phone",
    from: k % 5 ? ` 旧值 ${k} ` : k, to: `新值<${k}>`, reverted: k % 7 === 0, ...over,
  });

  it.each(["zh-CN", "zh-TW", "en"] as const)("entries of two batches, numbers, empty keys, long values (%s)", (lang) => {
    const entries = Array.from({ length: 40 }, (_, k) => entry(k));
    entries.push(entry(40, { from: "长".repeat(33000) }));
    const sheet = changeLogSheet(entries, lang);
    expectSameAsHeld(sheet);
    expect(sheet.columnWidths.length).toBe(10);
    // fitted to the entries' rows, made once for it: the long old value widens 原值 to the most a column takes
    const held = new SheetBuilder();
    for (const r of sheet.rows) held.addRow(r);
    held.build("changelog", "x", sheet.print).columnWidths.forEach((w, c) => expect(sheet.columnWidths[c]).toBeGreaterThanOrEqual(w));
    expect(sheet.columnWidths[7]).toBe(60);
  });

  it("no entries: the header alone", () => {
    expectSameAsHeld(changeLogSheet([], "zh-CN"));
  });
});

describe("SheetBuilder.buildStreamed", () => {
  it("head rows then the tail's, dimension from the head where it is wider", () => {
    const b = new SheetBuilder();
    b.addRow([text("a"), null, text("c")]);
    b.addRow([]);
    const sheet = b.buildStreamed("summary", "S", { orientation: "portrait", fitToWidth: false }, {}, {
      count: 2, width: 2, at: (j) => [text(`x${j}`), text(`y${j}`)],
    });
    expect(sheet.source!.count).toBe(4);
    expect(sheet.source!.width).toBe(3);
    expectSameAsHeld(sheet);
    expect(xml(sheet)).toContain('<dimension ref="A1:C4"/>');
  });
});
