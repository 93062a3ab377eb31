// Package relationships (.rels) and part-name resolution, as the Open Packaging Conventions define them.
import { XmlCursor } from "./xml-scan";

export interface Relationship {
  readonly id: string;
  /** The last segment of the relationship type URI, e.g. "worksheet", "officeDocument". */
  readonly kind: string;
  readonly target: string;
  readonly external: boolean;
}

export function parseRels(xml: string): Relationship[] {
  const out: Relationship[] = [];
  const cur = new XmlCursor(xml);
  while (cur.next()) {
    if (cur.closing || !cur.is("Relationship")) continue;
    const type = cur.attr("Type") ?? "";
    out.push({
      id: cur.attr("Id") ?? "",
      kind: type.slice(type.lastIndexOf("/") + 1),
      target: cur.attr("Target") ?? "",
      external: (cur.attr("TargetMode") ?? "").toLowerCase() === "external",
    });
  }
  return out;
}

/** "xl/workbook.xml" -> "xl/_rels/workbook.xml.rels"; "" (the package) -> "_rels/.rels". */
export function relsPartFor(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** Resolves a relationship target against the part that holds the relationship; absolute targets start at the root. */
export function resolveTarget(sourcePart: string, target: string): string {
  let t = target.replace(/\\/g, "/");
  const hash = t.indexOf("#");
  if (hash >= 0) t = t.slice(0, hash);
  try {
    t = decodeURIComponent(t);
  } catch {
    // keep as written
  }
  const base = t.startsWith("/") ? [] : sourcePart.split("/").slice(0, -1);
  for (const seg of t.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") base.pop();
    else base.push(seg);
  }
  return base.join("/");
}
