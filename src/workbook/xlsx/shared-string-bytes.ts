// sharedStrings.xml read from its bytes: each <si>'s text decoded on its own byte range, so every string is flat and
// owns its characters. Parsed from one decoded string, each text longer than 12 characters was a slice of it (V8's
// sliced strings): slower to read, and together they kept the whole decoded part alive (a 1,048,575-member roster:
// 260 MB of heap). Markup is ASCII in UTF-8, so the tags are read on bytes as the sheet scanner does.
import { ascii, btag, btagIs, endOfElement, indexOfBytes, readTagAt, shortText } from "./byte-scan";
import { readRichText, rich } from "./rich-text";
import { DOCTYPE, ENTITY } from "./sheet-prolog";
import { decodeCellText, hasDtd } from "./xml-text";

const SI = ascii("si");
const FAST_END = ascii("</t></si>");
const COMMENT_START = ascii("<!--");
const COMMENT_END = ascii("-->");
const utf8 = new TextDecoder("utf-8", { fatal: true });

/** Thrown for bytes that are not UTF-8, and for a DTD (refused: entity expansion attacks). */
export class SharedStringsRefused extends Error {
  constructor(readonly code: "partNotUtf8" | "dtd") {
    super(code);
  }
}

/** The text of b[a, e): refuses bytes that are not UTF-8. */
function text(b: Uint8Array, a: number, e: number): string {
  const s = shortText(b, a, e);
  if (s !== undefined) return s;
  try {
    return utf8.decode(b.subarray(a, e));
  } catch {
    throw new SharedStringsRefused("partNotUtf8");
  }
}

/** Refuses bytes of b[a, e) (markup skipped over) that are not UTF-8. */
function check(b: Uint8Array, a: number, e: number): void {
  for (let i = a; i < e; i++) {
    if (b[i] >= 128) {
      text(b, a, e);
      return;
    }
  }
}

const at = (b: Uint8Array, pat: Uint8Array, p: number, end: number): boolean => {
  if (p + pat.length > end) return false;
  for (let k = 0; k < pat.length; k++) if (b[p + k] !== pat[k]) return false;
  return true;
};

/**
 * The shared strings of a UTF-8 part in order, read as parseSharedStrings reads the decoded part; undefined when the
 * part is cut short. Throws SharedStringsRefused.
 */
export function parseSharedStringBytes(b: Uint8Array): string[] | undefined {
  const out: string[] = [];
  const end = b.length;
  let p = 0;
  for (;;) {
    const lt = b.indexOf(60, p);
    if (lt < 0) {
      check(b, p, end);
      return out;
    }
    if (lt > p) check(b, p, lt);
    // Fast path for what Excel writes most: <si><t>text</t></si>.
    if (b[lt + 1] === 115 && b[lt + 2] === 105 && b[lt + 3] === 62 && b[lt + 4] === 60 && b[lt + 5] === 116 && b[lt + 6] === 62) {
      const e = b.indexOf(60, lt + 7);
      if (e >= 0 && at(b, FAST_END, e, end)) {
        out.push(decodeCellText(text(b, lt + 7, e)));
        p = e + 9;
        continue;
      }
    }
    const c1 = b[lt + 1];
    if (c1 === 47 || c1 === 33 || c1 === 63) {
      if (at(b, DOCTYPE, lt, end) || at(b, ENTITY, lt, end)) throw new SharedStringsRefused("dtd");
      const e = at(b, COMMENT_START, lt, end) ? indexOfBytes(b, COMMENT_END, lt + 1, end) : b.indexOf(62, lt + 1);
      if (e < 0) {
        check(b, lt, end);
        return out;
      }
      check(b, lt, e);
      p = e + 1;
      continue;
    }
    if (!readTagAt(b, lt + 1, end)) {
      check(b, lt, end);
      return undefined;
    }
    check(b, lt, btag.end);
    p = btag.end;
    if (!btagIs(b, SI)) continue;
    if (btag.selfClosing) {
      out.push("");
      continue;
    }
    const e = endOfElement(b, btag.localStart, btag.nameEnd, p, end);
    if (e < 0) {
      check(b, p, end);
      return undefined;
    }
    const markup = text(b, p, e);
    if (hasDtd(markup)) throw new SharedStringsRefused("dtd");
    if (readRichText(markup, 0, "si") < 0) return undefined;
    out.push(rich.text);
    p = e;
  }
}
