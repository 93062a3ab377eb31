// The style of a date a fix writes (date-styles.ts): the cell's own format with the date's number format, found where
// styles.xml has it, else added; the number format found by its code (own, then built-in), else added.
import { DateStyles } from "../../src/workbook/xlsx-write/date-styles";
import { parseNumberStyles } from "../../src/workbook/xlsx/styles";

const styles = (numFmts: string, xfs: string): string =>
  `<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${numFmts}` +
  `<fonts count="2"><font/><font><b/></font></fonts><cellXfs count="${(xfs.match(/<xf\b/g) ?? []).length}">${xfs}</cellXfs></styleSheet>`;

const CUSTOM = '<numFmts count="1"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>';

describe("DateStyles", () => {
  it.each([
    { name: "the neighbours' format found (built-in 14)", numFmts: "", xfs: '<xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/>', s: "0", format: "m/d/yyyy", style: "1", added: undefined },
    { name: "a cell in its own font: a format added, the font kept", numFmts: "", xfs: '<xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="0" fontId="1" applyFont="1"/>', s: "2", format: "m/d/yyyy", style: "3", added: '<xf numFmtId="14" fontId="1" applyFont="1" applyNumberFormat="1"/>' },
    { name: "a Text cell (@, quote prefix): the date format instead, no quote prefix", numFmts: "", xfs: '<xf numFmtId="0"/><xf numFmtId="49" quotePrefix="1" applyNumberFormat="1"><alignment horizontal="left"/></xf>', s: "1", format: "m/d/yyyy", style: "2", added: '<xf numFmtId="14" applyNumberFormat="1"><alignment horizontal="left"/></xf>' },
    { name: "the workbook's own custom format, by its code", numFmts: CUSTOM, xfs: '<xf numFmtId="0"/>', s: undefined, format: 'yyyy"年"m"月"d"日"', style: "1", added: '<xf numFmtId="176" applyNumberFormat="1"/>' },
    { name: "a format the workbook lacks: added to numFmts", numFmts: CUSTOM, xfs: '<xf numFmtId="0"/>', s: "0", format: "yyyy-mm-dd", style: "1", added: '<xf numFmtId="177" applyNumberFormat="1"/>' },
  ])("$name", ({ numFmts, xfs, s, format, style, added }) => {
    const xml = styles(numFmts, xfs);
    const d = new DateStyles(xml);
    expect(d.styleFor(s, format)).toBe(style);
    expect(d.styleFor(s, format)).toBe(style); // made once
    const out = d.text();
    if (added === undefined) expect(out).toBe(xml);
    else {
      expect(out).toContain(`${added}</cellXfs>`);
      const read = parseNumberStyles(out);
      expect(read.dates[Number(style)]).toBe(1);
      expect(read.dateCode(Number(style))).toBe(format);
      expect(out).toMatch(new RegExp(`<cellXfs count="${read.dates.length}">`));
    }
  });

  it("leaves the kit's formats alone: an equal one outside them is used, or one added", () => {
    const xml = styles("", '<xf numFmtId="0"/><xf numFmtId="14"/>');
    expect(new DateStyles(xml, [1, 2]).styleFor("0", "m/d/yyyy")).toBe("2");
    expect(new DateStyles(xml).styleFor("0", "m/d/yyyy")).toBe("1");
  });

  it("creates numFmts before fonts where the workbook has none", () => {
    const d = new DateStyles(styles("", '<xf numFmtId="0"/>'));
    d.styleFor("0", "yyyy.mm.dd");
    expect(d.text()).toContain('<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy.mm.dd"/></numFmts><fonts');
  });
});
