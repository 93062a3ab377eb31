// Folding for matching headers and enumeration values: traditional -> simplified, NFKC, no whitespace, lower case.
import { SIMPLIFIED_ONLY, T2S_PAIRS } from "./t2s-table";

/** T2S[c] is the simplified code unit for traditional code unit c, 0 where c does not change. */
const T2S = new Uint16Array(0x10000);
/** SIMPLIFIED[c] is 1 where c is a simplified-only character. */
const SIMPLIFIED = new Uint8Array(0x10000);
for (let i = 0; i + 1 < T2S_PAIRS.length; i += 2) T2S[T2S_PAIRS.charCodeAt(i)] = T2S_PAIRS.charCodeAt(i + 1);
for (let i = 0; i < SIMPLIFIED_ONLY.length; i++) SIMPLIFIED[SIMPLIFIED_ONLY.charCodeAt(i)] = 1;

/** The lowest code unit the table maps (CJK Extension A starts at U+3400): a cheap bound for the fast path. */
const T2S_MIN = 0x3400;

/** Traditional (and Taiwan/Hong Kong variant) characters to simplified, character by character; s itself when nothing maps. */
export function toSimplified(s: string): string {
  let out: string | undefined;
  let last = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < T2S_MIN) continue;
    const t = T2S[c];
    if (t === 0) continue;
    out = (out ?? "") + s.slice(last, i) + String.fromCharCode(t);
    last = i + 1;
  }
  return out === undefined ? s : out + s.slice(last);
}

/** Code units NFKC leaves alone whatever follows them (no combining marks, no compatibility forms). */
function isNfkcStable(c: number): boolean {
  if (c < 0x80) return true; // ASCII (a following combining mark is itself unstable, so it is caught)
  if (c >= 0x4e00) return c <= 0x9fff; // CJK Unified Ideographs
  if (c >= 0x3400) return c <= 0x4dbf; // Extension A
  return (c >= 0x3001 && c <= 0x3002) || (c >= 0x3008 && c <= 0x3011) || (c >= 0x2013 && c <= 0x2014) || c === 0xb7;
}

/** Unicode NFKC (full-width to half-width, ideographic space to space); s itself on the common already-clean path. */
export function nfkc(s: string): string {
  let i = 0;
  while (i < s.length && isNfkcStable(s.charCodeAt(i))) i++;
  if (i === s.length) return s;
  // Full-width ASCII (FF01-FF5E) and U+3000 are most of what Chinese text needs; map them by hand, as NFKC does,
  // and leave anything else to String.prototype.normalize.
  let out = s.slice(0, i);
  let last = i;
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isNfkcStable(c)) continue;
    if (c >= 0xff01 && c <= 0xff5e) out += s.slice(last, i) + String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000) out += s.slice(last, i) + " ";
    else return s.normalize("NFKC");
    last = i + 1;
  }
  return out + s.slice(last);
}

/** Full-width punctuation that belongs to Chinese text (，（）：；！？＂＇): kept by nfkcText. */
const CJK_PUNCTUATION = new Set([0xff01, 0xff02, 0xff07, 0xff08, 0xff09, 0xff0c, 0xff1a, 0xff1b, 0xff1f]);

/**
 * NFKC for free text (names, addresses, notes): full-width digits, letters and symbols to half-width and U+3000 to a
 * space, as nfkc, but Chinese punctuation stays full-width: NFKC would turn "思想稳定，积极" into "思想稳定,积极",
 * which no clerk wants (SPEC 3 says NFKC; this is the part of it that is right for Chinese text).
 */
export function nfkcText(s: string): string {
  let i = 0;
  while (i < s.length && isTextStable(s.charCodeAt(i))) i++;
  if (i === s.length) return s;
  let out = s.slice(0, i);
  let last = i; // s[last..i) is pending verbatim text
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isTextStable(c) || (c >= 0xd800 && c <= 0xdfff)) continue;
    const mapped = c >= 0xff01 && c <= 0xff5e ? String.fromCharCode(c - 0xfee0) : c === 0x3000 ? " " : s[i].normalize("NFKC");
    out += s.slice(last, i) + mapped;
    last = i + 1;
  }
  return out + s.slice(last);
}

/** A character nfkcText keeps as it is: NFKC-stable, or Chinese punctuation. */
export function isTextStable(c: number): boolean {
  return isNfkcStable(c) || CJK_PUNCTUATION.has(c);
}

/** Whitespace, including NBSP, U+3000, and the zero-width characters that hide in pasted text. */
export function isSpaceCode(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 || c === 0x3000 || c === 0xfeff || c === 0x1680 || c === 0x180e ||
    (c >= 0x2000 && c <= 0x200d) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x2060
  );
}

/** The white space and line terminators String.prototype.trim removes. */
export function isTrimSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Whether t.trim() is "", tested by code unit (no trim call: locating tests cells of every row so). */
export function isBlankText(t: string): boolean {
  for (let i = 0; i < t.length; i++) if (!isTrimSpace(t.charCodeAt(i))) return false;
  return true;
}

