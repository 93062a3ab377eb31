// Allocation-free tag reading for the hot scanners (sheet cells, shared strings): results land in `tag`.

/** The last tag read: its local name is xml.slice(localStart, nameEnd); `end` is the index after its ">". */
export const tag = { localStart: 0, nameEnd: 0, end: 0, selfClosing: false };

/**
 * Reads the tag name starting at `p` (just after "<" or "</") and finds the tag's end, honouring quoted attribute values.
 * Returns false when the text ends first (the caller needs more input).
 */
export function readTag(x: string, p: number): boolean {
  const len = x.length;
  let local = p;
  for (; p < len; p++) {
    const c = x.charCodeAt(p);
    if (c === 58) local = p + 1;
    else if (c <= 32 || c === 47 || c === 62) break;
  }
  tag.localStart = local;
  tag.nameEnd = p;
  let quote = 0;
  for (; p < len; p++) {
    const c = x.charCodeAt(p);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === 62) {
      tag.end = p + 1;
      tag.selfClosing = x.charCodeAt(p - 1) === 47;
      return true;
    } else if (c === 34 || c === 39) quote = c;
  }
  return false;
}

/** Whether the local name just read equals `name`. */
export function tagIs(x: string, name: string): boolean {
  return tag.nameEnd - tag.localStart === name.length && x.startsWith(name, tag.localStart);
}

/**
 * Index just after the end tag of element `name` (any prefix) searching from `p`, or -1 if not in the text.
 * Linear: it visits each "</" once and never looks back (a lastIndexOf per match made long runs quadratic).
 */
export function endOf(x: string, name: string, p: number): number {
  const len = x.length;
  for (;;) {
    const lt = x.indexOf("</", p);
    if (lt < 0) return -1;
    let q = lt + 2;
    let local = q;
    for (; q < len; q++) {
      const c = x.charCodeAt(q);
      if (c === 58) local = q + 1;
      else if (c <= 32 || c === 62 || c === 60 || c === 47) break;
    }
    if (q - local === name.length && x.startsWith(name, local)) {
      const gt = x.indexOf(">", q);
      return gt < 0 ? -1 : gt + 1;
    }
    p = q;
  }
}
