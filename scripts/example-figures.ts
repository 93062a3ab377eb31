// The example street's member-led projects (seed: four investment projects brought in from 长春/沈阳, two
// laid-off members' own businesses, the secretary's marriage agency) and the summary figures a correct check
// of examples/铁西街党员花名册.xlsx must report, computed from the true member values.
import {
  AS_OF, BRANCHES, BranchName, CATEGORY_CODES, CategoryCode, EDUCATION_CODES, EMPLOYMENT_CODES, EmploymentCode,
  ExampleMember, ExampleProject, STATUS_CODES, exampleMembers,
} from "./example-members";
import { addYears, yearsBetween } from "./example-text";

function leader(branch: BranchName, ok: (m: ExampleMember) => boolean): string {
  const m = exampleMembers().find((x) => x.branch === branch && x.status === "normal" && x.fullMemberDate !== null && x.messes.length === 0 && x.note === "" && ok(x));
  if (!m) throw new Error(`example-figures: no leader in ${branch}`);
  return m.name;
}

let projects: ExampleProject[] | undefined;
/** The projects sheet's rows, in order. Totals: 7 projects, 96 jobs (near 100), 63 laid-off placed (60-odd). */
export function exampleProjects(): readonly ExampleProject[] {
  return (projects ??= [
    { name: "铁康社区高档办公用品生产厂", leader: leader("铁康社区", (m) => m.category === "agency"), branch: "铁康社区", origin: "长春", type: "investment", jobs: 35, placed: 22, jobsTyped: "35个", placedTyped: 22, approximate: false, state: "已投产", note: "" },
    { name: "日丰管安装公司", leader: leader("铁兴社区", (m) => m.category === "oilfield_released" && m.employment === "reemployed"), branch: "铁兴社区", origin: "沈阳", type: "investment", jobs: 20, placed: 12, jobsTyped: "约20", placedTyped: "12人", approximate: true, state: "运营中", note: "" },
    { name: "天网科技资讯有限公司", leader: leader("铁安社区", (m) => m.category === "agency"), branch: "铁安社区", origin: "长春", type: "investment", jobs: 15, placed: 8, jobsTyped: "１５", placedTyped: 8, approximate: false, state: "运营中", note: "" },
    { name: "食用菌培育基地", leader: leader("铁兴社区", (m) => m.category === "veteran"), branch: "铁兴社区", origin: "沈阳", type: "investment", jobs: 19, placed: 14, jobsTyped: "19人", placedTyped: 14, approximate: false, state: "运营中", note: "大棚12栋" },
    { name: "国良干洗店", leader: "张国良", branch: "铁安社区", origin: "本地", type: "self_employment", jobs: 2, placed: 2, jobsTyped: 2, placedTyped: 2, approximate: false, state: "经营中", note: "下岗职工党员自主创业" },
    { name: "兆德幼儿园", leader: "张兆德", branch: "铁安社区", origin: "本地", type: "self_employment", jobs: 2, placed: 2, jobsTyped: 2, placedTyped: 2, approximate: false, state: "经营中", note: "下岗职工党员自主创业" },
    { name: "职工婚姻介绍所", leader: "初桂兰", branch: "铁安社区", origin: "本地", type: "other", jobs: 3, placed: 3, jobsTyped: 3, placedTyped: 3, approximate: false, state: "经营中", note: "社区服务，资金扶持3名下岗职工再就业" },
  ]);
}

export const AGE_BANDS = ["<=30", "31-35", "36-40", "41-45", "46-50", "51-55", "56-60", "61-65", "66-70", ">=71", "unknown"] as const;
export const STANDING_BANDS = ["<1", "1-5", "6-10", "11-20", "21-30", "31-40", "41-50", ">=51", "unknown"] as const;

export function ageBand(age: number): (typeof AGE_BANDS)[number] {
  if (age <= 30) return "<=30";
  if (age >= 71) return ">=71";
  const lo = Math.floor((age - 31) / 5) * 5 + 31;
  return `${lo}-${lo + 4}` as (typeof AGE_BANDS)[number];
}

export function standingBand(years: number): (typeof STANDING_BANDS)[number] {
  if (years < 1) return "<1";
  if (years <= 5) return "1-5";
  if (years <= 10) return "6-10";
  if (years >= 51) return ">=51";
  const lo = Math.floor((years - 11) / 10) * 10 + 11;
  return `${lo}-${lo + 9}` as (typeof STANDING_BANDS)[number];
}

type Counts<K extends string> = Record<K, number>;
interface Tally { count: number; jobsCreated: number; laidOffPlaced: number }