/** s without any whitespace (isSpaceCode); s itself when it has none. */
export function removeSpaces(s: string): string {
  let out: string | undefined;
  let last = 0;
  for (let i = 0; i < s.length; i++) {
    if (!isSpaceCode(s.charCodeAt(i))) continue;
    out = (out ?? "") + s.slice(last, i);
    last = i + 1;
  }
  return out === undefined ? s : out + s.slice(last);
}

/**
 * The key headers and enumeration values are matched by: NFKC, traditional -> simplified, all whitespace removed,
 * lower case, trailing ":" removed. "聯繫電話：" -> "联系电话", "Ｎａｍｅ" -> "name", " 姓　名 " -> "姓名".
 * NFKC runs first so compatibility ideographs reach the table as the unified characters it knows.
 */
export function foldKey(s: string): string {
  let key = foldOnce(s);
  // Removing a space can bring a combining mark next to a letter ("e \u0301"): fold again until nothing changes,
  // so foldKey(foldKey(s)) === foldKey(s). Only keys with characters outside the NFKC-stable ranges get here.
  for (let round = 0; round < 3 && !isNfkcStableText(key); round++) {
    const again = foldOnce(key);
    if (again === key) break;
    key = again;
  }
  return key;
}

function isNfkcStableText(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (!isNfkcStable(s.charCodeAt(i))) return false;
  return true;
}

function foldOnce(s: string): string {
  const t = toSimplified(nfkc(s));
  let end = t.length;
  while (end > 0) {
    const c = t.charCodeAt(end - 1);
    if (c === 0x3a || c === 0xff1a || isSpaceCode(c)) end--;
    else break;
  }
  let out: string | undefined;
  let last = 0;
  let nonAscii = false;
  for (let i = 0; i < end; i++) {
    const c = t.charCodeAt(i);
    if (c >= 0x41 && c <= 0x5a) {
      out = (out ?? "") + t.slice(last, i) + String.fromCharCode(c + 32);
      last = i + 1;
    } else if (isSpaceCode(c)) {
      out = (out ?? "") + t.slice(last, i);
      last = i + 1;
    } else if (c >= 0x80 && c < 0x3000) {
      nonAscii = true; // Latin-1, Greek, Cyrillic letters: left to toLowerCase below
    }
  }
  let key = out === undefined ? (end === t.length ? t : t.slice(0, end)) : out + t.slice(last, end);
  if (nonAscii) key = key.toLowerCase();
  return key;
}

/** Texts (after NFKC and trim, compared lower-case) that mean "empty": unknown, none, a dash, a slash. */
const PLACEHOLDERS: ReadonlySet<string> = new Set([
  "无", "無", "不详", "不詳", "暂无", "暫無", "未知", "空", "n/a", "null", "none", "nil",
]);

/** PLACEHOLDER_FIRST[c] is 1 where code unit c starts a placeholder, either case (a table: no string made per test). */
const PLACEHOLDER_FIRST = new Uint8Array(0x10000);
for (const p of PLACEHOLDERS) for (const ch of p[0] + p[0].toUpperCase()) PLACEHOLDER_FIRST[ch.charCodeAt(0)] = 1;

/** Characters a placeholder may consist of entirely: "-", "--", "—", "——", "/", "\" and their runs. */
function isDashOrSlash(c: number): boolean {
  return c === 0x2d || c === 0x2f || c === 0x5c || (c >= 0x2012 && c <= 0x2015) || c === 0x2500 || c === 0x2212;
}

/** For a text already NFKC'd and trimmed: does it mean "empty"? */
export function isPlaceholderClean(t: string): boolean {
  const n = t.length;
  if (n === 0) return true;
  const first = t.charCodeAt(0);
  if (isDashOrSlash(first)) {
    for (let i = 1; i < n; i++) if (!isDashOrSlash(t.charCodeAt(i))) return false;
    return true;
  }
  if (n > 4 || PLACEHOLDER_FIRST[first] === 0) return false; // most values fail here, with no lookup
  return PLACEHOLDERS.has(first < 0x80 ? t.toLowerCase() : t);
}

/** Whether a cell text means "empty" after NFKC and trim: 无, 不详, 暂无, —, -, /, N/A, null (and the empty text). */
export function isPlaceholder(text: string): boolean {
  return isPlaceholderClean(nfkc(text).trim());
}

function isCjk(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff);
}

/**
 * Which script a set of header texts is written in: traditional when some character changes under T->S and none
 * is simplified-only; simplified when there is other CJK; latin when there is none.
 */
export function scriptOf(texts: readonly string[]): "traditional" | "simplified" | "latin" {
  // Counted, not "any one decides": the simplified-only list holds characters both scripts write in some words
  // (出, 家, 号, 发), so one of them among 序號 姓名 性別 出生日期 身份證號 must not outvote the rest.
  let traditional = 0;
  let simplified = 0;
  let cjk = false;
  for (const text of texts) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c < T2S_MIN) continue;
      if (SIMPLIFIED[c] === 1) simplified++;
      else if (T2S[c] !== 0) traditional++;
      if (isCjk(c)) cjk = true;
    }
  }
  return traditional > simplified ? "traditional" : cjk ? "simplified" : "latin";
}
