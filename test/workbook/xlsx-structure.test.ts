// Workbook structure: sheets in order with state and kind, defined names, where the parts are.
import { openXlsx, UnreadableInputError } from "../../src/workbook/xlsx";
import { buildXlsx } from "./xlsx-builder";

const one = '<row r="1"><c r="A1"><v>1</v></c></row>';

describe("sheets", () => {
  const wb = openXlsx(
    buildXlsx({
      sheets: [
        { name: "Visible", rows: one },
        { name: "Hidden", rows: one, state: "hidden" },
        { name: "Very & hidden", rows: one, state: "veryHidden" },
        { name: "Chart", kind: "chartsheet" },
        { name: "铁康社区", rows: one },
      ],
    }),
    "sheets.xlsx",
  );

  it("lists every sheet in workbook order with state, kind and part", () => {
    expect(wb.sheets).toEqual([
      { name: "Visible", state: "visible", kind: "worksheet", part: "xl/worksheets/sheet1.xml" },
      { name: "Hidden", state: "hidden", kind: "worksheet", part: "xl/worksheets/sheet2.xml" },
      { name: "Very & hidden", state: "veryHidden", kind: "worksheet", part: "xl/worksheets/sheet3.xml" },
      { name: "Chart", state: "visible", kind: "chartsheet", part: "xl/chartsheets/sheet4.xml" },
      { name: "铁康社区", state: "visible", kind: "worksheet", part: "xl/worksheets/sheet5.xml" },
    ]);
  });

  it("snapshots worksheets only, keeping their states", () => {
    const snap = wb.snapshot();
    expect(snap.sheets.map((s) => [s.name, s.state])).toEqual([
      ["Visible", "visible"], ["Hidden", "hidden"], ["Very & hidden", "veryHidden"], ["铁康社区", "visible"],
    ]);
    expect(snap.sheets.every((s) => s.rows[0]![0] === 1)).toBe(true);
  });

  it.each<[string, string, boolean]>([
    ["exact name", "Hidden", true],
    ["other case", "hidden", true],
    ["chartsheet reads as empty", "Chart", true],
    ["unknown name", "Nope", false],
  ])("readSheet by %s", (_what, name, ok) => {
    if (ok) expect(wb.readSheet(name).rows.length).toBe(name === "Chart" ? 0 : 1);
    else expect(() => wb.readSheet(name)).toThrow(/sheets\.xlsx: no sheet named "Nope"/);
  });
});

describe("defined names", () => {
  const names = `<definedName name="_RosterAssistant_flags" hidden="1">'flags'!$A$1:$Z$100</definedName>
<definedName name="_xlnm.Print_Area" localSheetId="0">Sheet1!$A$1:$C$3</definedName>
<definedName name="Quoted">"a&amp;b"&lt;&gt;1</definedName>`;
  const wb = openXlsx(buildXlsx({ sheets: [{ name: "Sheet1", rows: one }], definedNames: names }), "names.xlsx");
  it.each<[string, string | undefined]>([
    ["_RosterAssistant_flags", "'flags'!$A$1:$Z$100"],
    ["_xlnm.Print_Area", undefined],
    ["Quoted", '"a&b"<>1'],
  ])("%s", (name, formula) => {
    expect(wb.definedNames.get(name)).toBe(formula);
  });
  it("puts them in the snapshot", () => {
    expect([...wb.snapshot().definedNames.keys()]).toEqual(["_RosterAssistant_flags", "Quoted"]);
  });
});

describe("where the parts are", () => {
  it("follows _rels/.rels to a workbook outside xl/", () => {
    const wb = openXlsx(buildXlsx({ sheets: [{ name: "S", rows: one }], workbookDir: "book", sharedStrings: ["x"] }), "odd.xlsx");
    expect(wb.sheets[0].part).toBe("book/worksheets/sheet1.xml");
    expect(wb.readSheet("S").rows[0]).toEqual([1]);
  });

  it("resolves absolute sheet targets", () => {
    const wb = openXlsx(buildXlsx({ sheets: [{ name: "S", rows: one }], absoluteTargets: true }), "abs.xlsx");
    expect(wb.sheets[0].part).toBe("xl/worksheets/sheet1.xml");
    expect(wb.readSheet("S").rows[0]).toEqual([1]);
  });

  it("finds the workbook through [Content_Types].xml without _rels/.rels", () => {
    const wb = openXlsx(buildXlsx({ sheets: [{ name: "S", rows: one }], workbookDir: "wb", omit: ["_rels/.rels"] }), "ct.xlsx");
    expect(wb.readSheet("S").rows[0]).toEqual([1]);
  });

  it("reads a workbook without sharedStrings and styles parts", () => {
    const wb = openXlsx(buildXlsx({ sheets: [{ name: "S", rows: '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="1"><v>5</v></c></row>' }], omit: ["xl/styles.xml"] }), "bare.xlsx");
    expect(wb.readSheet("S").rows[0]).toEqual([undefined, 5]);
  });

  it("refuses a sheet whose part is missing, naming it", () => {
    const wb = openXlsx(buildXlsx({ sheets: [{ name: "S", rows: one }], omit: ["xl/worksheets/sheet1.xml"] }), "gone.xlsx");
    expect(() => wb.readSheet("S")).toThrow(UnreadableInputError);
    expect(() => wb.readSheet("S")).toThrow('gone.xlsx: the file is damaged (sheet "S" has no part xl/worksheets/sheet1.xml)');
  });
});
