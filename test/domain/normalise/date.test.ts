import fc from "fast-check";
import { CellValue } from "../../../src/domain/grid";
import { addYears, ageOn, AsOfDay, compareIso, DateResult, dayNumber, normaliseDate, serialToIso } from "../../../src/domain/normalise/date";

const date = (serial: number): CellValue => ({ kind: "date", serial });
const day = (value: string): DateResult => ({ kind: "ok", value, precision: "day" });
const month = (value: string): DateResult => ({ kind: "ok", value, precision: "month" });
const unreadable: DateResult = { kind: "invalid", reason: "unreadable" };
const impossible: DateResult = { kind: "invalid", reason: "impossible" };
const empty: DateResult = { kind: "empty" };

describe("serialToIso", () => {
  it.each([
    { serial: 1, date1904: false, expected: "1900-01-01" },
    { serial: 59, date1904: false, expected: "1900-02-28" },
    { serial: 60, date1904: false, expected: "" }, // Excel's fictitious 1900-02-29
    { serial: 61, date1904: false, expected: "1900-03-01" },
    { serial: 0, date1904: false, expected: "" }, // 1900-01-00
    { serial: 25569, date1904: false, expected: "1970-01-01" },
    { serial: 37320, date1904: false, expected: "2002-03-05" },
    { serial: 37320.999, date1904: false, expected: "2002-03-05" }, // time of day dropped
    { serial: 2958465, date1904: false, expected: "9999-12-31" },
    { serial: 2958465.5, date1904: false, expected: "9999-12-31" },
    { serial: 2958466, date1904: false, expected: "" },
    { serial: 2957003, date1904: true, expected: "9999-12-31" },
    { serial: 2957004, date1904: true, expected: "" },
    { serial: -1, date1904: false, expected: "" },
    { serial: 0, date1904: true, expected: "1904-01-01" },
    { serial: 35858, date1904: true, expected: "2002-03-05" },
    { serial: 60, date1904: true, expected: "1904-03-01" }, // nothing special about 60 in the 1904 system
  ])("$serial (1904: $date1904) -> $expected", ({ serial, date1904, expected }) => {
    expect(serialToIso(serial, date1904)).toBe(expected);
  });

  it("agrees with the calendar for every serial after 1900-03-01", () => {
    fc.assert(
      fc.property(fc.integer({ min: 61, max: 2957003 }), fc.boolean(), (serial, date1904) => {
        const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
        expect(serialToIso(serial, date1904)).toBe(new Date(epoch + serial * 86400000).toISOString().slice(0, 10));
      }),
    );
  });
});

