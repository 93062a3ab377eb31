// Known defect (open): a date typed as text ("1980.03.05") in a column of real date cells is fixed as the ISO text
// "1980-03-05", where a clerk expects a date cell shown like its neighbours. Made by script; `it.failing` passes while
// the defect stands and fails once it is fixed (then make it a plain `it`). What a fix takes: the helper report of
// 2026-12-05 (branch correct).
import { checkAndWrite } from "../../src/app/write-workbook";
import { isDateCell } from "../../src/domain/grid";
import { openXlsx } from "../../src/workbook/xlsx";
import { buildXlsx, escapeXml } from "../workbook/xlsx-builder";

const cell = (ref: string, v: string | number, s = 0): string =>
  typeof v === "number" ? `<c r="${ref}" s="${s}"><v>${v}</v></c>` : `<c r="${ref}" t="inlineStr"><is><t>${escapeXml(v)}</t></is></c>`;

/** 出生日期: B2 a date cell (style 1: built-in 14), B3 the text 1980.03.05. */
const rows = `<row r="1">${cell("A1", "姓名")}${cell("B1", "出生日期")}${cell("C1", "入党时间")}</row>` +
  `<row r="2">${cell("A2", "张三")}${cell("B2", 29285, 1)}${cell("C2", 31229, 1)}</row>` +
  `<row r="3">${cell("A3", "李四")}${cell("B3", "1980.03.05")}${cell("C3", 31230, 1)}</row>`;

describe("roster check --fix of a date typed as text in a column of date cells", () => {
  it("writes the ISO date (today: as text)", async () => {
    const { output } = await checkAndWrite(buildXlsx({ sheets: [{ name: "名册", rows }] }), "t.xlsx", { today: "2025-12-31", fix: true }, { time: "2025-12-31 10:00:00" });
    expect(openXlsx(output, "o.xlsx").readSheet("名册").rows[2]?.[1]).toBe("1980-03-05");
  });

  it.failing("writes a date cell like its neighbours (the defect: it is text)", async () => {
    const { output } = await checkAndWrite(buildXlsx({ sheets: [{ name: "名册", rows }] }), "t.xlsx", { today: "2025-12-31", fix: true }, { time: "2025-12-31 10:00:00" });
    const b3 = openXlsx(output, "o.xlsx").readSheet("名册").rows[2]?.[1];
    expect(isDateCell(b3) && b3.serial).toBe(29285);
  });
});
