// Checks one member row (SPEC section 4) and builds its normalised Member record.
import { CellReader, Matcher, RowScope, buildMatchers, yearOf } from "./check-context";
import { ColumnFacts, NO_SLOT } from "./column-facts";
import { keepShape } from "./keep-shape";
import { OpenVerdict } from "./open-vocabulary";
import { RosterConfig } from "./config";
import { CONTACT_FIELDS, F, FIELD_BY_CODE, FIELD_CODES, MAX_TEXT_LENGTH } from "./fields";
import { foldKey, isPlaceholder } from "./fold";
import { ETHNIC_GROUPS } from "./ethnic-groups";
import { CellValue, isDateCell } from "./grid";
import { DateResult, fromPlainText, isLeapYear, normaliseDate } from "./normalise/date";
import { EnumResult } from "./normalise/enum";
import { IdResult, idBirthDate, idBirthDateMatches, idGender, normaliseIdNumber } from "./normalise/id-number";
import { PhoneResult, normalisePhone } from "./normalise/phone";
import { STAGE_LABELS, datedStage, stageOf } from "./sheet-facts";
import { stripSystemCode } from "./normalise/system-code";
import { cellText, normaliseName, normaliseText } from "./normalise/text";
import { TO_CONFIRM_YEARS } from "./summarise";
import { Member } from "./schema";
import { nearest } from "./similarity";
import { CATEGORY, EDUCATION, EMPLOYMENT, EnumTable, GENDER, Lang, MEMBERSHIP_TYPE, STATUS } from "./vocabulary";

const ETHNIC_INDEX = new Map<string, string>();
for (const g of ETHNIC_GROUPS) {
  ETHNIC_INDEX.set(foldKey(g), g);
  ETHNIC_INDEX.set(foldKey(g.slice(0, -1)), g);
}
const ETHNIC_KEYS = [...ETHNIC_INDEX.keys()];

/** Enum matchers by field ordinal (F.gender ...). */
export type Matchers = ReadonlyArray<Matcher | undefined>;
const ARCHIVE_FIELDS = [F.ideology, F.livingSituation, F.role, F.responsibilityArea, F.note];

/**
 * How the row checks read each field's cell, by field ordinal: dates by normaliseDate, enumerations by their matcher,
 * text by normaliseText, the name, ID and phone by theirs. The checks take these readings from the scope (s.read),
 * which reads a block of rows ahead, column by column. 减少原因 and 标签 are read as raw text (statusFromText).
 */
export function cellReaders(m: Matchers, date1904: boolean): (CellReader | undefined)[] {
  return FIELD_CODES.map((code, f): CellReader | undefined => {
    switch (FIELD_BY_CODE.get(code)!.kind) {
      case "date": return dateReader(date1904);
      case "enum": return m[f];
      case "name": return (v) => normaliseName(v, date1904);
      case "id": return normaliseIdNumber;
      case "phone": return normalisePhone;
      case "text": return f === F.reductionReason || f === F.tags ? undefined : (v) => normaliseText(v, date1904);
      default: return undefined;
    }
  });
}

/** keptReaders' sets, by date system and the settings' extra spellings: a few at most (a workbook has one of each). */
const KEPT_READERS = new Map<string, { matchers: Matchers; readers: (CellReader | undefined)[] }>();
const READER_SETS_KEPT = 8;

/**
 * The enum matchers and cell readers of a check, made once per date system and set of extra spellings and kept across
 * checks: what they remember is a pure function of the cell, and code compiled for them stays valid (made anew per
 * check, their closures died with it and took the row checks' compiled code with them).
 */
export function keptReaders(config: RosterConfig, date1904: boolean): { matchers: Matchers; readers: (CellReader | undefined)[] } {
  const key = `${date1904 ? 1 : 0}${JSON.stringify(config.spellings)}`;
  let set = KEPT_READERS.get(key);
  if (set === undefined) {
    const matchers = buildMatchers(config);
    set = { matchers, readers: cellReaders(matchers, date1904) };
    if (KEPT_READERS.size < READER_SETS_KEPT) KEPT_READERS.set(key, set);
  }
  return set;
}

