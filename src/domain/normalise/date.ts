// Dates: Excel serials (1900 and 1904 systems), yyyymmdd, year.month numbers and the usual Chinese text forms -> ISO.
import { CellValue, isDateCell } from "../grid";
import { isPlaceholderClean, nfkc, removeSpaces } from "../fold";
import { keepShape } from "../keep-shape";

export type DateResult =
  | { kind: "empty" }
  | { kind: "ok"; value: string; precision: "day" | "month" }
  | { kind: "ambiguous"; value: string; alternatives: string[] }
  | { kind: "invalid"; reason: "unreadable" | "impossible" };

/** Years a roster date may fall in; outside them a date is "impossible" (a typo such as 3002 or 1202). */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

const EMPTY: DateResult = Object.freeze({ kind: "empty" });
const UNREADABLE: DateResult = Object.freeze({ kind: "invalid", reason: "unreadable" });
const IMPOSSIBLE: DateResult = Object.freeze({ kind: "invalid", reason: "impossible" });

const PAD2: readonly string[] = Array.from({ length: 100 }, (_, i) => (i < 10 ? "0" : "") + i);

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeapYear(y) ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** yyyy-mm-dd (day given) or yyyy-mm (day 0); the caller has validated the parts. */
export function formatIso(y: number, m: number, d: number): string {
  return d === 0 ? y + "-" + PAD2[m] : y + "-" + PAD2[m] + "-" + PAD2[d];
}

/** Days since 1970-01-01 -> civil date (Howard Hinnant's algorithm; integer maths, no Date object). */
function isoFromDays(z: number): string {
  z += 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return formatIso(yoe + era * 400 + (m <= 2 ? 1 : 0), m, d);
}

/** Excel's last serial (9999-12-31 in the 1900 system; 1462 less in the 1904 system). */
const MAX_SERIAL = 2958465;
/** Serial 1 of the 1900 system is 1900-01-01; from serial 61 on, days count from 1899-12-30 (serial 60 is the fictitious 1900-02-29). */
const EPOCH_1900_EARLY = -25568; // 1899-12-31 as days since 1970-01-01
const EPOCH_1900 = -25569; // 1899-12-30
const EPOCH_1904 = -24107; // 1904-01-01 = serial 0 of the 1904 system

/**
 * The ISO date of an Excel serial (the time of day is dropped); "" where Excel shows no real date: serial 60 of the
 * 1900 system (Lotus's 1900-02-29), serial 0 there (1900-01-00), negatives, and beyond 9999-12-31.
 */
export function serialToIso(serial: number, date1904: boolean): string {
  if (!(serial >= 0) || serial >= (date1904 ? MAX_SERIAL - 1462 : MAX_SERIAL) + 1) return "";
  const whole = Math.floor(serial + 1e-8); // 1e-8 of a day (< 1 ms) absorbs float noise in a time of day
  if (date1904) return isoFromDays(EPOCH_1904 + whole);
  if (whole === 0 || whole === 60) return "";
  return isoFromDays((whole < 60 ? EPOCH_1900_EARLY : EPOCH_1900) + whole);
}

/** Days since 1970-01-01 of a civil date (Howard Hinnant's days_from_civil; integer maths): isoFromDays's inverse. */
function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/**
 * The Excel serial of an ISO date (yyyy-mm-dd) in the workbook's date system, or undefined where Excel has none:
 * serialToIso's inverse, on its epochs (1900 system: serial 1 is 1900-01-01, one more from 1900-03-01 on, past
 * Lotus's fictitious 1900-02-29; 1904 system: 1904-01-01 is 0).
 */
export function isoToSerial(iso: string, date1904: boolean): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (m === null) return undefined;
  const days = daysFromCivil(Number(m[1]), Number(m[2]), Number(m[3]));
  const serial = days - (date1904 ? EPOCH_1904 : days < EPOCH_1900 + 61 ? EPOCH_1900_EARLY : EPOCH_1900);
  return serial >= (date1904 ? 0 : 1) && serialToIso(serial, date1904) === iso ? serial : undefined;
}

function ok(value: string, precision: "day" | "month"): DateResult {
  return { kind: "ok", value, precision };
}

/**
 * Results of valid parts by (year, month, day 0-31), made once: dates typed as text or numbers repeat down a column,
 * and each reading would otherwise build its ISO string (and the pieces of it) and result anew.
 */
const PARTS_CACHE: (DateResult | null)[] = new Array<DateResult | null>((MAX_YEAR - MIN_YEAR + 1) * 13 * 32).fill(null);

