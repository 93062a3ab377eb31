// The zip round trip (unchanged entries keep their raw compressed bytes, data descriptors go) and the style kit
// (appended once, reused, taken out again to the byte).
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { flagRuleFormula } from "../../src/plan/flag-key";
import { EMPTY_PLAN, type WritePlan } from "../../src/plan/write-plan";
import { escapeFormula } from "../../src/workbook/xlsx-write/xml-escape";
import { openXlsx } from "../../src/workbook/xlsx";
import { entryData, readZipIndex } from "../../src/workbook/xlsx/zip";
import { applyPlan } from "../../src/workbook/xlsx-write";
import { crc32Update } from "../../src/workbook/xlsx-write/crc32";
import { ensureKit, parseRecord, removeKit } from "../../src/workbook/xlsx-write/styles-patch";
import { CLEAR_PLAN, productSheet } from "../fixtures/xlsx-write/plans";
import { buildPackage, EXCEL_STYLES, sheetXml } from "./build-package";
import { diffParts, same } from "./package-helpers";

/** The same zip with every entry's CRC and sizes moved into a data descriptor (bit 3), as streaming writers do. */
function withDataDescriptors(zip: Uint8Array): Uint8Array {
  const idx = readZipIndex(zip, "z");
  const dv = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const out: number[] = [];
  const central: number[] = [];
  const u16 = (a: number[], v: number) => a.push(v & 255, (v >>> 8) & 255);
  const u32 = (a: number[], v: number) => a.push(v & 255, (v >>> 8) & 255, (v >>> 16) & 255, (v >>> 24) & 255);
  for (const e of idx.entries) {
    const at = e.localOffset;
    const name = zip.subarray(at + 30, at + 30 + dv.getUint16(at + 26, true));
    const data = entryData(zip, e, "z");
    const crc = dv.getUint32(at + 14, true);
    const offset = out.length;
    u32(out, 0x04034b50); u16(out, 20); u16(out, e.flags | 8); u16(out, e.method); u32(out, 0); u32(out, 0); u32(out, 0); u32(out, 0);
    u16(out, name.length); u16(out, 0); out.push(...name, ...data);
    u32(out, 0x08074b50); u32(out, crc); u32(out, data.length); u32(out, e.size);
    u32(central, 0x02014b50); u16(central, 20); u16(central, 20); u16(central, e.flags | 8); u16(central, e.method); u32(central, 0);
    u32(central, crc); u32(central, data.length); u32(central, e.size); u16(central, name.length); u16(central, 0); u16(central, 0);
    u16(central, 0); u16(central, 0); u32(central, 0); u32(central, offset); central.push(...name);
  }
  const cd = out.length;
  out.push(...central);
  u32(out, 0x06054b50); u16(out, 0); u16(out, 0); u16(out, idx.entries.length); u16(out, idx.entries.length); u32(out, central.length); u32(out, cd); u16(out, 0);
  return Uint8Array.from(out);
}

