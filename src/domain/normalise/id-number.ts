// Resident ID numbers (GB 11643): 18 characters, birth date inside, MOD 11-2 check character; 15-digit legacy IDs upgraded.
import { CellValue, isDateCell } from "../grid";
import { isPlaceholderClean, nfkc, removeSpaces } from "../fold";
import { daysInMonth, MAX_YEAR } from "./date";
import { numberText } from "./text";

export type IdResult =
  | { kind: "empty" }
  | { kind: "ok"; value: string; upgradedFrom?: string }
  | { kind: "precision_lost"; value: string }
  | { kind: "invalid_format"; value: string; reason: "length" | "characters" | "birthdate"; length: number }
  | { kind: "invalid_checksum"; value: string; expected: string };

const EMPTY: IdResult = Object.freeze({ kind: "empty" });

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = "10X98765432";

/** The GB 11643 MOD 11-2 check character for the first 17 digits. Throws on anything but 17 ASCII digits (a caller's bug). */
export function idCheckChar(first17: string): string {
  if (first17.length < 17) throw new RangeError(`idCheckChar needs 17 digits, got "${first17}"`);
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const d = first17.charCodeAt(i) - 0x30;
    if (d < 0 || d > 9) throw new RangeError(`idCheckChar needs 17 digits, got "${first17}"`);
    sum += d * WEIGHTS[i];
  }
  return CHECK_CHARS[sum % 11];
}

/** CHECK_CHARS' code units. */
const CHECK_CODES = Int32Array.from(CHECK_CHARS, (ch) => ch.charCodeAt(0));

/**
 * checkId of an 18-character text, in one pass where it is 17 ASCII digits and a digit or upper-case X (nothing to
 * clean: the common case, once a row): the check sum is added up as the digits are tested. undefined otherwise.
 */
function plainId(v: string): IdResult | undefined {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const d = v.charCodeAt(i) - 0x30;
    if (d < 0 || d > 9) return undefined;
    sum += d * WEIGHTS[i];
  }
  const last = v.charCodeAt(17);
  if (!((last >= 0x30 && last <= 0x39) || last === 0x58)) return undefined;
  if (!isValidBirth(v, 6, true)) return invalid(v, "birthdate");
  const expected = sum % 11;
  return last === CHECK_CODES[expected] ? { kind: "ok", value: v } : { kind: "invalid_checksum", value: v, expected: CHECK_CHARS[expected] };
}

/** Whether an ISO date (yyyy-mm-dd, or yyyy-mm: compared to the month) is the birth date inside an 18-character ID. */
export function idBirthDateMatches(iso: string, id18: string): boolean {
  const n = iso.length === 7 ? 6 : 8;
  for (let i = 0, j = 0; j < n; i++) {
    if (iso.charCodeAt(i) === 0x2d) continue;
    if (iso.charCodeAt(i) !== id18.charCodeAt(6 + j)) return false;
    j++;
  }
  return true;
}

/** The birth date in an 18-character ID, yyyy-mm-dd (positions 7-14); not validated. */
export function idBirthDate(id18: string): string {
  return id18.slice(6, 10) + "-" + id18.slice(10, 12) + "-" + id18.slice(12, 14);
}

/** The gender an 18-character ID records: its 17th digit is odd for men, even for women. */
export function idGender(id18: string): "male" | "female" {
  return (id18.charCodeAt(16) - 0x30) % 2 === 1 ? "male" : "female";
}

/** The earliest birth year an ID may encode (GB 11643's own example is 1880); plausibility is the checks' business. */
const MIN_ID_YEAR = 1800;

/** The number written by the ASCII digits s[from..to) (the caller has checked they are digits). */
function digitsAt(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + s.charCodeAt(i) - 0x30;
  return n;
}

function isValidBirth(s: string, at: number, fourDigitYear: boolean): boolean {
  const y = fourDigitYear ? digitsAt(s, at, at + 4) : 1900 + digitsAt(s, at, at + 2);
  const p = at + (fourDigitYear ? 4 : 2);
  const m = digitsAt(s, p, p + 2);
  const d = digitsAt(s, p + 2, p + 4);
  return y >= MIN_ID_YEAR && y <= MAX_YEAR && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

function invalid(value: string, reason: "length" | "characters" | "birthdate"): IdResult {
  return { kind: "invalid_format", value, reason, length: value.length };
}

/** Check a cleaned ID text (no spaces, upper-case X). */
function checkId(s: string): IdResult {
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) continue;
    if (c === 0x58 && i === n - 1 && n !== 15) continue; // X only as an 18th (or mistyped-length) last character
    return invalid(s, "characters");
  }
  if (n === 15) {
    // Legacy ID: 6-digit area, yymmdd (19yy), 3-digit sequence. Upgrade: insert "19", append the check character.
    if (!isValidBirth(s, 6, false)) return invalid(s, "birthdate");
    const first17 = s.slice(0, 6) + "19" + s.slice(6);
    return { kind: "ok", value: first17 + idCheckChar(first17), upgradedFrom: s };
  }
  if (n !== 18) return invalid(s, "length");
  if (!isValidBirth(s, 6, true)) return invalid(s, "birthdate");
  const expected = idCheckChar(s);
  return s.charCodeAt(17) === expected.charCodeAt(0) ? { kind: "ok", value: s } : { kind: "invalid_checksum", value: s, expected };
}

/**
 * Read an ID cell: NFKC, all spaces out, x -> X. A number cell >= 1e16 held an 18-digit ID whose last digits Excel has
 * already replaced (15 significant digits): precision_lost, value as Excel shows it, never repaired. Smaller numbers
 * are read as their digits (a 15-digit legacy ID fits a number exactly).
 */
export function normaliseIdNumber(v: CellValue | undefined): IdResult {
  if (v === null || v === undefined) return EMPTY;
  if (typeof v === "number") {
    if (v >= 1e16) return { kind: "precision_lost", value: numberText(v) };
    const digits = numberText(v);
    return Number.isInteger(v) && v >= 0 ? checkId(digits) : invalid(digits, "characters");
  }
  if (typeof v === "string") {
    if (v.length === 18) {
      const plain = plainId(v); // the common case: already clean
      if (plain !== undefined) return plain;
    }
    let s = removeSpaces(nfkc(v));
    if (isPlaceholderClean(s)) return EMPTY;
    if (s.charCodeAt(s.length - 1) === 0x78) s = s.slice(0, -1) + "X"; // lower-case x (only ever the last character)
    return checkId(s);
  }
  if (isDateCell(v)) return invalid(numberText(v.serial), "characters");
  return invalid(v ? "TRUE" : "FALSE", "characters");
}