describe("normaliseDate", () => {
  it.each<{ input: CellValue | undefined; date1904?: boolean; expected: DateResult }>([
    // empty
    { input: undefined, expected: empty },
    { input: null, expected: empty },
    { input: "  ", expected: empty },
    { input: "不详", expected: empty },
    // date cells, both systems
    { input: date(37320), expected: day("2002-03-05") },
    { input: date(35858), date1904: true, expected: day("2002-03-05") },
    { input: date(37320), date1904: true, expected: day("2006-03-06") }, // same serial, other system
    { input: date(60), expected: impossible },
    { input: date(0), date1904: true, expected: day("1904-01-01") },
    { input: date(-3), expected: impossible },
    { input: date(80000), expected: impossible }, // 2119
    // plain numbers
    { input: 37320, expected: day("2002-03-05") }, // a serial that lost its date format
    { input: 20020305, expected: day("2002-03-05") },
    { input: 20020230, expected: impossible },
    { input: 196805, expected: month("1968-05") },
    { input: 1968.05, expected: month("1968-05") },
    { input: 1980.12, expected: month("1980-12") },
    { input: 1968.5, expected: month("1968-05") }, // .50 is no month, so May
    { input: 1971.1, expected: { kind: "ambiguous", value: "1971-01", alternatives: ["1971-01", "1971-10"] } },
    { input: 1980.13, expected: impossible },
    { input: 1968.051, expected: unreadable }, // more than two fraction digits
    { input: 1990, expected: unreadable }, // a year alone: the month cannot be invented
    { input: 45, expected: unreadable }, // too small to be a serial anyone meant
    { input: -1, expected: unreadable },
    { input: true, expected: unreadable },
    // text
    { input: "2002-03-05", expected: day("2002-03-05") },
    { input: "2002/3/5", expected: day("2002-03-05") },
    { input: "2002.3.5", expected: day("2002-03-05") },
    { input: "2002.3.5.", expected: day("2002-03-05") },
    { input: "2002.03", expected: month("2002-03") },
    { input: "2002-3", expected: month("2002-03") },
    { input: "2002/03", expected: month("2002-03") },
    { input: "2002年3月5日", expected: day("2002-03-05") },
    { input: "2002年03月05号", expected: day("2002-03-05") },
    { input: "2002 年 3 月 5 日", expected: day("2002-03-05") },
    { input: "2002年3月", expected: month("2002-03") },
    { input: "20020305", expected: day("2002-03-05") },
    { input: "２００２年３月５日", expected: day("2002-03-05") },
    { input: "２００２－０３－０５", expected: day("2002-03-05") },
    { input: "2002-03-05 00:00:00", expected: day("2002-03-05") },
    { input: "2002-03-05T08:30:00Z", expected: day("2002-03-05") },
    { input: "1971.1", expected: month("1971-01") }, // typed as text: the user meant January
    { input: "1971.10", expected: month("1971-10") },
    { input: " 1968.05 ", expected: month("1968-05") },
    { input: "2002-02-30", expected: impossible },
    { input: "2000-02-29", expected: day("2000-02-29") },
    { input: "1900-02-29", expected: impossible },
    { input: "2002-13", expected: impossible },
    { input: "2002-00-05", expected: impossible },
    { input: "2002-03-00", expected: impossible },
    { input: "1850-01-01", expected: impossible },
    { input: "3002-01-01", expected: impossible },
    { input: "2002年", expected: unreadable },
    { input: "2002", expected: unreadable },
    { input: "2002-3/5", expected: unreadable }, // mixed separators
    { input: "02-03-05", expected: unreadable },
    { input: "3/5/2002", expected: unreadable },
    { input: "2002-03-05 午后", expected: unreadable },
    { input: "2002-03-05 25:99:99x", expected: unreadable },
    { input: "abc", expected: unreadable },
    { input: "37320", expected: unreadable }, // a serial as text is no date anyone typed
  ])("$input -> $expected.kind $expected.value", ({ input, date1904, expected }) => {
    expect(normaliseDate(input, date1904 ?? false)).toEqual(expected);
  });

  // A number read with the decimals its cell shows where those are more than its own (SheetGrid.shownDecimals).
  it.each<{ input: CellValue; shown: number; expected: DateResult }>([
    { input: 1959.1, shown: 2, expected: month("1959-10") }, // 0.00 shows 1959.10
    { input: 1959.1, shown: 3, expected: { kind: "ambiguous", value: "1959-01", alternatives: ["1959-01", "1959-10"] } }, // 1959.100
    { input: 1959.2, shown: 2, expected: month("1959-02") }, // 1959.20 is no month: as the number says, no flag
    { input: 1959.12, shown: 2, expected: month("1959-12") },
    { input: "1959.1", shown: 2, expected: month("1959-01") }, // text shows itself
  ])("$input shown with $shown decimals -> $expected.kind $expected.value", ({ input, shown, expected }) => {
    expect(normaliseDate(input, false, shown)).toEqual(expected);
  });

  // Readings of valid parts are made once per (year, month, day) and shared: the same answer every time.
  it.each([
    { input: "1955.3", expected: month("1955-03") },
    { input: "1980.03.05", expected: day("1980-03-05") },
    { input: "1981年3月5日", expected: day("1981-03-05") },
    { input: 19800305, expected: day("1980-03-05") },
    { input: 198003, expected: month("1980-03") },
    { input: "1981.02.29", expected: impossible },
    { input: "2101.01.01", expected: impossible },
  ])("reads $input the same the second time", ({ input, expected }) => {
    const first = normaliseDate(input, false);
    expect(first).toEqual(expected);
    expect(normaliseDate(input, false)).toBe(first);
  });

  it("reads a month-only date beside a full one without inventing the day", () => {
    expect(normaliseDate("1968.05", false)).toEqual(month("1968-05"));
    expect(normaliseDate("1968.05.17", false)).toEqual(day("1968-05-17"));
  });

  it("round-trips every ISO date in range", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("1900-01-01T00:00:00Z"), max: new Date("2100-12-31T00:00:00Z"), noInvalidDate: true }), (d) => {
        const iso = d.toISOString().slice(0, 10);
        expect(normaliseDate(iso, false)).toEqual(day(iso));
      }),
    );
  });
});

describe("addYears", () => {
  it.each([
    { iso: "1980-05-17", n: 18, expected: "1998-05-17" },
    { iso: "2000-02-29", n: 18, expected: "2018-02-28" }, // no 29th in a common year
    { iso: "2000-02-29", n: 4, expected: "2004-02-29" },
    { iso: "1968-05", n: 1, expected: "1969-05" }, // month precision stays
    { iso: "2002-03-05", n: -1, expected: "2001-03-05" },
  ])("$iso + $n -> $expected", ({ iso, n, expected }) => {
    expect(addYears(iso, n)).toBe(expected);
  });
});

