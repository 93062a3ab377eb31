// cell-bytes.ts writes inlineCell's cell as bytes: the same bytes as inlineCell's text encoded, on every kind of value.
import { ByteBuf, cellEnd, cellMarkup, cellStart } from "../../src/workbook/xlsx-write/cell-bytes";
import { inlineCell } from "../../src/workbook/xlsx-write/row-edit";

const dec = new TextDecoder();
const enc = new TextEncoder();

describe("ByteBuf.utf8 encodes as TextEncoder", () => {
  it.each([
    ["ASCII", "abc 123"],
    ["two- and three-byte characters", "é名册"],
    ["a surrogate pair", "a😀b"],
    ["a lone high surrogate, at the end and before a letter", "a\uD83D"],
    ["a lone low surrogate", "\uDE00x\uD83Dy"],
    ["U+FFFF and U+FFFD", "\uFFFF\uFFFD"],
  ])("%s", (_name, s) => {
    const buf = new ByteBuf();
    buf.utf8(s);
    expect(Array.from(buf.bytes.subarray(0, buf.length))).toEqual(Array.from(enc.encode(s)));
  });

  it("grows past its first buffer, keeping what it holds", () => {
    const buf = new ByteBuf();
    const s = "名".repeat(40000);
    buf.utf8("a");
    buf.utf8(s);
    expect(dec.decode(buf.bytes.subarray(0, buf.length))).toBe(`a${s}`);
  });
});

describe("cellStart + cellEnd write inlineCell's cell", () => {
  it.each([
    ["text", "", 1, 7, undefined, "新值"],
    ["text to escape, a style, a prefix", "x:", 28, 1048576, "12", " a<b>&c\n_x0041_ \u0001"],
    ["an empty text", "", 3, 9, "4", ""],
    ["a number", "", 16384, 2, undefined, 1.5],
    ["a large number", "x:", 2, 3, "1", 1e21],
  ])("%s", (_name, p, col, row, style, value) => {
    const buf = new ByteBuf();
    const m = cellMarkup(p);
    cellStart(buf, m, col, row);
    if (style !== undefined) {
      buf.copy(m.style, 0, m.style.length);
      buf.utf8(style);
    }
    cellEnd(buf, m, value);
    const ref = `${col === 1 ? "A" : col === 28 ? "AB" : col === 3 ? "C" : col === 16384 ? "XFD" : "B"}${row}`;
    expect(dec.decode(buf.bytes.subarray(0, buf.length))).toBe(inlineCell(p, ref, style, value));
  });

  it("throws for a number a cell cannot hold, as inlineCell does", () => {
    expect(() => cellEnd(new ByteBuf(), cellMarkup(""), NaN)).toThrow("cannot write NaN into a cell");
    expect(() => inlineCell("", "A1", undefined, NaN)).toThrow("cannot write NaN into a cell");
  });
});