/** Texts read as dates remembered per reader: a column of dates typed as text repeats them (1958.3, 1980.03.05). */
const DATE_TEXTS_KEPT = 10_000;

function dateReader(date1904: boolean): CellReader {
  const texts = new Map<string, DateResult>();
  return (v) => {
    if (typeof v !== "string") return normaliseDate(v, date1904);
    // digits and separators (1958.3, 1981年3月5日) read in one pass: cheaper than hashing the text to look it up
    let r = fromPlainText(v);
    if (r !== undefined) return r;
    r = texts.get(v);
    if (r === undefined) {
      r = normaliseDate(v, date1904);
      if (texts.size < DATE_TEXTS_KEPT) texts.set(v, r);
    }
    return r;
  };
}

const LABELS = new Map<EnumTable, Record<Lang, Map<string, string>>>();

/** code -> canonical label in a language, for one table (built once per table). */
function labelsOf(table: EnumTable, lang: Lang): Map<string, string> {
  let byLang = LABELS.get(table);
  if (!byLang) {
    const of = (l: Lang) => new Map(table.map((e) => [e.code, e.labels[l]]));
    LABELS.set(table, (byLang = { "zh-CN": of("zh-CN"), "zh-TW": of("zh-TW"), en: of("en") }));
  }
  return byLang[lang];
}

function label(table: EnumTable, code: string, lang: Lang): string {
  return labelsOf(table, lang).get(code) ?? code;
}

/**
 * Compares date a with date b moved n years on (n = 0: b itself), at the coarser of their precisions (a month-only
 * date is not a day), without building strings: this runs several times a row. 02-29 moved to a common year is 02-28.
 */
function compareShifted(a: string, b: string, n: number): number {
  const ya = yearOf(a);
  const yb = yearOf(b) + n;
  if (ya !== yb) return ya < yb ? -1 : 1;
  const end = a.length === 7 || b.length === 7 ? 7 : 10;
  const leapShift = n !== 0 && end === 10 && b.charCodeAt(5) === 48 && b.charCodeAt(6) === 50 && b.charCodeAt(8) === 50 && b.charCodeAt(9) === 57 && !isLeapYear(yb);
  for (let i = 5; i < end; i++) {
    const ca = a.charCodeAt(i);
    const cb = leapShift && i === 9 ? 56 : b.charCodeAt(i); // 02-29 -> 02-28
    if (ca !== cb) return ca < cb ? -1 : 1;
  }
  return 0;
}

/**
 * A closed enumeration: the code, or null. A fix writes only a spelling the column's own vocabulary holds for that
 * code (its dropdown, else its most used one), never for a finer value (小学 stays 小学). A value in the column's
 * own dropdown is never unknown: it is counted under its nearest code, if any.
 */
function enumField(s: RowScope, m: Matchers, field: number, table: EnumTable, required = s.required[field]): string | null {
  const matcher = m[field];
  if (!matcher || s.cols[field] < 0) return null;
  const r = s.read(field) as EnumResult; // matcher(raw)
  const facts = s.known.facts[field];
  if (r.kind === "ok") {
    if (!r.narrow && facts) {
      const k = s.slot(field);
      if (k === NO_SLOT) {
        const raw = s.raw(field);
        const to = targetOf(s, facts, matcher, table, r.code);
        if (to !== null && !facts.isEntry(raw)) s.change(field, to);
      } else {
        // the text's slot: what to write (if anything) was settled for the first row of the text
        let to = s.slotPlan(field, k) as string | null | undefined;
        if (to === undefined) {
          const text = s.slotText(field, k);
          const t = targetOf(s, facts, matcher, table, r.code);
          s.plan(field, k, (to = t !== null && t !== text && !facts.isEntry(text) ? t : null));
        }
        if (to !== null) s.change(field, to);
      }
    }
    return r.code;
  }
  const raw = s.raw(field);
  if (r.kind === "unknown") {
    if (facts?.inList(r.value)) return r.within ?? null; // 中央党校研究生 counts as 研究生; 流动党员 as no type
    // a status in the membership-type column (正常, 流动党员 in 人员状态/党籍状态): the status reads it, no flag
    if (field === F.membershipType && m[F.status]!(raw).kind === "ok") return null;
    const listed = facts?.list.length ? nearestListed(facts.list, r.value) : undefined;
    s.issue("unknown_value", field, { value: r.value }, listed ?? (r.suggestion ? label(table, r.suggestion, s.opts.lang) : undefined));
  } else if (required) s.issue("missing_required", field);
  return null;
}

