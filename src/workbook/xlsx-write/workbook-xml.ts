// xl/workbook.xml as a list of <sheet> and <definedName> elements between untouched text: sheets are renamed,
// removed and appended, names replaced and renumbered, bookViews' tab indexes kept pointing at the same sheets.
import { decodeEntities } from "../xlsx/xml-text";
import { attrOf, childrenIn, type Extent, prefixFor, rootOf, setAttr, splice, startTagOf } from "./xml-edit";
import { escapeAttr, escapeFormula } from "./xml-escape";
import { REL_NS } from "./rels";

export interface SheetEl {
  name: string;
  readonly sheetId: number;
  readonly rId: string;
  state: "visible" | "hidden" | "veryHidden";
  /** The element as written (kept unless renamed or its state changes). */
  raw: string;
  /** Index in the input's <sheets>, or -1 for a sheet we add. */
  readonly origIndex: number;
}

export interface NameEl {
  readonly name: string;
  localSheetId: number | undefined;
  /** Formula text, entities decoded. */
  readonly formula: string;
  raw: string;
}

export class WorkbookXml {
  readonly sheets: SheetEl[] = [];
  names: NameEl[] = [];
  private readonly sheetsExtent: Extent;
  private readonly namesExtent: Extent | undefined;
  private readonly namesInsertAt: number;
  private readonly views: Array<{ start: number; end: number; raw: string }> = [];
  private readonly prefix: string;
  private readonly relPrefix: string | undefined;
  private readonly origNames: string;
  private readonly origSheets: string;

  constructor(private readonly xml: string) {
    const root = rootOf(xml);
    this.prefix = root.prefix;
    this.relPrefix = prefixFor(startTagOf(xml.slice(root.extent.start)), REL_NS);
    let sheets: Extent | undefined;
    let names: Extent | undefined;
    let insertAt = -1;
    for (const child of childrenIn(xml, root.extent.innerStart, root.extent.innerEnd)) {
      if (child.name === "sheets") sheets = child;
      else if (child.name === "definedNames") names = child;
      else if (child.name === "bookViews") {
        for (const v of childrenIn(xml, child.innerStart, child.innerEnd)) {
          if (v.name === "workbookView") this.views.push({ start: v.start, end: v.end, raw: xml.slice(v.start, v.end) });
        }
      }
      if (child.name === "sheets" || child.name === "functionGroups" || child.name === "externalReferences") insertAt = child.end;
    }
    if (sheets === undefined) throw new Error("workbook.xml has no <sheets>");
    this.sheetsExtent = sheets;
    this.namesExtent = names;
    this.namesInsertAt = insertAt;
    childrenIn(xml, sheets.innerStart, sheets.innerEnd).forEach((e, i) => {
      if (e.name !== "sheet") return;
      const raw = xml.slice(e.start, e.end);
      const state = attrOf(raw, "state");
      this.sheets.push({
        name: attrOf(raw, "name") ?? "",
        sheetId: Number(attrOf(raw, "sheetId") ?? 0),
        rId: attrOf(raw, "id") ?? "",
        state: state === "hidden" || state === "veryHidden" ? state : "visible",
        raw,
        origIndex: i,
      });
    });
    if (names !== undefined) {
      for (const e of childrenIn(xml, names.innerStart, names.innerEnd)) {
        if (e.name !== "definedName") continue;
        const raw = xml.slice(e.start, e.end);
        const local = attrOf(raw, "localSheetId");
        this.names.push({
          name: attrOf(raw, "name") ?? "",
          localSheetId: local === undefined ? undefined : Number(local),
          formula: decodeEntities(xml.slice(e.innerStart, e.innerEnd)),
          raw,
        });
      }
    }
    this.origNames = this.names.map((n) => n.raw).join("");
    this.origSheets = this.sheets.map((s) => s.raw).join("");
  }

  /** A new <sheet> element. */
  sheetElement(name: string, sheetId: number, rId: string, state?: "hidden" | "veryHidden"): string {
    const r = this.relPrefix === undefined ? `r:id="${rId}" xmlns:r="${REL_NS}"` : `${this.relPrefix}:id="${rId}"`;
    return `<${this.prefix}sheet name="${escapeAttr(name)}" sheetId="${sheetId}"${state ? ` state="${state}"` : ""} ${r}/>`;
  }

  /** A new <definedName> element. */
  nameElement(name: string, formula: string, opts: { localSheetId?: number; hidden?: boolean } = {}): NameEl {
    const local = opts.localSheetId === undefined ? "" : ` localSheetId="${opts.localSheetId}"`;
    const raw = `<${this.prefix}definedName name="${escapeAttr(name)}"${local}${opts.hidden ? ' hidden="1"' : ""}>${escapeFormula(formula)}</${this.prefix}definedName>`;
    return { name, localSheetId: opts.localSheetId, formula, raw };
  }

  rename(s: SheetEl, name: string): void {
    if (s.name === name) return;
    s.name = name;
    s.raw = setAttr(s.raw, "name", name);
  }

  setState(s: SheetEl, state: "visible" | "hidden" | "veryHidden"): void {
    if (s.state === state) return;
    s.state = state;
    s.raw = setAttr(s.raw, "state", state);
  }

  /**
   * The text with the current sheets and names. `indexMap[old]` is the new index of the input's sheet `old`
   * (-1 where removed): bookViews' activeTab and firstSheet follow their sheets.
   */
  toString(indexMap: readonly number[]): string {
    const edits: Array<{ start: number; end: number; text: string }> = [];
    const sheetsText = this.sheets.map((s) => s.raw).join("");
    if (sheetsText !== this.origSheets) edits.push({ start: this.sheetsExtent.innerStart, end: this.sheetsExtent.innerEnd, text: sheetsText });
    const namesText = this.names.map((n) => n.raw).join("");
    if (namesText !== this.origNames) {
      const p = this.prefix;
      const el = namesText === "" ? "" : `<${p}definedNames>${namesText}</${p}definedNames>`;
      if (this.namesExtent !== undefined) edits.push({ start: this.namesExtent.start, end: this.namesExtent.end, text: el });
      else edits.push({ start: this.namesInsertAt, end: this.namesInsertAt, text: el });
    }
    const visible = (newIndex: number): boolean => this.sheets[newIndex]?.state === "visible";
    for (const v of this.views) {
      let raw = v.raw;
      for (const attr of ["activeTab", "firstSheet"]) {
        const val = attrOf(raw, attr);
        if (val === undefined) continue;
        const old = Number(val);
        let next = old < indexMap.length ? indexMap[old] : old;
        if (next === -1) {
          // the sheet it pointed at is gone: the nearest visible sheet before it, else after it, else the first
          next = 0;
          for (let k = old - 1; k >= 0; k--) if (indexMap[k] >= 0 && visible(indexMap[k])) { next = indexMap[k]; break; }
          if (next === 0 && !visible(0)) for (let i = 0; i < this.sheets.length; i++) if (visible(i)) { next = i; break; }
        }
        if (next !== old) raw = setAttr(raw, attr, String(next));
      }
      if (raw !== v.raw) edits.push({ start: v.start, end: v.end, text: raw });
    }
    return edits.length ? splice(this.xml, edits) : this.xml;
  }
}
