// The product's style kit: the fonts, fills, borders, cell formats (one per CellStyle) and the three flag dxfs
// appended to a workbook's styles.xml, always as one set so a re-run can find and reuse it.
import type { CellStyle } from "../../plan/write-plan";

export const KIT_STYLES: readonly CellStyle[] = [
  "title", "subtitle", "header", "text", "number", "total", "totalNumber", "link", "error", "warning", "info", "note", "date", "wrap",
];

/** Fill colours of the severities (flags and the issues sheet's severity cells) and their dark text colours. */
export const SEVERITY = {
  error: { fill: "FFFFC7CE", font: "FF9C0006" },
  warning: { fill: "FFFFEB9C", font: "FF9C5700" },
  info: { fill: "FFDDEBF7", font: "FF1F4E78" },
} as const;

export interface StyleKit {
  readonly fonts: string[];
  readonly fills: string[];
  readonly borders: string[];
  /** Cell formats whose fontId/fillId/borderId are relative to the kit's first font/fill/border. */
  readonly xfs: (fontBase: number, fillBase: number, borderBase: number) => string[];
  readonly dxfs: string[];
}

/** `face` is the <name>/<family>/<charset> of the workbook's default font, so product sheets use the same face. */
export function styleKit(face: string): StyleKit {
  const font = (inner: string, sz: number, rgb?: string): string =>
    `<font>${inner}<sz val="${sz}"/>${rgb ? `<color rgb="${rgb}"/>` : ""}${face}</font>`;
  const fonts = [
    font("", 11), // 0 body
    font("<b/>", 16), // 1 title
    font("<b/>", 11), // 2 bold
    font("<u/>", 11, "FF0563C1"), // 3 link
    font("", 9, "FF808080"), // 4 note
    font("", 11, SEVERITY.error.font), // 5 error
    font("", 11, SEVERITY.warning.font), // 6 warning
    font("", 11, SEVERITY.info.font), // 7 info
  ];
  const solid = (rgb: string): string => `<fill><patternFill patternType="solid"><fgColor rgb="${rgb}"/><bgColor indexed="64"/></patternFill></fill>`;
  const fills = [solid("FFD9E1F2"), solid(SEVERITY.error.fill), solid(SEVERITY.warning.fill), solid(SEVERITY.info.fill)];
  const side = (n: string): string => `<${n} style="thin"><color indexed="64"/></${n}>`;
  const borders = [`<border>${side("left")}${side("right")}${side("top")}${side("bottom")}<diagonal/></border>`];
  // [font, fill (-1 none), border (-1 none), numFmtId, alignment]
  const spec: Record<CellStyle, [number, number, number, number, string]> = {
    title: [1, -1, -1, 0, '<alignment horizontal="center" vertical="center"/>'],
    subtitle: [0, -1, -1, 0, '<alignment vertical="center"/>'],
    header: [2, 0, 0, 0, '<alignment horizontal="center" vertical="center" wrapText="1"/>'],
    text: [0, -1, 0, 0, '<alignment vertical="center"/>'],
    number: [0, -1, 0, 1, '<alignment vertical="center"/>'],
    total: [2, -1, 0, 0, '<alignment vertical="center"/>'],
    totalNumber: [2, -1, 0, 1, '<alignment vertical="center"/>'],
    link: [3, -1, 0, 0, '<alignment vertical="center"/>'],
    error: [5, 1, 0, 0, '<alignment horizontal="center" vertical="center"/>'],
    warning: [6, 2, 0, 0, '<alignment horizontal="center" vertical="center"/>'],
    info: [7, 3, 0, 0, '<alignment horizontal="center" vertical="center"/>'],
    note: [4, -1, -1, 0, '<alignment vertical="center"/>'],
    date: [0, -1, 0, 49, '<alignment vertical="center"/>'],
    wrap: [0, -1, 0, 0, '<alignment vertical="top" wrapText="1"/>'],
  };
  const xfs = (fontBase: number, fillBase: number, borderBase: number): string[] =>
    KIT_STYLES.map((st) => {
      const [f, fill, b, fmt, align] = spec[st];
      const applies = [fmt ? ' applyNumberFormat="1"' : "", ' applyFont="1"', fill >= 0 ? ' applyFill="1"' : "", b >= 0 ? ' applyBorder="1"' : "", ' applyAlignment="1"'].join("");
      return `<xf numFmtId="${fmt}" fontId="${fontBase + f}" fillId="${fill >= 0 ? fillBase + fill : 0}" borderId="${b >= 0 ? borderBase + b : 0}" xfId="0"${applies}>${align}</xf>`;
    });
  const dxf = (s: { fill: string; font: string }): string =>
    `<dxf><font><color rgb="${s.font}"/></font><fill><patternFill><bgColor rgb="${s.fill}"/></patternFill></fill></dxf>`;
  const dxfs = [dxf(SEVERITY.error), dxf(SEVERITY.warning), dxf(SEVERITY.info)];
  return { fonts, fills, borders, xfs, dxfs };
}

/** Index of a CellStyle within the kit's cell formats. */
export function kitIndex(style: CellStyle): number {
  return KIT_STYLES.indexOf(style);
}