/** The spelling a fix writes for the code in this column (ColumnFacts.target), null: none. */
function targetOf(s: RowScope, facts: ColumnFacts, matcher: Matcher, table: EnumTable, code: string): string | null {
  const known = facts.known(code);
  return known !== undefined ? known : facts.target(code, matcher, label(table, code, s.opts.lang));
}

function nearestListed(list: readonly string[], value: string): string | undefined {
  const keys = list.map((v) => foldKey(v));
  const near = nearest(foldKey(value), keys);
  return near === undefined ? undefined : list[keys.indexOf(near)];
}

/** What a category text comes to: its verdict (null: empty) and the spelling a fix writes (null: none). */
interface CategoryPlan {
  readonly v: OpenVerdict | null;
  readonly to: string | null;
}

// made a few times a check: the literal's class kept (keep-shape.ts)
keepShape({ v: null, to: null } satisfies CategoryPlan);

/** The member category: the office's own taxonomy (seed codes where the value is the seed street's). */
function categoryField(s: RowScope, m: Matchers): string | null {
  if (s.cols[F.category] < 0) return null;
  const k = s.slot(F.category);
  let text: string;
  let plan: CategoryPlan;
  if (k === NO_SLOT) {
    const raw = s.raw(F.category);
    text = raw === null || raw === undefined ? "" : cellText(raw, s.opts.date1904);
    plan = categoryPlan(s, m, text);
  } else {
    // a text's plan is made for the first row of its slot
    text = s.slotText(F.category, k);
    plan = s.slotPlan(F.category, k) as CategoryPlan | undefined ?? categoryPlan(s, m, text);
    s.plan(F.category, k, plan);
  }
  const v = plan.v;
  if (v === null) {
    if (s.required[F.category]) s.issue("missing_required", F.category);
    return null;
  }
  if (v.flagged) s.issue("unknown_value", F.category, { value: text.trim() }, v.flagged.suggestion === undefined ? undefined : categoryLabel(v.flagged.suggestion, s.opts.lang));
  if (plan.to !== null) s.change(F.category, plan.to);
  return v.key;
}

function categoryPlan(s: RowScope, m: Matchers, text: string): CategoryPlan {
  const v = isPlaceholder(text) ? null : s.known.categories.verdict(text);
  if (v === null) return { v, to: null };
  const r = s.read(F.category) as EnumResult;
  const facts = s.known.facts[F.category];
  let to: string | null = null;
  if (r.kind === "ok" && !r.narrow && facts) {
    const t = targetOf(s, facts, m[F.category]!, CATEGORY, r.code);
    if (t !== null && !facts.isEntry(text)) to = t;
  } else if (r.kind !== "ok" && !v.flagged && text.trim() !== v.key && foldKey(text) === foldKey(v.key)) {
    to = v.key; // 在職民警 in a column of 在职民警: the column's own spelling
  }
  return { v, to: to === text ? null : to };
}

function categoryLabel(key: string, lang: Lang): string {
  return labelsOf(CATEGORY, lang).get(key) ?? key;
}

/** The first reading the ID's birth date matches (undefined: none). A loop, not find with an arrow: an arrow taking
 * settleId made dateField allocate a context for it on every call (3-6 a row, ~30 MB per 100,000 rows). */
function readingOfId(readings: readonly string[], id: string): string | undefined {
  for (const r of readings) if (idBirthDateMatches(r, id)) return r;
  return undefined;
}

