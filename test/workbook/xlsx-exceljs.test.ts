// A workbook written by ExcelJS, an independent writer, reads back with the values that were put in.
import ExcelJS from "exceljs";
import { cellKey, type CellValue } from "../../src/domain/grid";
import { openXlsx, type OpenedWorkbook } from "../../src/workbook/xlsx";

const serialOf = (d: Date, date1904: boolean): number => d.getTime() / 86400000 + (date1904 ? 24107 : 25569);

async function written(date1904: boolean): Promise<OpenedWorkbook> {
  const wb = new ExcelJS.Workbook();
  wb.properties.date1904 = date1904;
  const ws = wb.addWorksheet("党员花名册");
  ws.addRow(["姓名", "身份证号", "入党时间", "党龄", "在职", "备注"]);
  ws.addRow(["张三", "220702196503151234", new Date(Date.UTC(1985, 6, 1)), 40, true, "  leading & <trailing>  "]);
  ws.addRow(["李四", "22070219700101123X", new Date(Date.UTC(2001, 0, 15, 12)), 24.5, false, null]);
  ws.getCell("F3").value = { richText: [{ text: "富", font: { bold: true } }, { text: "文本" }] };
  ws.getCell("D4").value = { formula: "SUM(D2:D3)", result: 64.5 };
  ws.getCell("E4").value = { error: "#N/A" } as ExcelJS.CellErrorValue;
  ws.getCell("A5").value = "line1\nline2";
  ws.getCell("B5").value = 1234567.891;
  ws.getCell("C5").value = 44000;
  ws.getCell("C5").numFmt = 'yyyy"年"m"月"d"日"';
  ws.getCell("D5").value = 0.25;
  ws.getCell("D5").numFmt = "0.00%";
  ws.getCell("E5").value = { text: "link", hyperlink: "https://example.org" };
  wb.addWorksheet("Hidden", { state: "hidden" }).getCell("B2").value = "h";
  wb.addWorksheet("VeryHidden", { state: "veryHidden" });
  wb.definedNames.add("'党员花名册'!$A$1:$F$5", "_RosterAssistant_roster");
  const buffer = await wb.xlsx.writeBuffer();
  return openXlsx(new Uint8Array(buffer as ArrayBuffer), "exceljs.xlsx");
}

describe.each([false, true])("written by ExcelJS (date1904=%s)", (date1904) => {
  let wb: OpenedWorkbook;
  beforeAll(async () => {
    wb = await written(date1904);
  });
  const date = (d: Date) => ({ kind: "date", serial: serialOf(d, date1904) });

  it("has the sheets, states and names", () => {
    expect(wb.date1904).toBe(date1904);
    expect(wb.sheets.map((s) => [s.name, s.state, s.kind])).toEqual([
      ["党员花名册", "visible", "worksheet"], ["Hidden", "hidden", "worksheet"], ["VeryHidden", "veryHidden", "worksheet"],
    ]);
    expect(wb.definedNames.get("_RosterAssistant_roster")).toBe("'党员花名册'!$A$1:$F$5");
  });

  it("reads the values back", () => {
    const g = wb.readSheet("党员花名册");
    const expected: Array<Array<CellValue | undefined>> = [
      ["姓名", "身份证号", "入党时间", "党龄", "在职", "备注"],
      ["张三", "220702196503151234", date(new Date(Date.UTC(1985, 6, 1))) as CellValue, 40, true, "  leading & <trailing>  "],
      ["李四", "22070219700101123X", date(new Date(Date.UTC(2001, 0, 15, 12))) as CellValue, 24.5, false, "富文本"],
      [undefined, undefined, undefined, 64.5, "#N/A"],
      ["line1\nline2", 1234567.891, { kind: "date", serial: 44000 }, 0.25, "link"],
    ];
    expect(g.rows).toEqual(expected);
    expect([...g.formulaCells]).toEqual([cellKey(3, 3)]);
    expect(wb.readSheet("Hidden").rows).toEqual([undefined, [undefined, "h"]]);
    expect(wb.readSheet("VeryHidden").rows).toEqual([]);
  });
});
