// ByteChunks: text written as TextEncoder writes it (surrogate pairs as four bytes, a lone surrogate as U+FFFD),
// bytes copied, blocks handed out whole and in order, a row's start cut back when nothing followed it.
import { ByteChunks } from "../../src/workbook/xlsx-write/byte-chunks";

const all = (chunks: Uint8Array[]): Buffer => Buffer.concat(chunks);

describe("ByteChunks", () => {
  it.each<[string, string]>([
    ["ASCII", "<row r=\"12\">abc</row>"],
    ["CJK and Latin-1", "党员花名册 é ü ß"],
    ["a surrogate pair", "𠀀a😀"],
    ["a lone high surrogate, then text", "a\uD800b"],
    ["a lone low surrogate at the end", "a\uDC00"],
    ["a high surrogate at the end", "x\uDBFF"],
    ["U+FFFE and U+FFFF", "\uFFFE\uFFFF"],
    ["empty", ""],
  ])("%s: the bytes TextEncoder gives", (_what, s) => {
    const out = new ByteChunks();
    out.text(s);
    expect(all(out.finish()).equals(Buffer.from(new TextEncoder().encode(s)))).toBe(true);
  });

  it("many writes over several blocks: the same bytes, in order, blocks handed out once full", () => {
    const out = new ByteChunks();
    const want: Buffer[] = [];
    const got: Uint8Array[] = [];
    for (let i = 0; i < 60_000; i++) {
      const s = `<c r="A${i}">名${i}</c>`;
      out.text(s);
      want.push(Buffer.from(s));
      const b = Uint8Array.of(i & 255, 1, 2);
      out.bytes(b);
      want.push(Buffer.from(b));
      if (out.ready) got.push(...out.take());
    }
    const long = "长".repeat(400_000); // over a third of a block: encoded whole, then copied across blocks
    out.text(long);
    want.push(Buffer.from(long));
    got.push(...out.finish());
    expect(got.length).toBeGreaterThan(2);
    expect(all(got).equals(Buffer.concat(want))).toBe(true);
  });

  it("cuts back to a mark", () => {
    const out = new ByteChunks();
    out.text("kept");
    out.room(64);
    const mark = out.mark;
    out.text("<row r=\"9\">");
    out.cut(mark);
    out.text("!");
    expect(all(out.finish()).toString()).toBe("kept!");
  });
});
