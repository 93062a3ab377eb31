// The escapes' fast path (a scan that returns plain text as it is) gives what the regular expressions alone give.
import { escapeAttr, escapeCellText, escapeFormula, needsPreserve } from "../../src/workbook/xlsx-write/xml-escape";

// The escapes as they were before the fast path, as the oracle.
// eslint-disable-next-line no-control-regex
const NEEDS_X = /[\u0000-\u0008\u000B\u000C\u000D\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|_(?=x[0-9A-Fa-f]{4}_)/g;
const hex4 = (c: number): string => c.toString(16).toUpperCase().padStart(4, "0");
const oracleText = (s: string): string =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(NEEDS_X, (c) => (c === "_" ? "_x005F_" : `_x${hex4(c.charCodeAt(0))}_`));
// eslint-disable-next-line no-control-regex
const oracleFormula = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "");

const CASES: Array<[string, string, string]> = [
  // [what, input, escapeCellText's output]
  ["plain Chinese", "张三 正式党员", "张三 正式党员"],
  ["an ampersand", "A&B", "A&amp;B"],
  ["angle brackets", "<b>", "&lt;b&gt;"],
  ["a literal _xHHHH_", "_x0041_", "_x005F_x0041_"],
  ["an underscore that is no escape", "a_b", "a_b"],
  ["CR", "a\rb", "a_x000D_b"],
  ["a control character", "a\u0001b", "a_x0001_b"],
  ["a lone high surrogate", "a\ud800", "a_xD800_"],
  ["a lone low surrogate", "\udc00b", "_xDC00_b"],
  ["a surrogate pair", "𠀀", "𠀀"],
  ["U+FFFF", "a\uffff", "a_xFFFF_"],
  ["tab and LF kept", "a\tb\nc", "a\tb\nc"],
  ["quotes kept in text", 'say "hi"', 'say "hi"'],
];

describe("escapeCellText's fast path", () => {
  it.each(CASES)("%s", (_what, input, want) => {
    expect(escapeCellText(input)).toBe(want);
    expect(escapeCellText(input)).toBe(oracleText(input));
  });
});

describe("every escape equals its regular-expression form on random text", () => {
  const alphabet = ["a", "张", "_", "x", "0", "4", "1", "F", "&", "<", ">", '"', "\t", "\n", "\r", "\u0001", "\u001f", "\ud840", "\udc00", "\uffff", "\ufffe", " ", "'", "#", "("];
  let seed = 42;
  const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 8) % n;
  const strings = Array.from({ length: 3000 }, () => Array.from({ length: rnd(12) }, () => alphabet[rnd(alphabet.length)]).join(""));

  it("cell text, formulas and attributes", () => {
    for (const s of strings) {
      expect([s, escapeCellText(s)]).toEqual([s, oracleText(s)]);
      expect([s, escapeFormula(s)]).toEqual([s, oracleFormula(s)]);
      expect([s, escapeAttr(s)]).toEqual([s, oracleText(s).replace(/"/g, "&quot;").replace(/\t/g, "&#9;").replace(/\n/g, "&#10;")]);
    }
  });

  it("xml:space=preserve where /^\\s|\\s$|\\n|\\t/ says, every space JavaScript knows at either end", () => {
    const spaces = [" ", "\t", "\n", "\v", "\f", "\r", "\u00a0", "\u1680", "\u2000", "\u200a", "\u2028", "\u2029", "\u202f", "\u205f", "\u3000", "\ufeff"];
    const near = ["\u0008", "\u000e", "\u001f", "\u0085", "\u009f", "\u00a1", "\u1fff", "\u200b", "\u3001", "\ufefe", "x", "张"];
    const cases = [...strings, "", ...[...spaces, ...near].flatMap((c) => [c, `${c}a`, `a${c}`, `a${c}b`, `${c}${c}`])];
    for (const s of cases) expect([s, needsPreserve(s)]).toEqual([s, /^[\s]|[\s]$|\n|\t/.test(s)]);
  });

  it("a formula's quotes and links pass through", () => {
    const f = `HYPERLINK("#'党员花名册'!A"&IFERROR(MATCH("110105194912310021",'党员花名册'!$C:$C,0),7),"A7")`;
    expect(escapeFormula(f)).toBe(oracleFormula(f));
    expect(escapeFormula(f)).toContain("&amp;IFERROR");
  });
});
