import { CellValue } from "../../src/domain/grid";
import { Report } from "../../src/domain/report-schema";
import { findMemberRow, issueLinkFormula, lowerCase, memberLinks } from "../../src/plan/member-link";
import { grid } from "../helpers/grid";
import { runEngine } from "./fixtures";

const { report: base } = runEngine();
const SHEET = "R";
/** A roster on rows 2..5 of sheet R: name in B, ID in C; an issue on each of `issueRows` (every member row by default). */
function linksOf(rows: CellValue[][], issueRows = rows.map((_, i) => i + 2)): ReturnType<typeof memberLinks> {
  const issues = issueRows.map((row) => ({ ...base.issues[0], sheet: SHEET, row }));
  const report: Report = { ...base, issues, rosters: [{ ...base.rosters[0], sheet: SHEET, headerRow: 1, firstRow: 2, lastRow: 1 + rows.length, columns: { name: "B", idNumber: "C" } }] };
  return memberLinks(report, new Map([[SHEET, grid(SHEET, [["序号", "姓名", "身份证号"], ...rows])]]));
}
const at = (links: ReturnType<typeof memberLinks>, row: number) => links.get(SHEET)?.get(row);

describe("memberLinks: the ID if unique in its column, else the name if unique, else none", () => {
  it.each([
    { label: "unique ID", rows: [[1, "张三", "A1"], [2, "李四", "A2"]], row: 2, want: { col: 3, value: "A1" } },
    { label: "ID shared: the name", rows: [[1, "张三", "A1"], [2, "李四", "A1"]], row: 3, want: { col: 2, value: "李四" } },
    { label: "ID differing only in case counts as shared (MATCH ignores case)", rows: [[1, "张三", "a1"], [2, "李四", "A1"]], row: 2, want: { col: 2, value: "张三" } },
    { label: "no ID: the name", rows: [[1, "张三", null], [2, "李四", "A2"]], row: 2, want: { col: 2, value: "张三" } },
    { label: "ID a number: the number", rows: [[1, "张三", 12345], [2, "李四", "A2"]], row: 2, want: { col: 3, value: 12345 } },
    { label: "ID a number past 15 digits: not a safe literal, the name", rows: [[1, "张三", 110101199003071234], [2, "李四", "A2"]], row: 2, want: { col: 2, value: "张三" } },
    { label: "ID and name both shared: none", rows: [[1, "张三", "A1"], [2, "张三", "A1"]], row: 2, want: undefined },
  ] as { label: string; rows: CellValue[][]; row: number; want: unknown }[])("$label", ({ rows, row, want }) => {
    expect(at(linksOf(rows), row)).toEqual(want);
  });

  it("links only the rows an issue is on (uniqueness still judged over the whole column)", () => {
    const rows: CellValue[][] = [[1, "张三", "A1"], [2, "李四", "A2"], [3, "王五", "A2"]];
    const links = linksOf(rows, [2, 3]);
    expect([at(links, 2), at(links, 3), at(links, 4)]).toEqual([{ col: 3, value: "A1" }, { col: 2, value: "李四" }, undefined]);
  });
});

describe("issueLinkFormula", () => {
  it.each([
    { label: "no link: the fixed address", link: undefined, f: `HYPERLINK("#'铁安'!F7","F7")` },
    { label: "text ID", link: { col: 6, value: "22070219650315123X" }, f: `HYPERLINK("#'铁安'!F"&IFERROR(MATCH("22070219650315123X",'铁安'!$F:$F,0),7),"F7")` },
    { label: "a number", link: { col: 6, value: 12345 }, f: `HYPERLINK("#'铁安'!F"&IFERROR(MATCH(12345,'铁安'!$F:$F,0),7),"F7")` },
    { label: "wildcards and quotes taken literally", link: { col: 2, value: `张*三?~"x"` }, f: `HYPERLINK("#'铁安'!F"&IFERROR(MATCH("张~*三~?~~""x""",'铁安'!$B:$B,0),7),"F7")` },
  ])("$label", ({ link, f }) => {
    expect(issueLinkFormula("铁安", "F", 7, link)).toBe(f);
  });

  it("quotes a sheet name with quotes and apostrophes in both the target text and the reference", () => {
    expect(issueLinkFormula(`Team 'B' "2"`, "A", 3, { col: 2, value: "x" }))
      .toBe(`HYPERLINK("#'Team ''B'' ""2""'!A"&IFERROR(MATCH("x",'Team ''B'' "2"'!$B:$B,0),3),"A3")`);
  });
});

describe("findMemberRow: MATCH's rule", () => {
  const column: (CellValue | undefined)[] = ["身份证号", "A1", undefined, 12345, "b2", "A1"];
  it.each([
    { label: "first row holding the text", link: { col: 1, value: "A1" }, want: 2 },
    { label: "case-insensitive", link: { col: 1, value: "B2" }, want: 5 },
    { label: "a number equals only a number", link: { col: 1, value: 12345 }, want: 4 },
    { label: "text never equals a number", link: { col: 1, value: "12345" }, want: 9 },
    { label: "gone: the fallback", link: { col: 1, value: "Z9" }, want: 9 },
    { label: "no link: the fallback", link: undefined, want: 9 },
  ])("$label", ({ link, want }) => {
    expect(findMemberRow(link, column, 9)).toBe(want);
  });
});

describe("lowerCase: MATCH's case folding, as toLowerCase gives it", () => {
  it("every character of the BMP, alone and after an ideograph", () => {
    for (let c = 0; c < 0x10000; c++) {
      const s = String.fromCharCode(c);
      if (lowerCase(s) !== s.toLowerCase()) throw new Error(`U+${c.toString(16)}: ${lowerCase(s)} != ${s.toLowerCase()}`);
      if (lowerCase(`张${s}`) !== `张${s}`.toLowerCase()) throw new Error(`张 U+${c.toString(16)}`);
    }
  });

  it.each(["22070219580304979X", "220702195803049794", "张三", "Zhang San", "ΟΔΟΣ", "ＡＢＣ张", "İstanbul", "𠀀A", ""])("%s", (s) => {
    expect(lowerCase(s)).toBe(s.toLowerCase());
  });
});
