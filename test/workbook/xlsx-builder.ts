// Builds small .xlsx packages from hand-written XML for the reader's tests (fflate zipSync, no Excel library).
import { strToU8, zipSync, type Zippable } from "fflate";

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const NS_R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export interface SheetSpec {
  name: string;
  /** The inner XML of <sheetData> (ignored when `xml` is given). */
  rows?: string;
  /** The whole part, for sheets that need odd markup (prefixes, DTDs). */
  xml?: string;
  state?: "hidden" | "veryHidden";
  kind?: "worksheet" | "chartsheet";
}

export interface BookSpec {
  sheets: SheetSpec[];
  /** Shared strings as plain texts (escaped here), or a raw <sst> part. */
  sharedStrings?: string[] | { xml: string };
  /** Raw styles part; defaults to DATE_STYLES. */
  stylesXml?: string;
  date1904?: boolean;
  /** Raw <definedName> elements. */
  definedNames?: string;
  /** Folder of the workbook part ("xl" by default); other writers use other paths. */
  workbookDir?: string;
  /** Write sheet targets as absolute part names ("/xl/worksheets/sheet1.xml"). */
  absoluteTargets?: boolean;
  /** Raw workbook part (replaces the generated one). */
  workbookXml?: string;
  /** More parts, or replacements, by path. */
  extra?: Record<string, string | Uint8Array>;
  /** Parts to leave out. */
  omit?: string[];
}

export const escapeXml = (s: string): string =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Text as UTF-16LE bytes with its byte-order mark (FF FE), as some exporting systems write a part. */
export function utf16le(text: string): Uint8Array {
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes[0] = 0xff;
  bytes[1] = 0xfe;
  for (let i = 0; i < text.length; i++) {
    bytes[2 + 2 * i] = text.charCodeAt(i) & 0xff;
    bytes[3 + 2 * i] = text.charCodeAt(i) >> 8;
  }
  return bytes;
}

export const worksheetXml = (rows: string): string => `${XML_DECL}<worksheet ${NS} ${NS_R}><sheetData>${rows}</sheetData></worksheet>`;

/**
 * cellXfs used by the tests, by index: 0 General, 1 built-in 14 (date), 2 custom yyyy"年"m"月", 3 [$-804] locale date,
 * 4 "0.00", 5 elapsed [h]:mm, 6 #,##0;[Red]-#,##0, 7 built-in 22 (date time), 8 built-in 49 (text "@"),
 * 9 custom "0.0 \"days\"" (quoted d), 10 built-in 57 (CJK date), 11 scientific 0.00E+00.
 * A dxf redefines numFmt 182 as "yyyy": it must not leak into cellXfs.
 */
export const DATE_STYLES = `${XML_DECL}<styleSheet ${NS}><numFmts count="7">
<numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;"/>
<numFmt numFmtId="177" formatCode="[$-804]yyyy/m/d;@"/>
<numFmt numFmtId="178" formatCode="[h]:mm"/>
<numFmt numFmtId="179" formatCode="#,##0;[Red]\\-#,##0"/>
<numFmt numFmtId="180" formatCode="0.0 &quot;days&quot;"/>
<numFmt numFmtId="181" formatCode="0.00E+00"/>
<numFmt numFmtId="182" formatCode="0.00"/>
</numFmts><fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders>
<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>
<cellXfs count="12"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="176"/><xf numFmtId="177"/>
<xf numFmtId="182"/><xf numFmtId="178"/><xf numFmtId="179"/><xf numFmtId="22"><alignment horizontal="left"/></xf><xf numFmtId="49"/>
<xf numFmtId="180"/><xf numFmtId="57"/><xf numFmtId="181"/></cellXfs>
<dxfs count="1"><dxf><numFmt numFmtId="182" formatCode="yyyy"/></dxf></dxfs></styleSheet>`;

