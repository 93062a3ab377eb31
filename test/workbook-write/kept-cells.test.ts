// A cell object shared by many rows of a product sheet is written from bytes kept after its second row running in a
// column (sheet-xml-write.ts): the XML is the same as where every row has cells of its own.
import { SheetBuilder } from "../../src/plan/sheet-builder";
import type { PlanCell, ProductSheet } from "../../src/plan/write-plan";
import { productSheetXml } from "../../src/workbook/xlsx-write/sheet-xml-write";

const xml = (sheet: ProductSheet): string => [...productSheetXml(sheet, 7)].map((c) => (typeof c === "string" ? c : Buffer.from(c).toString("utf8"))).join("");

/** 3,000 rows (several chunks) whose column 2 holds `shared` (the same object) in most rows, another cell now and then, column 1 a row's own. */
function sheetOf(shared: PlanCell, copies: boolean): ProductSheet {
  const b = new SheetBuilder();
  const other: PlanCell = { v: "别的", style: "text" };
  for (let r = 0; r < 3000; r++) {
    const second = r % 7 === 3 ? other : shared;
    b.addRow([{ v: `行${r}`, style: "text" }, copies ? { ...second } : second], false);
  }
  return b.build("changelog", "log", { orientation: "portrait", fitToWidth: false });
}

describe("cells shared by rows are written as where each row has its own", () => {
  it.each<[string, PlanCell]>([
    ["short text", { v: "修正", style: "text" }],
    ["text with escapes and a tab", { v: "a<b & c\td", style: "text" }],
    ["text with edge spaces", { v: " 是 ", style: "wrap" }],
    ["text with _xHHHH_ and a control character", { v: "_x0041_\u0001", style: "text" }],
    ["text past the kept length", { v: "长".repeat(80), style: "text" }],
    ["control characters to the kept length (each escaped as _xHHHH_)", { v: "\u0001".repeat(64), style: "text" }],
    ["ampersands to the kept length", { v: "&".repeat(64), style: "text" }],
    ["a number", { v: 1, style: "number" }],
    ["a fraction", { v: 0.1 + 0.2, style: "number" }],
    ["a styled empty cell", { v: null, style: "text" }],
    ["an empty cell without style (not written)", { v: null }],
    ["empty text without style (not written)", { v: "" }],
    ["a formula", { v: "F7", f: '=HYPERLINK("#A1","F7")', style: "link" }],
  ])("%s", (_name, cell) => {
    expect(xml(sheetOf(cell, false))).toBe(xml(sheetOf(cell, true)));
  });
});
