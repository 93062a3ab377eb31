// Workbook structure: sheet names and their suffixes, product sheets rewritten in place, removal with localSheetId
// and bookViews renumbered, what hangs off a rewritten sheet, calcChain, and the refusals.
import { strFromU8, unzipSync, zipSync } from "fflate";
import { EMPTY_PLAN, type ProductSheet, type WritePlan } from "../../src/plan/write-plan";
import { openXlsx } from "../../src/workbook/xlsx";
import { applyPlan, PlanConflictError, UnreadableInputError } from "../../src/workbook/xlsx-write";
import { isVariantOf, sanitizeSheetName, uniqueSheetName } from "../../src/workbook/xlsx-write/sheet-names";
import { CLEAR_PLAN, productSheet } from "../fixtures/xlsx-write/plans";
import { buildPackage, EXCEL_STYLES, sheetXml } from "./build-package";
import { diffParts } from "./package-helpers";

const wbXml = (b: Uint8Array): string => strFromU8(unzipSync(b)["xl/workbook.xml"]);
const sheetsOf = (b: Uint8Array): string[] => [...wbXml(b).matchAll(/<sheet [^>]*\/>/g)].map((m) => m[0]);
const namesOf = (b: Uint8Array): string[] => [...wbXml(b).matchAll(/<definedName [^>]*>[^<]*<\/definedName>/g)].map((m) => m[0]);
const plan = (...sheets: ProductSheet[]): WritePlan => ({ sheets, removeRoles: [], cellWrites: [] });