export function buildXlsx(spec: BookSpec): Uint8Array {
  const dir = spec.workbookDir ?? "xl";
  const files: Record<string, string | Uint8Array> = {};
  const wbRels: string[] = [];
  const sheetEls: string[] = [];
  const overrides: string[] = [];
  spec.sheets.forEach((s, i) => {
    const kind = s.kind ?? "worksheet";
    const folder = kind === "chartsheet" ? "chartsheets" : "worksheets";
    const part = `${dir}/${folder}/sheet${i + 1}.xml`;
    files[part] = s.xml ?? (kind === "chartsheet"
      ? `${XML_DECL}<chartsheet ${NS} ${NS_R}><sheetPr/><drawing r:id="rId1"/></chartsheet>`
      : worksheetXml(s.rows ?? ""));
    const target = spec.absoluteTargets ? `/${part}` : `${folder}/sheet${i + 1}.xml`;
    wbRels.push(`<Relationship Id="rId${i + 1}" Type="${REL}/${kind}" Target="${target}"/>`);
    const state = s.state ? ` state="${s.state}"` : "";
    sheetEls.push(`<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}"${state} r:id="rId${i + 1}"/>`);
    overrides.push(`<Override PartName="/${part}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.${kind}+xml"/>`);
  });
  const n = spec.sheets.length;
  wbRels.push(`<Relationship Id="rId${n + 1}" Type="${REL}/styles" Target="styles.xml"/>`);
  files[`${dir}/styles.xml`] = spec.stylesXml ?? DATE_STYLES;
  if (spec.sharedStrings !== undefined) {
    wbRels.push(`<Relationship Id="rId${n + 2}" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`);
    const sst = spec.sharedStrings;
    files[`${dir}/sharedStrings.xml`] = Array.isArray(sst)
      ? `${XML_DECL}<sst ${NS} count="${sst.length}" uniqueCount="${sst.length}">${sst.map((t) => `<si><t>${escapeXml(t)}</t></si>`).join("")}</sst>`
      : sst.xml;
  }
  const pr = spec.date1904 ? '<workbookPr date1904="1"/>' : "<workbookPr/>";
  const names = spec.definedNames ? `<definedNames>${spec.definedNames}</definedNames>` : "";
  files[`${dir}/workbook.xml`] = spec.workbookXml ?? `${XML_DECL}<workbook ${NS} ${NS_R}>${pr}<bookViews><workbookView/></bookViews><sheets>${sheetEls.join("")}</sheets>${names}<calcPr calcId="191029"/></workbook>`;
  files[`${dir}/_rels/workbook.xml.rels`] = `${XML_DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${wbRels.join("")}</Relationships>`;
  files["_rels/.rels"] = `${XML_DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="${dir}/workbook.xml"/></Relationships>`;
  files["[Content_Types].xml"] = `${XML_DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/${dir}/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${overrides.join("")}</Types>`;
  Object.assign(files, spec.extra ?? {});
  for (const p of spec.omit ?? []) delete files[p];
  return zipFiles(files);
}

export function zipFiles(files: Record<string, string | Uint8Array>, level: 0 | 6 = 6): Uint8Array {
  const z: Zippable = {};
  for (const [k, v] of Object.entries(files)) z[k] = [typeof v === "string" ? strToU8(v) : v, { level }];
  return zipSync(z);
}

/** Overwrites the uncompressed size that the central directory declares for `name` (to fake a zip bomb). */
export function patchDeclaredSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const out = zip.slice();
  const dv = new DataView(out.buffer);
  const nameBytes = strToU8(name);
  for (let i = 0; i + 46 < out.length; i++) {
    if (dv.getUint32(i, true) !== 0x02014b50) continue;
    const len = dv.getUint16(i + 28, true);
    if (len === nameBytes.length && nameBytes.every((b, k) => out[i + 46 + k] === b)) {
      dv.setUint32(i + 24, size, true);
      return out;
    }
  }
  throw new Error(`no central directory entry for ${name}`);
}

/** Where the compressed data of `name` lies in the zip. */
export function compressedRange(zip: Uint8Array, name: string): [number, number] {
  const dv = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const nameBytes = strToU8(name);
  for (let i = 0; i + 30 < zip.length; i++) {
    if (dv.getUint32(i, true) !== 0x04034b50) continue;
    const len = dv.getUint16(i + 26, true);
    if (len === nameBytes.length && nameBytes.every((b, k) => zip[i + 30 + k] === b)) {
      const start = i + 30 + len + dv.getUint16(i + 28, true);
      return [start, start + dv.getUint32(i + 18, true)];
    }
  }
  throw new Error(`no local header for ${name}`);
}
