// Tag reading over UTF-8 bytes for the sheet scanner: markup is ASCII, so bytes are scanned without decoding.

/** The last tag read by readTagAt: local name is b[localStart, nameEnd); `end` is the index after its ">". */
export const btag = { localStart: 0, nameEnd: 0, end: 0, selfClosing: false };

export const ascii = (s: string): Uint8Array => Uint8Array.from(s, (ch) => ch.charCodeAt(0));

/** Index of `pat` in b[from, end), or -1. */
export function indexOfBytes(b: Uint8Array, pat: Uint8Array, from: number, end: number): number {
  const first = pat[0];
  const last = end - pat.length;
  outer: for (let i = from; i <= last; i++) {
    if (b[i] !== first) continue;
    for (let k = 1; k < pat.length; k++) if (b[i + k] !== pat[k]) continue outer;
    return i;
  }
  return -1;
}

/** Reads the tag whose name starts at p (after "<" or "</"); false when b[.., end) ends first. */
export function readTagAt(b: Uint8Array, p: number, end: number): boolean {
  let local = p;
  for (; p < end; p++) {
    const c = b[p];
    if (c === 58) local = p + 1;
    else if (c <= 32 || c === 47 || c === 62) break;
  }
  btag.localStart = local;
  btag.nameEnd = p;
  let quote = 0;
  for (; p < end; p++) {
    const c = b[p];
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === 62) {
      btag.end = p + 1;
      btag.selfClosing = b[p - 1] === 47;
      return true;
    } else if (c === 34 || c === 39) quote = c;
  }
  return false;
}

/** Whether the last tag's local name equals the ASCII `name`. */
export function btagIs(b: Uint8Array, name: Uint8Array): boolean {
  const n = name.length;
  if (btag.nameEnd - btag.localStart !== n) return false;
  for (let k = 0; k < n; k++) if (b[btag.localStart + k] !== name[k]) return false;
  return true;
}

/** Index after the end tag of the element whose local name is b[nameStart, nameEnd), from p; -1 if not before `end`. */
export function endOfElement(b: Uint8Array, nameStart: number, nameEnd: number, p: number, end: number): number {
  const n = nameEnd - nameStart;
  for (let i = p; i + 1 < end; i++) {
    if (b[i] !== 60 || b[i + 1] !== 47) continue;
    let q = i + 2;
    let local = q;
    while (q < end && b[q] > 32 && b[q] !== 62) {
      if (b[q] === 58) local = q + 1;
      q++;
    }
    if (q >= end) return -1;
    if (q - local !== n) continue;
    let same = true;
    for (let k = 0; k < n; k++) if (b[local + k] !== b[nameStart + k]) same = false;
    if (!same) continue;
    while (q < end && b[q] !== 62) q++;
    return q < end ? q + 1 : -1;
  }
  return -1;
}

/** The r attribute of a <row> tag in b[p, end), 0 when absent. */
export function rowNumber(b: Uint8Array, p: number, end: number): number {
  while (p < end) {
    while (p < end && b[p] <= 32) p++;
    const nameStart = p;
    while (p < end && b[p] !== 61 && b[p] > 32 && b[p] !== 62 && b[p] !== 47) p++;
    const single = p - nameStart === 1 && b[nameStart] === 114;
    while (p < end && b[p] !== 34 && b[p] !== 39 && b[p] !== 62) p++;
    if (p >= end || b[p] === 62) return 0;
    const quote = b[p++];
    if (single) {
      let r = 0;
      while (b[p] >= 48 && b[p] <= 57) r = r * 10 + (b[p++] - 48);
      return r;
    }
    while (p < end && b[p] !== quote) p++;
    p++;
  }
  return 0;
}

const utf8 = new TextDecoder("utf-8");

/** The text of b[a, e): short ASCII built directly, anything else through TextDecoder. */
export function textOf(b: Uint8Array, a: number, e: number): string {
  if (e - a <= 32) {
    let s = "";
    for (let i = a; i < e; i++) {
      const c = b[i];
      if (c >= 128) return utf8.decode(b.subarray(a, e));
      s += String.fromCharCode(c);
    }
    return s;
  }
  return utf8.decode(b.subarray(a, e));
}

/** Texts of at most this many bytes are decoded by shortText: fewer than 13 characters, so a flat string however
 *  made (V8 makes slices and ropes from 13 on), and TextDecoder's call costs more than the decoding. */
const SHORT = 12;

/** The text of b[a, e) when short and plain (ASCII, and the three-byte forms E1-EC of most CJK); undefined otherwise. */
export function shortText(b: Uint8Array, a: number, e: number): string | undefined {
  if (e - a > SHORT) return undefined;
  let s = "";
  let i = a;
  while (i < e) {
    const c = b[i];
    if (c < 0x80) {
      s += String.fromCharCode(c);
      i++;
    } else if (c >= 0xe1 && c <= 0xec && i + 2 < e && (b[i + 1] & 0xc0) === 0x80 && (b[i + 2] & 0xc0) === 0x80) {
      s += String.fromCharCode(((c & 0x0f) << 12) | ((b[i + 1] & 0x3f) << 6) | (b[i + 2] & 0x3f));
      i += 3;
    } else {
      return undefined;
    }
  }
  return s;
}

/** The text of b[a, e) as a flat string of its own (never a slice or rope of a longer one). */
export function ownText(b: Uint8Array, a: number, e: number): string {
  return shortText(b, a, e) ?? utf8.decode(b.subarray(a, e));
}