export interface ExpectedFigures {
  asOf: string;
  /** current members (every row's status is current or empty) */
  members: number;
  /** member rows read */
  rows: number;
  lostContact: number;
  byCategory: Counts<CategoryCode>;
  byBranch: Counts<BranchName>;
  byCategoryAndBranch: Record<CategoryCode, Counts<BranchName>>;
  byStatus: Counts<(typeof STATUS_CODES)[number] | "unknown">;
  byGender: Counts<"male" | "female">;
  byEducation: Counts<(typeof EDUCATION_CODES)[number] | "unknown">;
  byMembershipType: Counts<"probationary" | "full">;
  counts: { women: number; ethnicMinorities: number; collegeOrAbove: number; probationary: number };
  dueForFullMembership: { name: string; branch: BranchName; date: string }[];
  byAgeBand: Counts<(typeof AGE_BANDS)[number]>;
  /** full members only; probationary members are counted apart in counts.probationary */
  byPartyStanding: Counts<(typeof STANDING_BANDS)[number]>;
  byEmployment: Counts<EmploymentCode>;
  employmentByCategory: Record<CategoryCode, Counts<EmploymentCode>>;
  projects: Tally & { byType: Record<"investment" | "self_employment" | "other", Tally>; byBranch: Record<BranchName, Tally> };
}

const zeros = <K extends string>(keys: readonly K[]): Counts<K> => Object.fromEntries(keys.map((k) => [k, 0])) as Counts<K>;
const tally = (): Tally => ({ count: 0, jobsCreated: 0, laidOffPlaced: 0 });

/**
 * What a correct check of the example workbook reports, as of 2025-12-31. Ages and party standing are whole
 * years on asOf; as asOf is 31 December they depend only on the year, so month-only and ambiguous dates
 * (1971.1) cannot change them. Every member counts: the roster has no deceased or transferred-out rows.
 */
export function expectedFigures(asOf: string = AS_OF): ExpectedFigures {
  const ms = exampleMembers();
  const f: ExpectedFigures = {
    asOf,
    members: ms.length,
    rows: ms.length,
    lostContact: ms.filter((m) => m.status === "lost_contact").length,
    byCategory: zeros(CATEGORY_CODES),
    byBranch: zeros(BRANCHES),
    byCategoryAndBranch: Object.fromEntries(CATEGORY_CODES.map((c) => [c, zeros(BRANCHES)])) as Record<CategoryCode, Counts<BranchName>>,
    byStatus: zeros([...STATUS_CODES, "unknown"] as const),
    byGender: zeros(["male", "female"] as const),
    byEducation: zeros([...EDUCATION_CODES, "unknown"] as const),
    byMembershipType: zeros(["probationary", "full"] as const),
    counts: { women: 0, ethnicMinorities: 0, collegeOrAbove: 0, probationary: 0 },
    dueForFullMembership: [],
    byAgeBand: zeros(AGE_BANDS),
    byPartyStanding: zeros(STANDING_BANDS),
    byEmployment: zeros(EMPLOYMENT_CODES),
    employmentByCategory: Object.fromEntries(CATEGORY_CODES.map((c) => [c, zeros(EMPLOYMENT_CODES)])) as Record<CategoryCode, Counts<EmploymentCode>>,
    projects: { ...tally(), byType: { investment: tally(), self_employment: tally(), other: tally() }, byBranch: Object.fromEntries(BRANCHES.map((b) => [b, tally()])) as Record<BranchName, Tally> },
  };
  for (const m of ms) {
    f.byCategory[m.category]++;
    f.byBranch[m.branch]++;
    f.byCategoryAndBranch[m.category][m.branch]++;
    f.byStatus[m.status ?? "unknown"]++;
    f.byGender[m.gender]++;
    f.byEducation[m.education]++;
    if (m.gender === "female") f.counts.women++;
    if (m.ethnicity !== "汉族") f.counts.ethnicMinorities++;
    if (m.education === "graduate" || m.education === "bachelor" || m.education === "associate") f.counts.collegeOrAbove++;
    f.byAgeBand[ageBand(yearsBetween(m.birthDate, asOf))]++;
    if (m.fullMemberDate === null) {
      f.counts.probationary++;
      f.byMembershipType.probationary++;
      const ends = addYears(m.joinDate, 1);
      const soon = daysFrom(asOf, ends) <= 30; // ends within 30 days of asOf, or has passed
      if (soon) f.dueForFullMembership.push({ name: m.name, branch: m.branch, date: ends });
    } else {
      f.byMembershipType.full++;
      f.byPartyStanding[standingBand(yearsBetween(m.fullMemberDate, asOf))]++;
    }
    f.byEmployment[m.employment]++;
    f.employmentByCategory[m.category][m.employment]++;
  }
  for (const p of exampleProjects()) {
    for (const t of [f.projects, f.projects.byType[p.type], f.projects.byBranch[p.branch]]) {
      t.count++;
      t.jobsCreated += p.jobs;
      t.laidOffPlaced += p.placed;
    }
  }
  return f;
}

function daysFrom(a: string, b: string): number {
  return Math.round((Date.parse(b + "T00:00:00Z") - Date.parse(a + "T00:00:00Z")) / 86400000);
}
