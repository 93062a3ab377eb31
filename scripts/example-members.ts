// The 199 members of the example street (铁西街, after the seed account) as plain data: their true values.
// Pure: no files, no clock, seeded PRNG. example-sheets.ts decides how each value is (mis)typed on the sheets.
import { Rng, addDays, addYears, iso, makeIdNumber, makeRng, randomDate } from "./example-text";

export const AS_OF = "2025-12-31";
export const STREET = "铁西街";
export const AREA_CODE = "220702"; // 吉林省松原市宁江区
export const BRANCHES = ["铁安社区", "铁康社区", "铁兴社区"] as const;
export type BranchName = (typeof BRANCHES)[number];

export const CATEGORY_CODES = ["oilfield_released", "laid_off", "veteran", "retired", "resident", "agency", "other"] as const;
export type CategoryCode = (typeof CATEGORY_CODES)[number];
export const STATUS_CODES = ["normal", "lost_contact", "mobile", "suspended", "deceased", "transferred_out"] as const;
export type StatusCode = (typeof STATUS_CODES)[number];
export const EDUCATION_CODES = ["graduate", "bachelor", "associate", "secondary_vocational", "high_school", "junior_or_below"] as const;
export type EducationCode = (typeof EDUCATION_CODES)[number];
export const EMPLOYMENT_CODES = ["employed", "unemployed", "reemployed", "self_employed", "retired"] as const;
export type EmploymentCode = (typeof EMPLOYMENT_CODES)[number];
export type Gender = "male" | "female";

/** How a member's row is deliberately messed up on the sheet (see example-sheets.ts). */
export type Mess =
  | "nameSpace" | "nameIdeographicSpace" | "phoneFullWidth" | "idFullWidth" | "idNumberCell" | "idLegacy15"
  | "idWrongCheck" | "idDuplicateOriginal" | "idDuplicateCopy" | "phoneUnknown" | "addressNone" | "phoneBlank"
  | "phoneInvalid" | "statusMissing" | "categoryTraditional" | "birthAmbiguous" | "birthDecember"
  | "joinedUnder18" | "probationDue";

export interface ExampleMember {
  /** Stable key: branch initial + position in the branch sheet, e.g. "A07". */
  key: string;
  branch: BranchName;
  name: string;
  gender: Gender;
  ethnicity: string;
  birthDate: string;
  /** The member's true, valid ID; what the sheet shows may differ (messes). */
  idNumber: string;
  education: EducationCode;
  joinDate: string;
  fullMemberDate: string | null;
  category: CategoryCode;
  /** null: the roster leaves the status empty (counted as `unknown` in byStatus, still a current member). */
  status: StatusCode | null;
  employment: EmploymentCode;
  phone: string;
  address: string;
  workUnit: string;
  ideology: string;
  living: string;
  note: string;
  /** For the duplicate-ID copy: the key of the member whose ID was pasted onto this row. */
  idCopiedFrom?: string;
  messes: Mess[];
}

export interface ExampleProject {
  name: string;
  leader: string;
  branch: BranchName;
  origin: string;
  type: "investment" | "self_employment" | "other";
  jobs: number;
  placed: number;
  /** The cell text (or number) as typed on the projects sheet. */
  jobsTyped: string | number;
  placedTyped: string | number;
  approximate: boolean;
  state: string;
  note: string;
}

// Members per branch and category: 126/15/10/12/14/22 = 199 over the street.
export const PLAN: Record<BranchName, Record<Exclude<CategoryCode, "other">, number>> = {
  铁安社区: { oilfield_released: 48, laid_off: 7, veteran: 3, retired: 4, resident: 5, agency: 8 },
  铁康社区: { oilfield_released: 42, laid_off: 4, veteran: 4, retired: 5, resident: 4, agency: 7 },
  铁兴社区: { oilfield_released: 36, laid_off: 4, veteran: 3, retired: 3, resident: 5, agency: 7 },
};
const LOST: Record<BranchName, number> = { 铁安社区: 5, 铁康社区: 4, 铁兴社区: 3 };
const MOBILE: Record<BranchName, number> = { 铁安社区: 2, 铁康社区: 1, 铁兴社区: 2 };
const KEY_PREFIX: Record<BranchName, string> = { 铁安社区: "A", 铁康社区: "K", 铁兴社区: "X" };

