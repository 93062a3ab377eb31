// The enumerations of SPEC section 2: codes, the canonical label per language, and the spellings that map.
// Spellings are matched after folding (fold.ts) and after dropping a trailing 党员/人员/干部.

export type Lang = "zh-CN" | "zh-TW" | "en";

export interface EnumEntry {
  readonly code: string;
  readonly labels: Readonly<Record<Lang, string>>;
  /** Further spellings (simplified; traditional forms match after folding). The labels match too. */
  readonly spellings: readonly string[];
  /** Finer values counted under this code in summaries but never rewritten to its label (小学 is not 初中及以下). */
  readonly narrower: readonly string[];
}

export type EnumTable = readonly EnumEntry[];

const e = (code: string, cn: string, tw: string, en: string, spellings: string[] = [], narrower: string[] = []): EnumEntry => ({
  code,
  labels: { "zh-CN": cn, "zh-TW": tw, en },
  spellings,
  narrower,
});

export const CATEGORY: EnumTable = [
  e("oilfield_released", "油田有偿解除劳动合同", "油田有償解除勞動合同", "Oilfield contract released", ["有偿解除", "油田有偿解除", "油田有偿解除劳动关系"]),
  e("laid_off", "下岗职工", "下崗職工", "Laid-off worker", ["下岗"]),
  e("veteran", "复员军人", "復員軍人", "Veteran", ["退伍军人", "复转军人"]),
  e("retired", "离退休", "離退休", "Retired", [], ["退休", "离休"]),
  e("resident", "居民", "居民", "Resident", ["社区居民"]),
  e("agency", "机关", "機關", "Government agency", ["机关干部"]),
  e("other", "其他", "其他", "Other"),
];

export const STATUS: EnumTable = [
  e("normal", "正常", "正常", "Normal"),
  e("lost_contact", "失联", "失聯", "Lost contact", ["失联党员", "未找到", "联系不上"]),
  e("mobile", "流动", "流動", "Mobile", ["流动党员", "外出"]),
  e("suspended", "停止党籍", "停止黨籍", "Suspended", ["已停止党籍"]),
  e("deceased", "去世", "去世", "Deceased", ["死亡", "已故", "已死亡", "已去世", "病故", "逝世", "亡故"]),
  e("transferred_out", "转出", "轉出", "Transferred out", ["已转出", "组织关系转出", "关系转出", "转出党组织"]),
  e("left_party", "出党", "出黨", "Left the Party", ["开除党籍", "除名", "退党", "劝退", "自行脱党", "取消党籍", "已出党"]),
];

/** Statuses that count as current members (the rest are listed in byStatus only; left_party: 出党, our addition). */
export const CURRENT_STATUSES: ReadonlySet<string> = new Set(["normal", "lost_contact", "mobile", "suspended"]);

export const GENDER: EnumTable = [
  e("male", "男", "男", "Male", ["m", "male", "男性"]),
  e("female", "女", "女", "Female", ["f", "female", "女性"]),
];

export const EDUCATION: EnumTable = [
  e("graduate", "研究生", "研究生", "Postgraduate", ["研究生毕业"], ["研究生及以上", "硕士", "博士", "硕士研究生", "博士研究生", "博士后", "硕士学位", "博士学位", "研究生(硕士)", "研究生(博士)"]),
  e("bachelor", "大学本科", "大學本科", "Bachelor", ["本科", "大学", "本科毕业", "大学本科毕业"], ["本科及以上", "学士", "学士学位"]),
  e("associate", "大学专科", "大學專科", "Associate (college)", ["大专", "专科", "大学专科毕业", "大专毕业"], ["大专及以上", "高职", "高职高专"]),
  e("secondary_vocational", "中专", "中專", "Secondary vocational", ["中等专科", "中专毕业", "中等专业学校"], ["中专及以下", "技校", "中职", "职高", "职业高中"]),
  e("high_school", "高中", "高中", "High school", ["高中毕业", "普通高中"], ["高中及以下", "高中、中技", "中技"]),
  e("junior_or_below", "初中及以下", "初中及以下", "Junior high or below", [], ["初中", "小学", "文盲", "初中毕业", "小学毕业", "半文盲"]),
];

/** Education codes that count as 大专及以上 (collegeOrAbove). A broad bin (高中及以下, 本科及以上) counts under its top
 * (or bottom, for "and above") level: an upward table has no column for it. */
export const COLLEGE_OR_ABOVE: ReadonlySet<string> = new Set(["graduate", "bachelor", "associate"]);

export const EMPLOYMENT: EnumTable = [
  e("employed", "在职", "在職", "Employed", ["在岗"]),
  e("unemployed", "下岗", "下崗", "Unemployed", ["失业", "待业"]),
  e("reemployed", "再就业", "再就業", "Re-employed"),
  e("self_employed", "自主创业", "自主創業", "Self-employed", ["个体", "自谋职业"]),
  e("retired", "退休", "退休", "Retired", [], ["离退休", "离休", "内退"]),
];

export const MEMBERSHIP_TYPE: EnumTable = [
  e("probationary", "预备党员", "預備黨員", "Probationary", ["预备", "预备期", "延长预备期", "预备期未满", "未转正", "中共预备党员"]),
  e("full", "正式党员", "正式黨員", "Full", ["正式", "按期转正", "提前转正", "已转正", "延期转正", "中共党员"]),
];

export const YES_NO: EnumTable = [
  e("yes", "是", "是", "Yes", ["y", "yes", "√", "1", "true"]),
  e("no", "否", "否", "No", ["n", "no", "×", "0", "false"]),
];

export const PROJECT_TYPE: EnumTable = [
  e("investment", "招商引资", "招商引資", "Investment", ["招商", "引资", "招商项目"]),
  e("self_employment", "自主创业", "自主創業", "Self-employment", ["创业", "个体"]),
  e("other", "其他", "其他", "Other"),
];

/** Trailing words dropped before matching an enumeration value (下岗职工党员 -> 下岗职工). */
export const ENUM_SUFFIXES: readonly string[] = ["党员", "人员", "干部"];