describe("zip round trip", () => {
  const input = buildPackage({ sheets: [{ name: "A", xml: sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>') }, { name: "B" }], styles: EXCEL_STYLES });

  it.each([["fflate's zip", input], ["a zip with data descriptors", withDataDescriptors(input)]])("%s: an empty plan copies every entry's raw bytes, in order", (_l, zip) => {
    const out = applyPlan(zip, "in", EMPTY_PLAN);
    const a = readZipIndex(zip, "in").entries;
    const b = readZipIndex(out, "out").entries;
    expect(b.map((e) => e.name)).toEqual(a.map((e) => e.name));
    a.forEach((e, i) => expect([e.name, same(entryData(zip, e, "in"), entryData(out, b[i], "out")), b[i].flags & 8]).toEqual([e.name, true, 0]));
    expect(diffParts(zip, out)).toEqual({ changed: [], onlyA: [], onlyB: [] });
  });

  it("new parts carry the right CRC (fflate checks it on unzip) at every deflate level", () => {
    for (const level of [0, 1, 6, 9]) {
      const out = applyPlan(input, "in", { ...EMPTY_PLAN, sheets: [productSheet("issues", "A", 500)] }, { deflateLevel: level });
      expect(() => unzipSync(out)).not.toThrow();
      expect(openXlsx(out, "o").readSheet("名册问题").rows.length).toBe(506);
    }
    expect(() => applyPlan(input, "in", EMPTY_PLAN, { deflateLevel: 11 })).toThrow(/deflateLevel/);
  });

  it("CRC-32 matches the standard check value", () => expect(crc32Update(0, strToU8("123456789")).toString(16)).toBe("cbf43926"));
});

describe("the style kit", () => {
  const kitOnce = (styles: string | undefined) => ensureKit(styles, undefined);
  const cases: Array<[string, string | undefined]> = [
    ["Excel's styles (dxfs count=0)", EXCEL_STYLES],
    ["no dxfs element", EXCEL_STYLES.replace('<dxfs count="0"/>', "")],
    ["<dxfs/> without count", EXCEL_STYLES.replace('<dxfs count="0"/>', "<dxfs/>")],
    ["dxfs and fonts already used", EXCEL_STYLES.replace('<dxfs count="0"/>', '<dxfs count="1"><dxf><font><b/></font></dxf></dxfs>')],
    ["a prefixed stylesheet", EXCEL_STYLES.replace(/<(\/?)(?=[a-zA-Z])/g, "<$1x:").replace("<x:?xml", "<?xml").replace('xmlns="', 'xmlns:x="')],
    ["no styles part", undefined],
  ];
  it.each(cases)("%s: appended with counts right, reused on a re-run, removed to the byte", (_l, styles) => {
    const first = kitOnce(styles);
    const rec = parseRecord(`"${first.record}"`)!;
    expect(rec.at.cellXfs.n).toBe(14);
    const count = (tag: string) => Number(new RegExp(`<(?:x:)?${tag} count="(\\d+)"`).exec(first.xml)?.[1]);
    const children = (tag: string, child: string) => (new RegExp(`<(?:x:)?${tag}[ >][^]*?</(?:x:)?${tag}>`).exec(first.xml)?.[0].match(new RegExp(`<(?:x:)?${child}[ >/]`, "g")) ?? []).length;
    for (const [tag, child] of [["fonts", "font"], ["fills", "fill"], ["borders", "border"], ["cellXfs", "xf"], ["dxfs", "dxf"]]) expect([tag, count(tag)]).toEqual([tag, children(tag, child)]);
    const again = ensureKit(first.xml, `"${first.record}"`);
    expect(again.xml).toBe(first.xml);
    expect(again.place).toEqual(first.place);
    const removed = removeKit(first.xml, first.record);
    expect(removed).toBe(styles === undefined ? "delete" : styles);
  });

  it("a kit someone changed is not reused: a new one is appended", () => {
    const first = kitOnce(EXCEL_STYLES);
    const edited = first.xml.replace('<sz val="16"/>', '<sz val="18"/>');
    const again = ensureKit(edited, first.record);
    expect(again.place.xf).toBe(first.place.xf + 14);
    expect(removeKit(edited, first.record)).toBeUndefined();
  });

  it("a workbook without styles.xml gets one, and clear takes it away again", () => {
    const input = buildPackage({ sheets: [{ name: "A" }] });
    const out = applyPlan(input, "in", { ...EMPTY_PLAN, sheets: [productSheet("issues", "A")] });
    expect(unzipSync(out)["xl/styles.xml"]).toBeDefined();
    expect(diffParts(input, applyPlan(out, "o", CLEAR_PLAN))).toEqual({ changed: [], onlyA: [], onlyB: [] });
  });

  it("stays where a user's cell uses one of its formats after clear (the record goes)", () => {
    const input = buildPackage({ sheets: [{ name: "A" }], styles: EXCEL_STYLES });
    const out = unzipSync(applyPlan(input, "in", { ...EMPTY_PLAN, sheets: [productSheet("issues", "A")] }));
    out["xl/worksheets/sheet1.xml"] = strToU8(sheetXml('<row r="1"><c r="A1" s="3"><v>1</v></c></row>'));
    const cleared = unzipSync(applyPlan(zipSync(out), "o", CLEAR_PLAN));
    expect(strFromU8(cleared["xl/styles.xml"])).toBe(strFromU8(out["xl/styles.xml"]));
    expect(strFromU8(cleared["xl/workbook.xml"])).not.toContain("_RosterAssistant_");
  });

  it("the flags' rules use the kit's dxfs: error red, warning yellow, info blue", () => {
    const input = buildPackage({ sheets: [{ name: "R", xml: sheetXml('<row r="2"><c r="A2"><v>1</v></c></row>') }], styles: EXCEL_STYLES });
    const p: WritePlan = { ...EMPTY_PLAN, flags: [{ sheet: "R", firstRow: 2, lastRow: 4, firstCol: 1, lastCol: 3, nameCol: 1, cells: [{ row: 2, col: 1, code: 1 }, { row: 3, col: 2, code: 2 }, { row: 4, col: 3, code: 3 }], entries: [{ fp: 1, key: "a|1" }] }] };
    const parts = unzipSync(applyPlan(input, "in", p));
    const styles = strFromU8(parts["xl/styles.xml"]);
    const dxfs = [...styles.matchAll(/<dxf>.*?<\/dxf>/g)].map((m) => m[0]);
    expect(dxfs).toEqual([
      '<dxf><font><color rgb="FF9C0006"/></font><fill><patternFill><bgColor rgb="FFFFC7CE"/></patternFill></fill></dxf>',
      '<dxf><font><color rgb="FF9C5700"/></font><fill><patternFill><bgColor rgb="FFFFEB9C"/></patternFill></fill></dxf>',
      '<dxf><font><color rgb="FF1F4E78"/></font><fill><patternFill><bgColor rgb="FFDDEBF7"/></patternFill></fill></dxf>',
    ]);
    const sheet = strFromU8(parts["xl/worksheets/sheet1.xml"]);
    expect([...sheet.matchAll(/<cfRule [^>]*>/g)].map((m) => m[0])).toEqual([
      '<cfRule type="expression" dxfId="0" priority="1">', '<cfRule type="expression" dxfId="1" priority="2">', '<cfRule type="expression" dxfId="2" priority="3">',
    ]);
    expect(sheet).toContain(`<formula>${escapeFormula(flagRuleFormula({ firstRow: 2, firstCol: 1, nameCol: 1 }, "_RosterAssistant_flagKeys1", 2)).replace(/UNICODE\(/g, "_xlfn.UNICODE(")}</formula>`);
  });
});
