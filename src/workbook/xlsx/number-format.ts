// Which number formats show a number as a date or time (then the cell is read as a DateCell).

/** Built-in format ids that are dates or times: 14-22, 27-36 and 50-58 (CJK locales), 45-47. */
export function isBuiltinDateFormat(id: number): boolean {
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
}

/**
 * The codes of the built-in date and time formats, as Office.js's Range.numberFormat gives them (Excel's English
 * codes; 27-36 and 50-58 as the zh-CN locale shows them): both back ends name a column's date format by its code.
 */
const BUILTIN_DATE_CODES = new Map<number, string>([
  [14, "m/d/yyyy"], [15, "d-mmm-yy"], [16, "d-mmm"], [17, "mmm-yy"], [18, "h:mm AM/PM"], [19, "h:mm:ss AM/PM"], [20, "h:mm"],
  [21, "h:mm:ss"], [22, "m/d/yyyy h:mm"], [45, "mm:ss"], [46, "[h]:mm:ss"], [47, "mmss.0"],
  [27, 'yyyy"年"m"月"'], [28, 'm"月"d"日"'], [29, 'm"月"d"日"'], [30, "m-d-yy"], [31, 'yyyy"年"m"月"d"日"'], [32, 'h"时"mm"分"'],
  [33, 'h"时"mm"分"ss"秒"'], [34, '上午/下午h"时"mm"分"'], [35, '上午/下午h"时"mm"分"ss"秒"'], [36, 'yyyy"年"m"月"'],
  [50, 'yyyy"年"m"月"'], [51, 'm"月"d"日"'], [52, 'yyyy"年"m"月"'], [53, 'm"月"d"日"'], [54, 'm"月"d"日"'], [55, '上午/下午h"时"mm"分"'],
  [56, '上午/下午h"时"mm"分"ss"秒"'], [57, 'yyyy"年"m"月"'], [58, 'm"月"d"日"'],
]);

/** A built-in date format id's code (BUILTIN_DATE_CODES); undefined for the others. */
export function builtinDateCode(id: number): string | undefined {
  return BUILTIN_DATE_CODES.get(id);
}

/** The first built-in format id with this date code; undefined where none has it. */
export function builtinDateId(code: string): number | undefined {
  for (const [id, c] of BUILTIN_DATE_CODES) if (c === code) return id;
  return undefined;
}

const isElapsed = (s: string): boolean => /^(h+|m+|s+)$/i.test(s);

/**
 * The last index of the part of a format code starting at i that shows no digit of its own: a "quoted" text, a \x
 * escape, _x padding, a *x fill or a [...] modifier; -1 when its closing quote or bracket is missing; undefined when
 * no such part starts at i.
 */
function literalEnd(code: string, i: number): number | undefined {
  switch (code.charCodeAt(i)) {
    case 34 /* " */:
      return code.indexOf('"', i + 1);
    case 92 /* \ */:
    case 95 /* _ */:
    case 42 /* * */:
      return i + 1;
    case 91 /* [ */:
      return code.indexOf("]", i + 1);
  }
  return undefined;
}

/**
 * Whether a format code shows dates or times: a date/time letter (d m y h s e gg, or 年 月 日) outside quoted text,
 * backslash escapes, _x padding, *x fills and [...] modifiers, where an elapsed [h] [mm] [ss] counts as time.
 * "General" and scientific "E+" are not dates.
 */
export function isDateFormatCode(code: string): boolean {
  const n = code.length;
  for (let i = 0; i < n; i++) {
    const c = code.charCodeAt(i);
    const skip = literalEnd(code, i);
    if (skip !== undefined) {
      if (skip < 0) return false;
      if (c === 91 /* [ */ && isElapsed(code.slice(i + 1, skip))) return true;
      i = skip;
      continue;
    }
    switch (c) {
      case 0x5e74 /* 年 */:
      case 0x6708 /* 月 */:
      case 0x65e5 /* 日 */:
        return true;
    }
    const lower = c | 0x20;
    if (lower === 103 /* g */) {
      if (code.slice(i, i + 7).toLowerCase() === "general") {
        i += 6;
        continue;
      }
      if ((code.charCodeAt(i + 1) | 0x20) === 103) return true;
      continue;
    }
    if (lower === 101 /* e */) {
      const next = code.charCodeAt(i + 1);
      if (next === 43 || next === 45) {
        i++;
        continue;
      }
      return true;
    }
    if (lower === 100 || lower === 109 || lower === 121 || lower === 104 || lower === 115) return true; // d m y h s
  }
  return false;
}

/** The codes of the built-in number formats that show decimals (the currency ones, 7 8 43 44, as en-US has them). */
const BUILTIN_DECIMAL_CODES = new Map<number, string>([
  [2, "0.00"], [4, "#,##0.00"], [7, '"$"#,##0.00_);("$"#,##0.00)'], [8, '"$"#,##0.00_);[Red]("$"#,##0.00)'], [10, "0.00%"],
  [11, "0.00E+00"], [39, "#,##0.00;(#,##0.00)"], [40, "#,##0.00;[Red](#,##0.00)"],
  [43, '_(* #,##0.00_);_(* (#,##0.00);_(* "-"??_);_(@_)'], [44, '_("$"* #,##0.00_);_("$"* (#,##0.00);_("$"* "-"??_);_(@_)'], [48, "##0.0E+0"],
]);

/** A built-in format id's code where it shows decimals; undefined for the others (General, integers, dates, text). */
export function builtinDecimalCode(id: number): string | undefined {
  return BUILTIN_DECIMAL_CODES.get(id);
}

/**
 * The decimals a number format always shows (its 0 placeholders after the point, in the section for positive
 * numbers): "0.00" and "0.00_ " and "#,##0.00;[Red]-#,##0.00" show 2, "0.0#" 1. 0 for General, integers, dates and
 * times, text, and formats that scale or reshape the number (percent, scientific): 0.00% shows 1980.1 as 198010.00%.
 */
export function fixedDecimals(code: string): number {
  if (isDateFormatCode(code)) return 0;
  let decimals = 0;
  let afterPoint = false;
  for (let i = 0; i < code.length; i++) {
    const c = code.charCodeAt(i);
    const skip = literalEnd(code, i);
    if (skip !== undefined) {
      if (skip < 0) return 0;
      if (c !== 91 /* [ */) afterPoint = false; // a modifier ([Red]) sits between placeholders, text breaks them
      i = skip;
      continue;
    }
    switch (c) {
      case 59 /* ; */:
        return decimals;
      case 37 /* % */:
      case 64 /* @ */:
      case 47 /* / (a fraction) */:
        return 0;
      case 69 /* E */:
      case 101 /* e */:
        return 0;
      case 46 /* . */:
        if (decimals > 0) return 0;
        afterPoint = true;
        continue;
      case 48 /* 0 */:
        if (afterPoint) decimals++;
        continue;
      case 35 /* # */:
      case 63 /* ? */:
        continue;
      default:
        afterPoint = false;
    }
  }
  return decimals;
}

/**
 * The decimals a number cell shows where its format shows more than the number's own shortest form (1959.1 in a
 * 0.00 format shows 1959.10: 2), else 0. Both back ends note a cell's shown decimals by this one rule.
 */
export function decimalsShown(n: number, fixed: number): number {
  if (fixed === 0 || Number.isInteger(n) || !Number.isFinite(n)) return 0;
  const s = String(n);
  const point = s.indexOf(".");
  if (point < 0 || s.includes("e")) return 0;
  return s.length - point - 1 < fixed ? fixed : 0;
}
