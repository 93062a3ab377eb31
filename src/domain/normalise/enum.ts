// Enumeration values: matched after folding against every label and spelling; unknown ones get a hint, never a guess.
import { CellValue } from "../grid";
import { foldKey, isPlaceholder } from "../fold";
import { nearest } from "../similarity";
import { EDUCATION, EnumTable, ENUM_SUFFIXES, Lang } from "../vocabulary";
import { stripSystemCode } from "./system-code";
import { cellText, normaliseText } from "./text";

export type EnumResult =
  | { kind: "empty" }
  /** narrow: a finer value counted under code (小学 under junior_or_below), never rewritten to its label. */
  | { kind: "ok"; code: string; narrow?: true }
  /** within: the code of the longest known spelling inside the value (中央党校研究生 holds 研究生), if any. */
  | { kind: "unknown"; value: string; suggestion?: string; within?: string };

export type EnumMatcher = (v: CellValue | undefined) => EnumResult;

const EMPTY: EnumResult = Object.freeze({ kind: "empty" });
const LANGS: readonly Lang[] = ["zh-CN", "zh-TW", "en"];
const SUFFIX_KEYS: readonly string[] = ENUM_SUFFIXES.map(foldKey);
/** Distinct values remembered per matcher: a column repeats a handful of values; garbage must not grow it forever. */
const CACHE_LIMIT = 10000;

/** Whether a folded spelling may be found inside a longer value: 2+ characters, or one CJK character (男, 女). */
function containable(key: string): boolean {
  return key.length >= 2 || (key.length === 1 && key.charCodeAt(0) >= 0x3400);
}

/**
 * A matcher for one enumeration: foldKey(value) against the folded labels (all languages), spellings and staff's
 * extra spellings (first one wins on a clash, built-ins before extras), then again without one trailing 党员/人员/干部.
 * An explicit spelling wins over a placeholder (staff may map 无 to "no"); otherwise placeholders are empty.
 * Unknown values carry `suggestion`, a code: the longest spelling the value contains (下岗职工党员(退休) -> laid_off),
 * else the one that contains it, else the nearest by edit distance. It is a hint only.
 */
export function buildEnumMatcher(table: EnumTable, extra?: ReadonlyArray<{ code: string; spelling: string }>): EnumMatcher {
  const codeByKey = new Map<string, string>();
  const narrowKeys = new Set<string>();
  const add = (spelling: string, code: string, narrow = false): void => {
    const key = foldKey(spelling);
    if (key === "" || codeByKey.has(key)) return;
    codeByKey.set(key, code);
    if (narrow) narrowKeys.add(key);
  };
  for (const entry of table) {
    for (const lang of LANGS) add(entry.labels[lang], entry.code);
    for (const spelling of entry.spellings) add(spelling, entry.code);
  }
  for (const entry of table) for (const spelling of entry.narrower) add(spelling, entry.code, true);
  for (const { code, spelling } of extra ?? []) add(spelling, code);
  const keys = [...codeByKey.keys()];
  const cache = new Map<string, EnumResult>();

  /** The key as the table knows it (itself, or without a trailing 党员/人员/干部), or undefined. */
  const known = (key: string): string | undefined => {
    if (codeByKey.has(key)) return key;
    for (const suffix of SUFFIX_KEYS) {
      if (key.length > suffix.length && key.endsWith(suffix)) {
        const bare = key.slice(0, -suffix.length);
        if (codeByKey.has(bare)) return bare;
      }
    }
    return undefined;
  };

  const suggest = (key: string): { suggestion?: string; within?: string } => {
    let inside: string | undefined; // the longest known spelling inside the value (earliest on a tie)
    let insideAt = 0;
    let around: string | undefined; // the shortest known spelling the value is inside
    for (const k of keys) {
      if (k.length < key.length) {
        if (!containable(k)) continue;
        const at = key.indexOf(k);
        if (at >= 0 && (inside === undefined || k.length > inside.length || (k.length === inside.length && at < insideAt))) {
          inside = k;
          insideAt = at;
        }
      } else if (containable(key) && k.includes(key) && (around === undefined || k.length < around.length)) {
        around = k;
      }
    }
    const best = inside ?? around ?? nearest(key, keys, key.length <= 1 ? 0 : key.length <= 3 ? 1 : 2);
    return { suggestion: best === undefined ? undefined : codeByKey.get(best), within: inside === undefined ? undefined : codeByKey.get(inside) };
  };

  /**
   * A cell of several lines, each a known value (大学专科\n大学本科\n: an export joining a member's education records):
   * the lines' one code, or for education the highest; kept as written (narrow), never rewritten. undefined: not so.
   */
  const lines = (text: string): EnumResult | undefined => {
    let code: string | undefined;
    for (const line of text.split(/[\r\n]+/)) {
      const key = foldKey(stripSystemCode(line));
      if (key === "") continue;
      const hit = known(key);
      if (hit === undefined) return undefined;
      const c = codeByKey.get(hit)!;
      if (code === undefined || code === c) code = c;
      else if (table !== EDUCATION) return undefined;
      else if (rank.get(c)! < rank.get(code)!) code = c; // EDUCATION runs from the highest
    }
    return code === undefined ? EMPTY : Object.freeze({ kind: "ok", code, narrow: true });
  };
  const rank = new Map(table.map((e, i) => [e.code, i]));

  const classify = (v: CellValue, text: string): EnumResult => {
    if (text.includes("\n") || text.includes("\r")) {
      const r = lines(text);
      if (r !== undefined) return r;
    }
    const key = foldKey(stripSystemCode(text));
    if (key === "") return EMPTY;
    const hit = known(key);
    if (hit !== undefined) {
      const code = codeByKey.get(hit)!;
      return Object.freeze(narrowKeys.has(hit) ? { kind: "ok", code, narrow: true } : { kind: "ok", code });
    }
    if (isPlaceholder(text)) return EMPTY;
    const value = normaliseText(v, false) ?? text;
    const { suggestion, within } = suggest(key);
    const out: { kind: "unknown"; value: string; suggestion?: string; within?: string } = { kind: "unknown", value };
    if (suggestion !== undefined) out.suggestion = suggestion;
    if (within !== undefined) out.within = within;
    return Object.freeze(out);
  };

  return (v) => {
    if (v === null || v === undefined) return EMPTY;
    const text = typeof v === "string" ? v : cellText(v, false);
    let result = cache.get(text);
    if (result === undefined) {
      result = classify(v, text);
      if (cache.size < CACHE_LIMIT) cache.set(text, result);
    }
    return result;
  };
}

