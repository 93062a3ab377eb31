// xl/styles.xml for date cells a fix writes (plan/date-writes.ts): the style of a date written into a cell is the
// cell's own cell format (font, fill, border, alignment, protection kept) with the column's date number format: an
// existing cellXfs entry that is exactly that, else one added at the end of cellXfs; the number format is found by
// its code among the workbook's own (numFmts), else among the built-in ones, else added to numFmts.
import { builtinDateId } from "../xlsx/number-format";
import { attrOf, childrenIn, type Extent, rootOf, setAttr, splice, startTagOf } from "./xml-edit";
import { STYLESHEET_ORDER } from "./styles-patch";
import { escapeAttr } from "./xml-escape";

/** What follows numFmts in CT_Stylesheet (numFmts, when created, goes before the first of these present). */
const AFTER_NUMFMTS = STYLESHEET_ORDER.slice(STYLESHEET_ORDER.indexOf("numFmts") + 1);
/** Custom number format ids start here (0-163 are Excel's built-in ones). */
const FIRST_CUSTOM = 164;
/** Attributes that say nothing of how a cell looks apart from its number: left out when formats are compared. */
const IGNORED = new Set(["numFmtId", "applyNumberFormat", "quotePrefix"]);

const ATTR = /([A-Za-z_][\w.:-]*)\s*=\s*("[^"]*"|'[^']*')/g;

/** An xf's look apart from its number format: its other attributes (sorted) and its children, as text. */
function lookOf(raw: string): string {
  const tag = startTagOf(raw);
  const attrs: string[] = [];
  for (const m of tag.matchAll(ATTR)) if (!IGNORED.has(m[1])) attrs.push(`${m[1]}=${m[2].slice(1, -1)}`);
  return `${attrs.sort().join(" ")}|${raw.slice(tag.length).replace(/<\/[^>]*>\s*$/, "")}`;
}

export class DateStyles {
  private readonly xml: string;
  private readonly prefix: string;
  private readonly lists = new Map<string, Extent>();
  private readonly xfs: Extent[];
  /** By look, then number format id: the first xf that has them (xfs in `skip` left out). */
  private readonly byLook = new Map<string, Map<number, number>>();
  private readonly formatIds = new Map<string, number>();
  private nextFormatId: number;
  private readonly addedFormats: string[] = [];
  private readonly addedXfs: string[] = [];
  private readonly made = new Map<string, string>();

  /** `skip`: cellXfs indexes [from, to) not to reuse (the style kit's, whose removal checks nothing uses them). */
  constructor(xml: string, skip?: readonly [number, number]) {
    this.xml = xml;
    const root = rootOf(xml);
    this.prefix = root.prefix;
    for (const c of childrenIn(xml, root.extent.innerStart, root.extent.innerEnd)) if (!this.lists.has(c.name)) this.lists.set(c.name, c);
    const cellXfs = this.lists.get("cellXfs");
    this.xfs = cellXfs === undefined ? [] : childrenIn(xml, cellXfs.innerStart, cellXfs.innerEnd);
    let maxId = FIRST_CUSTOM - 1;
    const numFmts = this.lists.get("numFmts");
    for (const f of numFmts === undefined ? [] : childrenIn(xml, numFmts.innerStart, numFmts.innerEnd)) {
      const raw = xml.slice(f.start, f.end);
      const id = Number(attrOf(raw, "numFmtId"));
      const code = attrOf(raw, "formatCode");
      if (!Number.isInteger(id)) continue;
      maxId = Math.max(maxId, id);
      if (code !== undefined && !this.formatIds.has(code)) this.formatIds.set(code, id);
    }
    this.nextFormatId = maxId + 1;
    this.xfs.forEach((x, i) => {
      if (skip !== undefined && i >= skip[0] && i < skip[1]) return;
      const raw = xml.slice(x.start, x.end);
      const look = lookOf(raw);
      const id = Number(attrOf(raw, "numFmtId") ?? 0);
      let ids = this.byLook.get(look);
      if (ids === undefined) this.byLook.set(look, (ids = new Map()));
      if (!ids.has(id)) ids.set(id, i);
    });
  }

  /** Whether any style was added (else the part stays as it was). */
  get changed(): boolean {
    return this.addedXfs.length > 0;
  }

  /** The cellXfs index (as text) for a date in `format` written into a cell of style `s` (undefined: 0). */
  styleFor(s: string | undefined, format: string): string {
    const key = `${s ?? ""}\u0000${format}`;
    const had = this.made.get(key);
    if (had !== undefined) return had;
    const n = s === undefined ? 0 : Number(s);
    const own = Number.isInteger(n) && n >= 0 && n < this.xfs.length ? this.xfs[n] : this.xfs[0];
    const raw = own === undefined ? "" : this.xml.slice(own.start, own.end);
    const id = this.formatId(format);
    const look = raw === "" ? "" : lookOf(raw);
    let index = this.byLook.get(look)?.get(id);
    if (index === undefined) {
      let xf = raw === "" ? `<${this.prefix}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>` : raw;
      xf = setAttr(setAttr(xf, "numFmtId", String(id)), "applyNumberFormat", "1");
      xf = xf.replace(/\squotePrefix\s*=\s*("[^"]*"|'[^']*')/, "");
      index = this.xfs.length + this.addedXfs.length;
      this.addedXfs.push(xf);
      let ids = this.byLook.get(look);
      if (ids === undefined) this.byLook.set(look, (ids = new Map()));
      ids.set(id, index);
    }
    const out = String(index);
    this.made.set(key, out);
    return out;
  }

  private formatId(code: string): number {
    const own = this.formatIds.get(code);
    if (own !== undefined) return own;
    const builtin = builtinDateId(code);
    if (builtin !== undefined) return builtin;
    const id = this.nextFormatId++;
    this.formatIds.set(code, id);
    this.addedFormats.push(`<${this.prefix}numFmt numFmtId="${id}" formatCode="${escapeAttr(code)}"/>`);
    return id;
  }

  /** styles.xml with the number formats and cell formats added (their lists' counts kept right). */
  text(): string {
    if (this.addedXfs.length === 0) return this.xml;
    const edits: Array<{ start: number; end: number; text: string }> = [];
    const p = this.prefix;
    const append = (name: string, items: readonly string[], before: readonly string[]): void => {
      if (items.length === 0) return;
      const e = this.lists.get(name);
      if (e === undefined) {
        const later = before.map((n) => this.lists.get(n)).find((x) => x !== undefined);
        const root = rootOf(this.xml).extent;
        const pos = later?.start ?? root.innerEnd;
        edits.push({ start: pos, end: pos, text: `<${p}${name} count="${items.length}">${items.join("")}</${p}${name}>` });
        return;
      }
      const tag = startTagOf(this.xml.slice(e.start, e.end));
      const count = String(childrenIn(this.xml, e.innerStart, e.innerEnd).length + items.length);
      if (e.selfClosing) {
        edits.push({ start: e.start, end: e.end, text: `${setAttr(tag.replace(/\s*\/>$/, ">"), "count", count)}${items.join("")}</${p}${name}>` });
        return;
      }
      edits.push({ start: e.innerEnd, end: e.innerEnd, text: items.join("") });
      if (/\scount\s*=/.test(tag)) edits.push({ start: e.start, end: e.innerStart, text: setAttr(tag, "count", count) });
    };
    append("numFmts", this.addedFormats, AFTER_NUMFMTS);
    append("cellXfs", this.addedXfs, AFTER_NUMFMTS.slice(AFTER_NUMFMTS.indexOf("cellXfs") + 1));
    return splice(this.xml, edits);
  }
}
