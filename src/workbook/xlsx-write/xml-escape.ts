// Escaping for the XML we write: element text, attribute values, and Excel's _xHHHH_ for what XML 1.0 cannot hold.

const hex4 = (c: number): string => c.toString(16).toUpperCase().padStart(4, "0");

/** Characters XML 1.0 forbids (C0 controls other than tab/LF, lone surrogates, U+FFFE/U+FFFF), CR, and the
 * "_x" of a literal _xHHHH_ (which a reader would otherwise decode). */
// eslint-disable-next-line no-control-regex
const NEEDS_X = /[\u0000-\u0008\u000B\u000C\u000D\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|_(?=x[0-9A-Fa-f]{4}_)/g;

/**
 * Whether cell text holds nothing escapeCellText would change: no control character, no & < > _, no surrogate and
 * no U+FFFE/U+FFFF (most cells: one scan instead of the regular expressions below).
 */
function plainText(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x26 || c === 0x3c || c === 0x3e || c === 0x5f || (c >= 0xd800 && c <= 0xdfff) || c >= 0xfffe) return false;
  }
  return true;
}

/** Whether a formula holds nothing escapeFormula would change: no control character, no & < >, no U+FFFE/U+FFFF. */
function plainFormula(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x26 || c === 0x3c || c === 0x3e || c >= 0xfffe) return false;
  }
  return true;
}

/** Cell text (ST_Xstring): & < > escaped, forbidden characters and CR as _xHHHH_ (as Excel writes them). */
export function escapeCellText(s: string): string {
  if (plainText(s)) return s;
  let t = s;
  if (/[&<>]/.test(t)) t = t.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  return t.replace(NEEDS_X, (c) => (c === "_" ? "_x005F_" : `_x${hex4(c.charCodeAt(0))}_`));
}

/** Attribute values: also quotes, and whitespace that attribute normalisation would fold. */
export function escapeAttr(s: string): string {
  return escapeCellText(s).replace(/"/g, "&quot;").replace(/\t/g, "&#9;").replace(/\n/g, "&#10;");
}

/** Formula text (<f>, definedName): & < > escaped; formulas hold no control characters worth keeping. */
export function escapeFormula(s: string): string {
  if (plainFormula(s)) return s;
  // eslint-disable-next-line no-control-regex
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "");
}

/** What JavaScript's \s matches: tab to CR, space, NBSP, the Unicode spaces, line and paragraph separators, BOM. */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || (c >= 0xa0 && (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff));
}

/** Whether inline text needs xml:space="preserve" (edge whitespace or line breaks): /^\s|\s$|\n|\t/ without the
 * regular expression (it ran for every cell written). */
export function needsPreserve(s: string): boolean {
  return edgeSpace(s) || s.indexOf("\n") >= 0 || s.indexOf("\t") >= 0;
}

/** Whether text begins or ends with whitespace (one of needsPreserve's reasons). */
export function edgeSpace(s: string): boolean {
  return s.length > 0 && (isSpace(s.charCodeAt(0)) || isSpace(s.charCodeAt(s.length - 1)));
}
