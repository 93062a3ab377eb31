// Small hand-made packages for the structural tests: sheets, defined names, bookViews, styles, extra parts.
import { strToU8, zipSync } from "fflate";

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const CT = "application/vnd.openxmlformats-officedocument.spreadsheetml";

export interface PkgSheet {
  name: string;
  xml?: string;
  state?: "hidden" | "veryHidden";
  /** Extra parts hanging off this sheet: its rels part text and the parts it points at. */
  rels?: string;
}

export interface PkgSpec {
  sheets: PkgSheet[];
  names?: string;
  bookViews?: string;
  styles?: string;
  extra?: Record<string, string>;
  extraTypes?: string;
  workbookRelsExtra?: string;
}

export const sheetXml = (rows = ""): string =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL}"><dimension ref="A1"/><sheetData>${rows}</sheetData></worksheet>`;

export const esc = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");

export function buildPackage(spec: PkgSpec): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  const overrides = spec.sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${CT}.worksheet+xml"/>`).join("");
  const styles = spec.styles === undefined ? "" : `<Override PartName="/xl/styles.xml" ContentType="${CT}.styles+xml"/>`;
  files["[Content_Types].xml"] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="bin" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.printerSettings"/><Override PartName="/xl/workbook.xml" ContentType="${CT}.sheet.main+xml"/>${overrides}${styles}${spec.extraTypes ?? ""}</Types>`);
  files["_rels/.rels"] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  const sheets = spec.sheets.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ""} r:id="rId${i + 1}"/>`).join("");
  files["xl/workbook.xml"] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL}">${spec.bookViews ?? ""}<sheets>${sheets}</sheets>${spec.names ?? ""}<calcPr calcId="191029"/></workbook>`);
  const rels = spec.sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join("");
  const stylesRel = spec.styles === undefined ? "" : `<Relationship Id="rId100" Type="${REL}/styles" Target="styles.xml"/>`;
  files["xl/_rels/workbook.xml.rels"] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}${stylesRel}${spec.workbookRelsExtra ?? ""}</Relationships>`);
  spec.sheets.forEach((s, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(s.xml ?? sheetXml());
    if (s.rels) files[`xl/worksheets/_rels/sheet${i + 1}.xml.rels`] = strToU8(s.rels);
  });
  if (spec.styles !== undefined) files["xl/styles.xml"] = strToU8(spec.styles);
  for (const [k, v] of Object.entries(spec.extra ?? {})) files[k] = strToU8(v);
  return zipSync(files);
}

export const EXCEL_STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="12"/><name val="宋体"/><family val="3"/><charset val="134"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/></styleSheet>`;
