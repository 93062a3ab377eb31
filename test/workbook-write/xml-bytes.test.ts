// XmlBytes writes text and formulas as bytes: what encoding the string escapes' output gives, chunked or not.
import { escapeCellText, escapeFormula } from "../../src/workbook/xlsx-write/xml-escape";
import { markup, XmlBytes } from "../../src/workbook/xlsx-write/xml-bytes";

const utf8 = new TextEncoder();
const bytesOf = (chunks: Uint8Array[]): Buffer => Buffer.concat(chunks);

const CASES: Array<[string, string]> = [
  ["plain Chinese", "张三 正式党员"],
  ["two-byte characters", "Ünïcödé ©"],
  ["an ampersand and angle brackets", "A&B <b>"],
  ["a literal _xHHHH_ (the escape's own path)", "_x0041_"],
  ["an underscore that is no escape", "a_b"],
  ["CR, a control character", "a\rb\u0001"],
  ["tab and LF", "a\tb\nc"],
  ["lone surrogates", "a\ud800 \udc00b"],
  ["a surrogate pair", "𠀀x"],
  ["U+FFFE and U+FFFF", "a\ufffe\uffff"],
  ["a link formula", `HYPERLINK("#'党员花名册'!A"&IFERROR(MATCH("110105194912310021",'党员花名册'!$C:$C,0),7),"A7")`],
  ["empty", ""],
];

describe("XmlBytes: the bytes of the escaped string", () => {
  it.each(CASES)("%s", (_what, s) => {
    const w = new XmlBytes();
    w.text(s);
    w.formula(s);
    expect(bytesOf(w.end())).toEqual(Buffer.from(utf8.encode(escapeCellText(s) + escapeFormula(s))));
  });

  it.each([
    ["plain text", "张三 a=b & <c>", true],
    ["a tab (needs xml:space)", "a\tb", false],
    ["an underscore", "a_b", false],
    ["a surrogate pair", "𠀀", false],
  ] as const)("plainText writes %s only where it needs nothing more", (_what, s, plain) => {
    const w = new XmlBytes();
    expect(w.plainText(s)).toBe(plain);
    expect(bytesOf(w.end())).toEqual(Buffer.from(plain ? utf8.encode(escapeCellText(s)) : new Uint8Array(0)));
  });

  it("numbers as String() writes them", () => {
    const w = new XmlBytes();
    const ns = [0, 7, 10, 99, 100, 1048576, 2 ** 31, Number.MAX_SAFE_INTEGER, -1, -0, 0.5, 1e21, 1.5e-7, 123.456];
    for (const n of ns) {
      w.number(n);
      w.ascii(",");
    }
    expect(bytesOf(w.end()).toString("latin1")).toBe(ns.map((n) => `${String(n)},`).join(""));
  });

  it("markup short and long, and cell references: a row's number set once, written after each column", () => {
    const w = new XmlBytes();
    const want: string[] = [];
    const long = "x".repeat(300);
    for (const row of [1, 9, 10, 99999, 1048576]) {
      w.row(row);
      for (const open of ['<c r="A', '<c r="XFD', `<x:c r="B${"y".repeat(40)}`]) {
        w.ref(markup(open));
        w.raw(markup('"/>'));
        w.raw(markup(long));
        want.push(`${open}${row}"/>${long}`);
      }
    }
    expect(bytesOf(w.end()).toString("latin1")).toBe(want.join(""));
  });

  it("random text over many chunks, with rewinds, is the strings' bytes in order", () => {
    const alphabet = ["a", "张", "_", "x", "0", "&", "<", ">", '"', "\t", "\n", "\u0001", "\ud840", "\udc00", "\uffff", " ", "é", "𠀀"];
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 8) % n;
    const w = new XmlBytes();
    const want: string[] = [];
    const got: Uint8Array[] = [];
    for (let i = 0; i < 40000; i++) {
      const s = Array.from({ length: rnd(40) }, () => alphabet[rnd(alphabet.length)]).join("");
      const start = w.mark(16 + 5 * s.length);
      w.raw(markup("<t>"));
      if (!w.plainText(s)) {
        w.rewind(start);
        w.raw(markup("<t>"));
        w.text(s);
      }
      w.ascii("</t>");
      want.push(`<t>${escapeCellText(s)}</t>`);
      if (w.ready) got.push(...w.take());
    }
    got.push(...w.end());
    expect(got.length).toBeGreaterThan(4);
    expect(bytesOf(got)).toEqual(Buffer.from(utf8.encode(want.join(""))));
  });
});