/** settleId: a valid ID whose birth month picks one reading of an ambiguous year.month (1995.1: January or October). */
function dateField(s: RowScope, field: number, required: boolean, settleId: string | null = null): string | null {
  if (s.cols[field] < 0) return null;
  const raw = s.raw(field);
  const d = s.read(field) as DateResult;
  if (d.kind === "empty") {
    if (required) s.issue("missing_required", field);
    return null;
  }
  if (d.kind === "invalid") {
    s.issue("invalid_date", field, { reason: d.reason });
    return null;
  }
  if (d.kind === "ambiguous") {
    const settled = settleId === null ? undefined : readingOfId(d.alternatives, settleId);
    if (settled === undefined) s.issue("ambiguous_date", field, { readings: d.alternatives.join(" / ") });
    else {
      s.change(field, settled);
      return settled;
    }
  } else if (!isDateCell(raw)) s.change(field, d.value);
  // most dates are of an earlier year than asOf: settled on the year alone
  const year = s.year(field); // yearOf(d.value), read ahead
  if (year > s.asOfYear || (year === s.asOfYear && compareShifted(d.value, s.opts.asOf, 0) > 0)) s.issue("date_in_future", field, { asOf: s.opts.asOf });
  return d.value;
}

function textField(s: RowScope, field: number): string | null {
  if (s.cols[field] < 0) return null;
  const v = s.read(field) as string | null; // normaliseText
  if (v !== null) {
    s.change(field, v);
    if (v.length > MAX_TEXT_LENGTH) s.issue("text_too_long", field, { length: v.length, max: MAX_TEXT_LENGTH });
  }
  return v;
}

/** Group of an ethnicity text, folded once per distinct spelling (a roster repeats a handful of them). */
const ETHNIC_SEEN = new Map<string, string | undefined>();
function ethnicGroup(v: string): string | undefined {
  if (ETHNIC_SEEN.has(v)) return ETHNIC_SEEN.get(v);
  const group = ETHNIC_INDEX.get(foldKey(v));
  if (ETHNIC_SEEN.size < 10_000) ETHNIC_SEEN.set(v, group);
  return group;
}

/** What an ethnicity text reads as: its group, whether it is without a system code, whether it has Han characters. */
interface EthnicReading {
  readonly group: string | undefined;
  readonly plain: boolean;
  readonly han: boolean;
}
/** Readings per distinct text (a roster repeats a handful), bounded as ETHNIC_SEEN. */
const ETHNIC_READ = new Map<string, EthnicReading>();
function ethnicReading(v: string): EthnicReading {
  let r = ETHNIC_READ.get(v);
  if (r === undefined) {
    const stripped = stripSystemCode(v);
    r = { group: ethnicGroup(stripped), plain: stripped === v, han: /[\u4e00-\u9fff]/.test(v) };
    if (ETHNIC_READ.size < 10_000) ETHNIC_READ.set(v, r);
  }
  return r;
}

/** The dropdown's entry for an ethnic group (868_汉族 for 汉族), by list, made once per list. */
const LISTED_ETHNIC = new WeakMap<readonly string[], Map<string, string>>();
function listedEthnicity(list: readonly string[], group: string): string | undefined {
  let byGroup = LISTED_ETHNIC.get(list);
  if (byGroup === undefined) {
    byGroup = new Map();
    for (const entry of list) {
      const g = ethnicGroup(stripSystemCode(entry));
      if (g !== undefined && !byGroup.has(g)) byGroup.set(g, entry);
    }
    LISTED_ETHNIC.set(list, byGroup);
  }
  return byGroup.get(group);
}