/** Validate year, month and day (0 = month precision) and build the result. */
function fromParts(y: number, m: number, d: number): DateResult {
  if (y < MIN_YEAR || y > MAX_YEAR || m < 1 || m > 12) return IMPOSSIBLE;
  if (d !== 0 && (d < 1 || d > daysInMonth(y, m))) return IMPOSSIBLE;
  const at = ((y - MIN_YEAR) * 13 + m) * 32 + d;
  return PARTS_CACHE[at] ?? (PARTS_CACHE[at] = d === 0 ? ok(formatIso(y, m, 0), "month") : ok(formatIso(y, m, d), "day"));
}

/** Results for whole-day serials up to 2100-12-31, per date system, indexed by serial: rosters repeat dates. */
const SERIAL_CACHE_END = 73416;
/** Filled up front so the arrays keep fast (packed) elements: a sparse array would fall back to a dictionary. */
const SERIAL_CACHE: (DateResult | null)[][] = [[], []];

function fromSerial(serial: number, date1904: boolean): DateResult {
  if (!(serial >= 0 && serial < SERIAL_CACHE_END && (serial | 0) === serial)) return fromSerialUncached(serial, date1904);
  let cache = SERIAL_CACHE[date1904 ? 1 : 0];
  if (cache.length === 0) cache = SERIAL_CACHE[date1904 ? 1 : 0] = new Array<DateResult | null>(SERIAL_CACHE_END).fill(null);
  return cache[serial] ?? (cache[serial] = fromSerialUncached(serial, date1904));
}

function fromSerialUncached(serial: number, date1904: boolean): DateResult {
  const iso = serialToIso(serial, date1904);
  if (iso === "") return IMPOSSIBLE;
  const y = digitsAt(iso, 0, 4);
  return y < MIN_YEAR || y > MAX_YEAR ? IMPOSSIBLE : ok(iso, "day");
}

/** Plain numbers below this are not read as serials (it is 1905-10-01; smaller numbers are ages, counts, typos). */
const MIN_PLAIN_SERIAL = 2101;
/** 2100-12-31 in the 1900 system. */
const MAX_PLAIN_SERIAL = 73415;

/**
 * A number typed into a cell without a date format: yyyymmdd, yyyymm, year.month (1968.05), or a serial whose date
 * format got lost. A bare year (1900..2100) is unreadable: its month cannot be invented. `shown`: the decimals the
 * cell's number format shows where more than the number's own (0: none), which settle 1971.1 shown as 1971.10.
 */
function fromNumber(n: number, date1904: boolean, shown: number): DateResult {
  if (!Number.isFinite(n) || n < 0) return UNREADABLE;
  if (Number.isInteger(n)) {
    if (n >= 19000101 && n <= 21001231) return fromParts(Math.floor(n / 10000), Math.floor(n / 100) % 100, n % 100);
    if (n >= 190001 && n <= 210012) return fromParts(Math.floor(n / 100), n % 100, 0);
    if (n >= MIN_PLAIN_SERIAL && n <= MAX_PLAIN_SERIAL) return fromSerial(n, date1904);
    return UNREADABLE;
  }
  const year = Math.trunc(n);
  if (year >= MIN_YEAR && year <= MAX_YEAR) {
    // The fraction as Excel shows it: 1968.05 -> "05"; 1971.1 may have been typed 1971.10 (the zero is gone).
    const s = String(n);
    const digits = s.length - s.indexOf(".") - 1;
    if (digits > 2) return UNREADABLE;
    const month = digits === 2 ? +s.slice(-2) : +s.slice(-1);
    // Shown with two decimals, 1971.1 is 1971.10 on the clerk's screen: October. 1971.2 shows 1971.20, no month: as
    // the number says (February), never a flag the clerk could not explain.
    if (digits === 1 && shown === 2 && month * 10 <= 12) return fromParts(year, month * 10, 0);
    if (digits === 1 && month === 1) {
      const jan = formatIso(year, 1, 0);
      return { kind: "ambiguous", value: jan, alternatives: [jan, formatIso(year, 10, 0)] };
    }
    return fromParts(year, month, 0);
  }
  if (n >= MIN_PLAIN_SERIAL && n < MAX_PLAIN_SERIAL + 1) return fromSerial(n, date1904);
  return UNREADABLE;
}

/** A time of day after the date part of a datetime text ("2002-03-05 00:00:00", "2002-03-05T08:30Z"). */
const TIME_TAIL = /(?:[Tt]|\s)+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:[AaPp][Mm]|Z|[+-]\d{2}:?\d{2})?$/;

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** The number written by the ASCII digits t[from..to) (the caller has checked they are digits). */
function digitsAt(t: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + t.charCodeAt(i) - 0x30;
  return n;
}

