// Text cells: what the sheet shows (for issue values), and the cleaned text (NFKC, trimmed, spaces collapsed).
import { CellValue, isDateCell } from "../grid";
import { isPlaceholderClean, isTextStable, nfkcText } from "../fold";
import { serialToIso } from "./date";

/** A number as Excel's General format shows it: no trailing ".0", no exponent for integers below 1e21, 15 significant digits. */
export function numberText(n: number): string {
  if (Number.isInteger(n)) return Math.abs(n) < 1e21 ? String(n) : BigInt(n).toString();
  const s = String(n);
  let digits = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x65) break; // exponent
    if (c >= 0x30 && c <= 0x39 && (digits > 0 || c !== 0x30)) digits++;
  }
  // 0.1 + 0.2 stored as 0.30000000000000004 shows as 0.3: Excel keeps 15 significant digits.
  return digits > 15 ? String(Number(n.toPrecision(15))) : s;
}

/** The cell as the sheet shows it, for issue values: numbers plainly, TRUE/FALSE, date cells as yyyy-mm-dd, empty as "". */
export function cellText(v: CellValue | undefined, date1904: boolean): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v;
  if (typeof v === "number") return numberText(v);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (isDateCell(v)) {
    const iso = serialToIso(v.serial, date1904);
    if (iso !== "") return iso;
    // Excel shows serial 60 as the 1900-02-29 it inherited from Lotus 1-2-3; other non-dates as the number.
    return !date1904 && Math.floor(v.serial) === 60 ? "1900-02-29" : numberText(v.serial);
  }
  return "";
}

/** Kinds of whitespace; Invisible are zero-width characters, removed outright (they would otherwise split "张三"). */
const Space = { None: 0, Blank: 1, LineBreak: 2, Invisible: 3 } as const;
type Space = (typeof Space)[keyof typeof Space];

function spaceKind(c: number): Space {
  if (c <= 0x20) return c === 0x20 || c === 0x09 ? Space.Blank : c >= 0x0a && c <= 0x0d ? Space.LineBreak : Space.None;
  if (c < 0xa0) return Space.None;
  if (c === 0xa0 || c === 0x3000 || c === 0x1680 || c === 0x202f || c === 0x205f || (c >= 0x2000 && c <= 0x200a)) return Space.Blank;
  if (c === 0x2028 || c === 0x2029) return Space.LineBreak;
  if ((c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff || c === 0x180e) return Space.Invisible;
  return Space.None;
}

/**
 * Trim and collapse whitespace: a run becomes one space, or one "\n" when it holds a line break and lineBreaks is
 * set (multi-line addresses and notes keep their lines); zero-width characters go. t itself when already clean.
 */
function collapseSpaces(t: string, lineBreaks: boolean): string {
  let out: string | undefined;
  let last = 0; // t[last..i) is pending verbatim text
  let pending: Space = Space.None; // a whitespace run seen since the last kept character
  let runStart = -1;
  let kept = false; // a non-space character has been kept
  for (let i = 0; i < t.length; i++) {
    const k = spaceKind(t.charCodeAt(i));
    if (k === Space.None) {
      if (runStart >= 0) {
        const sep = !kept ? "" : pending === Space.LineBreak && lineBreaks ? "\n" : " ";
        const verbatim = i - runStart === 1 && sep.length === 1 && t[runStart] === sep;
        if (!verbatim) {
          out = (out ?? "") + t.slice(last, runStart) + sep;
          last = i;
        }
        runStart = -1;
        pending = Space.None;
      }
      kept = true;
      continue;
    }
    if (k === Space.Invisible && runStart < 0) {
      out = (out ?? "") + t.slice(last, i); // dropped where it stands; inside a run it goes with the run
      last = i + 1;
      continue;
    }
    if (runStart < 0) runStart = i;
    if (k === Space.LineBreak || (k === Space.Blank && pending !== Space.LineBreak)) pending = k;
  }
  if (runStart >= 0) return (out ?? "") + t.slice(last, runStart); // trailing run: trimmed
  return out === undefined ? t : out + t.slice(last);
}

/** Already clean: no character NFKC would change (Chinese punctuation aside), single inner spaces, no edge spaces. */
function isClean(t: string): boolean {
  let space = true; // a leading space is not clean
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c === 0x20) {
      if (space) return false;
      space = true;
    } else if (c < 0x20 || !isTextStable(c)) return false;
    else space = false;
  }
  return !space;
}

function cleanText(v: CellValue | undefined, date1904: boolean, lineBreaks: boolean): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === "string" && isClean(v)) return isPlaceholderClean(v) ? null : v; // the common case, one pass
  const t = collapseSpaces(nfkcText(typeof v === "string" ? v : cellText(v, date1904)), lineBreaks);
  return isPlaceholderClean(t) ? null : t;
}

/**
 * NFKC (Chinese punctuation kept full-width: see nfkcText), trimmed, inner whitespace runs collapsed to one space (to one line break where the run holds one); null when
 * empty or a placeholder (无, 不详, —, /). Characters are otherwise never changed.
 */
export function normaliseText(v: CellValue | undefined, date1904: boolean): string | null {
  return cleanText(v, date1904, true);
}

function isCjkIdeograph(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff) || c === 0x3007;
}

/** As normaliseText on one line, then without spaces between two CJK characters: "张 三" -> "张三", "John  Smith" -> "John Smith". */
export function normaliseName(v: CellValue | undefined, date1904: boolean): string | null {
  const t = cleanText(v, date1904, false);
  if (t === null || !t.includes(" ")) return t;
  let out = "";
  let last = 0;
  for (let i = 1; i + 1 < t.length; i++) {
    if (t.charCodeAt(i) === 0x20 && isCjkIdeograph(t.charCodeAt(i - 1)) && isCjkIdeograph(t.charCodeAt(i + 1))) {
      out += t.slice(last, i);
      last = i + 1;
    }
  }
  return last === 0 ? t : out + t.slice(last);
}
