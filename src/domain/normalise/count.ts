// Counts on the projects sheet: 35个, 约20, "１５", 19人, 100余, 十五 -> whole numbers, approximate ones marked.
import { CellValue } from "../grid";
import { isPlaceholderClean, nfkc, removeSpaces, toSimplified } from "../fold";
import { numberText } from "./text";

export type CountResult =
  | { kind: "empty" }
  | { kind: "ok"; value: number; approximate: boolean }
  | { kind: "invalid"; value: string };

const EMPTY: CountResult = Object.freeze({ kind: "empty" });

/** Words before a number that make it approximate (longest first). */
const APPROX_PREFIXES = ["大约", "约计", "将近", "接近", "大概", "超过", "约", "近", "逾", "≈", "~"];
/** Words after a number that make it approximate. */
const APPROX_SUFFIXES = ["左右", "上下", "以上", "多", "余", "来", "+"];
/** Units after a number (longest first): 人次 before 人, 个 before nothing. */
const UNITS = ["人次", "个", "人", "名", "位", "户", "家", "项", "次", "处", "岗", "名额"];

const DIGIT_VALUE: Readonly<Record<string, number>> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const UNIT_VALUE: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };

/** Simple Chinese numerals below 万 (十五, 二十, 一百零五, 三千二百), plus N万 (两万): -1 when not one. */
function chineseNumeral(s: string): number {
  let total = 0;
  let section = 0; // the value below 万 being built
  let digit = -1; // a digit waiting for its unit
  let lastUnit = 10000;
  let zero = false; // a 零 since the last unit: 一百零五 is 105, 一百五 is 150
  for (const ch of s) {
    const d = DIGIT_VALUE[ch];
    if (d !== undefined) {
      if (digit >= 0 && d !== 0) return -1; // two digits in a row: 二三 is not a number here
      if (d === 0) zero = true;
      digit = d === 0 ? -1 : d;
      continue;
    }
    const u = UNIT_VALUE[ch];
    if (u !== undefined) {
      if (u >= lastUnit && section !== 0) return -1; // units must fall: 百十 is no number
      section += (digit < 0 ? (section === 0 && u === 10 ? 1 : -1) : digit) * u; // 十五: a bare 十 leads
      if (section < 0) return -1;
      digit = -1;
      zero = false;
      lastUnit = u;
      continue;
    }
    if (ch === "万") {
      total = (section + Math.max(digit, 0)) * 10000;
      if (total === 0) return -1;
      section = 0;
      digit = -1;
      zero = false;
      lastUnit = 10000;
      continue;
    }
    return -1;
  }
  if (s.length === 0) return -1;
  if (digit < 0) return total + section;
  // A digit straight after 百/千/万 counts in the next unit down: 一百五 = 150, 两万五 = 25000.
  return total + section + (!zero && lastUnit >= 100 && (section !== 0 || total !== 0) ? (digit * lastUnit) / 10 : digit);
}

/** ASCII digits with optional thousands commas (1,200): -1 when not. */
function arabicNumeral(s: string): number {
  if (s.length === 0) return -1;
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) n = n * 10 + (c - 0x30);
    else if (c !== 0x2c || i === 0 || i === s.length - 1) return -1;
  }
  return n <= Number.MAX_SAFE_INTEGER ? n : -1;
}

function stripPrefix(s: string, words: readonly string[]): string {
  for (const w of words) if (s.startsWith(w)) return s.slice(w.length);
  return s;
}

function stripSuffix(s: string, words: readonly string[]): string {
  for (const w of words) if (s.endsWith(w) && s.length > w.length) return s.slice(0, -w.length);
  return s;
}

/**
 * A count: a non-negative whole number, approximate when marked 约/近/余/多/左右; units (个, 人, 名, 户...) are
 * dropped. Anything else (ranges, decimals, words) is invalid with the NFKC-trimmed text as value.
 */
export function normaliseCount(v: CellValue | undefined): CountResult {
  if (v === null || v === undefined) return EMPTY;
  if (typeof v === "number") {
    return Number.isInteger(v) && v >= 0 ? { kind: "ok", value: v, approximate: false } : { kind: "invalid", value: numberText(v) };
  }
  if (typeof v !== "string") return { kind: "invalid", value: typeof v === "boolean" ? (v ? "TRUE" : "FALSE") : numberText(v.serial) };
  const shown = nfkc(v).trim();
  if (isPlaceholderClean(shown)) return EMPTY;
  const plain = arabicNumeral(shown);
  if (plain >= 0) return { kind: "ok", value: plain, approximate: false }; // the common case
  const t = toSimplified(removeSpaces(shown));
  let core = stripPrefix(t, APPROX_PREFIXES);
  let approximate = core !== t;
  // 100余人, 20个左右, 100多个: peel units and markers from the end in any order.
  for (let guard = 0; guard < 3; guard++) {
    const before = core;
    core = stripSuffix(core, UNITS);
    const unmarked = stripSuffix(core, APPROX_SUFFIXES);
    if (unmarked !== core) approximate = true;
    core = unmarked;
    if (core === before) break;
  }
  let n = arabicNumeral(core);
  if (n < 0) n = chineseNumeral(core);
  return n < 0 ? { kind: "invalid", value: shown } : { kind: "ok", value: n, approximate };
}
