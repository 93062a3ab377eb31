// styles.xml: which cell formats (the s attribute of a cell) show numbers as dates.
import { isBuiltinDateFormat, isDateFormatCode } from "./number-format";
import { XmlCursor } from "./xml-scan";

/** dateXf[s] === 1 when cellXfs[s] has a date or time number format. */
export type DateStyleTable = Uint8Array;

export function parseDateStyles(xml: string): DateStyleTable {
  const custom = new Map<number, string>();
  const xfFormats: number[] = [];
  const cur = new XmlCursor(xml);
  let inCellXfs = false;
  while (cur.next()) {
    if (cur.is("numFmt") && !cur.closing) {
      const id = Number(cur.attr("numFmtId"));
      if (Number.isInteger(id)) custom.set(id, cur.attr("formatCode") ?? "");
    } else if (cur.is("cellXfs")) {
      inCellXfs = !cur.closing && !cur.selfClosing;
    } else if (inCellXfs && cur.is("xf") && !cur.closing) {
      const id = Number(cur.attr("numFmtId") ?? 0);
      xfFormats.push(Number.isInteger(id) ? id : 0);
      cur.skipElement();
    } else if (!cur.closing && (cur.is("cellStyleXfs") || cur.is("dxfs") || cur.is("fonts") || cur.is("fills") || cur.is("borders"))) {
      cur.skipElement();
    }
  }
  const table = new Uint8Array(xfFormats.length);
  for (let i = 0; i < xfFormats.length; i++) {
    const id = xfFormats[i];
    const code = custom.get(id);
    table[i] = (code !== undefined ? isDateFormatCode(code) : isBuiltinDateFormat(id)) ? 1 : 0;
  }
  return table;
}