describe("sheet names", () => {
  const long = "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一";
  const cases: Array<[string, string[], string]> = [
    ["名册问题", ["Sheet1"], "名册问题"],
    ["名册问题", ["名册问题"], "名册问题 (2)"],
    ["Roster issues", ["roster ISSUES"], "Roster issues (2)"],
    ["Roster issues", ["Roster issues", "Roster issues (2)"], "Roster issues (3)"],
    [long, [long], `${long.slice(0, 27)} (2)`],
    ["a/b:c*d?e[f]g\\h", [], "a_b_c_d_e_f_g_h"],
    ["'quoted'", [], "quoted"],
    ["", [], "Sheet"],
    ["History", [], "History_"],
  ];
  it.each(cases)("%j among %j -> %j", (wanted, taken, expected) => {
    const got = uniqueSheetName(wanted, taken);
    expect(got).toBe(expected);
    expect(Array.from(got).length).toBeLessThanOrEqual(31);
  });
  it("knows its own suffixed forms", () => {
    expect(isVariantOf("名册问题 (2)", "名册问题")).toBe(true);
    expect(isVariantOf("名册汇总", "名册问题")).toBe(false);
    expect(sanitizeSheetName("x".repeat(40)).length).toBe(31);
  });

  it("a user's sheet with the wanted name is never touched: ours gets a suffix, and keeps it on a re-run", () => {
    const input = buildPackage({ sheets: [{ name: "名册问题", xml: sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>mine</t></is></c></row>') }] });
    const out = applyPlan(input, "in.xlsx", plan(productSheet("issues", "名册问题")));
    expect(sheetsOf(out)).toEqual(['<sheet name="名册问题" sheetId="1" r:id="rId1"/>', '<sheet name="名册问题 (2)" sheetId="2" r:id="rId2"/>']);
    expect(unzipSync(out)["xl/worksheets/sheet1.xml"]).toEqual(unzipSync(input)["xl/worksheets/sheet1.xml"]);
    expect(openXlsx(out, "o").definedNames.get("_RosterAssistant_issues")).toBe("'名册问题 (2)'!$A$1");
    expect(sheetsOf(applyPlan(out, "o", plan(productSheet("issues", "名册问题"))))).toEqual(sheetsOf(out));
  });

  it("quotes sheet names in names: It's -> 'It''s'", () => {
    const out = applyPlan(buildPackage({ sheets: [{ name: "S" }] }), "in", plan(productSheet("summary", "S", 2, "It's")));
    expect(openXlsx(out, "o").definedNames.get("_RosterAssistant_summary")).toBe("'It''s'!$A$1");
  });
});

describe("product sheets in place", () => {
  const input = buildPackage({ sheets: [{ name: "Roster" }, { name: "Other" }], styles: EXCEL_STYLES });
  const zh = applyPlan(input, "in", plan(productSheet("issues", "Roster"), productSheet("summary", "Roster")));

  it("a re-run in another language renames them, keeping part, rId, sheetId and position", () => {
    const en = applyPlan(zh, "zh", plan(productSheet("issues", "Roster", 3, "Roster issues"), productSheet("summary", "Roster", 3, "Roster summary")));
    const before = sheetsOf(zh);
    const after = sheetsOf(en);
    expect(after.map((s) => s.replace(/name="[^"]*"/, ""))).toEqual(before.map((s) => s.replace(/name="[^"]*"/, "")));
    expect(after.map((s) => /name="([^"]*)"/.exec(s)![1])).toEqual(["Roster", "Other", "Roster issues", "Roster summary"]);
    expect(namesOf(en)).toContain('<definedName name="_xlnm.Print_Titles" localSheetId="2">\'Roster issues\'!$3:$3</definedName>');
    expect(namesOf(en).filter((n) => n.includes("名册"))).toEqual([]);
    expect(diffParts(zh, en).onlyA).toEqual([]);
  });

  it("takes what hung off the old sheet with it (printer settings, comments) unless something else uses it", () => {
    const rels = (n: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/printerSettings" Target="../printerSettings/printerSettings${n}.bin"/></Relationships>`;
    const withRels = buildPackage({
      sheets: [{ name: "Roster", rels: rels("1") }, { name: "Other" }],
      extra: { "xl/printerSettings/printerSettings1.bin": "shared", "xl/printerSettings/printerSettings2.bin": "ours" },
    });
    // our issues sheet is the third: graft its rels by a first run, then add rels to it by hand
    const first = unzipSync(applyPlan(withRels, "in", plan(productSheet("issues", "Roster"))));
    first["xl/worksheets/_rels/sheet3.xml.rels"] = new TextEncoder().encode(rels("2"));
    const again = unzipSync(applyPlan(zipSync(first), "in", plan(productSheet("issues", "Roster"))));
    expect(Object.keys(again).filter((n) => n.includes("printerSettings") || n.includes("_rels/sheet"))).toEqual([
      "xl/worksheets/_rels/sheet1.xml.rels", "xl/printerSettings/printerSettings1.bin",
    ]);
  });
});

it("ignores plan.activate: the user's selected tab and sheet views stay as they are", () => {
  const views = '<bookViews><workbookView xWindow="0" yWindow="0" windowWidth="800" windowHeight="600" activeTab="0"/></bookViews>';
  const input = buildPackage({ sheets: [{ name: "Roster" }], bookViews: views });
  const out = applyPlan(input, "in", { ...plan(productSheet("issues", "Roster")), activate: "issues" });
  expect(wbXml(out)).toContain(views);
  expect(strFromU8(unzipSync(out)["xl/worksheets/sheet2.xml"])).not.toContain("tabSelected");
});

describe("removing product sheets renumbers what counts sheets by index", () => {
  const views = '<bookViews><workbookView xWindow="0" yWindow="0" windowWidth="800" windowHeight="600" firstSheet="1" activeTab="2"/></bookViews>';
  const names = "<definedNames>" +
    '<definedName name="_RosterAssistant_issues" hidden="1">\'名册问题\'!$A$1</definedName>' +
    '<definedName name="_RosterAssistant_flags" hidden="1">\'RosterAssistantFlags\'!$A$1</definedName>' +
    '<definedName name="_RosterAssistant_flagGrid1" hidden="1">\'RosterAssistantFlags\'!$A$1:$C$9</definedName>' +
    '<definedName name="_xlnm.Print_Titles" localSheetId="1">\'名册问题\'!$3:$3</definedName>' +
    '<definedName name="mine" localSheetId="0">U1!$A$1</definedName>' +
    '<definedName name="mine" localSheetId="2">U2!$A$1</definedName>' +
    '<definedName name="_xlnm._FilterDatabase" localSheetId="4" hidden="1">U3!$A$1:$B$2</definedName>' +
    '<definedName name="global">U3!$B$2</definedName>' +
    "</definedNames>";
  const input = buildPackage({
    sheets: [{ name: "U1" }, { name: "名册问题" }, { name: "U2" }, { name: "RosterAssistantFlags", state: "veryHidden" }, { name: "U3" }],
    bookViews: views,
    names,
  });

  it("localSheetId, activeTab and firstSheet follow their sheets", () => {
    const out = applyPlan(input, "in", { ...CLEAR_PLAN, removeRoles: ["issues"] });
    expect(sheetsOf(out).map((s) => /name="([^"]*)"/.exec(s)![1])).toEqual(["U1", "U2", "U3"]);
    expect(namesOf(out)).toEqual([
      '<definedName name="mine" localSheetId="0">U1!$A$1</definedName>',
      '<definedName name="mine" localSheetId="1">U2!$A$1</definedName>',
      '<definedName name="_xlnm._FilterDatabase" localSheetId="2" hidden="1">U3!$A$1:$B$2</definedName>',
      '<definedName name="global">U3!$B$2</definedName>',
    ]);
    expect(wbXml(out)).toContain('firstSheet="0" activeTab="1"');
    const parts = Object.keys(unzipSync(out));
    expect(parts).not.toContain("xl/worksheets/sheet2.xml");
    expect(parts).not.toContain("xl/worksheets/sheet4.xml");
    expect(strFromU8(unzipSync(out)["[Content_Types].xml"])).not.toContain("sheet2.xml");
    expect(strFromU8(unzipSync(out)["xl/_rels/workbook.xml.rels"])).not.toMatch(/sheet[24]\.xml/);
  });

  it("an active tab that pointed at a removed sheet moves to the nearest visible sheet before it", () => {
    const onIssues = buildPackage({ sheets: [{ name: "U1" }, { name: "名册问题" }, { name: "U2" }], bookViews: views.replace('activeTab="2"', 'activeTab="1"'), names: names.replace(/<definedName name="_RosterAssistant_flag[^]*?<\/definedName>/g, "") });
    expect(wbXml(applyPlan(onIssues, "in", { ...EMPTY_PLAN, removeRoles: ["issues"] }))).toContain('firstSheet="0" activeTab="0"');
  });
});

describe("calcChain", () => {
  const chain = (i: number) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="B2" i="1"/><c r="C3" i="${i}"/></calcChain>`;
  const build = (i: number) => buildPackage({
    sheets: [{ name: "U1" }, { name: "名册问题" }],
    names: '<definedNames><definedName name="_RosterAssistant_issues" hidden="1">\'名册问题\'!$A$1</definedName></definedNames>',
    extra: { "xl/calcChain.xml": chain(i) },
    extraTypes: '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/>',
    workbookRelsExtra: '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/>',
  });
  it("is dropped (part, rel, override) when it lists a cell of a sheet we replace", () => {
    const out = unzipSync(applyPlan(build(2), "in", plan(productSheet("issues", "U1"))));
    expect(out["xl/calcChain.xml"]).toBeUndefined();
    expect(strFromU8(out["xl/_rels/workbook.xml.rels"])).not.toContain("calcChain");
    expect(strFromU8(out["[Content_Types].xml"])).not.toContain("calcChain");
  });
  it("is kept when it lists only the user's sheets", () => {
    expect(unzipSync(applyPlan(build(1), "in", plan(productSheet("issues", "U1"))))["xl/calcChain.xml"]).toBeDefined();
  });
});

describe("refusals", () => {
  const rows = '<row r="2"><c r="A2" t="inlineStr"><is><t>张三</t></is></c><c r="B2"><f>1+1</f><v>2</v></c></row>';
  const input = buildPackage({ sheets: [{ name: "Roster", xml: sheetXml(rows) }] });
  const write = (w: Partial<WritePlan["cellWrites"][number]>): WritePlan => ({ ...EMPTY_PLAN, cellWrites: [{ sheet: "Roster", row: 2, col: 1, value: "李四", expect: "张三", ...w }] });
  const cases: Array<[string, WritePlan, RegExp]> = [
    ["a formula cell", write({ col: 2, expect: "2" }), /^in\.xlsx: sheet "Roster" cell B2: holds a formula; formula cells are never overwritten$/],
    ["a cell that no longer shows what the plan expects", write({ expect: "王五" }), /^in\.xlsx: sheet "Roster" cell A2: shows "张三", the plan expected "王五"; the workbook changed/],
    ["a sheet that is gone", write({ sheet: "Gone" }), /^in\.xlsx: sheet "Gone" cell A2: no such worksheet/],
    ["flags for a sheet that is gone", { ...EMPTY_PLAN, flags: [{ sheet: "Gone", firstRow: 2, lastRow: 3, firstCol: 1, lastCol: 2, nameCol: 1, cells: [], entries: [] }] }, /^in\.xlsx: sheet "Gone": no such worksheet/],
  ];
  it.each(cases)("refuses %s with a one-line PlanConflictError", (_label, p, message) => {
    let err: unknown;
    try {
      applyPlan(input, "in.xlsx", p);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(PlanConflictError);
    expect((err as Error).message).toMatch(message);
    expect((err as Error).message).not.toContain("\n");
  });

  it("writes in the order given: a second write expects the first one's value; a done write is a no-op", () => {
    const p: WritePlan = { ...EMPTY_PLAN, cellWrites: [
      { sheet: "roster", row: 2, col: 1, value: "李四", expect: "张三" },
      { sheet: "Roster", row: 2, col: 1, value: "王五", expect: "李四" },
    ] };
    const out = applyPlan(input, "in.xlsx", p);
    expect(openXlsx(out, "o").readSheet("Roster").rows[1]?.[0]).toBe("王五");
    expect(applyPlan(out, "o", p)).toEqual(applyPlan(out, "o", EMPTY_PLAN));
  });

  it("refuses what is not an .xlsx with the reader's error", () => {
    expect(() => applyPlan(new TextEncoder().encode("a,b\n1,2\n"), "x.csv", EMPTY_PLAN)).toThrow(UnreadableInputError);
  });

  it("calls a worksheet without <sheetData> damaged, in one line", () => {
    const broken = buildPackage({ sheets: [{ name: "Roster", xml: '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1"/></worksheet>' }] });
    expect(() => applyPlan(broken, "b.xlsx", { ...EMPTY_PLAN, flags: [{ sheet: "Roster", firstRow: 1, lastRow: 2, firstCol: 1, lastCol: 2, nameCol: 1, cells: [], entries: [] }] }))
      .toThrow(/^b\.xlsx: the file is damaged \(part xl\/worksheets\/sheet1\.xml: the worksheet has no <sheetData>\)$/);
  });

  it("refuses overlapping merges in a product sheet (Excel would repair the file)", () => {
    const ps = { ...productSheet("issues", "Roster"), merges: ["A1:E1", "C1:D2"] };
    expect(() => applyPlan(input, "in", plan(ps))).toThrow(/merges A1:E1 and C1:D2 overlap/);
  });

  it("refuses a plan that writes and removes one role", () => {
    expect(() => applyPlan(input, "in", { ...plan(productSheet("issues", "Roster")), removeRoles: ["issues"] })).toThrow(/both written and removed/);
  });
});