function ethnicityField(s: RowScope): string | null {
  const v = s.read(F.ethnicity) as string | null; // normaliseText
  if (v === null) return null;
  const { group, plain, han } = ethnicReading(v);
  if (group) {
    const facts = s.known.facts[F.ethnicity];
    if (facts?.list.length) {
      // a dropdown (868_汉族): write only its own entry for the group, and nothing where the cell holds one
      const to = listedEthnicity(facts.list, group);
      if (to !== undefined && !facts.isEntry(s.raw(F.ethnicity))) s.change(F.ethnicity, to);
    } else if (plain) s.change(F.ethnicity, s.opts.lang === "zh-CN" || !han ? group : v);
    return group;
  }
  if (s.known.facts[F.ethnicity]?.inList(v)) return v; // the dropdown's own 924_其它族, 926_外国民族: never unknown
  const near = nearest(foldKey(v), ETHNIC_KEYS);
  s.issue("unknown_value", F.ethnicity, { value: v }, near ? ETHNIC_INDEX.get(near) : undefined);
  return v;
}

/** The row's ID as read (null: none); sets s.idValid (no object per row: this runs on every row). */
function idField(s: RowScope): string | null {
  s.idValid = false;
  if (s.cols[F.idNumber] < 0) return null;
  const r = s.read(F.idNumber) as IdResult;
  switch (r.kind) {
    case "empty":
      if (s.required[F.idNumber]) s.issue("missing_required", F.idNumber);
      return null;
    case "precision_lost":
      s.issue("id_precision_lost", F.idNumber, { shown: r.value });
      return null;
    case "invalid_format":
      s.issue("invalid_id_format", F.idNumber, { reason: r.reason, length: r.length });
      return r.value;
    case "invalid_checksum":
      s.issue("invalid_id_checksum", F.idNumber, { expected: r.expected, found: r.value.slice(-1) });
      return r.value;
    case "ok":
      if (r.upgradedFrom) s.issue("legacy_id_upgraded", F.idNumber, { from: r.upgradedFrom, to: r.value }, r.value);
      s.change(F.idNumber, r.value);
      s.idValid = true;
      return r.value;
  }
}

/** The row's phone as read (null: none). */
function phoneField(s: RowScope): string | null {
  if (s.cols[F.phone] < 0) return null;
  const p = s.read(F.phone) as PhoneResult;
  if (p.kind === "ok") {
    s.change(F.phone, p.value);
    return p.value;
  }
  if (p.kind === "invalid") {
    s.issue("invalid_phone", F.phone, { value: p.value });
    return p.value;
  }
  return null;
}

/** missing_contact where the sheet has a phone or address column and the row's is empty (both read before). */
function contactField(s: RowScope, needed: boolean, phone: string | null, address: string | null): void {
  const phoneEmpty = s.cols[F.phone] >= 0 && phone === null;
  const addressEmpty = s.cols[F.address] >= 0 && address === null;
  const checkPhone = s.opts.config.required.phone !== false;
  const checkAddress = s.opts.config.required.address !== false;
  if (needed && ((phoneEmpty && checkPhone) || (addressEmpty && checkAddress))) missingContact(s, phoneEmpty && checkPhone, addressEmpty && checkAddress);
}

/** The missing_contact issue (its own function: an arrow over the caller's locals made it allocate a context a row). */
function missingContact(s: RowScope, phone: boolean, address: boolean): void {
  const missing = CONTACT_FIELDS.filter((f) => (f === "phone" ? phone : address));
  s.issue("missing_contact", F[missing[0]], { missing: missing.join(",") });
}

/** Status from a 减少原因/停用原因 text: deceased, suspended, transferred out, left the Party; null for anything else. */
const REDUCTION: [RegExp, string][] = [
  [/死亡|去世|病故|逝世|已故|亡故/, "deceased"],
  [/停止党籍/, "suspended"],
  [/出党|开除|除名|退党|劝退|脱党|取消党籍/, "left_party"],
  [/转出|转移|迁出|调出/, "transferred_out"],
];
/** Status from a 标签 text: 失联党员, 党员出国境, 流动党员; null for other tags. */
const TAGS: [RegExp, string][] = [
  [/失联/, "lost_contact"],
  [/出国|出境|国外|境外|流动/, "mobile"],
];

