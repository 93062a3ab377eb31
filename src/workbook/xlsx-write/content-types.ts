// [Content_Types].xml: an Override per part we add, none for parts we remove; everything else kept as written.
import { XmlCursor } from "../xlsx/xml-scan";
import { extentAt, rootOf, splice } from "./xml-edit";
import { escapeAttr } from "./xml-escape";

export const CT_WORKSHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
export const CT_STYLES = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";
export const CONTENT_TYPES_PART = "[Content_Types].xml";

export class ContentTypes {
  private readonly removals: Array<{ start: number; end: number; text: string }> = [];
  private readonly additions: string[] = [];
  private readonly overrides = new Map<string, { start: number; end: number; type: string }>();
  private readonly closeAt: number;
  private readonly prefix: string;

  constructor(private readonly xml: string) {
    const root = rootOf(xml);
    this.prefix = root.prefix;
    this.closeAt = root.extent.innerEnd;
    const cur = new XmlCursor(xml, root.extent.innerStart);
    while (cur.next() && cur.tagStart < this.closeAt) {
      if (cur.closing) continue;
      if (cur.is("Override")) {
        const part = (cur.attr("PartName") ?? "").toLowerCase();
        const type = cur.attr("ContentType") ?? "";
        const e = extentAt(cur);
        if (!this.overrides.has(part)) this.overrides.set(part, { start: e.start, end: e.end, type });
      }
    }
  }

  add(part: string, type: string): void {
    const k = `/${part}`.toLowerCase();
    const o = this.overrides.get(k);
    if (o !== undefined && o.type === type) return;
    if (o !== undefined) this.remove(part);
    this.additions.push(`<${this.prefix}Override PartName="${escapeAttr(`/${part}`)}" ContentType="${escapeAttr(type)}"/>`);
  }

  remove(part: string): void {
    const k = `/${part}`.toLowerCase();
    const o = this.overrides.get(k);
    if (o === undefined) return;
    this.removals.push({ start: o.start, end: o.end, text: "" });
    this.overrides.delete(k);
  }

  toString(): string {
    const edits = [...this.removals];
    if (this.additions.length) edits.push({ start: this.closeAt, end: this.closeAt, text: this.additions.join("") });
    return edits.length ? splice(this.xml, edits) : this.xml;
  }
}
