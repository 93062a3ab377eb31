// Large product sheets are made as they are written (ProductSheet.source): the XML written from the source is the
// XML the same rows give when held whole, and `rows` holds what the source makes.
import { Report } from "../../src/domain/report-schema";
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

const xml = (sheet: ProductSheet): string => [...productSheetXml(sheet, 7)].join("");

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