function statusFromText(s: RowScope, field: number, rules: [RegExp, string][]): string | null | undefined {
  if (s.cols[field] < 0) return undefined;
  const raw = s.raw(field);
  if (raw === null || raw === undefined || raw === "") return null;
  const t = foldKey(cellText(raw, s.opts.date1904));
  for (const [re, code] of rules) if (re.test(t)) return code;
  // 关系转出时间 2025-07-01, 转出原因 工作调动: the header names the status the value does not
  if (field === F.reductionReason && s.loc.reductionStatus !== undefined && !isPlaceholder(t)) return s.loc.reductionStatus;
  return null;
}

/**
 * The member's status from every place a roster keeps it: 减少原因 (a member who has left), the status column, the
 * 是否失联/是否流动 flags and 标签; where one of them exists and none says otherwise, the member is normal.
 */
function statusField(s: RowScope, m: Matchers, needed: boolean): string | null {
  const reduction = statusFromText(s, F.reductionReason, REDUCTION);
  const fromColumn = s.cols[F.status] < 0 ? statusInTypeColumn(s, m) : matchStatus(s, m);
  const lost = s.cols[F.lostContactFlag] < 0 ? undefined : (s.read(F.lostContactFlag) as EnumResult);
  const mobile = s.cols[F.mobileFlag] < 0 ? undefined : (s.read(F.mobileFlag) as EnumResult);
  const tag = statusFromText(s, F.tags, TAGS);
  if (lost?.kind === "unknown") s.issue("unknown_value", F.lostContactFlag, { value: lost.value }, lost.suggestion);
  if (mobile?.kind === "unknown") s.issue("unknown_value", F.mobileFlag, { value: mobile.value }, mobile.suggestion);
  if (reduction) return reduction;
  if (fromColumn && fromColumn !== "normal") return fromColumn;
  if (lost?.kind === "ok" && lost.code === "yes") return "lost_contact";
  if (mobile?.kind === "ok" && mobile.code === "yes") return "mobile";
  if (tag) return tag;
  if (fromColumn) return fromColumn;
  if (lost?.kind === "ok" || mobile?.kind === "ok") return "normal";
  if (s.cols[F.status] >= 0) {
    if (needed && matchStatusRaw(s).kind === "empty") s.issue("missing_status", F.status);
    return null;
  }
  if (tag === null || reduction === null || lost !== undefined || mobile !== undefined) return "normal";
  return null;
}

/** 正常, 停止党籍, 流动党员 in a column mapped to the membership type (人员状态, 党籍状态 holding both kinds). */
function statusInTypeColumn(s: RowScope, m: Matchers): string | null {
  if (!s.known.typeHoldsStatus) return null;
  const r = m[F.status]!(s.raw(F.membershipType));
  if (r.kind === "ok") return r.code;
  return m[F.membershipType]!(s.raw(F.membershipType)).kind === "ok" ? "normal" : null; // 正式党员: a current member
}

/** 正式党员/预备党员 in the status column (人员状态 holding both kinds) where the sheet has no type column. */
function typeInStatusColumn(s: RowScope, m: Matchers): string | null {
  if (s.cols[F.membershipType] >= 0 || s.cols[F.status] < 0) return null;
  // judged once per text of the status column (its slot: the status column's plans hold nothing else), not looked
  // up again on every row
  const k = s.slot(F.status);
  if (k === NO_SLOT) return typeOfStatusText(m, s.raw(F.status));
  let type = s.slotPlan(F.status, k) as string | null | undefined;
  if (type === undefined) s.plan(F.status, k, (type = typeOfStatusText(m, s.slotText(F.status, k))));
  return type;
}

function typeOfStatusText(m: Matchers, v: CellValue | undefined): string | null {
  const r = m[F.membershipType]!(v);
  return r.kind === "ok" ? r.code : null;
}

function matchStatusRaw(s: RowScope): EnumResult {
  return s.read(F.status) as EnumResult;
}