// Common surnames of the north-east, the commonest repeated so they come up more often.
const SURNAMES = "王王王王李李李李张张张张刘刘刘刘陈陈杨杨赵赵孙孙于于马高郭徐周吴朱胡林宋郑董曹姜崔谭田韩冯邓许付曲孟关初佟吕白金丛";
const MALE_CHARS = "国建军伟明志刚勇强海东平杰宏涛斌波辉峰林文德福贵山成庆永立新宝忠利金荣俊鹏磊洋宇浩博卫兵良兆民生才武义双彬岩超帅鑫";
const FEMALE_CHARS = "红丽英梅兰桂玉凤秀霞艳敏静芳萍云春秋华婷雪莉娜晶颖慧淑琴珍丹璐楠";
const MOBILE_PREFIXES = ["130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "155", "156", "157", "158", "159", "177", "180", "181", "186", "187", "188", "189", "199"];
const COMPOUNDS: Record<BranchName, string[]> = {
  铁安社区: ["铁安小区", "油田二区", "民主小区", "沿江小区"],
  铁康社区: ["铁康小区", "康宁小区", "油田三区", "团结小区"],
  铁兴社区: ["铁兴小区", "兴华小区", "油田五区", "工农小区"],
};

interface Overrides {
  name?: string;
  gender?: Gender;
  birthDate?: string;
  joinDate?: string;
  fullMemberDate?: string | null;
  employment?: EmploymentCode;
  education?: EducationCode;
  workUnit?: string;
  ideology?: string;
  note?: string;
  messes?: Mess[];
  pinned?: boolean;
}

interface Slot { category: CategoryCode; o: Overrides }

// The people the seed names, and the deliberate edge cases that need particular dates.
const SPECIAL: Record<BranchName, Slot[]> = {
  铁安社区: [
    { category: "resident", o: { name: "初桂兰", gender: "female", birthDate: "1958-03-22", joinDate: "1984-06-18", fullMemberDate: "1985-06-25", employment: "self_employed", education: "high_school", workUnit: "职工婚姻介绍所", ideology: "带领本社区党员开展社区服务与就业工作", note: "支部书记", pinned: true } },
    { category: "oilfield_released", o: { name: "孙卫兵", gender: "male", birthDate: "1966-08-14", joinDate: "1990-07-01", fullMemberDate: "1991-07-05", employment: "reemployed", education: "high_school", workUnit: "宁江区物业公司", ideology: "曾对有偿解除政策有抵触，经支部书记三次上门谈心后思想转变，积极参加组织生活", note: "支部委员", pinned: true } },
    { category: "laid_off", o: { name: "张国良", gender: "male", birthDate: "1963-11-02", employment: "self_employed", workUnit: "国良干洗店", note: "开办干洗店，安置下岗失业人员2名" } },
    { category: "laid_off", o: { name: "张兆德", gender: "male", birthDate: "1961-04-19", employment: "self_employed", workUnit: "兆德幼儿园", note: "开办幼儿园，安置下岗失业人员2名" } },
    { category: "agency", o: { gender: "female", birthDate: "1997-09-03", joinDate: "2025-01-15", fullMemberDate: null, education: "bachelor", messes: ["probationDue"] } },
    { category: "resident", o: { gender: "male", birthDate: "1995-04-27", joinDate: "2025-06-28", fullMemberDate: null, education: "associate" } },
  ],
  铁康社区: [
    { category: "retired", o: { name: "刘子贵", gender: "male", birthDate: "1942-05-06", joinDate: "1963-07-01", fullMemberDate: "1964-07-01", education: "junior_or_below", employment: "retired", note: "老党员，参加义务巡逻队", pinned: true } },
    { category: "oilfield_released", o: { gender: "male", birthDate: "1971-01-23", messes: ["birthAmbiguous"] } },
    { category: "agency", o: { gender: "female", birthDate: "1980-12-05", messes: ["birthDecember"] } },
    { category: "agency", o: { gender: "male", birthDate: "1999-02-11", joinDate: "2025-05-12", fullMemberDate: null, education: "bachelor" } },
  ],
  铁兴社区: [
    { category: "veteran", o: { gender: "male", birthDate: "1985-06-10", joinDate: "2003-01-15", fullMemberDate: "2004-01-20", education: "high_school", employment: "employed", note: "入伍期间入党", messes: ["joinedUnder18"] } },
    { category: "resident", o: { gender: "female", birthDate: "1998-07-16", joinDate: "2025-09-01", fullMemberDate: null, education: "associate" } },
  ],
};

const BIRTH_YEARS: Record<CategoryCode, [number, number]> = {
  oilfield_released: [1955, 1978], laid_off: [1958, 1975], veteran: [1950, 1990], retired: [1940, 1960],
  resident: [1950, 1995], agency: [1968, 2000], other: [1950, 1990],
};
const MALE_SHARE: Record<CategoryCode, number> = {
  oilfield_released: 0.68, laid_off: 0.55, veteran: 0.95, retired: 0.6, resident: 0.4, agency: 0.5, other: 0.5,
};

function weighted<T>(rng: Rng, table: [T, number][]): T {
  let r = rng.next() * table.reduce((s, [, w]) => s + w, 0);
  for (const [v, w] of table) if ((r -= w) < 0) return v;
  return table[table.length - 1][0];
}

function education(rng: Rng, c: CategoryCode): EducationCode {
  switch (c) {
    case "oilfield_released": return weighted(rng, [["high_school", 40], ["secondary_vocational", 25], ["associate", 20], ["junior_or_below", 15]]);
    case "laid_off": return weighted(rng, [["junior_or_below", 40], ["high_school", 40], ["secondary_vocational", 20]]);
    case "veteran": return weighted(rng, [["high_school", 50], ["associate", 30], ["secondary_vocational", 20]]);
    case "retired": return weighted(rng, [["junior_or_below", 45], ["high_school", 30], ["secondary_vocational", 25]]);
    case "resident": return weighted(rng, [["high_school", 35], ["associate", 25], ["bachelor", 15], ["junior_or_below", 25]]);
    case "agency": return weighted(rng, [["bachelor", 60], ["associate", 25], ["graduate", 15]]);
    default: return "high_school";
  }
}

function employment(rng: Rng, c: CategoryCode): EmploymentCode {
  switch (c) {
    case "oilfield_released": return weighted(rng, [["reemployed", 50], ["self_employed", 20], ["unemployed", 30]]);
    case "laid_off": return weighted(rng, [["unemployed", 55], ["reemployed", 30], ["self_employed", 15]]);
    case "veteran": return weighted(rng, [["employed", 60], ["reemployed", 40]]);
    case "retired": return "retired";
    case "resident": return weighted(rng, [["self_employed", 40], ["unemployed", 30], ["employed", 30]]);
    case "agency": return "employed";
    default: return "employed";
  }
}

function workUnit(rng: Rng, c: CategoryCode, e: EmploymentCode): string {
  if (c === "agency") return rng.pick(["铁西街道办事处", "宁江区民政局", "宁江区人社局", "宁江区城管局", "铁西街道社区服务中心"]);
  if (c === "retired") return rng.pick(["原吉林油田机关", "原宁江区第一中学", "原松原市医院", "原宁江区粮库"]);
  switch (e) {
    case "reemployed": return rng.pick(["天网科技资讯有限公司", "日丰管安装公司", "铁康社区高档办公用品生产厂", "宁江区物业公司", "松原市运输公司"]);
    case "self_employed": return rng.pick(["个体经营", "个体运输", "个体饭店"]);
    case "employed": return c === "veteran" ? rng.pick(["宁江区武装部", "松原市运输公司", "铁西派出所"]) : "社区服务站";
    case "unemployed":
      if (c === "oilfield_released") return `原吉林油田采油${rng.pick(["一", "二", "三", "五"])}厂`;
      return c === "laid_off" ? rng.pick(["原松原市纺织厂", "原松原市粮库", "原宁江区机械厂"]) : "";
    default: return "";
  }
}

class Generator {
  readonly rng = makeRng(20251231);
  private readonly names = new Set<string>(["孙卫兵", "初桂兰", "刘子贵", "张国良", "张兆德"]);
  private readonly ids = new Set<string>();

  name(gender: Gender): string {
    for (;;) {
      const chars = gender === "male" ? MALE_CHARS : FEMALE_CHARS;
      const given = this.rng.pick([...chars]) + (this.rng.chance(0.7) ? this.rng.pick([...chars]) : "");
      const n = this.rng.pick([...SURNAMES]) + given;
      if (!this.names.has(n)) {
        this.names.add(n);
        return n;
      }
    }
  }

  idNumber(birth: string, gender: Gender): string {
    for (;;) {
      let seq = this.rng.int(0, 999);
      if ((seq % 2 === 1) !== (gender === "male")) seq = (seq + 1) % 1000;
      const id = makeIdNumber(AREA_CODE, birth, seq);
      if (!this.ids.has(id)) {
        this.ids.add(id);
        return id;
      }
    }
  }

  phone(c: CategoryCode): string {
    const r = this.rng;
    if (c === "retired" && r.chance(0.4)) return `0438-6${String(r.int(0, 999999)).padStart(6, "0")}`;
    return r.pick(MOBILE_PREFIXES) + String(r.int(0, 99999999)).padStart(8, "0");
  }

  member(branch: BranchName, category: CategoryCode, o: Overrides): ExampleMember {
    const r = this.rng;
    const gender = o.gender ?? (r.chance(MALE_SHARE[category]) ? "male" : "female");
    let birthDate = o.birthDate;
    if (!birthDate) {
      const [y0, y1] = BIRTH_YEARS[category];
      const y = r.int(y0, y1);
      // 铁康's birth column holds numbers typed as year.month: October would read as 1968.1 (ambiguous),
      // which is planted once on purpose, so the other rows avoid it.
      let m = r.int(1, 12);
      if (branch === "铁康社区" && m === 10) m = 9;
      birthDate = iso(y, m, r.int(1, 28));
    }
    let joinDate = o.joinDate;
    if (!joinDate) {
      const cap = category === "oilfield_released" ? "2001-06-30" : "2023-06-30";
      const from = addYears(birthDate, 20);
      let to = addYears(birthDate, category === "retired" ? 35 : 38);
      if (to > cap) to = cap;
      joinDate = randomDate(r, from, to < from ? from : to);
    }
    const fullMemberDate = o.fullMemberDate !== undefined ? o.fullMemberDate : addDays(addYears(joinDate, 1), r.int(0, 45));
    const emp = o.employment ?? employment(r, category);
    const compound = r.pick(COMPOUNDS[branch]);
    const address = `${r.chance(0.3) ? "宁江区" : ""}${compound}${r.int(1, 24)}栋${r.int(1, 6)}单元${r.int(1, 6)}0${r.int(1, 4)}号`;
    const ethnicity = weighted(r, [["汉族", 88], ["满族", 6], ["蒙古族", 2], ["朝鲜族", 2], ["回族", 2]]);
    return {
      key: "",
      branch,
      name: o.name ?? this.name(gender),
      gender,
      ethnicity,
      birthDate,
      idNumber: this.idNumber(birthDate, gender),
      education: o.education ?? education(r, category),
      joinDate,
      fullMemberDate,
      category,
      status: "normal",
      employment: emp,
      phone: this.phone(category),
      address,
      workUnit: o.workUnit ?? workUnit(r, category, emp),
      ideology: o.ideology ?? r.pick(["思想稳定，积极参加组织生活", "拥护党的政策，热心社区事务", "参加义务巡逻队", "思想稳定", "参加“一人一岗”卫生包保"]),
      living: r.pick(["一般", "较好", "一般", "困难", "低保户", "较好"]),
      note: o.note ?? "",
      messes: [...(o.messes ?? [])],
    };
  }
}

function pickFree(rng: Rng, members: ExampleMember[], n: number, ok: (m: ExampleMember) => boolean, taken: Set<ExampleMember>): ExampleMember[] {
  const pool = rng.shuffle(members.filter((m) => ok(m) && !taken.has(m)));
  if (pool.length < n) throw new Error(`example-data: only ${pool.length} members fit, need ${n}`);
  const out = pool.slice(0, n);
  for (const m of out) taken.add(m);
  return out;
}

function buildMembers(): ExampleMember[] {
  const g = new Generator();
  const r = g.rng;
  const all: ExampleMember[] = [];
  for (const branch of BRANCHES) {
    const specials = SPECIAL[branch];
    const slots: Slot[] = [...specials];
    for (const [cat, n] of Object.entries(PLAN[branch]) as [CategoryCode, number][]) {
      const already = specials.filter((s) => s.category === cat).length;
      for (let i = already; i < n; i++) slots.push({ category: cat, o: {} });
    }
    const made = slots.map((s, i) => ({ m: g.member(branch, s.category, s.o), pinned: !!s.o.pinned, special: i < specials.length }));
    const specialSet = new Set(made.filter((x) => x.special).map((x) => x.m));
    const members = made.map((x) => x.m);
    // Lost contact: oilfield members nobody could find; mobile: gone to work elsewhere.
    const taken = new Set<ExampleMember>(specialSet);
    for (const m of pickFree(r, members, LOST[branch], (m) => m.category === "oilfield_released", taken)) {
      m.status = "lost_contact";
      m.employment = "unemployed"; // last known: released by the oilfield, not seen since
      m.workUnit = `原吉林油田采油${r.pick(["一", "二", "三", "五"])}厂`;
      m.ideology = "";
      m.living = "";
      m.note = r.pick(["2002年有偿解除后去向不明", "多次入户未找到", "原住址已拆迁，联系不上"]);
    }
    for (const m of pickFree(r, members, MOBILE[branch], (m) => m.category === "oilfield_released" || m.category === "laid_off", taken)) {
      m.status = "mobile";
      m.note = r.pick(["外出务工（大庆）", "在长春务工", "随子女在外地居住"]);
    }
    const pinned = made.filter((x) => x.pinned).map((x) => x.m);
    const ordered = [...pinned, ...r.shuffle(members.filter((m) => !pinned.includes(m)))];
    ordered.forEach((m, i) => (m.key = KEY_PREFIX[branch] + String(i + 1).padStart(2, "0")));
    all.push(...ordered);
  }
  plantMesses(r, all);
  return all;
}

// Which rows carry which typing mistakes. Each is chosen so the summary figures do not depend on how an
// engine resolves it (e.g. the duplicate-ID pair shares gender and birth year; the number-cell ID is a woman's).
function plantMesses(r: Rng, all: ExampleMember[]): void {
  const inBranch = (b: BranchName) => all.filter((m) => m.branch === b);
  const taken = new Set<ExampleMember>(all.filter((m) => m.messes.length > 0 || m.note !== ""));
  const plain = (m: ExampleMember) => m.status === "normal" && m.fullMemberDate !== null;
  const tag = (b: BranchName, mess: Mess, n: number, ok: (m: ExampleMember) => boolean = plain) => {
    for (const m of pickFree(r, inBranch(b), n, ok, taken)) m.messes.push(mess);
  };
  const A: BranchName = "铁安社区", K: BranchName = "铁康社区", X: BranchName = "铁兴社区";
  tag(A, "nameSpace", 1, (m) => plain(m) && m.name.length === 3);
  tag(X, "nameIdeographicSpace", 1, (m) => plain(m) && m.name.length === 2);
  tag(A, "phoneFullWidth", 2, (m) => plain(m) && !m.phone.includes("-"));
  tag(K, "idFullWidth", 1);
  tag(A, "idNumberCell", 1, (m) => plain(m) && m.gender === "female");
  tag(K, "idLegacy15", 1, (m) => plain(m) && m.birthDate < "1970");
  tag(K, "idWrongCheck", 1);
  tag(A, "phoneUnknown", 1);
  tag(K, "addressNone", 1);
  tag(X, "phoneBlank", 1);
  tag(A, "phoneInvalid", 1, (m) => plain(m) && !m.phone.includes("-"));
  tag(A, "statusMissing", 1);
  tag(A, "categoryTraditional", 1, (m) => plain(m) && m.category === "oilfield_released");
  for (const m of all) if (m.messes.includes("statusMissing")) m.status = null;
  // A copy-paste slip: a 铁兴 row carries a 铁安 member's ID. Same gender and birth year, so only the
  // birth date (and the duplicate) disagree.
  const originals = inBranch(A).filter((m) => plain(m) && !taken.has(m));
  for (const o of originals) {
    const copy = inBranch(X).find((m) => plain(m) && !taken.has(m) && m.gender === o.gender &&
      m.birthDate.slice(0, 4) === o.birthDate.slice(0, 4) && m.birthDate !== o.birthDate);
    if (copy) {
      o.messes.push("idDuplicateOriginal");
      copy.messes.push("idDuplicateCopy");
      copy.idCopiedFrom = o.key;
      taken.add(o).add(copy);
      return;
    }
  }
  throw new Error("example-data: no pair for the duplicate ID");
}

let cached: ExampleMember[] | undefined;
/** The 199 members, in sheet order per branch (deterministic; do not mutate the result). */
export function exampleMembers(): readonly ExampleMember[] {
  return (cached ??= buildMembers());
}

export function memberByKey(key: string): ExampleMember {
  const m = exampleMembers().find((x) => x.key === key);
  if (!m) throw new Error(`no example member ${key}`);
  return m;
}

