// Which number formats make a number cell a date (SpreadsheetML built-in ids and custom codes).
import { builtinDecimalCode, decimalsShown, fixedDecimals, isBuiltinDateFormat, isDateFormatCode } from "../../src/workbook/xlsx";

describe("built-in format ids", () => {
  it.each<[number, boolean]>([
    [14, true], [17, true], [22, true], [27, true], [36, true], [45, true], [47, true], [50, true], [58, true],
    [0, false], [1, false], [13, false], [23, false], [26, false], [37, false], [44, false], [48, false], [49, false], [59, false], [176, false],
  ])("id %d is a date: %s", (id, expected) => expect(isBuiltinDateFormat(id)).toBe(expected));
});

describe("custom format codes", () => {
  it.each<[string, boolean]>([
    ["yyyy-mm-dd", true],
    ["yyyy\"年\"m\"月\"", true],
    ["yyyy\"年\"m\"月\"d\"日\"", true],
    ["yyyy年m月d日", true],
    ["[$-804]yyyy/m/d;@", true],
    ["[$-F800]dddd, mmmm dd, yyyy", true],
    ["[DBNum1][$-804]yyyy\"年\"m\"月\"", true],
    ["m/d/yy h:mm", true],
    ["h:mm AM/PM", true],
    ["mm:ss.0", true],
    ["[h]:mm:ss", true],
    ["\"yyyy", false], // a quote never closed
    ["[hh", false], // a bracket never closed
    ["[mm]", true],
    ["[$-411]ge.m.d", true],
    ["ggge\"年\"", true],
    ["[Red]yyyy-mm-dd", true],
    ["General", false],
    ["general", false],
    ["G/通用格式", false],
    ["0", false],
    ["0.00", false],
    ["#,##0;[Red]\\-#,##0", false],
    ["0.00E+00", false],
    ["##0.0E-0", false],
    ["@", false],
    ["0.0 \"days\"", false],
    ["\"Day \"0", false],
    ["0\\d", false],
    ["_-* #,##0_-;-* #,##0_-;_-* \"-\"_-;_-@_-", false],
    ["[$¥-804]#,##0.00", false],
    ["[<=9999999]###-####;(###) ###-####", false],
    ["[Red][<0]0;0", false],
    ["0_);[Red](0)", false],
    ["", false],
  ])("%j is a date: %s", (code, expected) => expect(isDateFormatCode(code)).toBe(expected));
});

// The decimals a format always shows: both back ends note a number cell's shown decimals by these (a clerk's 1959.10
// kept by Excel as 1959.1 in a 0.00 column).
describe("decimals a format code shows", () => {
  it.each<[string, number]>([
    ["0.00", 2],
    ["0.00_ ", 2],
    ["#,##0.00;[Red]\\-#,##0.00", 2],
    ["[$¥-804]#,##0.00", 2],
    ["0.00\"年\"", 2],
    ["0.0#", 1],
    ["0.0", 1],
    ["0.000", 3],
    ["General", 0],
    ["0", 0],
    ["@", 0],
    ["0.00%", 0], // 1980.1 shows 198010.00%
    ["0.00E+00", 0],
    ["# ?/?", 0],
    ["yyyy.mm", 0], // a date format: the number is a DateCell
    ["\"v.\"00", 0], // a point inside quotes is text
    ["0.[Blue]00", 2], // a modifier between placeholders does not break them
    ["0.\\ 00", 0], // an escaped character does
    ["\"0.00", 0], // a quote never closed
    ["[Red0.00", 0], // a bracket never closed
  ])("%j shows %d", (code, expected) => expect(fixedDecimals(code)).toBe(expected));

  it.each<[number, number]>([[2, 2], [4, 2], [7, 2], [44, 2], [10, 0], [11, 0], [1, 0], [0, 0], [14, 0]])(
    "built-in %d shows %d", (id, expected) => expect(fixedDecimals(builtinDecimalCode(id) ?? "General")).toBe(expected));

  it.each<[number, number, number]>([
    [1959.1, 2, 2], // shows 1959.10: noted
    [1959.12, 2, 0], // shows its own two digits: nothing to note
    [1959.05, 1, 0], // 0.0 shows 1959.1, fewer than its own: never noted (never coarsened)
    [1959, 2, 0], // an integer shows .00: no year.month
    [1959.1, 0, 0], // General
  ])("%d with %d fixed decimals: %d noted", (n, fixed, expected) => expect(decimalsShown(n, fixed)).toBe(expected));
});
