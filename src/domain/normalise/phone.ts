// Phone numbers: 11-digit mobiles (1[3-9]), landlines as 0438-6123456, several numbers joined with "/".
import { CellValue, isDateCell } from "../grid";
import { isPlaceholderClean, isSpaceCode, nfkc } from "../fold";
import { numberText } from "./text";

export type PhoneResult =
  | { kind: "empty" }
  | { kind: "ok"; value: string; type: "mobile" | "landline" }
  | { kind: "invalid"; value: string };

type Phone = { value: string; type: "mobile" | "landline"; areaCode: boolean };

const EMPTY: PhoneResult = Object.freeze({ kind: "empty" });

/** Between several numbers in one cell: / , ; 、 | (full-width forms are NFKC'd to these first). */
const SEPARATORS = /[/,;、|]+/;
const SPACES = /\s+/;
/** An extension written out: 转123, 分机 123, ext.123, x123. */
const EXTENSION_WORD = /^(.*?)\s*(?:转|轉|分机|分機|ext\.?|x)\s*(\d{1,6})$/i;
/** An extension after a full landline with a hyphen: 0438-6123456-123. */
const EXTENSION_HYPHEN = /^(.*\d)\s*-\s*(\d{1,6})$/;

function isDigitCode(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** 11 digits starting 13-19. */
function isMobile(d: string): boolean {
  if (d.length !== 11 || d.charCodeAt(0) !== 0x31) return false;
  const c = d.charCodeAt(1);
  return c >= 0x33 && c <= 0x39;
}

function isAsciiDigits(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

/** Classify bare digits: a mobile, an area code + local number, or a local number alone. */
function classifyDigits(d: string): Phone | null {
  if (isMobile(d)) return { value: d, type: "mobile", areaCode: false };
  const first = d.charCodeAt(0);
  if (first === 0x30) {
    // 010 and 02X are 3-digit area codes, every other 0XXX has 4 digits; 00 and 01X (but 010) are no area codes.
    const second = d.charCodeAt(1);
    const areaLength = second === 0x32 ? 3 : second === 0x31 ? (d.charCodeAt(2) === 0x30 ? 3 : 0) : second === 0x30 ? 0 : 4;
    const local = d.length - areaLength;
    if (areaLength === 0 || local < 7 || local > 8 || d.charCodeAt(areaLength) < 0x32) return null;
    return { value: d.slice(0, areaLength) + "-" + d.slice(areaLength), type: "landline", areaCode: true };
  }
  if ((d.length === 7 || d.length === 8) && first >= 0x32) return { value: d, type: "landline", areaCode: false };
  return null;
}

/** One number as typed: drop +86/0086/86-, spaces, brackets, dots and hyphens, then classify. */
function parseNumber(p: string): Phone | null {
  let digits = "";
  let count = 0; // digits seen so far
  let runStart = -1; // start of the current run of digits in p
  let plus = false;
  let firstSeparatorAt = -1; // how many digits came before the first separator (86-138...)
  for (let i = 0; i <= p.length; i++) {
    const c = i < p.length ? p.charCodeAt(i) : -1;
    if (isDigitCode(c)) {
      if (runStart < 0) runStart = i;
      count++;
      continue;
    }
    if (runStart >= 0) {
      digits = runStart === 0 && i === p.length ? p : digits + p.slice(runStart, i); // whole runs, not char by char
      runStart = -1;
    }
    if (c === -1) break;
    if (c === 0x2b && count === 0) {
      plus = true;
    } else if (c === 0x2d || c === 0x2e || c === 0x28 || c === 0x29 || c === 0x5b || c === 0x5d ||
      c === 0x3010 || c === 0x3011 || c === 0x2013 || c === 0x2014 || isSpaceCode(c)) {
      if (firstSeparatorAt < 0 && count > 0) firstSeparatorAt = count;
    } else {
      return null;
    }
  }
  let international = false;
  if (plus || digits.startsWith("0086")) {
    if (!digits.startsWith(plus ? "86" : "0086")) return null;
    digits = digits.slice(plus ? 2 : 4);
    international = true;
  } else if (digits.startsWith("86") && (firstSeparatorAt === 2 || (digits.length === 13 && isMobile(digits.slice(2))))) {
    digits = digits.slice(2);
    international = true;
  }
  if (digits.length === 0) return null;
  // From abroad the area code has no leading 0: +86 10 12345678 is 010-12345678.
  if (international && !isMobile(digits) && digits.charCodeAt(0) !== 0x30) digits = "0" + digits;
  const phone = classifyDigits(digits);
  return phone !== null && international && phone.type === "landline" && !phone.areaCode ? null : phone;
}

/** One number, perhaps with an extension kept as a third part: 0438-6123456-123. */
function parsePiece(p: string): Phone | null {
  const phone = parseNumber(p);
  if (phone !== null) return phone;
  const m = EXTENSION_WORD.exec(p) ?? EXTENSION_HYPHEN.exec(p);
  if (m === null) return null;
  const main = parseNumber(m[1]);
  return main !== null && main.areaCode ? { value: main.value + "-" + m[2], type: "landline", areaCode: true } : null;
}

/** Several numbers: each must read; pieces that are placeholders are skipped. */
function parseAll(t: string): Phone[] | null {
  const out: Phone[] = [];
  for (const raw of SEPARATORS.test(t) ? t.split(SEPARATORS) : [t]) {
    const piece = raw.trim();
    if (isPlaceholderClean(piece)) continue;
    const phone = parsePiece(piece);
    if (phone !== null) {
      out.push(phone);
      continue;
    }
    // "13812345678 13987654321": whitespace separates numbers only where the whole does not read as one.
    const parts = piece.split(SPACES);
    if (parts.length < 2) return null;
    for (const part of parts) {
      const sub = parsePiece(part);
      if (sub === null) return null;
      out.push(sub);
    }
  }
  return out.length > 0 ? out : null;
}

/**
 * Read a phone cell: a mobile as 11 digits, a landline as area code + "-" + local number (a local number alone as its
 * digits), several numbers joined with "/" (ok only when all read; the type is the first's). Number cells are read as
 * their digits; one that lost a landline's leading 0 to the number format (4386123456) gets it back.
 */
export function normalisePhone(v: CellValue | undefined): PhoneResult {
  if (v === null || v === undefined) return EMPTY;
  if (typeof v === "string" && isMobile(v) && isAsciiDigits(v)) return { kind: "ok", value: v, type: "mobile" }; // the common case
  if (typeof v === "number") {
    const digits = numberText(v);
    if (!Number.isInteger(v) || v < 0) return { kind: "invalid", value: digits };
    const phone = classifyDigits(digits) ?? ((digits.length === 10 || digits.length === 11) ? landlineWithZero(digits) : null);
    return phone === null ? { kind: "invalid", value: digits } : { kind: "ok", value: phone.value, type: phone.type };
  }
  if (typeof v !== "string") return { kind: "invalid", value: isDateCell(v) ? numberText(v.serial) : v ? "TRUE" : "FALSE" };
  const t = nfkc(v).trim();
  if (isPlaceholderClean(t)) return EMPTY;
  if (!SEPARATORS.test(t)) {
    const phone = parsePiece(t); // one number: no arrays
    if (phone !== null) return { kind: "ok", value: phone.value, type: phone.type };
  }
  const phones = parseAll(t);
  if (phones === null) return { kind: "invalid", value: t };
  const value = phones.length === 1 ? phones[0].value : phones.map((p) => p.value).join("/");
  return { kind: "ok", value, type: phones[0].type };
}

/** A number cell's digits with the landline's leading zero restored, when that makes an area code + local number. */
function landlineWithZero(digits: string): Phone | null {
  const phone = classifyDigits("0" + digits);
  return phone !== null && phone.areaCode ? phone : null;
}
