// Finding <sheetData> in a worksheet part's bytes (any prefix): a forward walk over the tags before it that skips
// comments, CDATA and processing instructions whole (so "<!--sheetData-->" is no start tag) and refuses a DTD or
// entity declaration. Each byte is looked at a bounded number of times: no backward search.
import { ascii, btag, btagIs, indexOfBytes, readTagAt } from "./byte-scan";

const SHEET_DATA = ascii("sheetData");
export const DOCTYPE = ascii("<!DOCTYPE");
export const ENTITY = ascii("<!ENTITY");
const COMMENT_END = ascii("-->");
const CDATA_START = ascii("<![CDATA[");
const CDATA_END = ascii("]]>");
const PI_END = ascii("?>");
const GT = ascii(">");

export interface SheetDataStart {
  /** 0: not found yet (scan again from `pos` with more data), 1: inside sheetData, 2: <sheetData/> (empty). */
  readonly phase: 0 | 1 | 2;
  /** Where to go on: just after the start tag, or where to search again. */
  readonly pos: number;
}

const startsAt = (b: Uint8Array, pat: Uint8Array, at: number, end: number): boolean =>
  at + pat.length <= end && indexOfBytes(b, pat, at, at + pat.length) === at;

export function findSheetData(b: Uint8Array, from: number, end: number, fail: (code: "dtd") => never): SheetDataStart {
  let p = from;
  for (;;) {
    let lt = p;
    while (lt < end && b[lt] !== 60) lt++;
    if (lt + 1 >= end) return { phase: 0, pos: lt };
    const c1 = b[lt + 1];
    if (c1 === 33 /* ! */ || c1 === 63 /* ? */) {
      if (lt + 9 > end) return { phase: 0, pos: lt }; // too short to tell a comment from a DTD yet
      if (startsAt(b, DOCTYPE, lt, end) || startsAt(b, ENTITY, lt, end)) fail("dtd");
      const close = c1 === 63 ? PI_END : b[lt + 2] === 45 && b[lt + 3] === 45 ? COMMENT_END
        : startsAt(b, CDATA_START, lt, end) ? CDATA_END : GT;
      const e = indexOfBytes(b, close, lt + 2, end);
      if (e < 0) return { phase: 0, pos: lt };
      p = e + close.length;
      continue;
    }
    const closing = c1 === 47;
    if (!readTagAt(b, closing ? lt + 2 : lt + 1, end)) return { phase: 0, pos: lt };
    if (!closing && btagIs(b, SHEET_DATA)) return { phase: btag.selfClosing ? 2 : 1, pos: btag.end };
    p = btag.end;
  }
}
