// The summaries of SPEC section 5: counts of current member rows (valid or not) by code, band and branch, as of asOf.
import { Member } from "./schema";
import {
  AGE_BAND_KEYS, PROBATIONARY_KEY, STANDING_BAND_KEYS, TOTAL_KEY, UNKNOWN_KEY, ageBand, standingBand,
} from "./age-bands";
import { CountMap, CountMatrix, DueForFullMembership, Summary, Tallies } from "./summary-schema";
import {
  CATEGORY, COLLEGE_OR_ABOVE, CURRENT_STATUSES, EDUCATION, EMPLOYMENT, EnumTable, GENDER, MEMBERSHIP_TYPE, STATUS,
} from "./vocabulary";
import { foldKey } from "./fold";
import { keepShape } from "./keep-shape";
import { addYears, ageOn, ageOnShifted, compareIso, compareIsoShifted } from "./normalise/date";

export interface SummariseOptions {
  /** Configured branches (settings sheet), listed first and in this order, zeros too. */
  readonly branches?: readonly string[];
  /** The workbook's category keys in order (zeros too); default: the seed street's categories. */
  readonly categories?: readonly string[];
}

/** Days ahead of asOf within which an ending probation is listed as due. */
export const DUE_WINDOW_DAYS = 30;

const FULL_DATE = /^\d{4}-\d{2}-\d{2}$/;
const MONTH_DATE = /^\d{4}-\d{2}$/;
const HAN = new Set(["汉", "汉族"]);
/** Statuses listed in byStatus only; any other status, empty or unreadable included, is a current member. */
const LEFT_STATUSES: ReadonlySet<string> = new Set(STATUS.map((s) => s.code).filter((c) => !CURRENT_STATUSES.has(c)));

/** A current member: not deceased or transferred out (an empty or unreadable status is still a member). */
export function isCurrentMember(m: Member): boolean {
  if (m.listed !== undefined && m.listed !== "member") return false;
  return m.status === null || !LEFT_STATUSES.has(m.status);
}

/**
 * A member date the summaries can use: yyyy-mm-dd or yyyy-mm (member dates come from normaliseDate, so the length
 * says which), else null. A month-precision date is taken as the 1st of its month (age and standing count whole
 * months, as 按月 statistics do): compareIso and ageOn read it so, with no "-01" string built per member.
 */
function dateOf(iso: string | null): string | null {
  return iso !== null && (iso.length === 10 || iso.length === 7) ? iso : null;
}

/** The date as a day: yyyy-mm taken as its 1st. */
function dayOf(iso: string): string {
  return iso.length === 7 ? `${iso}-01` : iso;
}

/** Completed years from `from` to asOf; null where unknown or `from` is after asOf. */
function yearsTo(from: string | null, asOf: string): number | null {
  if (from === null || compareIso(from, asOf) > 0) return null;
  return ageOn(from, asOf);
}

