// Checks one member row (SPEC section 4) and builds its normalised Member record.
import { Matcher, RowScope } from "./check-context";
import { CONTACT_FIELDS, F, MAX_TEXT_LENGTH } from "./fields";
import { foldKey } from "./fold";
import { ETHNIC_GROUPS } from "./ethnic-groups";
import { isDateCell } from "./grid";
import { isLeapYear, normaliseDate } from "./normalise/date";
import { idBirthDate, idBirthDateMatches, idGender, normaliseIdNumber } from "./normalise/id-number";
import { normalisePhone } from "./normalise/phone";
import { normaliseName, normaliseText } from "./normalise/text";
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

function yearOf(iso: string): number {
  return (iso.charCodeAt(0) - 48) * 1000 + (iso.charCodeAt(1) - 48) * 100 + (iso.charCodeAt(2) - 48) * 10 + (iso.charCodeAt(3) - 48);
}


function enumField(s: RowScope, m: Matchers, field: number, table: EnumTable | undefined, required = s.required[field]): string | null {
  const matcher = m[field];
  if (!matcher || s.col(field) < 0) return null;
  const r = matcher(s.raw(field));
  if (r.kind === "ok") {
    if (table) s.change(field, label(table, r.code, s.opts.lang));
    return r.code;
  }
  if (r.kind === "unknown") s.issue("unknown_value", field, { value: r.value }, r.suggestion && table ? label(table, r.suggestion, s.opts.lang) : r.suggestion);
  else if (required) s.issue("missing_required", field);
  return null;
}

function dateField(s: RowScope, field: number, required: boolean): string | null {
  if (s.col(field) < 0) return null;
  const raw = s.raw(field);
  const d = normaliseDate(raw, s.opts.date1904);
  if (d.kind === "empty") {
    if (required) s.issue("missing_required", field);
    return null;
  }
  if (d.kind === "invalid") {
    s.issue("invalid_date", field, { reason: d.reason });
    return null;
  }
  if (d.kind === "ambiguous") s.issue("ambiguous_date", field, { readings: d.alternatives.join(" / ") });
  else if (!isDateCell(raw)) s.change(field, d.value);
  // most dates are of an earlier year than asOf: settled on the year alone
  const year = yearOf(d.value);
  if (year > s.asOfYear || (year === s.asOfYear && compareShifted(d.value, s.opts.asOf, 0) > 0)) s.issue("date_in_future", field, { asOf: s.opts.asOf });
  return d.value;
}

