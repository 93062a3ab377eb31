// styles.xml: which cell formats (the s attribute of a cell) show numbers as dates, and which show fixed decimals.
import { builtinDateCode, builtinDecimalCode, fixedDecimals, isBuiltinDateFormat, isDateFormatCode } from "./number-format";
import { XmlCursor } from "./xml-scan";

/** By cellXfs index: `dates[s]` 1 where the format is a date or time; `decimals[s]` the decimals it always shows. */
export interface NumberStyles {
  readonly dates: Uint8Array;
  readonly decimals: Uint8Array;
  /** The date format code of style s where `dates[s]` (a built-in one as Excel's English code: builtinDateCode). */
  dateCode(s: number): string | undefined;
}

export function parseNumberStyles(xml: string): NumberStyles {
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
  const dates = new Uint8Array(xfFormats.length);
  const decimals = new Uint8Array(xfFormats.length);
  for (let i = 0; i < xfFormats.length; i++) {
    const id = xfFormats[i];
    const code = custom.get(id);
    dates[i] = (code !== undefined ? isDateFormatCode(code) : isBuiltinDateFormat(id)) ? 1 : 0;
    const shown = code ?? builtinDecimalCode(id);
    decimals[i] = dates[i] === 0 && shown !== undefined ? Math.min(fixedDecimals(shown), 255) : 0;
  }
  const dateCode = (s: number): string | undefined => {
    if (dates[s] !== 1) return undefined;
    const id = xfFormats[s];
    return custom.get(id) ?? builtinDateCode(id);
  };
  return { dates, decimals, dateCode };
}
