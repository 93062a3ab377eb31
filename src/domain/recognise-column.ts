// Content-based column recognition: where a header is unknown, the values say what the column holds.
import { FieldCode } from "./fields";
import { CellValue, SheetGrid } from "./grid";
import { buildEnumMatcher } from "./normalise/enum";
import { stripSystemCode } from "./normalise/system-code";
import { EMPLOYMENT } from "./vocabulary";

const SAMPLE_ROWS = 200;
/** Share of the non-empty sampled values that must fit for the column to be taken. */
const MIN_SHARE = 0.8;
const MIN_VALUES = 3;

const ID_TEXT = /^\d{17}[\dXx]$|^\d{15}$/;
const MOBILE = /^1[3-9]\d{9}$/;
const MEMBERSHIP = /^(中共)?(预备|正式|預備)(党员|黨員)?$/;
const GENDER = /^(男|女)$/;

type Test = (v: CellValue) => boolean;

/** 正式党员, 预备, 223_正式党员: what a membership-type column holds, whatever its header. */
function isMembershipValue(v: CellValue): boolean {
  return typeof v === "string" && MEMBERSHIP.test(stripSystemCode(v).trim());
}

/** Whether a column's sampled values are membership types (正式/预备党员), whatever its header says. */
export function holdsMembershipTypes(sheet: SheetGrid, firstRow0: number, col: number): boolean {
  return share(sheet, firstRow0, col, isMembershipValue) >= MIN_SHARE;
}

/** A party organisation's name: 机关第一党支部, 华南分公司党总支/深圳机场项目部党支部, 广东公司党委. */
const PARTY_ORG = /(党支部|支部委员会|党总支|总支部|党委|党工委|党组)$/;

/** Whether a column's sampled values name party organisations (a 所在单位 column the system filled with its branches). */
export function holdsPartyOrganisations(sheet: SheetGrid, firstRow0: number, col: number): boolean {
  return share(sheet, firstRow0, col, (v) => typeof v === "string" && PARTY_ORG.test(v.trim())) >= MIN_SHARE;
}

const employmentOf = buildEnumMatcher(EMPLOYMENT);

/** Whether every sampled value is an employment value (在岗, 退休, 内退): an HR column that may say more stays unread. */
export function holdsOnlyEmploymentValues(sheet: SheetGrid, firstRow0: number, col: number): boolean {
  return share(sheet, firstRow0, col, (v) => employmentOf(v).kind === "ok") === 1;
}

/** Whether every sampled value is a membership type (a 党员类别 of 223_正式党员/224_预备党员 only). */
export function holdsOnlyMembershipTypes(sheet: SheetGrid, firstRow0: number, col: number): boolean {
  return share(sheet, firstRow0, col, isMembershipValue) === 1;
}

function share(sheet: SheetGrid, firstRow0: number, col: number, test: Test): number {
  let n = 0;
  let hits = 0;
  for (let r = firstRow0; r < sheet.rows.length && n < SAMPLE_ROWS; r++) {
    const v = sheet.rows[r]?.[col];
    if (v === undefined || v === null || v === "") continue;
    n++;
    if (test(v)) hits++;
  }
  return n < MIN_VALUES ? 0 : hits / n;
}

const TESTS: [FieldCode, Test][] = [
  ["idNumber", (v) => (typeof v === "number" ? v >= 1e14 : typeof v === "string" && ID_TEXT.test(v.trim()))],
  ["phone", (v) => MOBILE.test(typeof v === "number" ? String(v) : typeof v === "string" ? v.trim() : "")],
  ["membershipType", isMembershipValue],
  ["gender", (v) => typeof v === "string" && GENDER.test(v.trim())],
];

/** The field a column's values identify, reading up to 200 rows from firstRow0; undefined when unsure. */
export function recogniseColumn(sheet: SheetGrid, firstRow0: number, col: number): FieldCode | undefined {
  for (const [field, test] of TESTS) if (share(sheet, firstRow0, col, test) >= MIN_SHARE) return field;
  return undefined;
}