function textField(s: RowScope, field: number): string | null {
  if (s.col(field) < 0) return null;
  const v = normaliseText(s.raw(field), s.opts.date1904);
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

function ethnicityField(s: RowScope): string | null {
  const v = normaliseText(s.raw(F.ethnicity), s.opts.date1904);
  if (v === null) return null;
  const group = ethnicGroup(v);
  if (group) {
    s.change(F.ethnicity, s.opts.lang === "zh-CN" || !/[\u4e00-\u9fff]/.test(v) ? group : v);
    return group;
  }
  const near = nearest(foldKey(v), ETHNIC_KEYS);
  s.issue("unknown_value", F.ethnicity, { value: v }, near ? ETHNIC_INDEX.get(near) : undefined);
  return v;
}

function idField(s: RowScope): { id: string | null; valid: boolean } {
  if (s.col(F.idNumber) < 0) return { id: null, valid: false };
  const r = normaliseIdNumber(s.raw(F.idNumber));
  switch (r.kind) {
    case "empty":
      if (s.required[F.idNumber]) s.issue("missing_required", F.idNumber);
      return { id: null, valid: false };
    case "precision_lost":
      s.issue("id_precision_lost", F.idNumber, { shown: r.value });
      return { id: null, valid: false };
    case "invalid_format":
      s.issue("invalid_id_format", F.idNumber, { reason: r.reason, length: r.length });
      return { id: r.value, valid: false };
    case "invalid_checksum":
      s.issue("invalid_id_checksum", F.idNumber, { expected: r.expected, found: r.value.slice(-1) });
      return { id: r.value, valid: false };
    case "ok":
      if (r.upgradedFrom) s.issue("legacy_id_upgraded", F.idNumber, { from: r.upgradedFrom, to: r.value }, r.value);
      s.change(F.idNumber, r.value);
      return { id: r.value, valid: true };
  }
}

function phoneAndContact(s: RowScope): { phone: string | null; address: string | null } {
  let phone: string | null = null;
  let phoneEmpty = s.col(F.phone) >= 0;
  if (s.col(F.phone) >= 0) {
    const p = normalisePhone(s.raw(F.phone));
    if (p.kind === "ok") {
      phone = p.value;
      phoneEmpty = false;
      s.change(F.phone, p.value);
    } else if (p.kind === "invalid") {
      phone = p.value;
      phoneEmpty = false;
      s.issue("invalid_phone", F.phone, { value: p.value });
    }
  }
  const address = s.col(F.address) < 0 ? null : textField(s, F.address);
  const addressEmpty = s.col(F.address) >= 0 && address === null;
  const checkPhone = s.opts.config.required.phone !== false;
  const checkAddress = s.opts.config.required.address !== false;
  if ((phoneEmpty && checkPhone) || (addressEmpty && checkAddress)) {
    const missing = CONTACT_FIELDS.filter((f) => (f === "phone" ? phoneEmpty && checkPhone : addressEmpty && checkAddress));
    s.issue("missing_contact", F[missing[0]], { missing: missing.join(",") });
  }
  return { phone, address };
}

function statusField(s: RowScope, m: Matchers): string | null {
  const fromColumn = s.col(F.status) < 0 ? null : matchStatus(s, m);
  const lost = s.col(F.lostContactFlag) < 0 ? undefined : m[F.lostContactFlag]!(s.raw(F.lostContactFlag));
  const mobile = s.col(F.mobileFlag) < 0 ? undefined : m[F.mobileFlag]!(s.raw(F.mobileFlag));
  if (lost?.kind === "unknown") s.issue("unknown_value", F.lostContactFlag, { value: lost.value }, lost.suggestion);
  if (mobile?.kind === "unknown") s.issue("unknown_value", F.mobileFlag, { value: mobile.value }, mobile.suggestion);
  if (fromColumn && fromColumn !== "normal") return fromColumn;
  if (lost?.kind === "ok" && lost.code === "yes") return "lost_contact";
  if (mobile?.kind === "ok" && mobile.code === "yes") return "mobile";
  if (fromColumn) return fromColumn;
  if (lost?.kind === "ok" || mobile?.kind === "ok") return "normal";
  if (s.col(F.status) >= 0 && matchStatusRaw(s, m).kind === "empty") s.issue("missing_status", F.status);
  return null;
}

function matchStatusRaw(s: RowScope, m: Matchers) {
  return m[F.status]!(s.raw(F.status));
}

function matchStatus(s: RowScope, m: Matchers): string | null {
  const r = matchStatusRaw(s, m);
  if (r.kind === "ok") {
    s.change(F.status, label(STATUS, r.code, s.opts.lang));
    return r.code;
  }
  if (r.kind === "unknown") s.issue("unknown_value", F.status, { value: r.value }, r.suggestion ? label(STATUS, r.suggestion, s.opts.lang) : undefined);
  return null;
}

/** Checks the row in `s` and returns its member record (IDs compared across rows later). */
export function checkMember(s: RowScope, m: Matchers): Member {
  const { asOf } = s.opts;
  let name: string | null = null;
  if (s.col(F.name) >= 0) {
    name = normaliseName(s.raw(F.name), s.opts.date1904);
    if (name === null) s.issue("missing_required", F.name);
    else s.change(F.name, name);
  }
  const { id, valid } = idField(s);
  const idSex = valid && id ? idGender(id) : null;

  const genderCode = enumField(s, m, F.gender, GENDER, s.required[F.gender] && !idSex) as Member["gender"];
  if (genderCode && idSex && genderCode !== idSex) s.issue("id_gender_mismatch", F.gender, { fromId: idSex, value: genderCode });

  const birthCol = dateField(s, F.birthDate, s.required[F.birthDate] && !valid);
  if (birthCol && valid && id && !idBirthDateMatches(birthCol, id)) s.issue("id_birthdate_mismatch", F.birthDate, { fromId: idBirthDate(id), value: birthCol });
  const birthDate = birthCol ?? (valid && id ? idBirthDate(id) : null);

  const ethnicity = s.col(F.ethnicity) < 0 ? null : ethnicityField(s);
  const education = enumField(s, m, F.education, EDUCATION);
  const joinDate = dateField(s, F.joinDate, s.required[F.joinDate]);
  if (joinDate && birthDate && compareShifted(joinDate, birthDate, 18) < 0) s.issue("joined_under_18", F.joinDate, { birthDate, joinDate });

  const membershipType = enumField(s, m, F.membershipType, MEMBERSHIP_TYPE) as Member["membershipType"];
  const needsFull = joinDate !== null && compareShifted(asOf, joinDate, 1) > 0 && membershipType !== "probationary";
  const fullMemberDate = dateField(s, F.fullMemberDate, needsFull && s.opts.config.required.fullMemberDate !== false);
  if (fullMemberDate && joinDate) {
    if (compareShifted(fullMemberDate, joinDate, 1) < 0) s.issue("full_member_before_probation", F.fullMemberDate, { joinDate, fullMemberDate });
    else if (compareShifted(fullMemberDate, joinDate, 2) > 0) s.issue("probation_overdue", F.fullMemberDate, { joinDate, fullMemberDate });
  }

  const category = enumField(s, m, F.category, CATEGORY);
  const branch = s.loc.sheetBranch ?? (s.col(F.branch) < 0 ? null : normaliseText(s.raw(F.branch), s.opts.date1904));
  if (branch === null && s.col(F.branch) >= 0 && s.required[F.branch]) s.issue("missing_required", F.branch);
  const { phone, address } = phoneAndContact(s);
  const workUnit = textField(s, F.workUnit);
  const employment = enumField(s, m, F.employment, EMPLOYMENT);
  const status = statusField(s, m);
  for (const f of ARCHIVE_FIELDS) textField(s, f);

  return {
    sheet: s.sheet.name, row: s.row0 + 1, name,
    gender: genderCode ?? idSex, ethnicity, birthDate, idNumber: id, education,
    joinDate, fullMemberDate, category, membershipType, branch, phone, address, workUnit, employment, status,
  };
}
