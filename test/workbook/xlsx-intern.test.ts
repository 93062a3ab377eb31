// Inline strings read once per distinct markup (text-intern.ts): repeats, rich text, entities, columns whose values
// never repeat (no longer looked up after a sample) and more distinct texts than the table keeps all read as decoded.
import { columnIndex } from "../../src/domain/grid";
import { openXlsx } from "../../src/workbook/xlsx";
import { TextInterner } from "../../src/workbook/xlsx/text-intern";
import { buildXlsx } from "./xlsx-builder";

const enc = new TextEncoder();
const decodeAll = (b: Uint8Array, a: number, e: number) => new TextDecoder().decode(b.subarray(a, e));

describe("TextInterner", () => {
  it("gives the decoded text for every markup, the first decode reused for a repeat", () => {
    const interner = new TextInterner();
    let decodes = 0;
    const decode = (b: Uint8Array, a: number, e: number) => (decodes++, decodeAll(b, a, e));
    const bytes = enc.encode("xx男女男漢族男xx");
    expect(interner.text(bytes, 2, 5, 0, decode)).toBe("男");
    expect(interner.text(bytes, 5, 8, 0, decode)).toBe("女");
    expect(interner.text(bytes, 8, 11, 0, decode)).toBe("男");
    expect(interner.text(bytes, 11, 17, 0, decode)).toBe("漢族");
    expect(interner.text(bytes, 17, 20, 0, decode)).toBe("男");
    expect(decodes).toBe(3);
  });

  it("stops looking up a column whose values do not repeat, and still reads each one", () => {
    const interner = new TextInterner();
    let decodes = 0;
    const decode = (b: Uint8Array, a: number, e: number) => (decodes++, decodeAll(b, a, e));
    for (let i = 0; i < 5000; i++) {
      const b = enc.encode(`id${i}`);
      expect(interner.text(b, 0, b.length, 3, decode)).toBe(`id${i}`);
    }
    expect(decodes).toBe(5000);
    // the column is judged, another column is not: its repeats are still found
    const same = enc.encode("预备党员");
    for (let i = 0; i < 3000; i++) expect(interner.text(same, 0, same.length, 4, decode)).toBe("预备党员");
    expect(decodes).toBe(5001);
    // the first column's repeats are decoded again now (it is no longer looked up)
    const first = enc.encode("id7");
    expect(interner.text(first, 0, first.length, 3, decode)).toBe("id7");
    expect(decodes).toBe(5002);
  });

  it("keeps a column of many repeated values (dates typed as text), drops one of few repeats at the second look", () => {
    const interner = new TextInterner();
    let decodes = 0;
    const decode = (b: Uint8Array, a: number, e: number) => (decodes++, decodeAll(b, a, e));
    // 1,500 distinct texts, each repeated: no hit among the first 1,500 cells, every cell a hit after
    for (let i = 0; i < 20_000; i++) {
      const b = enc.encode(`19${50 + (i % 50)}.${1 + (i % 1500) % 12}.${i % 1500}`);
      expect(interner.text(b, 0, b.length, 7, decode)).toBe(decodeAll(b, 0, b.length));
    }
    expect(decodes).toBe(1500);
    // one cell in 10 repeats: 10% hits, kept at the first look (2,048 cells), dropped at the second (16,384)
    decodes = 0;
    const same = enc.encode("同");
    for (let i = 0; i < 16_384; i++) {
      const b = i % 10 === 0 ? same : enc.encode(`u${i}`);
      expect(interner.text(b, 0, b.length, 8, decode)).toBe(decodeAll(b, 0, b.length));
    }
    expect(decodes).toBe(16_384 - 1638);
    expect(interner.text(same, 0, same.length, 8, decode)).toBe("同");
    expect(decodes).toBe(16_384 - 1638 + 1);
  });

  it("reads markup longer than it keeps, and more distinct texts than it holds", () => {
    const interner = new TextInterner();
    const long = enc.encode("长".repeat(100));
    expect(interner.text(long, 0, long.length, 0, decodeAll)).toBe("长".repeat(100));
    // many columns, each repeating its values: the table fills, then only what it holds is found
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 70_000; i++) {
        const b = enc.encode(`v${i}`);
        expect(interner.text(b, 0, b.length, i % 40, decodeAll)).toBe(`v${i}`);
      }
    }
  });
});

describe("inline strings in a sheet", () => {
  it("read as before when values repeat in a column and are unique in another", () => {
    const values = ["男", "女", "A &amp; B", "<r><t>中</t></r><r><rPr><b/></rPr><t>文</t></r><rPh><t>x</t></rPh>", "<t/>", "1958.3"];
    const expected = ["男", "女", "A & B", "中文", "", "1958.3"];
    const rows: string[] = [];
    for (let r = 1; r <= 6000; r++) {
      const v = values[r % values.length];
      const inner = v.startsWith("<") ? v : `<t>${v}</t>`;
      rows.push(`<row r="${r}"><c r="A${r}" t="inlineStr"><is>${inner}</is></c><c t="inlineStr"><is><t>名${r}</t></is></c></row>`);
    }
    const book = buildXlsx({ sheets: [{ name: "S", rows: rows.join("") }] });
    const grid = openXlsx(book, "s.xlsx").readSheet("S");
    for (let r = 1; r <= 6000; r++) {
      expect(grid.rows[r - 1]?.[columnIndex("A")]).toBe(expected[r % values.length]);
      expect(grid.rows[r - 1]?.[columnIndex("B")]).toBe(`名${r}`);
    }
  });
});
