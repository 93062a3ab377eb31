// The scanner is fed as the part inflates: any split of the bytes must give the same grid as one whole feed.
import { strToU8 } from "fflate";
import { openXlsx, UnreadableInputError } from "../../src/workbook/xlsx";
import { SheetScanner } from "../../src/workbook/xlsx/sheet-scan";
import { buildXlsx, compressedRange } from "./xlsx-builder";

const XML = `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="1"><c r="A1" t="s"><v>1</v></c><c r="B1" t="inlineStr"><is><r><t>中</t></r><r><t>文 &amp; x</t></r><rPh><t>y</t></rPh></is></c><c r="C1" s="1"><v>45292</v></c></row>
<row r="2"><c r="A2"><f t="shared" ref="A2:A3" si="0">B1</f><v>-12.75</v></c><c r="B2" t="str"><f>"a"</f><v>&lt;ok&gt;</v></c><!-- note --><c r="C2" t="b"><v>1</v></c></row>
<row><c><v>3</v></c><x:c xmlns:x="urn:x" r="D3" t="e"><x:v>#REF!</x:v></x:c><c r="E3" t="d"><v>2024-01-01</v></c></row>
</sheetData><mergeCells count="0"/></worksheet>`;

function scan(bytes: Uint8Array, chunk: number): SheetScanner {
  const sc = new SheetScanner({
    sharedStrings: ["zero", "one"],
    dateStyles: new Uint8Array([0, 1]),
    date1904: false,
    maxRows: Infinity,
    fail: (p) => {
      throw new Error(p);
    },
  });
  const buf = new Uint8Array(bytes.length + 1);
  for (let at = 0; at < bytes.length && !sc.done; ) {
    const end = Math.min(bytes.length, at + chunk);
    buf.set(bytes.subarray(at, end), at);
    buf[end] = 60;
    sc.feed(buf, end);
    at = end;
  }
  return sc;
}

describe("chunked scanning", () => {
  const bytes = strToU8(XML);
  const whole = scan(bytes, bytes.length);

  it("reads the sample as expected in one feed", () => {
    expect(whole.done).toBe(true);
    expect(whole.rows).toEqual([
      ["one", "中文 & x", { kind: "date", serial: 45292 }],
      [-12.75, "<ok>", true],
      [3, undefined, undefined, "#REF!", { kind: "date", serial: 45292 }],
    ]);
    expect(whole.formulaCells.size).toBe(2);
  });

  it.each([1, 2, 3, 5, 7, 11, 16, 64, 100])("gives the same grid fed %d bytes at a time", (chunk) => {
    const sc = scan(bytes, chunk);
    expect(sc.done).toBe(true);
    expect(sc.rows).toEqual(whole.rows);
    expect([...sc.formulaCells]).toEqual([...whole.formulaCells]);
  });

  it("refuses a feed without the sentinel", () => {
    const sc = new SheetScanner({ sharedStrings: [], dateStyles: new Uint8Array(0), date1904: false, maxRows: 1, fail: () => { throw new Error(); } });
    expect(() => sc.feed(new Uint8Array([32, 32]), 1)).toThrow(/sentinel/);
  });
});

describe("a sheet larger than one inflate step", () => {
  const n = 30000;
  const rows: string[] = [];
  for (let r = 1; r <= n; r++) {
    rows.push(`<row r="${r}"><c r="A${r}"><v>${r}</v></c><c r="B${r}" t="inlineStr"><is><t>名${(r * 7919) % 100003}</t></is></c><c r="C${r}" s="1"><v>${20000 + (r % 9000)}</v></c></row>`);
  }
  const book = buildXlsx({ sheets: [{ name: "Big", rows: rows.join("") }] });

  it("reads every row", () => {
    const g = openXlsx(book, "big.xlsx").readSheet("Big");
    expect(g.rows.length).toBe(n);
    for (const r of [1, 2, 4097, 12345, n]) {
      expect(g.rows[r - 1]).toEqual([r, `名${(r * 7919) % 100003}`, { kind: "date", serial: 20000 + (r % 9000) }]);
    }
  });

  it("peeks without inflating the rest: a damaged tail only fails the full read", () => {
    const damaged = book.slice();
    const [start, end] = compressedRange(damaged, "xl/worksheets/sheet1.xml");
    expect(end - start).toBeGreaterThan(64 * 1024);
    damaged.fill(0xff, start + Math.floor((end - start) * 0.7), end);
    const wb = openXlsx(damaged, "damaged.xlsx");
    const peek = wb.readSheet("Big", { maxRows: 10 });
    expect(peek.rows.length).toBe(10);
    expect(peek.rows[9]![0]).toBe(10);
    expect(() => wb.readSheet("Big")).toThrow(UnreadableInputError);
    expect(() => wb.readSheet("Big")).toThrow(/^damaged\.xlsx: the file is damaged/);
  });
});
