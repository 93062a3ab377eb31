// What a fix writes (date-writes.ts): a full date fixed in a column of date cells as a date cell in the column's
// format; anything else as its text.
import { CellValue, SheetGrid } from "../../src/domain/grid";
import { Report } from "../../src/domain/report-schema";
import { fixValues } from "../../src/plan/date-writes";

const d = (serial: number): CellValue => ({ kind: "date", serial });

/** Column B (出生日期) of rows 2..: the header on row 1. */
function grid(cells: readonly CellValue[], formats = true): SheetGrid {
  return {
    name: "名册", state: "visible", formulaCells: new Set(),
    rows: [["姓名", "出生日期"], ...cells.map((v, i) => [`成员${i}`, v])],
    ...(formats ? { dateFormats: new Map([[1, "yyyy-mm-dd"]]) } : {}),
  };
}

const report = (rows: number): Report => ({ rosters: [{ sheet: "名册", firstRow: 2, lastRow: rows + 1 }] }) as unknown as Report;
const change = (to: string, field = "birthDate") => ({ sheet: "名册", row: 3, column: "B", field, from: "1980.03.05", to });

describe("fixValues", () => {
  it.each([
    { name: "a date column: a date cell", cells: [d(29285), "1980.03.05", d(1)], to: "1980-03-05", want: { kind: "date", serial: 29285, format: "yyyy-mm-dd", iso: "1980-03-05" } },
    { name: "half dates: a date cell", cells: [d(29285), "1980.03.05"], to: "1980-03-05", want: { kind: "date", serial: 29285, format: "yyyy-mm-dd", iso: "1980-03-05" } },
    { name: "the 1904 system: its serial", cells: [d(29285), "1980.03.05", d(1)], to: "1980-03-05", date1904: true, want: { kind: "date", serial: 27823, format: "yyyy-mm-dd", iso: "1980-03-05" } },
    { name: "mostly text dates: text", cells: [d(29285), "1980.03.05", "1981.1.1", "1982.2.2"], to: "1980-03-05", want: "1980-03-05" },
    { name: "a month-only date: text", cells: [d(29285), "1985.09", d(1)], to: "1985-09", want: "1985-09" },
    { name: "no date format noted: text", cells: [d(29285), "1980.03.05", d(1)], to: "1980-03-05", formats: false, want: "1980-03-05" },
    { name: "not a date field: text", cells: [d(29285), "1980.03.05", d(1)], to: "1980-03-05", field: "remark", want: "1980-03-05" },
  ])("$name", ({ cells, to, date1904, formats, field, want }) => {
    const value = fixValues(new Map([["名册", grid(cells, formats)]]), report(cells.length), date1904 ?? false);
    expect(value(change(to, field))).toEqual(want);
  });
});
