import { Report } from "../../src/domain/report-schema";
import { Member } from "../../src/domain/schema";
import { cellLink, ISSUE_ROWS_FIT, issuesSheet, MAX_ISSUE_ROWS, suggestion } from "../../src/plan/issues-sheet";
import { ASOF, ODD_SHEET, issue, runEngine } from "./fixtures";
import { rowValues } from "./sheet-eval";

function handReport(issues: Report["issues"]): Report {
  const { report } = runEngine();
  return { ...report, issues };
}

describe("cellLink", () => {
  it.each([
    { sheet: "铁安社区", cell: "F7", f: `HYPERLINK("#'铁安社区'!F7","F7")` },
    { sheet: "Team A", cell: "B2", f: `HYPERLINK("#'Team A'!B2","B2")` },
    { sheet: "O'Brien", cell: "C3", f: `HYPERLINK("#'O''Brien'!C3","C3")` },
    { sheet: ODD_SHEET, cell: "AA10", f: `HYPERLINK("#'Team ''B'' ""2""'!AA10","AA10")` },
  ])("$sheet!$cell", ({ sheet, cell, f }) => {
    expect(cellLink(sheet, cell)).toEqual({ v: cell, f, style: "link" });
  });
});

describe("issuesSheet", () => {
  const { report, result } = runEngine();
  const sheet = issuesSheet(report, result.members, "zh-CN");

  it("title, counts by severity with asOf, header on row 3, frozen, filterable, landscape", () => {
    expect(sheet).toMatchObject({
      role: "issues", name: "名册问题", freezeRows: 3, autoFilter: `A3:H${3 + report.issues.length}`,
      print: { orientation: "landscape", fitToWidth: true, titleRows: [3, 3] },
    });
    expect(rowValues(sheet, 1)).toEqual(["名册问题"]);
    const n = (s: string) => report.issues.filter((i) => i.severity === s).length;
    expect(rowValues(sheet, 2)).toEqual([`错误 ${n("error")} 条　警告 ${n("warning")} 条　提示 ${n("info")} 条　统计截止：${ASOF}`]);
    expect(rowValues(sheet, 3)).toEqual(["工作表", "单元格", "姓名", "字段", "严重程度", "问题", "值", "建议"]);
  });

  it("one row per issue in report order: sheet, link, member name, field, severity, message, value, suggestion", () => {
    expect(sheet.rows.length).toBe(3 + report.issues.length);
    report.issues.forEach((i, k) => {
      const row = sheet.rows[3 + k];
      expect(row[0]?.v).toBe(i.sheet);
      expect(row[1]).toEqual(cellLink(i.sheet, `${i.column}${i.row}`));
      expect(row[4]).toEqual({ v: { error: "错误", warning: "警告", info: "提示" }[i.severity], style: i.severity });
      expect(row[5]?.v).toBe(i.message);
      expect(row[6]?.v ?? "").toBe(i.value);
      expect(row[7]).toEqual({ v: suggestion(i, report.changes.find((c) => c.sheet === i.sheet && c.row === i.row && c.column === i.column)?.to, "zh-CN"), style: "wrap" });
      expect(row[5]?.style).toBe("wrap");
    });
  });

  it.each([
    { label: "the engine's suggestion first", over: { suggestion: "改为 1990-07-01" }, fixTo: "x", want: "改为 1990-07-01" },
    { label: "else the fix that would change the cell", over: {}, fixTo: "油田有偿解除劳动合同", want: "可自动修正为「油田有偿解除劳动合同」" },
    { label: "else what to do about the code", over: { code: "duplicate_id" as const }, fixTo: undefined, want: "核对两人的身份证号，删除重复登记或改正录错的一人" },
  ])("suggestion: $label", ({ over, fixTo, want }) => {
    expect(suggestion(issue("S", "B3", "warning", over), fixTo, "zh-CN")).toBe(want);
  });

  it.each([
    { code: "missing_status" as const, lang: "zh-CN" as const, addsColumn: "加上「状态」列" },
    { code: "missing_status" as const, lang: "zh-TW" as const, addsColumn: "加上「狀態」列" },
    { code: "missing_status" as const, lang: "en" as const, addsColumn: "add a status column" },
    { code: "missing_contact" as const, lang: "zh-CN" as const, addsColumn: "加上该列" },
    { code: "missing_required" as const, lang: "zh-CN" as const, addsColumn: "加上该列" },
    { code: "invalid_phone" as const, lang: "zh-CN" as const, addsColumn: null }, // a value's issue: no column to add
  ])("$code's hint ($lang) says what to do where the column is missing: $addsColumn", ({ code, lang, addsColumn }) => {
    const hint = suggestion(issue("S", "A4", "warning", { code, params: { column: "missing" } }), undefined, lang);
    if (addsColumn === null) expect(hint).not.toMatch(/列|column/);
    else expect(hint).toContain(addsColumn);
  });

  it("every issue of the example's kind has a suggestion (none left empty)", () => {
    for (const row of sheet.rows.slice(3)) expect(String(row[7]?.v ?? "")).not.toBe("");
  });

  it.each([
    { cell: "J7", name: "钱七", field: "党员类别", sheetName: "铁安社区" },
    { cell: "A1", name: null, field: "状态", sheetName: ODD_SHEET }, // header row: no member
    { cell: "G4", name: null, field: "新增岗位", sheetName: "项目" }, // projects sheet: no member
  ])("$sheetName!$cell names $name", ({ cell, name, field, sheetName }) => {
    const row = sheet.rows.find((r) => r[0]?.v === sheetName && r[1]?.v === cell)!;
    expect([row[2]?.v ?? null, row[3]?.v]).toEqual([name, field]);
  });

  it("the link of an issue on a sheet named with a space, quotes and an apostrophe", () => {
    const row = sheet.rows.find((r) => r[0]?.v === ODD_SHEET)!;
    expect(row[1]?.f).toBe(`HYPERLINK("#'Team ''B'' ""2""'!A1","A1")`);
  });

  it("no issues: the header, an empty filter range and a line saying so", () => {
    const s = issuesSheet(handReport([]), [], "en");
    expect(s.autoFilter).toBe("A3:H3");
    expect(rowValues(s, 2)[0]).toBe(`Errors 0    Warnings 0    Info 0    As of: ${ASOF}`);
    expect(rowValues(s, 4)).toEqual(["No issues found."]);
  });

  it("past the limit: stops there and says the JSON report has the rest", () => {
    const issues = Array.from({ length: 5 }, (_, k) => issue("铁安社区", `L${k + 3}`, "warning"));
    const s = issuesSheet(handReport(issues), [], "zh-CN", 3);
    expect(s.rows.length).toBe(3 + 3 + 1);
    expect(s.autoFilter).toBe("A3:H6");
    expect(s.rows[6][0]).toEqual({ v: "列表已截断：共 5 条问题，此处只列出前 3 条，其余见 JSON 报告。", style: "note" });
    expect(rowValues(s, 2)[0]).toContain("警告 5 条"); // the counts are of every issue
  });

  it.each<[number, number, number, boolean]>([
    // issues, limit, rows listed, cut
    [0, 3, 0, false],
    [2, 3, 2, false],
    [3, 3, 3, false],
    [4, 3, 3, true],
    [9, 1, 1, true],
    [5, ISSUE_ROWS_FIT + 10, 5, false],
  ])("%d issues under a limit of %d: %d listed, cut: %s", (count, limit, listed, cut) => {
    const issues = Array.from({ length: count }, (_, k) => issue("铁安社区", `L${k + 3}`, "warning"));
    const s = issuesSheet(handReport(issues), [], "en", limit);
    const notes = count === 0 || cut ? 1 : 0;
    expect(s.rows.length).toBe(3 + listed + notes);
    expect(s.autoFilter).toBe(`A3:H${3 + listed}`);
    const last = s.rows[s.rows.length - 1][0]?.v;
    if (cut) expect(last).toBe(`List cut: ${count} issues in all, the first ${listed} shown here; the JSON report has the rest.`);
    else expect(String(last)).not.toMatch(/^List cut/);
  });

  it("the default cap and its note fit Excel's 1,048,576 rows", () => {
    expect(3 + MAX_ISSUE_ROWS + 1).toBeLessThanOrEqual(1_048_576);
  });

  it("no limit asked for: the list fills Excel's rows to the last, the note on row 1,048,576", () => {
    const many = Array.from({ length: ISSUE_ROWS_FIT + 1 }, () => issue("铁安社区", "L3", "info"));
    const s = issuesSheet(handReport(many), [], "en", Infinity);
    expect(s.rows.length).toBe(1_048_576);
    expect(s.autoFilter).toBe("A3:H1048575");
    expect(s.rows[1_048_575][0]?.v).toBe("List cut: 1,048,573 issues in all, the first 1,048,572 shown here; the JSON report has the rest.");
  });

  it("a million issues fit; the cut starts past 1,000,000", () => {
    const many = Array.from({ length: 1_000_001 }, () => issue("铁安社区", "L3", "info"));
    const members: Member[] = [];
    const s = issuesSheet(handReport(many), members, "en");
    expect(s.rows.length).toBe(3 + 1_000_000 + 1);
    expect(s.autoFilter).toBe("A3:H1000003");
    expect(s.rows[s.rows.length - 1][0]?.v).toBe("List cut: 1,000,001 issues in all, the first 1,000,000 shown here; the JSON report has the rest.");
  });

  it.each([
    ["zh-TW", "名冊問題", ["工作表", "單元格", "姓名", "字段", "嚴重程度", "問題", "值", "建議"], "錯誤"],
    ["en", "Roster issues", ["Sheet", "Cell", "Name", "Field", "Severity", "Issue", "Value", "Suggestion"], "Error"],
  ] as const)("%s words", (lang, name, headers, error) => {
    const { report: r, result: res } = runEngine({ lang });
    const s = issuesSheet(r, res.members, lang);
    expect(s.name).toBe(name);
    expect(rowValues(s, 3)).toEqual(headers);
    expect(s.rows.slice(3).some((row) => row[4]?.v === error)).toBe(true);
  });
});
