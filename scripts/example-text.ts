// Helpers shared by the example-roster generator: a seeded PRNG, resident-ID arithmetic (GB 11643),
// date arithmetic on ISO strings, and a small simplified-to-traditional character map for the zh-TW sheet.

/** mulberry32: a small, fast, seeded PRNG; the same seed gives the same roster on every machine. */
export function makeRng(seed: number): Rng {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (xs) => xs[Math.floor(next() * xs.length)],
    chance: (p) => next() < p,
    shuffle: (xs) => {
      const out = xs.slice();
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [out[i], out[j]] = [out[j], out[i]];
      }
      return out;
    },
  };
}

export interface Rng {
  next(): number;
  /** integer in [lo, hi] */
  int(lo: number, hi: number): number;
  pick<T>(xs: readonly T[]): T;
  chance(p: number): boolean;
  shuffle<T>(xs: readonly T[]): T[];
}

// ---- resident ID numbers (GB 11643-1999) ----

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = "10X98765432";

/** The check character for the first 17 digits: sum of digit x weight, mod 11, mapped through "10X98765432". */
export function idCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error(`idCheckChar: need 17 digits, got ${first17}`);
  let s = 0;
  for (let i = 0; i < 17; i++) s += Number(first17[i]) * ID_WEIGHTS[i];
  return ID_CHECK[s % 11];
}

/** area (6 digits) + birth yyyymmdd + 3-digit sequence (odd = male) + check character. */
export function makeIdNumber(area: string, birthIso: string, seq: number): string {
  const first17 = area + birthIso.replace(/-/g, "") + String(seq).padStart(3, "0");
  return first17 + idCheckChar(first17);
}

/** The 15-digit legacy form of an 18-digit ID born in the 1900s (drop "19" and the check character). */
export function legacyIdOf(id18: string): string {
  if (id18.slice(6, 8) !== "19") throw new Error(`legacyIdOf: ${id18} not born in the 1900s`);
  return id18.slice(0, 6) + id18.slice(8, 17);
}

/** What Excel keeps of an 18-digit ID typed into a number cell: 15 significant digits, the rest zeros. */
export function idAsExcelNumber(id18: string): number {
  return Number(id18.slice(0, 15) + "000");
}

/** The same ID with a wrong (but well-formed) check character. */
export function withWrongCheck(id18: string): string {
  const right = id18[17];
  const wrong = right === "1" ? "7" : right === "X" ? "3" : right === "0" ? "5" : "1";
  return id18.slice(0, 17) + wrong;
}

// ---- dates as ISO strings (no time zone involved anywhere) ----

export function iso(y: number, m: number, d: number): string {
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function parseIso(s: string): { y: number; m: number; d: number } {
  const [y, m, d] = s.split("-").map(Number);
  return { y, m, d };
}

export function addDays(s: string, days: number): string {
  const { y, m, d } = parseIso(s);
  const t = new Date(Date.UTC(y, m - 1, d) + days * 86400000);
  return iso(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** Same day n years later (29 Feb -> 28 Feb). */
export function addYears(s: string, n: number): string {
  const { y, m, d } = parseIso(s);
  return iso(y + n, m, Math.min(d, daysInMonth(y + n, m)));
}

/** Whole years from `from` to `to` (age on `to`). */
export function yearsBetween(from: string, to: string): number {
  const a = parseIso(from);
  const b = parseIso(to);
  let n = b.y - a.y;
  if (b.m < a.m || (b.m === a.m && b.d < a.d)) n--;
  return n;
}

export function randomDate(rng: Rng, fromIso: string, toIso: string): string {
  const a = Date.parse(fromIso + "T00:00:00Z");
  const b = Date.parse(toIso + "T00:00:00Z");
  const days = Math.floor((b - a) / 86400000);
  return addDays(fromIso, rng.int(0, Math.max(0, days)));
}

// ---- full-width digits and traditional characters ----

export function toFullWidthDigits(s: string): string {
  return s.replace(/[0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
}

// Simplified -> traditional (Taiwan) for every character the generator puts into the zh-TW sheet's free text
// (names, addresses, work units, notes). Pairs of characters: simplified then traditional.
const S2T_PAIRS =
  "张張刘劉陈陳杨楊赵趙孙孫马馬郑鄭韩韓冯馮邓鄧许許谭譚吕呂关關丛叢国國华華军軍伟偉刚剛红紅丽麗凤鳳" +
  "艳豔静靜云雲东東涛濤辉輝庆慶宝寶荣榮鹏鵬颖穎卫衛义義双雙帅帥贵貴兰蘭杰傑强強宁寧区區铁鐵设設团團" +
  "结結农農栋棟单單号號厂廠采採个個体體经經营營办辦处處纺紡织織员員书書记記党黨参參义義务務巡巡逻邏队隊" +
  "后後联聯系繫会會计計机機关關门門医醫院院学學校校电電话話业業动動岗崗职職业業运運输輸储儲粮糧库庫" +
  "站站场場局局维維修修养養龙龍凤鳳银銀门門园園乡鄉镇鎮处處长長岭嶺扰擾楼樓号號桥橋电電轮輪农農贸貿" +
  "汇匯丰豐网網讯訊资資装裝产產导導组組织織调調动動访訪谈談变變积積极極热熱积積难難条條" +
  "边邊街街湾灣园園众眾乐樂兴興宽寬广廣丽麗绍紹档檔随隨吴吳户戶迁遷饭飯儿兒开開偿償间間";
// Where one simplified character has several traditional ones, the phrase decides.
const S2T_PHRASES: [string, string][] = [["干洗", "乾洗"]];

const S2T = new Map<string, string>();
for (let i = 0; i + 1 < S2T_PAIRS.length; i += 2) S2T.set(S2T_PAIRS[i], S2T_PAIRS[i + 1]);

/** Character-by-character simplified -> traditional for the generator's own vocabulary. */
export function toTraditional(s: string): string {
  for (const [a, b] of S2T_PHRASES) s = s.split(a).join(b);
  let out = "";
  for (const ch of s) out += S2T.get(ch) ?? ch;
  return out;
}

/** Excel column letter(s) for a 1-based column number. */
export function columnLetter(n: number): string {
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
