// Package structure beyond one part: which parts hang off a part (so a sheet we
// remove or rewrite takes its printer settings, comments and drawings with it), and calcChain.
import { parseRels, relsPartFor, resolveTarget } from "../xlsx/opc";
import { XmlCursor } from "../xlsx/xml-scan";
import type { ContentTypes } from "./content-types";
import type { PackageEditor } from "./package";

/** Removes the relationships part of `part` and every part only it points at (recursively). */
export function removeRelsOf(pkg: PackageEditor, ct: ContentTypes, part: string): void {
  const relsPath = relsPartFor(part);
  const text = pkg.text(relsPath);
  if (text === undefined) return;
  const targets = parseRels(text).filter((r) => !r.external).map((r) => resolveTarget(part, r.target));
  pkg.remove(relsPath);
  ct.remove(relsPath);
  for (const t of targets) {
    if (!pkg.has(t) || isReferenced(pkg, t)) continue;
    removePart(pkg, ct, t);
  }
}

/** Removes a part, its content-type override and what hangs off it only. */
export function removePart(pkg: PackageEditor, ct: ContentTypes, part: string): void {
  removeRelsOf(pkg, ct, part);
  pkg.remove(part);
  ct.remove(part);
}

/** Whether any remaining relationships part points at `part`. */
function isReferenced(pkg: PackageEditor, part: string): boolean {
  const want = part.toLowerCase();
  for (const name of pkg.names()) {
    if (!name.toLowerCase().endsWith(".rels")) continue;
    const source = sourceOfRels(name);
    const text = pkg.text(name);
    if (text === undefined) continue;
    for (const r of parseRels(text)) if (!r.external && resolveTarget(source, r.target).toLowerCase() === want) return true;
  }
  return false;
}

/** "xl/worksheets/_rels/sheet1.xml.rels" -> "xl/worksheets/sheet1.xml"; "_rels/.rels" -> "". */
export function sourceOfRels(relsPath: string): string {
  const m = /^(.*?)_rels\/([^/]*)\.rels$/i.exec(relsPath);
  return m ? `${m[1]}${m[2]}` : "";
}

/** Whether calcChain lists a cell of one of the sheets (by sheetId; `i` carries over from the previous cell). */
export function calcChainMentions(xml: string, sheetIds: ReadonlySet<number>): boolean {
  if (sheetIds.size === 0) return false;
  const cur = new XmlCursor(xml);
  let i: number | undefined;
  while (cur.next()) {
    if (cur.closing || !cur.is("c")) continue;
    const v = cur.attr("i");
    if (v !== undefined) i = Number(v);
    if (i !== undefined && sheetIds.has(i)) return true;
  }
  return false;
}