function matchStatus(s: RowScope, m: Matchers): string | null {
  const r = matchStatusRaw(s);
  if (r.kind === "unknown" && m[F.membershipType]!(s.raw(F.status)).kind === "ok") return "normal"; // 正式党员: a current member
  if (r.kind === "ok") {
    const facts = s.known.facts[F.status];
    if (facts?.list.length) {
      // a dropdown (59327_已死亡): write only its own entry for the code, and nothing where the cell holds one
      const to = targetOf(s, facts, m[F.status]!, STATUS, r.code);
      if (to !== null && !facts.isEntry(s.raw(F.status))) s.change(F.status, to);
    } else s.change(F.status, label(STATUS, r.code, s.opts.lang));
    return r.code;
  }
  if (r.kind === "unknown") s.issue("unknown_value", F.status, { value: r.value }, r.suggestion ? label(STATUS, r.suggestion, s.opts.lang) : undefined);
  return null;
}

/** Checks the row in `s` and returns its member record (IDs compared across rows later). */
export function checkMember(s: RowScope, m: Matchers): Member {
  const { asOf } = s.opts;
  const stageLabel = rowStage(s);
  // a stage the list names but no word here knows (列入发展计划 ...) is still before membership
  const stage = stageLabel === undefined ? undefined : stageOf(stageLabel) ?? "candidate";
  const listed: Member["listed"] = s.loc.kind === "former" ? "former" : stage && stage !== "probationary" && stage !== "full" ? "prospect" : "member";
  let name: string | null = null;
  if (s.cols[F.name] >= 0) {
    name = s.read(F.name) as string | null; // normaliseName
    if (name === null) s.issue("missing_required", F.name);
    else s.change(F.name, name);
  }
  const id = idField(s);
  const valid = s.idValid;
  const idSex = valid && id ? idGender(id) : null;

  const genderCode = enumField(s, m, F.gender, GENDER, s.required[F.gender] && !idSex) as Member["gender"];
  if (genderCode && idSex && genderCode !== idSex) s.issue("id_gender_mismatch", F.gender, { fromId: idSex, value: genderCode });

  // 1995.1 is January or October; a valid ID number says which
  const birthCol = dateField(s, F.birthDate, s.required[F.birthDate] && !valid, valid ? id : null);
  if (birthCol && valid && id && !idBirthDateMatches(birthCol, id)) s.issue("id_birthdate_mismatch", F.birthDate, { fromId: idBirthDate(id), value: birthCol });
  const birthDate = birthCol ?? (valid && id ? idBirthDate(id) : null);

  const ethnicity = s.cols[F.ethnicity] < 0 ? null : ethnicityField(s);
  const education = enumField(s, m, F.education, EDUCATION);
  const joinDate = dateField(s, F.joinDate, s.required[F.joinDate] && listed !== "prospect");
  if (joinDate && birthDate && compareShifted(joinDate, birthDate, 18) < 0) {
    s.issue("joined_under_18", F.joinDate, { birthDate, joinDate, ...(compareShifted(joinDate, birthDate, 0) < 0 ? { beforeBirth: true } : {}) });
  }

  // a due list (申请转正的预备党员) lists probationary members, whether or not it has a type column
  // and a pipeline's 预备党员/正式党员 stage is the member's type
  const stated = (enumField(s, m, F.membershipType, MEMBERSHIP_TYPE) ?? typeInStatusColumn(s, m)) as Member["membershipType"];
  const membershipType = stated ?? (stage === "probationary" || stage === "full" ? stage : s.loc.kind === "due" ? "probationary" : null);
  // a member whose probation ended recently and whose type is not stated is on the due list "to confirm", not in error
  const recent = membershipType === null && joinDate !== null && compareShifted(asOf, joinDate, 1 + TO_CONFIRM_YEARS) <= 0;
  const needsFull = listed === "member" && joinDate !== null && compareShifted(asOf, joinDate, 1) > 0 && membershipType !== "probationary" && !recent;
  const fullMemberDate = dateField(s, F.fullMemberDate, needsFull && s.opts.config.required.fullMemberDate !== false);
  if (fullMemberDate && joinDate) {
    if (compareShifted(fullMemberDate, joinDate, 1) < 0) s.issue("full_member_before_probation", F.fullMemberDate, { joinDate, fullMemberDate });
    else if (compareShifted(fullMemberDate, joinDate, 2) > 0) s.issue("probation_overdue", F.fullMemberDate, { joinDate, fullMemberDate });
  }

  stageDates(s, joinDate, fullMemberDate);

  const category = categoryField(s, m);
  const branch = s.loc.sheetBranch ?? (s.cols[F.branch] < 0 ? null : (s.read(F.branch) as string | null));
  if (branch === null && s.cols[F.branch] >= 0 && s.required[F.branch]) s.issue("missing_required", F.branch);
  // a former member's contact and status are history, not gaps
  const phone = phoneField(s);
  const address = textField(s, F.address);
  contactField(s, listed !== "former", phone, address);
  const workUnit = textField(s, F.workUnit);
  const employment = enumField(s, m, F.employment, EMPLOYMENT);
  const status = statusField(s, m, listed === "member");
  for (const f of ARCHIVE_FIELDS) textField(s, f);

  const member: Member = {
    sheet: s.sheetName, row: s.row0 + 1, name,
    gender: genderCode ?? idSex, ethnicity, birthDate, idNumber: id, education,
    joinDate, fullMemberDate, category, membershipType, branch, phone, address, workUnit, employment, status,
  };
  // set after the literal, not spread into it: one object shape for the common member row
  if (listed !== "member") member.listed = listed;
  if (stageLabel) member.stage = stageLabel;
  return member;
}

