// xl/styles.xml: appends the style kit at the end of fonts, fills, borders, cellXfs and dxfs (counts kept right),
// reuses a kit a previous run appended, and takes it out again on clear, giving back the part as it was.
import { childrenIn, type Extent, rootOf, setAttr, splice, startTagOf } from "./xml-edit";
import { styleKit } from "./styles-kit";
import { XmlCursor } from "../xlsx/xml-scan";

const LISTS = ["fonts", "fills", "borders", "cellXfs", "dxfs"] as const;
type ListName = (typeof LISTS)[number];
/** CT_Stylesheet's children in schema order: a missing list is created before the first later sibling. */
export const STYLESHEET_ORDER = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst"];
/** Entries a list created from nothing starts with (Excel reserves fill 0 and 1, and font/border/xf 0 are defaults). */
const DEFAULTS: Record<ListName, string[]> = {
  fonts: ['<font><sz val="11"/><name val="Calibri"/></font>'],
  fills: ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>'],
  borders: ["<border><left/><right/><top/><bottom/><diagonal/></border>"],
  cellXfs: ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'],
  dxfs: [],
};

export const NEW_STYLES_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

/** Where the kit sits in each list, and how each list looked before (c: absent, e: `<x count="0"/>`, E: `<x/>`). */
export interface KitRecord {
  readonly at: Record<ListName, { start: number; n: number; was: "" | "c" | "e" | "E" }>;
  /** styles.xml itself was created by us. */
  readonly newPart: boolean;
}

export function formatRecord(r: KitRecord): string {
  return `RA1 ${LISTS.map((l) => `${l}=${r.at[l].start}+${r.at[l].n}${r.at[l].was}`).join(" ")}${r.newPart ? " P" : ""}`;
}

export function parseRecord(text: string | undefined): KitRecord | undefined {
  if (text === undefined) return undefined;
  const t = text.trim().replace(/^=/, "").replace(/^"|"$/g, "");
  if (!t.startsWith("RA1 ")) return undefined;
  const at = {} as Record<ListName, { start: number; n: number; was: "" | "c" | "e" | "E" }>;
  for (const l of LISTS) {
    const m = new RegExp(`\\b${l}=(\\d+)\\+(\\d+)([ceE]?)`).exec(t);
    if (!m) return undefined;
    at[l] = { start: Number(m[1]), n: Number(m[2]), was: m[3] as "" | "c" | "e" | "E" };
  }
  return { at, newPart: /\sP$/.test(t) };
}

interface Parsed {
  prefix: string;
  rootInner: Extent;
  lists: Map<string, Extent>;
  children: Map<ListName, Extent[]>;
}

function parse(xml: string): Parsed {
  const root = rootOf(xml);
  const lists = new Map<string, Extent>();
  for (const c of childrenIn(xml, root.extent.innerStart, root.extent.innerEnd)) if (!lists.has(c.name)) lists.set(c.name, c);
  const children = new Map<ListName, Extent[]>();
  for (const l of LISTS) {
    const e = lists.get(l);
    children.set(l, e === undefined ? [] : childrenIn(xml, e.innerStart, e.innerEnd));
  }
  return { prefix: root.prefix, rootInner: root.extent, lists, children };
}

/** The <name>, <family> and <charset> of font 0: the workbook's default face. */
function defaultFace(xml: string, p: Parsed): string {
  const font0 = p.children.get("fonts")?.[0];
  if (font0 === undefined) return '<name val="Calibri"/>';
  const parts = childrenIn(xml, font0.innerStart, font0.innerEnd)
    .filter((c) => c.name === "name" || c.name === "family" || c.name === "charset")
    .map((c) => {
      const cur = new XmlCursor(xml, c.start);
      cur.next();
      return `<${c.name} val="${cur.attr("val") ?? ""}"/>`;
    });
  return parts.some((x) => x.startsWith("<name")) ? parts.join("") : '<name val="Calibri"/>';
}

/** Element strings written for a stylesheet whose root uses a namespace prefix ("x:"). */
const prefixed = (list: readonly string[], prefix: string): string[] =>
  prefix === "" ? [...list] : list.map((s) => s.replace(/<(\/?)(?=[a-zA-Z])/g, `<$1${prefix}`));

function kitFor(xml: string, p: Parsed, at: Record<ListName, { start: number }>): Record<ListName, string[]> {
  const kit = styleKit(defaultFace(xml, p));
  const withPrefix = (list: string[]): string[] => prefixed(list, p.prefix);
  return {
    fonts: withPrefix(kit.fonts),
    fills: withPrefix(kit.fills),
    borders: withPrefix(kit.borders),
    cellXfs: withPrefix(kit.xfs(at.fonts.start, at.fills.start, at.borders.start)),
    dxfs: withPrefix(kit.dxfs),
  };
}

/** Whether the kit the record describes is there, exactly as we wrote it; `tail`: and nothing follows it. */
function kitIntact(xml: string, p: Parsed, r: KitRecord, tail: boolean): boolean {
  const kit = kitFor(xml, p, r.at);
  return LISTS.every((l) => {
    const kids = p.children.get(l)!;
    const { start, n } = r.at[l];
    if (n !== kit[l].length || start + n > kids.length || (tail && start + n !== kids.length)) return false;
    return kit[l].every((s, i) => xml.slice(kids[start + i].start, kids[start + i].end) === s);
  });
}