describe("compareIso", () => {
  it.each([
    { a: "2002-03-05", b: "2002-03-05", expected: 0 },
    { a: "2002-03-04", b: "2002-03-05", expected: -1 },
    { a: "2003-01-01", b: "2002-12-31", expected: 1 },
    { a: "2002-03", b: "2002-03-01", expected: 0 }, // month precision compares as the 1st
    { a: "2002-03", b: "2002-03-02", expected: -1 },
    { a: "2002-03-05", b: "2002-03", expected: 1 },
    { a: "2002-02", b: "2002-03", expected: -1 },
  ])("$a vs $b -> $expected", ({ a, b, expected }) => {
    expect(compareIso(a, b)).toBe(expected);
  });
});

describe("ageOn", () => {
  it.each([
    { birth: "1980-05-17", asOf: "1998-05-17", expected: 18 },
    { birth: "1980-05-17", asOf: "1998-05-16", expected: 17 },
    { birth: "1980-05", asOf: "1998-05-01", expected: 18 }, // a month counts from its 1st
    { birth: "1980-05", asOf: "1998-04-30", expected: 17 },
    { birth: "2000-02-29", asOf: "2018-02-28", expected: 18 }, // as addYears: the birthday falls on 02-28
    { birth: "2000-02-29", asOf: "2018-02-27", expected: 17 },
    { birth: "2000-02-29", asOf: "2020-02-28", expected: 19 }, // in a leap year it is the 29th
  ])("$birth on $asOf -> $expected", ({ birth, asOf, expected }) => {
    expect(ageOn(birth, asOf)).toBe(expected);
  });

  it("agrees with addYears", () => {
    const isoDay = fc
      .date({ min: new Date("1900-01-01T00:00:00Z"), max: new Date("2100-12-31T00:00:00Z"), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(isoDay, isoDay, (birth, asOf) => {
        fc.pre(compareIso(birth, asOf) <= 0);
        const age = ageOn(birth, asOf);
        expect(compareIso(addYears(birth, age), asOf)).toBeLessThanOrEqual(0);
        expect(compareIso(addYears(birth, age + 1), asOf)).toBe(1);
      }),
    );
  });
});

// The summaries compare and count from "a year after joining" without building that date, on each member's dates read
// once as day numbers: the same answers as building it with addYears, month precision and 02-29 included.
const compareShifted = (a: string, n: number, b: string) => Math.sign(dayNumber(a, n) - dayNumber(b, 0));
const ageShifted = (a: string, n: number, b: string) => new AsOfDay(b).yearsSince(dayNumber(a, n));
describe("dayNumber and AsOfDay.yearsSince", () => {
  it.each([
    { a: "2024-02-29", n: 1, b: "2025-02-28", compare: 0, age: 0 }, // 02-29 a year on is 02-28
    { a: "2024-02-29", n: 1, b: "2025-02-27", compare: 1, age: -1 },
    { a: "2024-02-29", n: 4, b: "2028-02-28", compare: 1, age: -1 }, // a leap year keeps the 29th
    { a: "2024-03", n: 1, b: "2025-03-01", compare: 0, age: 0 }, // month precision counts from the 1st
    { a: "2024-03", n: 1, b: "2025-02-28", compare: 1, age: -1 },
    { a: "2020-06-15", n: 4, b: "2024-06", compare: 1, age: -1 }, // b of month precision is its 1st
    { a: "2020-06-15", n: 1, b: "2025-12-31", compare: -1, age: 4 },
  ])("$a + $n vs $b", ({ a, n, b, compare, age }) => {
    expect(compareShifted(a, n, b)).toBe(compare);
    expect(compareShifted(a, n, b)).toBe(compareIso(addYears(a, n), b));
    expect(ageShifted(a, n, b)).toBe(age);
    expect(ageShifted(a, n, b)).toBe(ageOn(addYears(a, n), b));
  });

  it("agree with addYears on any dates", () => {
    const isoDay = fc
      .date({ min: new Date("1900-01-01T00:00:00Z"), max: new Date("2100-12-31T00:00:00Z"), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    const isoDate = fc.oneof(isoDay, isoDay.map((d) => d.slice(0, 7)), fc.constantFrom("2000-02-29", "2024-02-29", "1996-02"));
    fc.assert(
      fc.property(isoDate, fc.integer({ min: 0, max: 25 }), isoDate, (a, n, b) => {
        expect(compareShifted(a, n, b)).toBe(compareIso(addYears(a, n), b));
        expect(ageShifted(a, n, b)).toBe(ageOn(addYears(a, n), b));
      }),
    );
  });
});
