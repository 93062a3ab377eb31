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
import { addYears, AsOfDay, compareIso, dayNumber } from "./normalise/date";

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
  return typeOn(m, dayNumber(dateOf(m.joinDate), 0), dayNumber(dateOf(m.joinDate), 1), new AsOfDay(asOf));
}

/** membershipTypeOf with the member's join date as day numbers (dayNumber: as it is, a year on; -1: none). */
function typeOn(m: Member, join: number, joinYearOn: number, at: AsOfDay): "probationary" | "full" | null {
  if (join > at.day) return null;
  if (m.membershipType === "probationary") return "probationary";
  const full = dayNumber(dateOf(m.fullMemberDate), 0);
  if (full >= 0) return full <= at.day ? "full" : "probationary";
  const inProbation = join >= 0 && joinYearOn > at.day;
  if (m.membershipType === "full") return inProbation ? "probationary" : "full";
  if (join < 0) return null;
  return joinYearOn >= at.day ? "probationary" : null;
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
  /** add, and the key's slot (its index in the order first counted or given). */
  addAt(key: string): number {
    const k = this.slot(key);
    this.counts[k]++;
    return k;
  }
  addN(key: string, n: number): void {
    this.counts[this.slot(key)] += n;
  }
  /** The keys in the order first counted (or given), and their counts. */
  each(f: (key: string, n: number) => void): void {
    for (let i = 0; i < this.keys.length; i++) f(this.keys[i], this.counts[i]);
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
    this.row(r).add(c);
  }
  addN(r: string, c: string, n: number): void {
    this.row(r).addN(c, n);
  }
  private row(r: string): Tally {
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
    return this.byRow[i];
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
  const tallies = new MemberTallies(asOf);
  for (const m of members) tallies.add(m);
  return tallies.finish(options);
}

/** A due-list entry waiting for its member's branch (settled after the row pass). */
interface DuePending {
  readonly m: Member;
  readonly join: string;
  readonly toConfirm: boolean;
}

/**
 * summariseWithTallies a member at a time, fed as the row pass makes each member (its dates and codes still in the
 * cache: a pass afterwards fetched each of 100,000 members and their strings again from all over the heap). What
 * needs the branch, settled only after the row pass, is counted by the branch's spelling as read and named at
 * finish: a settled branch is a function of the spelling (settleBranches), read off a member that had it. The
 * category keys are known only at finish too (the workbook's categories count what the rows use): categories are
 * counted in the order first met and laid over those keys then. finish() gives what summariseWithTallies gives of
 * the members added, in that order.
 */
export class MemberTallies {
  private readonly at: AsOfDay | undefined;
  private readonly dueDay: number;
  private readonly byStatus = new Tally(codesOf(STATUS));
  /** Current members' categories in the order first met (no keys given). */
  private readonly byCategory = new Tally([]);
  private readonly byGender = new Tally(codesOf(GENDER));
  private readonly byEducation = new Tally(codesOf(EDUCATION));
  private readonly byMembershipType = new Tally(codesOf(MEMBERSHIP_TYPE));
  private readonly byAgeBand = new Tally(AGE_BAND_KEYS);
  private readonly byPartyStanding = new Tally(STANDING_BAND_KEYS);
  private readonly byEmployment = new Tally(codesOf(EMPLOYMENT));
  private readonly counts = { women: 0, ethnicMinorities: 0, collegeOrAbove: 0, probationary: 0 };
  private readonly categoryEmployment = new PairCounts();
  /** Branch spellings (as read) of the members counted, in the order first met: their index + 1 (0: no branch). */
  private readonly spellings = new Map<string, number>();
  /** By spelling index: a member that had it (its branch, once settled, is the spelling's). */
  private readonly spellingMembers: Member[] = [];
  /** By current members' category (its slot in byCategory), by branch spelling (index + 1; 0: none): counts. */
  private readonly categoryBranch: number[][] = [];
  private readonly due: DuePending[] = [];
  private readonly minority = new Map<string, boolean>(); // folding once per distinct spelling

  constructor(private readonly asOf: string) {
    // an asOf not yyyy-mm-dd counts nothing: finish() throws, as summarise does
    this.at = FULL_DATE.test(asOf) ? new AsOfDay(asOf) : undefined;
    this.dueDay = this.at ? dayNumber(addDays(asOf, DUE_WINDOW_DAYS), 0) : 0;
  }

  add(m: Member): void {
    const at = this.at;
    if (at === undefined || m.listed === "prospect") return; // applicants and activists are counted by stage, not as members
    this.byStatus.add(keyOf(m.status));
    const spelling = this.spellingOf(m); // every branch seen, even one whose members have all left
    if (!isCurrentMember(m)) return;
    const category = keyOf(m.category);
    const slot = this.byCategory.addAt(category);
    const row = this.categoryBranch[slot] ?? (this.categoryBranch[slot] = []);
    while (row.length <= spelling) row.push(0);
    row[spelling]++;
    this.byGender.add(keyOf(m.gender));
    this.byEducation.add(keyOf(m.education));
    const employment = keyOf(m.employment);
    this.byEmployment.add(employment);
    this.categoryEmployment.add(category, employment);
    this.byAgeBand.add(ageBand(at.yearsTo(dayNumber(dateOf(m.birthDate), 0))));

    const join = dateOf(m.joinDate);
    const joinDay = dayNumber(join, 0);
    const joinYearOn = dayNumber(join, 1);
    const type = typeOn(m, joinDay, joinYearOn, at);
    this.byMembershipType.add(keyOf(type));
    if (type === null && join !== null && m.membershipType === null && dayNumber(join, 1 + TO_CONFIRM_YEARS) >= at.day) {
      this.due.push({ m, join, toConfirm: true }); // probation over, no type, no full-member date: made full? to confirm
    }
    const counts = this.counts;
    if (type === "probationary") {
      this.byPartyStanding.add(PROBATIONARY_KEY);
      counts.probationary++;
      if (join !== null && joinYearOn <= this.dueDay) this.due.push({ m, join, toConfirm: false });
    } else {
      // standing counts from the full-member date, else from a year after joining
      const full = dayNumber(dateOf(m.fullMemberDate), 0);
      const years = full >= 0 ? at.yearsTo(full) : join === null || joinYearOn > at.day ? null : at.yearsSince(joinYearOn);
      this.byPartyStanding.add(standingBand(years));
    }

    if (m.gender === "female") counts.women++;
    if (m.ethnicity !== null && isMinority(m.ethnicity, this.minority)) counts.ethnicMinorities++;
    if (m.education !== null && COLLEGE_OR_ABOVE.has(m.education)) counts.collegeOrAbove++;
  }

  /** The index + 1 of the member's branch spelling (0: none), in the order first met. */
  private spellingOf(m: Member): number {
    const b = m.branch;
    if (b === null) return 0;
    let i = this.spellings.get(b);
    if (i === undefined) {
      this.spellingMembers.push(m);
      this.spellings.set(b, (i = this.spellingMembers.length));
    }
    return i;
  }

  /** The summary of the members added, their branches as they are now (settled). */
  finish(options: SummariseOptions = {}): { summary: Summary; employment: Tallies["employment"] } {
    assertIsoDay(this.asOf);
    const branches = new BranchNames(options.branches ?? []);
    // each spelling's branch key, named in the order the spellings were first met (as a pass over the members names them)
    const keyOfSpelling = [UNKNOWN_KEY, ...this.spellingMembers.map((m) => branches.key(m.branch))];
    const categoryKeys = [...(options.categories ?? CATEGORY.map((e) => e.code)), UNKNOWN_KEY];
    const byCategory = new Tally(categoryKeys);
    const categoryBranch = new PairCounts();
    let slot = 0;
    this.byCategory.each((category, n) => {
      byCategory.addN(category, n);
      const row = this.categoryBranch[slot++];
      for (let j = 0; j < row.length; j++) if (row[j] !== 0) categoryBranch.addN(category, keyOfSpelling[j], row[j]);
    });
    const byBranch = zeros(branches.all());
    for (const row of categoryBranch.rows().values()) for (const [b, n] of row) bump(byBranch, b, n);
    const due = this.due.map(({ m, join, toConfirm }) => dueEntry(m, join, branches.key(m.branch), toConfirm));
    // localeCompare only between two sheets' names: the collator is slow, and most entries share the day's sheet
    due.sort((a, b) => compareIso(a.day, b.day) || (a.entry.sheet === b.entry.sheet ? 0 : a.entry.sheet.localeCompare(b.entry.sheet)) || a.entry.row - b.entry.row);

    const summary: Summary = {
      byCategory: byCategory.map(),
      byBranch,
      byCategoryAndBranch: crossTab(categoryKeys, branches.all(), categoryBranch, true),
      byStatus: this.byStatus.map(),
      byGender: this.byGender.map(),
      byEducation: this.byEducation.map(),
      byMembershipType: this.byMembershipType.map(),
      byAgeBand: this.byAgeBand.map(),
      byPartyStanding: this.byPartyStanding.map(),
      byEmployment: this.byEmployment.map(),
      counts: { ...this.counts },
      dueForFullMembership: due.map((d) => d.entry),
    };
    return { summary, employment: { byCategory: crossTab(categoryKeys, codesOf(EMPLOYMENT), this.categoryEmployment, false) } };
  }
}

keepShape(new MemberTallies("2000-01-01"));

/** tallies.employment: category x employment code over current members (every code, zeros too, and `unknown`). */
export function tallyEmployment(members: readonly Member[], categories: readonly string[] = CATEGORY.map((e) => e.code)): Tallies["employment"] {
  const pairs = new PairCounts();
  for (const m of members) if (isCurrentMember(m)) pairs.add(keyOf(m.category), keyOf(m.employment));
  return { byCategory: crossTab([...categories, UNKNOWN_KEY], codesOf(EMPLOYMENT), pairs, false) };
}
