// A date typed as a year.month number reads by what its cell shows: Excel keeps 1959.10 typed into a column formatted
// to two decimals (0.00, built-in 2, 0.00_ ) as the number 1959.1, and shows 1959.10: October. The workbook is made
// here by script and read through both back ends (the file reader's styles.xml, office.js's numberFormat on the
// fake Excel): the same members, the same issues. One passing and one failing case per rule.
import { checkRoster } from "../../src/app/check-roster";
import { buildReport } from "../../src/app/build-report";
import { Report } from "../../src/domain/report-schema";
import { officeSource } from "../../src/workbook/office";
import { openXlsx } from "../../src/workbook/xlsx";
import { installExcelFake } from "../fakes/excel-fake";
import { fakeFromJson } from "../fakes/fake-json";
import { xlsxToFakeJson } from "../fakes/xlsx-to-fake";
import { buildXlsx, escapeXml } from "../workbook/xlsx-builder";

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
/** cellXfs: 0 General, 1 built-in 2 (0.00), 2 "0.00_ ", 3 "0.0", 4 built-in 10 (0.00%), 5 "0.000", 6 "#,##0.00;[Red]-#,##0.00". */
const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet ${NS}><numFmts count="4">
<numFmt numFmtId="176" formatCode="0.00_ "/><numFmt numFmtId="177" formatCode="0.0"/><numFmt numFmtId="178" formatCode="0.000"/>
<numFmt numFmtId="179" formatCode="#,##0.00;[Red]\\-#,##0.00"/></numFmts>
<fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders>
<cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs>
<cellXfs count="7"><xf numFmtId="0"/><xf numFmtId="2" applyNumberFormat="1"/><xf numFmtId="176" applyNumberFormat="1"/><xf numFmtId="177" applyNumberFormat="1"/>
<xf numFmtId="10" applyNumberFormat="1"/><xf numFmtId="178" applyNumberFormat="1"/><xf numFmtId="179" applyNumberFormat="1"/></cellXfs></styleSheet>`;

/** name, the birth date cell's number and style, what it must read as. */
const CASES: readonly [string, number, number, string | "ambiguous"][] = [
  ["张一", 1959.1, 1, "1959-10"], // 0.00 (built-in 2) shows 1959.10: October
  ["张二", 1959.1, 2, "1959-10"], // 0.00_ (as Chinese Excel offers it)
  ["张三", 1959.1, 6, "1959-10"], // #,##0.00;[Red]-#,##0.00 shows 1,959.10
  ["张四", 1980.1, 3, "ambiguous"], // 0.0 shows 1980.1: January or October, as before
  ["张五", 1980.1, 0, "ambiguous"], // General: as before
  ["张六", 1980.1, 4, "ambiguous"], // 0.00% shows 198010.00%: no year.month
  ["张七", 1980.1, 5, "ambiguous"], // 0.000 shows 1980.100: no year.month either
  ["张八", 1959.2, 1, "1959-02"], // shows 1959.20, no month: read as before (February), never a new flag
  ["张九", 1959.05, 3, "1959-05"], // 0.0 shows 1959.1 (rounded): never coarsened, May as the number says
  ["张十", 1959.12, 1, "1959-12"], // two digits of its own: as before
];

function rosterXlsx(): Uint8Array {
  const cell = (ref: string, v: string | number, s = 0): string =>
    typeof v === "number" ? `<c r="${ref}" s="${s}"><v>${v}</v></c>` : `<c r="${ref}" t="inlineStr"><is><t>${escapeXml(v)}</t></is></c>`;
  const header = `<row r="1">${["姓名", "性别", "出生日期", "入党时间"].map((h, i) => cell(`${"ABCD"[i]}1`, h)).join("")}</row>`;
  const rows = CASES.map(([name, birth, style], i) => {
    const r = i + 2;
    return `<row r="${r}">${cell(`A${r}`, name)}${cell(`B${r}`, "男")}${cell(`C${r}`, birth, style)}${cell(`D${r}`, "1985-07-01")}</row>`;
  }).join("");
  return buildXlsx({ sheets: [{ name: "党员名册", rows: header + rows }], stylesXml: STYLES });
}

const FILE = "小数格式.xlsx";
const REQ = { today: "2025-12-31", asOf: "2025-12-31" };

describe("a year.month number read by the decimals its cell shows", () => {
  let viaFile: Report;
  let viaOffice: Report;
  let births: (string | null)[];
  beforeAll(async () => {
    const bytes = rosterXlsx();
    const result = await checkRoster(openXlsx(bytes, FILE), REQ);
    births = result.members.map((m) => m.birthDate);
    viaFile = Report.parse(buildReport(result, FILE));
    const uninstall = installExcelFake(fakeFromJson(await xlsxToFakeJson(bytes, FILE)));
    try {
      viaOffice = Report.parse(buildReport(await Excel.run(async (ctx) => checkRoster(await officeSource(ctx), REQ)), FILE));
    } finally {
      uninstall();
    }
  });

  it.each(CASES.map((c, i) => [c[0], c[1], c[2], c[3], i] as const))("%s: %d in style %d reads as %s", (name, _n, _s, expected, i) => {
    const ambiguous = viaFile.issues.some((x) => x.row === i + 2 && x.code === "ambiguous_date");
    if (expected === "ambiguous") expect(ambiguous).toBe(true);
    else {
      expect(ambiguous).toBe(false);
      expect(births[i]).toBe(expected);
      expect(viaFile.issues.filter((x) => x.row === i + 2 && x.field === "birthDate")).toEqual([]);
    }
  });

  it("reads the same through office.js (number formats from the fake Excel) as through the file", () => {
    expect(viaOffice).toEqual(viaFile);
  });
});