export interface KitPlace {
  /** Index of the first kit cell format (KIT_STYLES order) and of the first flag dxf (error, warning, info). */
  readonly xf: number;
  readonly dxf: number;
}

/** Ensures the kit is in styles.xml (text undefined: no styles part yet); returns the new text and record. */
export function ensureKit(text: string | undefined, recordText: string | undefined): { xml: string; place: KitPlace; record: string } {
  const xml = text ?? NEW_STYLES_XML;
  const p = parse(xml);
  const old = parseRecord(recordText);
  if (old !== undefined && text !== undefined && kitIntact(xml, p, old, false)) {
    return { xml, place: { xf: old.at.cellXfs.start, dxf: old.at.dxfs.start }, record: formatRecord(old) };
  }
  const at = {} as KitRecord["at"];
  for (const l of LISTS) {
    const e = p.lists.get(l);
    const was = e === undefined ? "c" : !e.selfClosing ? "" : /count\s*=/.test(xml.slice(e.start, e.end)) ? "e" : "E";
    const start = e === undefined ? DEFAULTS[l].length : p.children.get(l)!.length;
    at[l] = { start, n: 0, was };
  }
  const kit = kitFor(xml, p, at);
  const edits: Array<{ start: number; end: number; text: string }> = [];
  const pre = p.prefix;
  for (const l of LISTS) {
    const items = kit[l];
    at[l] = { ...at[l], n: items.length };
    const e = p.lists.get(l);
    if (e === undefined) {
      const all = [...prefixed(DEFAULTS[l], pre), ...items];
      const later = STYLESHEET_ORDER.slice(STYLESHEET_ORDER.indexOf(l) + 1).map((n) => p.lists.get(n)).find((x) => x !== undefined);
      const pos = later?.start ?? p.rootInner.innerEnd;
      edits.push({ start: pos, end: pos, text: `<${pre}${l} count="${all.length}">${all.join("")}</${pre}${l}>` });
    } else if (e.selfClosing) {
      const tag = xml.slice(e.start, e.end);
      const open = setAttr(tag.replace(/\s*\/>$/, ">"), "count", String(countOf(tag) + items.length));
      edits.push({ start: e.start, end: e.end, text: `${open}${items.join("")}</${pre}${l}>` });
    } else {
      edits.push({ start: e.innerEnd, end: e.innerEnd, text: items.join("") });
      const tag = startTagOf(xml.slice(e.start, e.innerStart));
      if (/\scount\s*=/.test(tag)) edits.push({ start: e.start, end: e.innerStart, text: setAttr(tag, "count", String(countOf(tag) + items.length)) });
    }
  }
  const record: KitRecord = { at, newPart: text === undefined };
  return { xml: splice(xml, edits), place: { xf: at.cellXfs.start, dxf: at.dxfs.start }, record: formatRecord(record) };
}

function countOf(tag: string): number {
  const m = /\scount\s*=\s*["'](\d+)["']/.exec(tag);
  return m ? Number(m[1]) : 0;
}

/** Index ranges the kit occupies (for the check that nothing else uses them before removal). */
export function kitRanges(recordText: string | undefined): { xf: [number, number]; dxf: [number, number] } | undefined {
  const r = parseRecord(recordText);
  return r && { xf: [r.at.cellXfs.start, r.at.cellXfs.start + r.at.cellXfs.n], dxf: [r.at.dxfs.start, r.at.dxfs.start + r.at.dxfs.n] };
}

/**
 * Takes the kit out when it is intact and last in every list: the text as it was before the kit went in
 * ("delete" when we created styles.xml); undefined when it cannot be taken out safely (then it stays, unused).
 */
export function removeKit(xml: string, recordText: string | undefined): string | "delete" | undefined {
  const r = parseRecord(recordText);
  if (r === undefined) return undefined;
  const p = parse(xml);
  if (!kitIntact(xml, p, r, true)) return undefined;
  if (r.newPart) return "delete";
  const edits: Array<{ start: number; end: number; text: string }> = [];
  const pre = p.prefix;
  for (const l of LISTS) {
    const e = p.lists.get(l)!;
    const { start, n, was } = r.at[l];
    const kids = p.children.get(l)!;
    if (was === "c") edits.push({ start: e.start, end: e.end, text: "" });
    else if (was === "e" || was === "E") {
      if (start !== 0) return undefined;
      edits.push({ start: e.start, end: e.end, text: was === "e" ? `<${pre}${l} count="0"/>` : `<${pre}${l}/>` });
    } else if (n > 0) {
      edits.push({ start: kids[start].start, end: kids[start + n - 1].end, text: "" });
      const tag = startTagOf(xml.slice(e.start, e.innerStart));
      if (/\scount\s*=/.test(tag)) edits.push({ start: e.start, end: e.innerStart, text: setAttr(tag, "count", String(Math.max(0, countOf(tag) - n))) });
    }
  }
  return splice(xml, edits);
}
