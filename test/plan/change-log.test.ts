import { CellValue, SheetGrid } from "../../src/domain/grid";
import { Lang } from "../../src/domain/vocabulary";
import { FIELD_LABELS } from "../../src/i18n/field-labels";
import { ChangeLogEntry, changeLogSheet, nextBatch, parseCellRef, readChangeLog } from "../../src/plan/change-log";
import { ProductSheet } from "../../src/plan/write-plan";
import { grid } from "../helpers/grid";
import { rowValues, toGridRows } from "./sheet-eval";

const e = (over: Partial<ChangeLogEntry>): ChangeLogEntry => ({
  batch: 1, time: "2025-12-31T09:30:00+08:00", source: "fix", sheet: "铁安社区", cell: "F7", key: "220702196503151230",
  field: "idNumber", from: "220702650315123", to: "220702196503151230", reverted: false, ...over,
});

const ENTRIES: ChangeLogEntry[] = [
  e({}),
  e({ cell: "L9", key: "张三", field: "phone", from: "１３８１２３４５６７８", to: "13812345678" }),
  e({ cell: "B9", key: "", field: "name", from: "周 九", to: "周九", reverted: true }),
  e({ batch: 2, time: "2026-01-05T10:00:00Z", source: "sync:铁康社区名单.csv", sheet: "Team 'B' \"2\"", cell: "AA100", field: "address", from: "", to: "铁康小区" }),
  e({ batch: 3, source: "revert", cell: "G9", field: "education", from: "=大学专科", to: "  大专 " }),
  e({ batch: 4, source: "a user's own words", field: "unknownField", from: "0438-6123456", to: "12" }),
];

const toGrid = (sheet: ProductSheet, name = sheet.name): SheetGrid => grid(name, toGridRows(sheet));

describe("changeLogSheet", () => {
  it("header row 1, one row per entry, frozen and filterable", () => {
    const s = changeLogSheet(ENTRIES, "zh-CN");
    expect(s).toMatchObject({ role: "changelog", name: "修改记录", freezeRows: 1, autoFilter: "A1:J7", print: { titleRows: [1, 1] } });
    expect(rowValues(s, 1)).toEqual(["批次", "时间", "来源", "工作表", "单元格", "身份证号或姓名", "字段", "原值", "新值", "已撤销"]);
    expect(rowValues(s, 2)).toEqual([1, "2025-12-31T09:30:00+08:00", "修正", "铁安社区", "F7", "220702196503151230", "身份证号", "220702650315123", "220702196503151230", "否"]);
    expect(rowValues(s, 5)[2]).toBe("同步：铁康社区名单.csv");
    expect(rowValues(s, 6)[2]).toBe("撤销");
  });
});

describe("readChangeLog reads back exactly what changeLogSheet writes", () => {
  it.each<Lang>(["zh-CN", "zh-TW", "en"])("%s", (lang) => {
    expect(readChangeLog(toGrid(changeLogSheet(ENTRIES, lang)), false)).toEqual(ENTRIES);
  });

  it.each<Lang>(["zh-CN", "zh-TW", "en"])("every field label in %s reads back as its code", (lang) => {
    const entries = Object.keys(FIELD_LABELS[lang]).map((field, k) => e({ field, cell: `A${k + 1}` }));
    expect(readChangeLog(toGrid(changeLogSheet(entries, lang)), false).map((x) => x.field)).toEqual(entries.map((x) => x.field));
  });

  it("an empty log", () => {
    expect(readChangeLog(toGrid(changeLogSheet([], "en")), false)).toEqual([]);
  });

  it("tolerates a title inserted above, reordered columns, blank rows, a TRUE cell and a time turned into a date cell", () => {
    const rows = toGridRows(changeLogSheet(ENTRIES.slice(0, 2), "zh-CN")) as (CellValue | null)[][];
    const swapped = rows.map((r) => [r[9], ...r.slice(0, 9)]); // 已撤销 moved to column A
    swapped[1][0] = true;
    swapped[2][2] = { kind: "date", serial: 46022.5 }; // 2025-12-31 12:00
    const sheet = grid("修改记录", [["修改记录（本单位）"], [], swapped[0], swapped[1], [], swapped[2]]);
    const got = readChangeLog(sheet, false);
    expect(got.map((x) => [x.reverted, x.time, x.to])).toEqual([
      [true, "2025-12-31T09:30:00+08:00", ENTRIES[0].to],
      [false, "2025-12-31T12:00:00", ENTRIES[1].to],
    ]);
  });

  it.each([
    { label: "no header", rows: [["批次", "时间"], [1, "2025-12-31"]], error: /not a change log/ },
    { label: "a damaged cell address", rows: "badCell", error: /row 3: not a change-log entry \(cell/ },
  ])("refuses $label with a one-line error", ({ rows, error }) => {
    let sheetRows: (CellValue | null)[][];
    if (rows === "badCell") {
      sheetRows = toGridRows(changeLogSheet(ENTRIES.slice(0, 2), "en"));
      sheetRows[2][4] = "somewhere";
    } else sheetRows = rows as (CellValue | null)[][];
    let message = "";
    try {
      readChangeLog(grid("Change log", sheetRows), false);
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toMatch(error);
    expect(message).not.toContain("\n");
  });
});

describe("nextBatch and parseCellRef", () => {
  it.each([
    { entries: [], next: 1 },
    { entries: ENTRIES, next: 5 },
    { entries: [e({ batch: 7 }), e({ batch: 2 })], next: 8 },
  ])("nextBatch -> $next", ({ entries, next }) => expect(nextBatch(entries)).toBe(next));

  it.each([
    ["A1", 1, 1], ["F7", 7, 6], ["Z10", 10, 26], ["AA100", 100, 27], ["XFD1048576", 1048576, 16384],
  ])("%s -> row %i, col %i", (cell, row, col) => expect(parseCellRef(cell)).toEqual({ row, col }));

  it("refuses a non-address", () => expect(() => parseCellRef("F0")).toThrow(/not a cell address/));
});
