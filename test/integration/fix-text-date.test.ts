// A date typed as text ("1980.03.05") in a column of real date cells is fixed as a date cell shown like its
// neighbours (plan/date-writes.ts); a month-only date, or a column mostly of text dates, stays text. Made by script:
// each case a small workbook; the written one is read back by our reader, by LibreOffice where it is here (under
// CI=true it must be), and the same fix is run through the Office.js back end against the fake of Excel.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { applyFixesInExcel } from "../../src/app/excel-fix";
import { checkAndWrite } from "../../src/app/write-workbook";
import { CellValue, isDateCell } from "../../src/domain/grid";
import { readChangeLog } from "../../src/plan/change-log";
import { isoToSerial, serialToIso } from "../../src/domain/normalise/date";
import { openXlsx } from "../../src/workbook/xlsx";
import { unzipSync, strFromU8 } from "fflate";
import { Fake, installExcelFake } from "../fakes/excel-fake";
import { parseCsv } from "../helpers/package-parts";
import { hasSoffice } from "../workbook-write/package-helpers";
import { DATE_STYLES, buildXlsx, escapeXml } from "../workbook/xlsx-builder";

const cell = (ref: string, v: string | number, s = 0): string =>
  typeof v === "number" ? `<c r="${ref}" s="${s}"><v>${v}</v></c>` : `<c r="${ref}" s="${s}" t="inlineStr"><is><t>${escapeXml(v)}</t></is></c>`;

/** DATE_STYLES (style 1: built-in 14, style 3: a custom yyyy/m/d) with a second font and style 12: text in that font. */
const STYLES = DATE_STYLES.replace('<fonts count="1"><font/></fonts>', '<fonts count="2"><font/><font><b/></font></fonts>')
  .replace('<cellXfs count="12">', '<cellXfs count="13">').replace("</cellXfs>", '<xf numFmtId="0" fontId="1" applyFont="1"/></cellXfs>');

type Cell = string | number | [string | number, number];

/** 姓名, 出生日期 (B) and 所在支部 over the members' rows; a number is a date serial in style 1 unless a style is given. */
function roster(births: readonly Cell[], date1904 = false): Uint8Array {
  const at = (ref: string, c: Cell): string => (Array.isArray(c) ? cell(ref, c[0], c[1]) : cell(ref, c, typeof c === "number" ? 1 : 0));
  const rows = [`<row r="1">${cell("A1", "姓名")}${cell("B1", "出生日期")}${cell("C1", "所在支部")}</row>`,
    ...births.map((b, i) => `<row r="${i + 2}">${cell(`A${i + 2}`, `成员${"甲乙丙丁戊己"[i]}`)}${at(`B${i + 2}`, b)}${cell(`C${i + 2}`, "第一支部")}</row>`)].join("");
  return buildXlsx({ sheets: [{ name: "名册", rows }], stylesXml: STYLES, date1904 });
}

const D = 29285; // 1980-03-05 in the 1900 system
const D1904 = D - 1462;

interface Case {
  readonly name: string;
  readonly births: readonly Cell[];
  readonly date1904?: boolean;
  /** The fixed cell, B3 as read back: a date's serial, or text. */
  readonly b3: number | string;
  /** The number format id its style has, for a date. */
  readonly numFmtId?: number;
  /** The font its style keeps (absent: the default font, no other). */
  readonly fontId?: number;
}

const CASES: Case[] = [
  { name: "a date column: a date cell", births: [D, "1980.03.05", D + 1], b3: D, numFmtId: 14 },
  { name: "a date column in a custom format: a date cell in it", births: [[D, 3], "1980.03.05", [D + 1, 3]], b3: D, numFmtId: 177 },
  { name: "a column mostly of text dates: text", births: [D, "1980.03.05", "1981.1.2", "1982年3月4日"], b3: "1980-03-05" },
  { name: "a month-only date: text (no day invented)", births: [D, "1985.09", D + 1], b3: "1985-09" },
  { name: "a 1904 workbook: the 1904 serial", births: [D1904, "1980.03.05", D1904 + 1], date1904: true, b3: D1904, numFmtId: 14 },
  { name: "a cell in its own font keeps it", births: [D, ["1980.03.05", 12], D + 1], b3: D, numFmtId: 14, fontId: 1 },
];

/** The fixed workbook's cellXfs entry of B3, as text. */
function styleOfB3(output: Uint8Array): string {
  const parts = unzipSync(output);
  const sheet = strFromU8(parts["xl/worksheets/sheet1.xml"]);
  const s = /<c r="B3" s="(\d+)"/.exec(sheet)?.[1];
  const xfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(strFromU8(parts["xl/styles.xml"]))![1].match(/<xf\b[^>]*?(\/>|>[\s\S]*?<\/xf>)/g)!;
  return xfs[Number(s)];
}

const fix = (input: Uint8Array) => checkAndWrite(input, "t.xlsx", { today: "2025-12-31", fix: true }, { time: "2025-12-31 10:00:00" });