/** The fields dating the steps before membership, in the order they are taken. */
const STAGE_DATES = [F.applicationDate, F.activistDate, F.candidateDate];

/**
 * The dates of the steps before membership, read and fixed like the other dates, in order: 递交申请书 <= 确定积极分子
 * <= 确定发展对象 <= 入党 <= 转正. A date earlier than the step before
 * it is flagged, and the last step dated where it is after the join date (else the full-member date): one flag per
 * inversion, on a stage date. A stage date after the as-of date is left out (date_in_future names it; the step after
 * it is not flagged for being earlier).
 */
function stageDates(s: RowScope, joinDate: string | null, fullMemberDate: string | null): void {
  let prev: string | null = null;
  let prevField = -1;
  for (const f of STAGE_DATES) {
    if (s.cols[f] < 0) continue;
    const d = dateField(s, f, false);
    // a date after the as-of date is flagged as such: not held against the steps around it
    if (d === null || afterAsOf(s, d)) continue;
    if (prev !== null && compareShifted(d, prev, 0) < 0) s.issue("stage_date_order", f, { date: d, than: FIELD_CODES[prevField], thanDate: prev });
    prev = d;
    prevField = f;
  }
  const member = joinDate ?? fullMemberDate;
  if (prev !== null && member !== null && compareShifted(prev, member, 0) > 0) {
    s.issue("stage_date_order", prevField, { date: prev, than: joinDate !== null ? "joinDate" : "fullMemberDate", thanDate: member, after: true });
  }
}

function afterAsOf(s: RowScope, d: string): boolean {
  const year = yearOf(d);
  return year > s.asOfYear || (year === s.asOfYear && compareShifted(d, s.opts.asOf, 0) > 0);
}

/** The row's pipeline stage as its list names it: the stage column's text, else the stage the title names. */
function rowStage(s: RowScope): string | undefined {
  const col = s.loc.stageColumn;
  if (col !== undefined) {
    const v = s.cells[col];
    const t = v === null || v === undefined ? "" : stripSystemCode(cellText(v, s.opts.date1904)).trim();
    if (t && !isPlaceholder(t)) return t;
  }
  if (s.loc.titleStage !== undefined) return STAGE_LABELS[s.loc.titleStage];
  // a 动态信息表: no stage column, the furthest stage dated on a row that has not joined (a row stating a 党员状态
  // such as 正常 is a member whose join date is missing, as one stating 正式/预备 is)
  const dated = s.loc.stageDates && datedStage(s.cells, s.loc.stageDates, [s.cols[F.joinDate], s.cols[F.fullMemberDate], s.cols[F.membershipType], s.cols[F.status]]);
  return dated && STAGE_LABELS[dated];
}
