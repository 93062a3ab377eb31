// Relationship parts (.rels): add and remove relationships, keeping every other byte as written.
import { resolveTarget } from "../xlsx/opc";
import { XmlCursor } from "../xlsx/xml-scan";
import { extentAt, rootOf, splice } from "./xml-edit";
import { escapeAttr } from "./xml-escape";

export const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
export const REL_WORKSHEET = `${REL_NS}/worksheet`;
export const REL_STYLES = `${REL_NS}/styles`;

export interface Rel {
  readonly id: string;
  readonly type: string;
  readonly target: string;
  readonly external: boolean;
}

const EMPTY = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';

export class RelsDoc {
  readonly rels: Rel[] = [];
  private readonly at = new Map<string, { start: number; end: number }>();
  private readonly removals: Array<{ start: number; end: number; text: string }> = [];
  private readonly additions: string[] = [];
  private readonly closeAt: number;
  private readonly prefix: string;
  private readonly xml: string;

  /** `source` is the part the relationships belong to ("xl/workbook.xml"); text undefined for a new .rels part. */
  constructor(
    readonly source: string,
    text: string | undefined,
  ) {
    this.xml = text ?? EMPTY;
    const root = rootOf(this.xml);
    this.prefix = root.prefix;
    this.closeAt = root.extent.innerEnd;
    const cur = new XmlCursor(this.xml, root.extent.innerStart);
    while (cur.next() && cur.tagStart < this.closeAt) {
      if (cur.closing || !cur.is("Relationship")) continue;
      const rel: Rel = {
        id: cur.attr("Id") ?? "",
        type: cur.attr("Type") ?? "",
        target: cur.attr("Target") ?? "",
        external: (cur.attr("TargetMode") ?? "").toLowerCase() === "external",
      };
      const e = extentAt(cur);
      this.rels.push(rel);
      this.at.set(rel.id, { start: e.start, end: e.end });
    }
  }

  get changed(): boolean {
    return this.removals.length > 0 || this.additions.length > 0;
  }

  byId(id: string): Rel | undefined {
    return this.rels.find((r) => r.id === id);
  }

  /** The part a relationship points at, resolved against the source part; undefined for external targets. */
  partOf(rel: Rel): string | undefined {
    return rel.external ? undefined : resolveTarget(this.source, rel.target);
  }

  /** Adds a relationship to `part` (a package path); returns its new Id. */
  add(type: string, part: string): string {
    const used = new Set(this.rels.map((r) => r.id));
    let n = 1;
    for (const r of this.rels) {
      const m = /^rId(\d+)$/.exec(r.id);
      if (m) n = Math.max(n, Number(m[1]) + 1);
    }
    while (used.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    const target = relativeTarget(this.source, part);
    this.rels.push({ id, type, target, external: false });
    this.additions.push(`<${this.prefix}Relationship Id="${id}" Type="${escapeAttr(type)}" Target="${escapeAttr(target)}"/>`);
    return id;
  }

  remove(id: string): void {
    const i = this.rels.findIndex((r) => r.id === id);
    if (i < 0) return;
    this.rels.splice(i, 1);
    const at = this.at.get(id);
    if (at !== undefined) this.removals.push({ ...at, text: "" });
  }

  toString(): string {
    const edits = [...this.removals];
    if (this.additions.length) edits.push({ start: this.closeAt, end: this.closeAt, text: this.additions.join("") });
    return edits.length ? splice(this.xml, edits) : this.xml;
  }
}

/** A target for `part` relative to the folder of `source` ("xl/workbook.xml", "xl/worksheets/sheet9.xml" -> "worksheets/sheet9.xml"). */
export function relativeTarget(source: string, part: string): string {
  const from = source.split("/").slice(0, -1);
  const to = part.split("/");
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  const up = from.length - i;
  const t = [...Array<string>(up).fill(".."), ...to.slice(i)].join("/");
  return encodeURI(t).replace(/#/g, "%23");
}