describe("roster check --fix of a date typed as text", () => {
  it.each(CASES)("$name", async (c) => {
    const { output, report } = await fix(roster(c.births, c.date1904));
    const wb = openXlsx(output, "o.xlsx");
    const b3 = wb.readSheet("名册").rows[2]?.[1] as CellValue;
    if (typeof c.b3 === "number") {
      expect(isDateCell(b3) && b3.serial).toBe(c.b3);
      const xf = styleOfB3(output);
      expect(xf).toContain(`numFmtId="${c.numFmtId}"`);
      if (c.fontId !== undefined) expect(xf).toContain(`fontId="${c.fontId}"`);
      else expect(xf).not.toContain('fontId="1"');
    } else expect(b3).toBe(c.b3);
    // the change log: the old text, the new date as its ISO text
    const log = readChangeLog(wb.readSheet("修改记录"), wb.date1904).find((e) => e.cell === "B3");
    const typed = Array.isArray(c.births[1]) ? c.births[1][0] : c.births[1];
    expect(log && [log.from, log.to]).toEqual([typed, typeof c.b3 === "number" ? "1980-03-05" : c.b3]);
    // the re-check of the fixed grids says what the written file holds: fixing it again changes nothing there
    expect(report.changes.some((x) => x.row === 3 && x.column === "B")).toBe(true);
    const again = await fix(output);
    expect(again.report.changes.some((x) => x.row === 3 && x.column === "B")).toBe(false);
  });

  it.each([
    { iso: "1900-01-01", date1904: false, serial: 1 },
    { iso: "1900-02-28", date1904: false, serial: 59 },
    { iso: "1900-03-01", date1904: false, serial: 61 },
    { iso: "1980-03-05", date1904: false, serial: D },
    { iso: "1904-01-01", date1904: true, serial: 0 },
    { iso: "1980-03-05", date1904: true, serial: D1904 },
    { iso: "1899-12-31", date1904: false, serial: undefined },
    { iso: "1903-12-31", date1904: true, serial: undefined },
  ])("the serial of $iso (1904: $date1904) is $serial, and back", ({ iso, date1904, serial }) => {
    expect(isoToSerial(iso, date1904)).toBe(serial);
    if (serial !== undefined) expect(serialToIso(serial, date1904)).toBe(iso);
  });
});

(hasSoffice() ? describe : describe.skip)("LibreOffice shows the fixed date as its neighbours are shown", () => {
  let dir: string;
  beforeAll(() => void (dir = mkdtempSync(join(tmpdir(), "lo-date-"))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(CASES.filter((c) => typeof c.b3 === "number"))("$name", async (c) => {
    const { output } = await fix(roster(c.births, c.date1904));
    const name = c.name.replace(/\W+/g, "-");
    writeFileSync(join(dir, `${name}.xlsx`), output);
    const csv = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1";
    execFileSync("soffice", [`-env:UserInstallation=file://${join(dir, "profile")}`, "--headless", "--convert-to", csv, "--outdir", dir, join(dir, `${name}.xlsx`)], { stdio: "pipe", timeout: 120000 });
    const rows = parseCsv(readFileSync(join(dir, `${name}-名册.csv`), "utf8"));
    // B2 is the same date, a date cell as written by the clerk: B3 is shown exactly as it is
    expect(rows[2][1]).toBe(rows[1][1]);
    expect(rows[2][1]).not.toBe("1980.03.05");
  }, 180000);
});

describe("the fix in Excel (the fake of Excel)", () => {
  let uninstall = (): void => undefined;
  afterEach(() => uninstall());

  it.each([
    { name: "a General cell", nf: "General" },
    { name: "a Text-formatted cell (a number written there first would stay text)", nf: "@" },
  ])("a date typed as text in $name of a date column becomes a date cell in the column's format", async ({ nf }) => {
    const fake = new Fake({ sheets: ["名册"] });
    uninstall = installExcelFake(fake);
    fake.putRows("名册", 1, [["姓名", "出生日期", "所在支部"], ["成员甲", "x", "第一支部"], ["成员乙", "1980.03.05", "第一支部"], ["成员丙", "x", "第一支部"]]);
    fake.put("名册", "B2", { v: D, nf: "yyyy-mm-dd" });
    fake.put("名册", "B3", { v: "1980.03.05", nf });
    fake.put("名册", "B4", { v: D + 1, nf: "yyyy-mm-dd" });
    const fixed = await applyFixesInExcel({ today: "2025-12-31", time: "2025-12-31 10:00:00" });
    expect(fixed.applied.map((c) => [c.column + c.row, c.to])).toEqual([["B3", "1980-03-05"]]);
    expect(fake.cell("名册", "B3")).toMatchObject({ value: D, numberFormat: "yyyy-mm-dd" });
  });

  it("the fake keeps a number written into a Text-formatted cell as text", async () => {
    const fake = new Fake({ sheets: ["x"] });
    uninstall = installExcelFake(fake);
    fake.put("x", "A1", { v: "", nf: "@" });
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("x").getRange("A1").values = [[D]];
      await ctx.sync();
    });
    expect(fake.cell("x", "A1").value).toBe(String(D));
  });
});