/** Already yyyy-mm-dd: the common case of a clean roster, answered with the text itself. */
function fromIsoText(t: string): DateResult | undefined {
  if (t.length !== 10 || t.charCodeAt(4) !== 0x2d || t.charCodeAt(7) !== 0x2d) return undefined;
  for (const i of ISO_DIGITS) if (!isDigit(t.charCodeAt(i))) return undefined;
  const y = digitsAt(t, 0, 4);
  const m = digitsAt(t, 5, 7);
  const d = digitsAt(t, 8, 10);
  if (y < MIN_YEAR || y > MAX_YEAR || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return IMPOSSIBLE;
  return ok(t, "day");
}
const ISO_DIGITS = [0, 1, 2, 3, 5, 6, 8, 9];

const YEAR = 0x5e74; // 年
const MONTH = 0x6708; // 月
const DAY = 0x65e5; // 日
const HAO = 0x53f7; // 号
const DOT = 0x2e;

/** Parse yyyy-m-d, yyyy/m/d, yyyy.m.d, yyyy年m月d日, yyyy-m, yyyy年m月, yyyymmdd, yyyymm (t is NFKC'd, no spaces). */
function fromCleanText(t: string): DateResult {
  let end = t.length;
  const lastChar = t.charCodeAt(end - 1);
  if (lastChar === DOT || lastChar === DAY || lastChar === HAO) end--; // a trailing "." or 日/号
  let i = 0;
  while (i < end && isDigit(t.charCodeAt(i))) i++;
  const yearDigits = i;
  if (i === end) {
    if (yearDigits === 8) return fromParts(digitsAt(t, 0, 4), digitsAt(t, 4, 6), digitsAt(t, 6, 8));
    if (yearDigits === 6) return fromParts(digitsAt(t, 0, 4), digitsAt(t, 4, 6), 0);
    return UNREADABLE;
  }
  if (yearDigits !== 4) return UNREADABLE;
  const y = digitsAt(t, 0, 4);
  const sep = t.charCodeAt(i++);
  if (sep !== 0x2d && sep !== 0x2f && sep !== DOT && sep !== YEAR) return UNREADABLE;
  const mStart = i;
  while (i < end && isDigit(t.charCodeAt(i))) i++;
  if (i === mStart || i - mStart > 2) return UNREADABLE;
  const m = digitsAt(t, mStart, i);
  if (sep === YEAR) {
    if (i < end && t.charCodeAt(i) === MONTH) i++;
    else if (i < end) return UNREADABLE;
  } else if (i < end && t.charCodeAt(i++) !== sep) {
    return UNREADABLE;
  }
  if (i === end) {
    // Month precision: a day marker with no day ("2002年3月日") is not a date.
    return lastChar === DAY || lastChar === HAO ? UNREADABLE : fromParts(y, m, 0);
  }
  const dStart = i;
  while (i < end && isDigit(t.charCodeAt(i))) i++;
  if (i !== end || i - dStart > 2) return UNREADABLE;
  const d = digitsAt(t, dStart, end);
  return d === 0 ? IMPOSSIBLE : fromParts(y, m, d);
}

/**
 * A text of digits and date separators only, starting with a digit (1958.3, 1980.03.05, 1981年3月5日, 2002-03-05):
 * what fromText reads it as (nothing in it for NFKC, trimming or spaces to change, no placeholder or time of day),
 * found in one pass; undefined for any other text. A column of dates typed as text is mostly these.
 */
export function fromPlainText(t: string): DateResult | undefined {
  const n = t.length;
  if (n === 0 || !isDigit(t.charCodeAt(0))) return undefined;
  for (let i = 1; i < n; i++) {
    const c = t.charCodeAt(i);
    if (!(isDigit(c) || c === DOT || c === 0x2d || c === 0x2f || c === YEAR || c === MONTH || c === DAY || c === HAO)) return undefined;
  }
  return fromIsoText(t) ?? fromCleanText(t);
}

function fromText(raw: string): DateResult {
  const plain = fromPlainText(raw);
  if (plain !== undefined) return plain;
  let t = nfkc(raw).trim();
  const iso = fromIsoText(t);
  if (iso !== undefined) return iso;
  if (isPlaceholderClean(t)) return EMPTY;
  if (t.includes(":")) {
    const m = TIME_TAIL.exec(t);
    if (m === null) return UNREADABLE;
    t = t.slice(0, m.index);
  }
  t = removeSpaces(t); // "2002 年 3 月": spaces between the parts
  return t.length === 0 ? UNREADABLE : fromCleanText(t);
}

/**
 * Read a date cell. Date cells and plain-number serials give day precision; year.month numbers, yyyymm and
 * "2002年3月" month precision (never invented further). A number 1971.1 is ambiguous (January or October, the
 * zero of .10 being lost) unless its cell shows two decimals (`shownDecimals` 2, SheetGrid.shownDecimals: October);
 * the text "1971.1" is January. Out of 1900..2100, or no such day: invalid "impossible".
 */
export function normaliseDate(v: CellValue | undefined, date1904: boolean, shownDecimals = 0): DateResult {
  if (v === null || v === undefined) return EMPTY;
  if (typeof v === "string") return fromText(v);
  if (typeof v === "number") return fromNumber(v, date1904, shownDecimals);
  if (isDateCell(v)) return fromSerial(v.serial, date1904);
  return UNREADABLE;
}

/** The ISO date n years on; 02-29 becomes 02-28 in a common year; a month-precision value stays one. */
export function addYears(iso: string, n: number): string {
  const y = digitsAt(iso, 0, 4) + n;
  const m = digitsAt(iso, 5, 7);
  if (iso.length < 10) return formatIso(y, m, 0);
  let d = digitsAt(iso, 8, 10);
  if (m === 2 && d === 29 && !isLeapYear(y)) d = 28;
  return formatIso(y, m, d);
}

/** The day of an ISO date n years on (addYears' rule: 02-29 is 02-28 in a common year); 1 for a yyyy-mm value. */
function shiftedDay(iso: string, y: number, m: number): number {
  if (iso.length < 10) return 1;
  const d = digitsAt(iso, 8, 10);
  return m === 2 && d === 29 && !isLeapYear(y) ? 28 : d;
}

/** -1, 0 or 1. A month-precision value (yyyy-mm) compares as the 1st of its month: "2002-03" equals "2002-03-01". */
export function compareIso(a: string, b: string): number {
  for (let i = 0; i < 10; i++) {
    // Past the end of a yyyy-mm value read "-01".
    const ca = i < a.length ? a.charCodeAt(i) : i === 7 ? 0x2d : i === 8 ? 0x30 : 0x31;
    const cb = i < b.length ? b.charCodeAt(i) : i === 7 ? 0x2d : i === 8 ? 0x30 : 0x31;
    if (ca !== cb) return ca < cb ? -1 : 1;
  }
  return 0;
}

/** Whole years from birth to asOf (a yyyy-mm birth counts from the 1st; a 02-29 birthday falls on 02-28 in common years). */
export function ageOn(birthIso: string, asOfIso: string): number {
  const by = digitsAt(birthIso, 0, 4);
  const bm = digitsAt(birthIso, 5, 7);
  let bd = shiftedDay(birthIso, by, bm);
  const ay = digitsAt(asOfIso, 0, 4);
  const am = digitsAt(asOfIso, 5, 7);
  const ad = asOfIso.length < 10 ? 1 : digitsAt(asOfIso, 8, 10);
  if (bm === 2 && bd === 29 && !isLeapYear(ay)) bd = 28;
  return ay - by - (am < bm || (am === bm && ad < bd) ? 1 : 0);
}

/**
 * A member date (dateOf's) as one number, y * 10000 + m * 100 + d, moved n years on (02-29 is 02-28 in a common year,
 * as addYears) and a yyyy-mm value as its 1st: the sign of dayNumber(a, n) - dayNumber(b, 0) is compareIso(addYears(a,
 * n), b)'s (fixed-width digits compare as numbers). -1 for null. Each member's dates are
 * read once so, not once per comparison.
 */
export function dayNumber(iso: string | null, n: number): number {
  if (iso === null) return -1;
  const y = digit(iso, 0) * 1000 + digit(iso, 1) * 100 + digit(iso, 2) * 10 + digit(iso, 3) + n;
  const m = digit(iso, 5) * 10 + digit(iso, 6);
  let d = iso.length < 10 ? 1 : digit(iso, 8) * 10 + digit(iso, 9);
  if (m === 2 && d === 29 && !isLeapYear(y)) d = 28;
  return y * 10000 + m * 100 + d;
}

function digit(s: string, i: number): number {
  return s.charCodeAt(i) - 48;
}

/** The report date, read once: as a day number (dayNumber), its year, month and day (m * 100 + d), whether leap. */
export class AsOfDay {
  readonly day: number;
  readonly year: number;
  readonly monthDay: number;
  readonly leap: boolean;
  constructor(asOf: string) {
    this.day = dayNumber(asOf, 0);
    this.year = Math.floor(this.day / 10000);
    this.monthDay = this.day - this.year * 10000;
    this.leap = isLeapYear(this.year);
  }
  /** Completed years from the day (a dayNumber, not after this one) to this one: ageOn(addYears(from, n), this)'s for from = dayNumber(d, n). */
  yearsSince(from: number): number {
    const y = Math.floor(from / 10000);
    let md = from - y * 10000;
    if (md === 229 && !this.leap) md = 228; // a 02-29 anniversary falls on 02-28 in a common year
    return this.year - y - (this.monthDay < md ? 1 : 0);
  }
  /** Completed years from the day (a dayNumber, -1: none) to this one; null where none or after it ). */
  yearsTo(from: number): number | null {
    return from < 0 || from > this.day ? null : this.yearsSince(from);
  }
}
keepShape(new AsOfDay("2000-01-01"));