function addDays(iso: string, n: number): string {
  const [y, m, d] = iso.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** How long after the end of probation an unconfirmed member is still listed "to confirm" (older: a data gap). */
export const TO_CONFIRM_YEARS = 3;

/**
 * Standing as of asOf, on evidence only: a stated 预备 is probationary; a fullMemberDate settles the rest (full from
 * that day, probationary before);
 * else membershipType (a "full" member still inside the probation year as of asOf was probationary then); else a
 * joinDate at most a year before asOf is probationary; otherwise unknown (null): a missing type is not "full".
 */
export function membershipTypeOf(m: Member, asOf: string): "probationary" | "full" | null {
  const join = dateOf(m.joinDate);
  if (join !== null && compareIso(join, asOf) > 0) return null;
  if (m.membershipType === "probationary") return "probationary";
  const full = dateOf(m.fullMemberDate);
  if (full !== null) return compareIso(full, asOf) <= 0 ? "full" : "probationary";
  const inProbation = join !== null && compareIsoShifted(join, 1, asOf) > 0;
  if (m.membershipType === "full") return inProbation ? "probationary" : "full";
  if (join === null) return null;
  return compareIsoShifted(join, 1, asOf) >= 0 ? "probationary" : null;
}

/** A due-list entry: probation ends a year after joining (yyyy-mm where only the month of joining is known). */
function dueEntry(m: Member, join: string, branch: string, toConfirm: boolean): { day: string; entry: DueForFullMembership } {
  const day = addYears(dayOf(join), 1);
  const dueDate = MONTH_DATE.test(m.joinDate!) ? day.slice(0, 7) : day;
  const entry: DueForFullMembership = { name: m.name, branch: branch === UNKNOWN_KEY ? null : branch, sheet: m.sheet, row: m.row, joinDate: m.joinDate!, dueDate };
  return { day, entry: toConfirm ? { ...entry, toConfirm } : entry };
}

function zeros(keys: Iterable<string>): CountMap {
  const out: CountMap = {};
  for (const k of keys) out[k] = 0;
  return out;
}

function bump(map: CountMap, key: string, n = 1): void {
  map[key] = (map[key] ?? 0) + n;
}

/**
 * Counts by key, kept in slots (one map lookup a count, no property store keyed by a sheet's text, which the engine
 * would look up in its string table every time); map() gives the CountMap with the keys in the order first counted.
 */
class Tally {
  private readonly slots = new Map<string, number>();
  private readonly keys: string[] = [];
  private readonly counts: number[] = [];
  constructor(keys: Iterable<string>) {
    for (const k of keys) this.slot(k);
  }
  private slot(key: string): number {
    // a breakdown has a handful of keys (codes, bands): compared in turn (the same constant strings mostly), not hashed
    const keys = this.keys;
    if (keys.length <= 16) {
      for (let k = 0; k < keys.length; k++) if (keys[k] === key) return k;
    }
    let i = this.slots.get(key);
    if (i === undefined) {
      i = this.keys.length;
      this.slots.set(key, i);
      this.keys.push(key);
      this.counts.push(0);
    }
    return i;
  }
  add(key: string): void {
    this.counts[this.slot(key)]++;
  }
  map(): CountMap {
    const out: CountMap = {};
    for (let i = 0; i < this.keys.length; i++) out[this.keys[i]] = this.counts[i];
    return out;
  }
  /** The counts as a Map, keys in the order first counted. */
  entries(): Map<string, number> {
    return new Map(this.keys.map((k, i) => [k, this.counts[i]]));
  }
}

const codesOf = (table: EnumTable): string[] => [...table.map((e) => e.code), UNKNOWN_KEY];
const keyOf = (v: string | null): string => (v === null || v === "" ? UNKNOWN_KEY : v);

/** Branch keys: names folding to the same text are one branch, shown as first configured or seen. */
class BranchNames {
  private readonly byFold = new Map<string, string>();
  /** Folding once per distinct spelling, not once per member. */
  private readonly byRaw = new Map<string, string>();
  constructor(configured: readonly string[]) {
    for (const b of configured) this.key(b);
  }
  key(b: string | null): string {
    if (b === null) return UNKNOWN_KEY;
    const hit = this.byRaw.get(b);
    if (hit !== undefined) return hit;
    const name = this.keyUncached(b);
    this.byRaw.set(b, name);
    return name;
  }
  private keyUncached(b: string): string {
    const f = foldKey(b);
    if (f === "") return UNKNOWN_KEY;
    let name = this.byFold.get(f);
    if (name === undefined) {
      name = b.trim();
      this.byFold.set(f, name);
    }
    return name;
  }
  all(): string[] {
    return [...this.byFold.values(), UNKNOWN_KEY];
  }
}

/**
 * Counts of (row, column) pairs, kept nested so 100,000 members make no 100,000 little arrays: each row key's slot,
 * found as Tally finds one, holds a Tally of its column keys (was a Map of Maps: three lookups a member).
 */
class PairCounts {
  private readonly keys: string[] = [];
  private readonly slots = new Map<string, number>();
  private readonly byRow: Tally[] = [];
  add(r: string, c: string): void {
    const keys = this.keys;
    let i = -1;
    if (keys.length <= 16) {
      for (let k = 0; k < keys.length; k++) {
        if (keys[k] === r) {
          i = k;
          break;
        }
      }
    } else i = this.slots.get(r) ?? -1;
    if (i < 0) {
      i = keys.length;
      keys.push(r);
      this.slots.set(r, i);
      this.byRow.push(new Tally([]));
    }
    this.byRow[i].add(c);
  }
  /** Row key -> (column key -> count), keys in the order first counted. */
  rows(): Map<string, Map<string, number>> {
    return new Map(this.keys.map((k, i) => [k, this.byRow[i].entries()]));
  }
}

keepShape(new Tally([]));
keepShape(new BranchNames([]));
keepShape(new PairCounts());

/** A row x column table of counts over the given keys (extra keys seen are appended), optionally with totals. */
function crossTab(rowKeys: readonly string[], colKeys: readonly string[], pairs: PairCounts, totals: boolean): CountMatrix {
  const rows = new Set(rowKeys);
  const cols = new Set(colKeys);
  const pairRows = pairs.rows();
  for (const [r, row] of pairRows) {
    rows.add(r);
    for (const c of row.keys()) cols.add(c);
  }
  const out: CountMatrix = {};
  for (const r of rows) out[r] = zeros(totals ? [...cols, TOTAL_KEY] : cols);
  for (const [r, row] of pairRows) {
    for (const [c, n] of row) {
      out[r][c] += n;
      if (totals) out[r][TOTAL_KEY] += n;
    }
  }
  if (totals) {
    const sum = zeros([...cols, TOTAL_KEY]);
    for (const r of rows) for (const c of Object.keys(sum)) sum[c] += out[r][c];
    out[TOTAL_KEY] = sum;
  }
  return out;
}

/** Whether an ethnicity is not Han, folded once per distinct spelling (`seen`). A function, not a closure per call (keep-shape.ts). */
function isMinority(e: string, seen: Map<string, boolean>): boolean {
  let hit = seen.get(e);
  if (hit === undefined) {
    const f = foldKey(e);
    seen.set(e, (hit = f !== "" && !HAN.has(f)));
  }
  return hit;
}

function assertIsoDay(asOf: string): void {
  if (!FULL_DATE.test(asOf)) throw new Error(`asOf must be yyyy-mm-dd, got "${asOf}"`);
}

/** The summary of SPEC section 5 as of asOf (yyyy-mm-dd): every breakdown over current members, byStatus over all rows. */
export function summarise(members: readonly Member[], asOf: string, options: SummariseOptions = {}): Summary {
  return summariseWithTallies(members, asOf, options).summary;
}

/**
 * summarise, and tallyEmployment over the categories of options (its default: the seed street's), in one pass over
 * the members (a pass fetches each of 100,000 members again: tallyEmployment's own cost most of its time).
 */
export function summariseWithTallies(members: readonly Member[], asOf: string, options: SummariseOptions = {}): { summary: Summary; employment: Tallies["employment"] } {
  assertIsoDay(asOf);
  const branches = new BranchNames(options.branches ?? []);
  const byStatus = new Tally(codesOf(STATUS));
  const categoryKeys = [...(options.categories ?? CATEGORY.map((e) => e.code)), UNKNOWN_KEY];
  const byCategory = new Tally(categoryKeys);
  const byGender = new Tally(codesOf(GENDER));
  const byEducation = new Tally(codesOf(EDUCATION));
  const byMembershipType = new Tally(codesOf(MEMBERSHIP_TYPE));
  const byAgeBand = new Tally(AGE_BAND_KEYS);
  const byPartyStanding = new Tally(STANDING_BAND_KEYS);
  const byEmployment = new Tally(codesOf(EMPLOYMENT));
  const counts = { women: 0, ethnicMinorities: 0, collegeOrAbove: 0, probationary: 0 };
  const categoryBranch = new PairCounts();
  const categoryEmployment = new PairCounts();
  const due: { entry: DueForFullMembership; day: string }[] = [];
  const dueBy = addDays(asOf, DUE_WINDOW_DAYS);
  const minority = new Map<string, boolean>(); // folding once per distinct spelling

  for (const m of members) {
    if (m.listed === "prospect") continue; // applicants and activists are counted by stage, not as members
    byStatus.add(keyOf(m.status));
    const branch = branches.key(m.branch); // every branch seen, even one whose members have all left
    if (!isCurrentMember(m)) continue;
    const category = keyOf(m.category);
    byCategory.add(category);
    categoryBranch.add(category, branch);
    byGender.add(keyOf(m.gender));
    byEducation.add(keyOf(m.education));
    const employment = keyOf(m.employment);
    byEmployment.add(employment);
    categoryEmployment.add(category, employment);
    byAgeBand.add(ageBand(yearsTo(dateOf(m.birthDate), asOf)));

    const type = membershipTypeOf(m, asOf);
    byMembershipType.add(keyOf(type));
    const join = dateOf(m.joinDate);
    if (type === null && join !== null && m.membershipType === null && compareIsoShifted(join, 1 + TO_CONFIRM_YEARS, asOf) >= 0) {
      due.push(dueEntry(m, join, branch, true)); // probation over, no type, no full-member date: made full? to confirm
    }
    if (type === "probationary") {
      byPartyStanding.add(PROBATIONARY_KEY);
      counts.probationary++;
      if (join !== null && compareIsoShifted(join, 1, dueBy) <= 0) due.push(dueEntry(m, join, branch, false));
    } else {
      // standing counts from the full-member date, else from a year after joining
      const full = dateOf(m.fullMemberDate);
      const years = full !== null ? yearsTo(full, asOf) : join === null || compareIsoShifted(join, 1, asOf) > 0 ? null : ageOnShifted(join, 1, asOf);
      byPartyStanding.add(standingBand(years));
    }

    if (m.gender === "female") counts.women++;
    if (m.ethnicity !== null && isMinority(m.ethnicity, minority)) counts.ethnicMinorities++;
    if (m.education !== null && COLLEGE_OR_ABOVE.has(m.education)) counts.collegeOrAbove++;
  }

  const byBranch = zeros(branches.all());
  for (const row of categoryBranch.rows().values()) for (const [b, n] of row) bump(byBranch, b, n);
  // localeCompare only between two sheets' names: the collator is slow, and most entries share the day's sheet
  due.sort((a, b) => compareIso(a.day, b.day) || (a.entry.sheet === b.entry.sheet ? 0 : a.entry.sheet.localeCompare(b.entry.sheet)) || a.entry.row - b.entry.row);

  const summary: Summary = {
    byCategory: byCategory.map(),
    byBranch,
    byCategoryAndBranch: crossTab(categoryKeys, branches.all(), categoryBranch, true),
    byStatus: byStatus.map(),
    byGender: byGender.map(),
    byEducation: byEducation.map(),
    byMembershipType: byMembershipType.map(),
    byAgeBand: byAgeBand.map(),
    byPartyStanding: byPartyStanding.map(),
    byEmployment: byEmployment.map(),
    counts,
    dueForFullMembership: due.map((d) => d.entry),
  };
  return { summary, employment: { byCategory: crossTab(categoryKeys, codesOf(EMPLOYMENT), categoryEmployment, false) } };
}

/** tallies.employment: category x employment code over current members (every code, zeros too, and `unknown`). */
export function tallyEmployment(members: readonly Member[], categories: readonly string[] = CATEGORY.map((e) => e.code)): Tallies["employment"] {
  const pairs = new PairCounts();
  for (const m of members) if (isCurrentMember(m)) pairs.add(keyOf(m.category), keyOf(m.employment));
  return { byCategory: crossTab([...categories, UNKNOWN_KEY], codesOf(EMPLOYMENT), pairs, false) };
}
