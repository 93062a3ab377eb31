// An open, office-defined list of values (member category): the office's own taxonomy, not the seed street's.
// Values are grouped after folding (and system codes stripped); a value flags only where the column has a list
// (dropdown or settings) that lacks it, or, without a list, where it is a one-off near spelling of a common value.
import { foldKey } from "./fold";
import { keepShape } from "./keep-shape";
import { EnumMatcher } from "./normalise/enum";
import { stripSystemCode } from "./normalise/system-code";
import { editDistance, nearest } from "./similarity";

/** A spelling used by one member beside a near one used by at least this many is flagged. */
export const COMMON_SPELLING = 3;

/** Numerals that tell numbered units apart (第一党支部, 二组, 3号楼): never one another's misspellings. */
const NUMERAL = /[0-9一二三四五六七八九十百零〇两壹贰叁肆伍陆柒捌玖拾]/g;

/** Whether a and b differ only in their numerals (第一党支部 / 第二党支部, 一组 / 二组). */
export function numberedSiblings(a: string, b: string): boolean {
  if (a === b) return false;
  const na = a.replace(NUMERAL, "#");
  return na.includes("#") && na === b.replace(NUMERAL, "#");
}

/** Near misses of `key` among `common` (distance 1), numbered siblings left out. */
export function nearMiss(key: string, common: readonly string[]): string | undefined {
  const near = nearest(key, common.filter((k) => k !== key && !numberedSiblings(k, key)), 1);
  return near !== undefined && editDistance(near, key) <= 1 ? near : undefined;
}

interface Group {
  label: string;
  count: number;
  key: string;
  /** The folded form spellings are compared with: the most used spelling's. */
  fold: string;
  spellings: Map<string, number>;
}

export interface OpenVerdict {
  /** Summary key: a seed code where the value is the seed's, else the group's label. */
  readonly key: string;
  /** Set where the value is flagged unknown_value; the suggestion may be undefined. */
  readonly flagged?: { readonly suggestion?: string };
}

export class OpenVocabulary {
  private readonly groups = new Map<string, Group>();
  private readonly listKeys: string[] = [];
  private readonly verdicts = new Map<string, OpenVerdict | null>();

  /**
   * @param seed matcher of the known taxonomy (the seed street's categories), whose codes become keys
   * @param list the column's own allowed values (its dropdown, or configured), in order; empty: none
   * @param counts raw cell text -> member rows holding it
   */
  /** Whether the column speaks the seed taxonomy: at least half its values are the seed's own labels or spellings. */
  private readonly seeded: boolean;

  constructor(private readonly seed: EnumMatcher, list: readonly string[], counts: ReadonlyMap<string, number>, private readonly seedOrder: readonly string[]) {
    let all = 0;
    let seedCount = 0;
    for (const [text, n] of [...list.map((v) => [v, 1] as const), ...counts]) {
      const r = seed(text);
      if (r.kind === "empty") continue;
      all += n;
      if (r.kind === "ok" && !r.narrow) seedCount += n;
    }
    // 退休人员 among 在职/见习 categories is the office's own 退休人员, not the seed street's 离退休
    this.seeded = all > 0 && seedCount * 2 >= all;
    for (const v of list) {
      const g = this.group(v, 0);
      if (g && !this.listKeys.includes(g.key)) this.listKeys.push(g.key);
    }
    for (const [text, n] of counts) this.group(text, n);
    for (const g of this.groups.values()) {
      if (g.spellings.size === 0) continue;
      const most = [...g.spellings].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0][0];
      g.fold = this.fold(most);
      if (!g.key.startsWith("=")) g.label = most;
    }
  }

  private fold(text: string): string {
    return foldKey(stripSystemCode(text));
  }

  private match(text: string) {
    return this.seeded ? this.seed(text) : ({ kind: "unknown" } as const);
  }

  private group(text: string, n: number): Group | undefined {
    const fold = this.fold(text);
    if (fold === "") return undefined;
    const s = this.match(text);
    const key = s.kind === "ok" ? `=${s.code}` : fold;
    let g = this.groups.get(key);
    if (!g) this.groups.set(key, (g = { label: s.kind === "ok" ? s.code : stripSystemCode(text).trim(), count: 0, key, fold, spellings: new Map() }));
    g.count += n;
    const spelling = stripSystemCode(text).trim();
    if (n > 0) g.spellings.set(spelling, (g.spellings.get(spelling) ?? 0) + n);
    return g;
  }

  private groupOf(text: string): Group | undefined {
    const s = this.match(text);
    return this.groups.get(s.kind === "ok" ? `=${s.code}` : this.fold(text));
  }

  /** The verdict on one cell text; null where it is empty. */
  verdict(text: string): OpenVerdict | null {
    let v = this.verdicts.get(text);
    if (v !== undefined) return v;
    const g = this.groupOf(text);
    v = g ? this.judge(g) : null;
    if (this.verdicts.size < 10_000) this.verdicts.set(text, v);
    return v;
  }

  private judge(g: Group): OpenVerdict {
    if (this.listKeys.length) {
      if (this.listKeys.includes(g.key)) return { key: g.label };
      const listed = this.listKeys.map((k) => this.groups.get(k)!);
      const folds = listed.map((o) => o.fold).filter((f) => !numberedSiblings(f, g.fold));
      const near = nearest(g.fold, folds);
      return { key: g.label, flagged: { suggestion: near === undefined ? undefined : listed.find((o) => o.fold === near)!.label } };
    }
    if (g.count !== 1 || g.key.startsWith("=")) return { key: g.label };
    const common = [...this.groups.values()].filter((o) => o.count >= COMMON_SPELLING);
    const near = nearMiss(g.fold, common.map((o) => o.fold));
    return near === undefined ? { key: g.label } : { key: g.label, flagged: { suggestion: common.find((o) => o.fold === near)!.label } };
  }

  /**
   * Summary keys in order: the list's, else the seed taxonomy's (every code, zeros too) where the column uses it,
   * then the other values by count.
   */
  keys(): string[] {
    const out: string[] = [];
    const push = (k: string) => { if (!out.includes(k)) out.push(k); };
    for (const k of this.listKeys) push(this.groups.get(k)!.label);
    const used = [...this.groups.values()].filter((g) => g.count > 0);
    if (!this.listKeys.length && used.some((g) => g.key.startsWith("="))) for (const c of this.seedOrder) push(c);
    for (const g of used.sort((a, b) => b.count - a.count)) push(g.label);
    return out;
  }
}

keepShape(new OpenVocabulary(() => ({ kind: "empty" }), [], new Map(), []));
// judge's verdicts: made a few times a check, their literals' classes are not otherwise kept
keepShape({ key: "" });
keepShape({ key: "", flagged: { suggestion: "" } });
