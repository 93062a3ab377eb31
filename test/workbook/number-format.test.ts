// Which number formats make a number cell a date (SpreadsheetML built-in ids and custom codes).
import { isBuiltinDateFormat, isDateFormatCode } from "../../src/workbook/xlsx";

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
